import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { logEvent } from '../lib/log';
import { hashToken, newToken } from '../lib/tokens';
import { safeRedirectPath } from '../web/security';
import {
  finishPasskeyProof,
  finishPasskeyRegistration,
  startPasskeyProof,
  startPasskeyRegistration,
} from './passkeys';
import {
  findPendingSession,
  listPasskeys,
  markSessionAuthenticated,
  recordAudit,
  removePasskeys,
  startSession,
} from './queries';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, sessionCookieOptions } from './session';
import { DEFAULT_AFTER_SIGN_IN } from './sign-in';
import { PasskeyProofPage, PasskeysPage } from './views/passkeys';
import { savedNoticeOf } from '../web/ui/saved-notice';

// The browser's WebAuthn answers, checked for shape here and for meaning in passkeys.ts.
const credentialJson = z
  .object({ id: z.string().min(1).max(1024), type: z.literal('public-key') })
  .passthrough();
const registrationBody = z.object({
  challengeId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(60),
  response: credentialJson,
});
const proofBody = z.object({
  challengeId: z.string().min(1).max(64),
  response: credentialJson,
  next: z.string().max(1000).optional(),
});
const purposeBody = z.object({ purpose: z.enum(['sign_in', 'step_up']).default('sign_in') });

async function jsonBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new AppError('bad_request');
  return parsed.data;
}

async function sessionHash(c: Context<AppEnv>): Promise<string | null> {
  const sessionId = getCookie(c, SESSION_COOKIE);
  return sessionId && sessionId.length <= 128 ? hashToken(sessionId) : null;
}

/** An organizer's own passkeys, under /admin/passkeys (every role manages their own). */
export const passkeysAdmin = new Hono<AppEnv>()
  .get('/', async (c) => {
    const organizer = c.var.organizer!;
    const keys = await listPasskeys(getDb(c.env), organizer.id);
    return c.render(
      <PasskeysPage passkeys={keys} notice={savedNoticeOf(c.req.query('saved'), ['added', 'removed'])} />,
      {
        title: c.var.t('passkeys.title'),
        passkeys: true,
      },
    );
  })
  .post('/options', async (c) => {
    const organizer = c.var.organizer!;
    return c.json(await startPasskeyRegistration(getDb(c.env), c.env, organizer, Date.now()));
  })
  .post('/register', async (c) => {
    const body = await jsonBody(c, registrationBody);
    const added = await finishPasskeyRegistration(getDb(c.env), c.env, {
      organizerId: c.var.organizer!.id,
      challengeId: body.challengeId,
      name: body.name,
      response: body.response as never,
      at: Date.now(),
    });
    if (!added) return c.json({ error: c.var.t('passkeys.error.failed') }, 422);
    return c.json({ location: '/admin/passkeys?saved=added' });
  })
  .post('/:id/remove', async (c) => {
    const organizer = c.var.organizer!;
    await removePasskeys(getDb(c.env), {
      organizerId: organizer.id,
      passkeyId: c.req.param('id'),
      by: organizer.id,
      at: Date.now(),
    });
    return c.redirect('/admin/passkeys?saved=removed', 303);
  });

/** Proving who one is with a passkey: the second step of sign-in, or sign-in by passkey alone. */
export const passkeySignInRoutes = new Hono<AppEnv>()
  .get('/sign-in/passkey', async (c) => {
    c.set('privateLink', true);
    const next = safeRedirectPath(c.req.query('next'));
    const hash = await sessionHash(c);
    const pending = hash
      ? await findPendingSession(getDb(c.env), hash, Date.now(), SESSION_ABSOLUTE_MS)
      : null;
    return c.render(<PasskeyProofPage next={next} pending={pending !== null} />, {
      title: c.var.t('passkeys.proveTitle'),
      noindex: true,
      passkeys: true,
    });
  })
  .post('/sign-in/passkey/options', async (c) => {
    const { purpose } = await jsonBody(c, purposeBody);
    const db = getDb(c.env);
    const at = Date.now();
    const hash = await sessionHash(c);
    const organizerId =
      purpose === 'step_up'
        ? (c.var.organizer?.id ?? null)
        : hash
          ? await findPendingSession(db, hash, at, SESSION_ABSOLUTE_MS)
          : null;
    if (purpose === 'step_up' && !organizerId) throw new AppError('unauthorized');
    return c.json(await startPasskeyProof(db, c.env, { organizerId, purpose, at }));
  })
  .post('/sign-in/passkey', async (c) => {
    const body = await jsonBody(c, proofBody.extend(purposeBody.shape));
    const db = getDb(c.env);
    const at = Date.now();
    const organizerId = await finishPasskeyProof(db, c.env, {
      challengeId: body.challengeId,
      purpose: body.purpose,
      response: body.response as never,
      at,
    });
    if (!organizerId) {
      await recordAudit(db, {
        at,
        organizerId: null,
        event: 'sign_in_failed',
        detail: { factor: 'passkey' },
      });
      return c.json({ error: c.var.t('passkeys.error.failed') }, 422);
    }
    const next = safeRedirectPath(body.next) ?? DEFAULT_AFTER_SIGN_IN;
    const hash = await sessionHash(c);
    const current =
      body.purpose === 'step_up'
        ? c.var.organizer?.sessionIdHash
        : hash && (await findPendingSession(db, hash, at, SESSION_ABSOLUTE_MS)) === organizerId
          ? hash
          : null;
    if (current && (body.purpose === 'sign_in' || c.var.organizer?.id === organizerId)) {
      await markSessionAuthenticated(db, {
        idHash: current,
        organizerId,
        event: body.purpose === 'step_up' ? 'step_up' : 'sign_in',
        at,
      });
    } else {
      // A passkey alone (discoverable credential): a fresh session, as after an email link.
      const sessionId = newToken();
      await startSession(db, {
        organizerId,
        sessionIdHash: await hashToken(sessionId),
        previousSessionIdHash: hash ?? undefined,
        lang: c.var.lang,
        at,
      });
      setCookie(c, SESSION_COOKIE, sessionId, {
        ...sessionCookieOptions,
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
    }
    logEvent('info', 'sign_in.passkey', { organizerId, purpose: body.purpose });
    return c.json({ location: next });
  });
