import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { Letter } from '../schema';
import { letterText } from '../status';
import { letterPath } from './public';

/** The page after signing: the same words whether the address is new, known, or a bot's. */
export function CheckEmailPage(props: { letter: Letter }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <section>
      <h1>{t('letters.checkEmailTitle')}</h1>
      <p>{t('letters.checkEmailBody', { title: letterText(props.letter, lang).title })}</p>
      <p>{t('letters.checkEmailAgain')}</p>
      <p>
        <a href={letterPath(props.letter)}>{t('letters.backToLetter')}</a>
      </p>
    </section>
  );
}
