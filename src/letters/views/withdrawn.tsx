import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { Letter } from '../schema';
import { letterText } from '../status';
import { LetterNoticePage } from './public';

/** After withdrawing: the name is gone, and a way back to the letter. */
export function WithdrawnPage(props: { letter: Letter }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <LetterNoticePage letter={props.letter} title={t('letters.withdrawnTitle')}>
      <p>{t('letters.withdrawnBody', { title: letterText(props.letter, lang).title })}</p>
    </LetterNoticePage>
  );
}
