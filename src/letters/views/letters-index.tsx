import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../web/ui/demo-label';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { ActionListPage } from '../../web/ui/item-list';
import type { Letter } from '../schema';
import { letterText, type SigningState } from '../status';
import { letterPath } from './public';

/** The list of public letters at /letters. */
export function LettersIndex(props: { letters: { letter: Letter; state: SigningState }[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <ActionListPage
      title={t('letters.indexTitle')}
      intro={t('letters.indexIntro')}
      none={t('letters.noneOpen')}
      items={props.letters}
      item={({ letter, state }) => (
        <>
          <a href={letterPath(letter)}>{letterText(letter, lang).title}</a>{' '}
          {state === 'open' ? null : <span class="badge">{t('letters.closedBadge')}</span>}
          <DemoLabel of={letter} inline />
        </>
      )}
    />
  );
}
