import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { FormState } from '../../web/form';
import type { Letter } from '../schema';
import { letterText, type SigningState } from '../status';
import { SignOrClosed } from './signature-form';
import { letterPath, signedCount } from './public';

/** The minimal form for other sites' iframes. */
export function EmbedPage(
  props: FormState & {
    letter: Letter;
    count: number;
    state: SigningState;
  },
): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const text = letterText(props.letter, lang);
  return (
    <section class="letter-embed">
      <h1>
        <a href={letterPath(props.letter)} target="_blank" rel="noopener">
          {text.title}
        </a>
      </h1>
      <p>{signedCount(t, lang, props.count)}</p>
      <SignOrClosed {...props} action={letterPath(props.letter, '/embed')} />
    </section>
  );
}
