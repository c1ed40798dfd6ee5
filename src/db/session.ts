// D1's Sessions API: with read replication turned on, a request's reads may go to a nearby replica;
// a bookmark carried from one request to the next makes a person always read their own writes.

/** What a visitor carries to their next request: the point in the database their last write reached. */
export const BOOKMARK_COOKIE = '__Host-wt_db';
/** Long enough for any replica to catch up; after that the visitor reads from anywhere again. */
export const BOOKMARK_MAX_AGE_S = 10 * 60;

// D1 writes bookmarks as dash-separated hex ("00000000-0000000c-00000000-0000…"); anything else is
// ignored rather than handed to withSession, which would throw.
const BOOKMARK_SHAPE = /^[0-9a-f]{1,64}(-[0-9a-f]{1,64}){1,7}$/i;

/** The bookmark a request may start from, or undefined for a missing or malformed cookie. */
export function acceptedBookmark(value: string | undefined): string | undefined {
  return value !== undefined && BOOKMARK_SHAPE.test(value) ? value : undefined;
}

/**
 * Where a request's session starts: after the visitor's own last write when they carry its
 * bookmark; on the primary for a write (its checks, such as "already signed?", read the newest
 * rows); anywhere, a replica included, for a read.
 */
export function sessionStart(bookmark: string | undefined, isWrite: boolean): string {
  if (bookmark) return bookmark;
  return isWrite ? 'first-primary' : 'first-unconstrained';
}

// Statements that only read (as db/retry.ts classes them); anything else is a write.
const READ_ONLY = /^\s*(select|with|pragma)\b/i;

/**
 * The D1 binding for one request, every statement through one session. It stands in for `env.DB`,
 * so getDb and every query work unchanged; a nested withSession (a page fetched by the app itself)
 * continues the same session. `wrote()` tells whether the request changed anything, so only a
 * write hands a bookmark back.
 */
export function sessionDatabase(
  d1: D1Database,
  start: string,
): { database: D1Database; bookmark: () => string | null; wrote: () => boolean } {
  const session = d1.withSession(start);
  let wrote = false;
  const database: D1Database = {
    prepare: (query) => {
      if (!READ_ONLY.test(query)) wrote = true;
      return session.prepare(query);
    },
    batch: (statements) => {
      wrote = true;
      return session.batch(statements);
    },
    // Not part of a session (migrations and scripts use it, never a request): the primary.
    exec: (query) => d1.exec(query),
    dump: () => d1.dump(),
    withSession: () => session,
  };
  return { database, bookmark: () => session.getBookmark(), wrote: () => wrote };
}
