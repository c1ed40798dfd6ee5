import { MINUTE } from '../lib/time';

/** A sign-in link works for this long after it is sent. */
export const SIGN_IN_LINK_TTL_MS = 10 * MINUTE;

/** Where a person lands after signing in when no (usable) `next` was given. */
export const DEFAULT_AFTER_SIGN_IN = '/admin';

/** Tokens we hand out are base64url of 32 bytes; anything else is refused before any lookup. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{32,128}$/.test(value);
}

/** The path of a sign-in link (also the action of its confirm form), keeping `next` when useful. */
export function signInLinkPath(token: string, next: string | null): string {
  const query = next && next !== DEFAULT_AFTER_SIGN_IN ? `?next=${encodeURIComponent(next)}` : '';
  return `/sign-in/${token}${query}`;
}
