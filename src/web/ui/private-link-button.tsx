// The page a private link opens (confirm, withdraw, unsubscribe): what the link does and one
// button that POSTs. Mail scanners open every link they see, so a GET only ever shows this page
// and the POST from its button is what acts.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../env';
import { SavedNotice } from './saved-notice';

/** What a private link's page says, and the one button it shows (none once the link has acted). */
export interface PrivateLinkPageProps {
  title: string;
  body: string;
  /** A status line above the title ("Saved"). */
  notice?: string | null;
  button?: { action: string; label: string; secondary?: boolean };
  /** Links below the button (the manage page, back to the letter). */
  links?: { url: string; label: string }[];
  /** Shown as a card (an `<article>`), as advocacy days show their messages. */
  card?: boolean;
}

/** A private link's page: an explanation and one button that posts. */
export function PrivateLinkButtonPage(props: PrivateLinkPageProps): Child {
  const content = (
    <>
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.button ? (
        <form method="post" action={props.button.action}>
          <button type="submit" class={props.button.secondary ? 'secondary' : undefined}>
            {props.button.label}
          </button>
        </form>
      ) : null}
      {(props.links ?? []).map((link) => (
        <p>
          <a href={link.url}>{link.label}</a>
        </p>
      ))}
    </>
  );
  return props.card ? <article>{content}</article> : <section>{content}</section>;
}

/**
 * Renders a private link's page: marked private (no-store, no-referrer) and kept out of search
 * engines, titled as its heading.
 */
export function renderPrivateLinkPage(
  c: Context<AppEnv>,
  props: PrivateLinkPageProps,
): Response | Promise<Response> {
  c.set('privateLink', true);
  return c.render(<PrivateLinkButtonPage {...props} />, { title: props.title, noindex: true });
}
