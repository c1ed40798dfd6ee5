import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { hashToken, newToken } from '../lib/tokens';
import { logEvent } from '../lib/log';
import { readForm, refusedForm, valueOf } from '../web/form';
import { enforceRateLimit, rateLimit, safeRedirectPath } from '../web/security';
import {
  consumeSignInToken,
  countPasskeys,
  endSession,
  isSignInTokenUsable,
  recordAudit,
  startSession,
} from './queries';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, sessionCookieOptions } from './session';
import { DEFAULT_AFTER_SIGN_IN, looksLikeToken, signInLinkPath } from './sign-in';
import { requestSignInLink } from './sign-in-links';
import { signInConfirmSchema, signInRequestSchema } from './validation';
import { Dashboard } from './views/dashboard';
import { SignInConfirm, SignInFailed, SignInForm, SignInSent } from './views/sign-in';

const cookieOptions = sessionCookieOptions;

/** Sign-in and sign-out. */
export const organizerRoutes = new Hono<AppEnv>();

organizerRoutes.get('/sign-in', (c) => {
  const { t } = c.var;
  const next = safeRedirectPath(c.req.query('next'));
  return c.render(<SignInForm next={next} signedOut={c.req.query('signed_out') === '1'} />, {
    title: t('signIn.title'),
    noindex: true,
  });
});

// The global public-POST limiter skips this path: sign-in has its own, stricter, limits: per client
// and per email address (so nobody can keep asking on an organizer's behalf from many addresses).
organizerRoutes.post('/sign-in', rateLimit('RL_SIGN_IN'), async (c) => {
  const { t, lang } = c.var;
  const form = await readForm(c, signInRequestSchema);
  const next = safeRedirectPath(valueOf(form.values, 'next'));
  if (form.status === 'invalid') {
    return c.render(<SignInForm {...refusedForm(c, form)} next={next} />, {
      title: t('signIn.title'),
      noindex: true,
    });
  }
  if (form.status === 'valid') {
    const { email } = form.data;
    // The same limit for every address, listed or not: a refusal says nothing about the allowlist.
    await enforceRateLimit(c.env, 'RL_SIGN_IN', `email:${await hashToken(email)}`);
    // Listed and unknown addresses get the same answer in the same time: the allowlist lookup, the
    // link's write and the queue send happen after the response. An organizer whose link did not
    // come (a failure there is logged) asks again.
    c.executionCtx.waitUntil(
      requestSignInLink(getDb(c.env), c.env, { email, lang, next, at: Date.now() }).catch((error) =>
        logEvent('error', 'sign_in.link_failed', {
          error: error instanceof Error ? error.name : 'unknown',
        }),
      ),
    );
  }
  return c.render(<SignInSent next={next} />, { title: t('signIn.sentTitle'), noindex: true });
});

organizerRoutes.get('/sign-in/:token', async (c) => {
  const { t } = c.var;
  c.set('privateLink', true);
  const token = c.req.param('token');
  const usable =
    looksLikeToken(token) && (await isSignInTokenUsable(getDb(c.env), await hashToken(token), Date.now()));
  if (!usable) return signInFailed(c);
  const next = safeRedirectPath(c.req.query('next'));
  return c.render(<SignInConfirm action={signInLinkPath(token, null)} next={next} />, {
    title: t('signIn.confirmTitle'),
    noindex: true,
  });
});

organizerRoutes.post('/sign-in/:token', async (c) => {
  c.set('privateLink', true);
  const token = c.req.param('token');
  if (!looksLikeToken(token)) return signInFailed(c);
  const form = await readForm(c, signInConfirmSchema, { botCheck: false });
  const next = safeRedirectPath(
    form.values.next === undefined ? c.req.query('next') : valueOf(form.values, 'next'),
  );
  const db = getDb(c.env);
  const at = Date.now();
  const organizerId = await consumeSignInToken(db, await hashToken(token), at);
  if (!organizerId) {
    await recordAudit(db, { at, organizerId: null, event: 'sign_in_failed' });
    return signInFailed(c);
  }
  // An organizer with a passkey must use it too: until then the session signs nobody in.
  const passkeyPending = (await countPasskeys(db, organizerId)) > 0;
  // Always a fresh, random session id: an id planted before sign-in never becomes a session.
  const sessionId = newToken();
  await startSession(db, {
    organizerId,
    sessionIdHash: await hashToken(sessionId),
    previousSessionIdHash: c.var.organizer?.sessionIdHash,
    lang: c.var.lang,
    at,
    passkeyPending,
  });
  setCookie(c, SESSION_COOKIE, sessionId, { ...cookieOptions, maxAge: SESSION_ABSOLUTE_MS / 1000 });
  if (passkeyPending) {
    const after = next ? `?next=${encodeURIComponent(next)}` : '';
    return c.redirect(`/sign-in/passkey${after}`, 303);
  }
  logEvent('info', 'sign_in.succeeded', { organizerId });
  return c.redirect(next ?? DEFAULT_AFTER_SIGN_IN, 303);
});

organizerRoutes.post('/sign-out', async (c) => {
  const sessionId = getCookie(c, SESSION_COOKIE);
  if (sessionId && sessionId.length <= 128) await endSession(getDb(c.env), await hashToken(sessionId));
  deleteCookie(c, SESSION_COOKIE, cookieOptions);
  return c.redirect('/sign-in?signed_out=1', 303);
});

function signInFailed(c: Context<AppEnv>) {
  const { t } = c.var;
  c.status(410);
  return c.render(<SignInFailed />, { title: t('signIn.failedTitle'), noindex: true });
}

/** The /admin dashboard (buildAdmin puts every /admin route behind requireOrganizer). */
export const adminShell = new Hono<AppEnv>();
adminShell.get('/', (c) => {
  const { t } = c.var;
  return c.render(<Dashboard />, { title: t('admin.title') });
});
