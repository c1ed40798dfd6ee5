import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { type ErrorCode, codeToStatus, errorPageMessages } from '../lib/errors';
import type { OpenAction } from './open-actions';

/** Renders the error page for a code, in the person's language, with the right status. */
export function renderErrorPage(
  c: Context<AppEnv>,
  code: ErrorCode,
  retryAfterSeconds?: number,
  submitted: string[] = [],
) {
  const { t } = c.var;
  const { title, body } = errorPageMessages(code);
  c.status(codeToStatus(code));
  if (retryAfterSeconds) c.header('Retry-After', String(retryAfterSeconds));
  // The person's own words are personal data: not cached, not sent on as a referrer.
  if (submitted.length > 0) c.set('privateLink', true);
  return c.render(
    <section class="error-page">
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      {submitted.length > 0 ? (
        <section aria-labelledby="your-text">
          <h2 id="your-text">{t('error.yourTextTitle')}</h2>
          <p id="your-text-help">{t('error.yourTextBody')}</p>
          <textarea
            readonly
            rows={Math.min(12, submitted.length + 1)}
            aria-labelledby="your-text"
            aria-describedby="your-text-help"
          >
            {submitted.join('\n')}
          </textarea>
        </section>
      ) : null}
      <p>
        <a href="/">{t('common.backHome')}</a>
      </p>
    </section>,
    { title: t(title), noindex: true },
  );
}

/** Form fields never shown back: the honeypot, the bot check's token, navigation fields. */
const NOT_SHOWN_BACK = /^(website|cf-turnstile-response|lang|back)$/;

/**
 * The text a person sent in a form (already parsed and cached by the app), for the "try again"
 * page: what they typed, without checkbox marks, empty fields or hidden fields.
 */
export async function submittedText(c: Context<AppEnv>): Promise<string[]> {
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(c.req.header('content-type') ?? ''))
    return [];
  try {
    const values: string[] = [];
    for (const [name, value] of await c.req.formData()) {
      if (typeof value === 'string' && value.trim() && value !== 'on' && !NOT_SHOWN_BACK.test(name))
        values.push(value);
    }
    return values;
  } catch {
    return [];
  }
}

/** A list of open actions (home page, thank-you pages). */
export function OpenActionList(props: { actions: OpenAction[]; headingLevel?: 'h2' | 'h3' }) {
  return (
    <ul class="action-list">
      {props.actions.map((action) => (
        <li>
          <a href={action.url}>{action.title}</a>
          {action.summary ? <p>{action.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}
