import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { hashToken } from '../lib/tokens';
import { HOUR, MINUTE } from '../lib/time';
import { findLiveSession, touchSession } from './queries';

// The session cookie: __Host- (our exact origin, HTTPS, every path), unreadable to scripts, and
// sent on top-level navigations from other sites (Lax) so that a link from an email works.
export const sessionCookieOptions = { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' } as const;

/** `__Host-` keeps the cookie to our exact origin, over HTTPS, for every path. */
export const SESSION_COOKIE = '__Host-wt_session';
/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * HOUR;
/** …and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
// Refresh last_seen_at at most this often, so that reading pages is not a write each time.
const TOUCH_EVERY_MS = 5 * MINUTE;

/** Looks up the session cookie and sets `c.var.organizer` (null when there is no valid session). */
export const loadOrganizer: MiddlewareHandler<AppEnv> = async function loadOrganizer(c, next) {
  c.set('organizer', null);
  const sessionId = getCookie(c, SESSION_COOKIE);
  if (sessionId && sessionId.length <= 128) {
    const at = Date.now();
    const idHash = await hashToken(sessionId);
    const db = getDb(c.env);
    const row = await findLiveSession(db, idHash, {
      lastSeenAfter: at - SESSION_IDLE_MS,
      createdAfter: at - SESSION_ABSOLUTE_MS,
    });
    if (row) {
      c.set('organizer', {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        authenticatedAt: row.authenticatedAt,
        sessionIdHash: idHash,
      });
      if (at - row.lastSeenAt > TOUCH_EVERY_MS) await touchSession(db, idHash, at);
    }
  }
  await next();
};

/** Guards /admin: without a session, a page request goes to sign-in and anything else gets 401. */
export const requireOrganizer: MiddlewareHandler<AppEnv> = async function requireOrganizer(c, next) {
  if (!c.var.organizer) {
    if (c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html')) {
      return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    return c.text('Sign in required', 401);
  }
  await next();
};
