import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { type ErrorCode, codeToStatus, errorPageMessages } from './errors';
import type { OpenAction } from './open-actions';

/** Renders the error page for a code, in the person's language, with the right status. */
export function renderErrorPage(c: Context<AppEnv>, code: ErrorCode, retryAfterSeconds?: number) {
  const { t } = c.var;
  const { title, body } = errorPageMessages(code);
  c.status(codeToStatus(code));
  if (retryAfterSeconds) c.header('Retry-After', String(retryAfterSeconds));
  return c.render(
    <section class="error-page">
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <p>
        <a href="/">{t('common.backHome')}</a>
      </p>
    </section>,
    { title: t(title), noindex: true },
  );
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
