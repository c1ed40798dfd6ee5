import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import {
  BOOKMARK_COOKIE,
  BOOKMARK_MAX_AGE_S,
  acceptedBookmark,
  sessionDatabase,
  sessionStart,
} from '../db/session';
import type { AppEnv } from '../env';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs each request's queries through one D1 session (db/session.ts). After a request that wrote,
 * the session's bookmark goes back in a cookie, so the person's next pages read at least up to it
 * (sign, then see your name), even from a replica. A page (GET) never sets it, whatever it touched
 * on the way (a rate limit, a session's last-seen time), so public pages stay cacheable.
 */
export const databaseSession: MiddlewareHandler<AppEnv> = async function databaseSession(c, next) {
  const isWrite = !READS.has(c.req.method);
  const carried = acceptedBookmark(getCookie(c, BOOKMARK_COOKIE));
  const { database, bookmark, wrote } = sessionDatabase(c.env.DB, sessionStart(carried, isWrite));
  c.env = { ...c.env, DB: database };
  await next();
  const reached = bookmark();
  if (isWrite && wrote() && reached && reached !== carried) {
    setCookie(c, BOOKMARK_COOKIE, reached, {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: BOOKMARK_MAX_AGE_S,
    });
  }
};
