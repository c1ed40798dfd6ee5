import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { Letter } from '../schema';
import { letterText } from '../status';
import { LetterNoticePage } from './public';

/** The page after signing: the same words whether the address is new, known, or a bot's. */
export function CheckEmailPage(props: { letter: Letter }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <LetterNoticePage letter={props.letter} title={t('letters.checkEmailTitle')}>
      <p>{t('letters.checkEmailBody', { title: letterText(props.letter, lang).title })}</p>
      <p>{t('letters.checkEmailAgain')}</p>
    </LetterNoticePage>
  );
}
