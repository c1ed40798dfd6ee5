import type { Child } from 'hono/jsx';

/**
 * The banner a page shows after a post-redirect-get ("Saved.", "Sent to 12 people."): a status
 * region, so a screen reader announces it. `plain` leaves out the boxed `notice` style, for the
 * short "Saved" line above an organizer's form.
 */
export function SavedNotice(props: { children: Child; plain?: boolean }): Child {
  if (props.plain) return <p role="status">{props.children}</p>;
  return (
    <p class="notice" role="status">
      {props.children}
    </p>
  );
}

/** The notice a post-redirect-get named in `?saved=`, when it is one of the page's `names`. */
export function savedNoticeOf<N extends string>(
  saved: string | undefined,
  names: readonly N[],
): N | undefined {
  return names.find((name) => name === saved);
}
