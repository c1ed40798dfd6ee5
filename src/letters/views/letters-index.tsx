import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { Letter } from '../schema';
import { letterText, type SigningState } from '../status';
import { letterPath } from './public';

/** The list of public letters at /letters. */
export function LettersIndex(props: { letters: { letter: Letter; state: SigningState }[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <hgroup>
        <h1>{t('letters.indexTitle')}</h1>
        <p>{t('letters.indexIntro')}</p>
      </hgroup>
      {props.letters.length === 0 ? <p>{t('letters.noneOpen')}</p> : null}
      <ul class="action-list">
        {props.letters.map(({ letter, state }) => (
          <li>
            <a href={letterPath(letter)}>{letterText(letter, lang).title}</a>{' '}
            {state === 'open' ? null : <span class="badge">{t('letters.closedBadge')}</span>}
            {letter.isDemo ? <span class="demo-label"> · {t('common.demo')}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
