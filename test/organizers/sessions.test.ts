import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../src/lib/tokens';
import { HOUR, MINUTE } from '../../src/lib/time';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/organizers/session';
import { cookieFrom, postForm, request } from '../helpers';
import { allowlist, pressSignIn, requestLinkToken } from './support';

const ORGANIZER = 'sessions@example.org';

let organizers = 0;
/** Signs in through the link flow, by default as a new organizer (each address may ask 5 times a minute). */
async function signIn(email = `sessions-${++organizers}@example.org`) {
  await allowlist(email);
  const { session } = await pressSignIn(await requestLinkToken(email));
  if (!session) throw new Error('no session cookie');
  return session;
}

async function sessionRow(cookie: string) {
  const id = cookie.split('=')[1]!;
  return env.DB.prepare('SELECT id_hash, created_at, last_seen_at FROM organizer_sessions WHERE id_hash = ?')
    .bind(await hashToken(id))
    .first<{ id_hash: string; created_at: number; last_seen_at: number }>();
}

async function shiftSession(cookie: string, changes: { createdAgo?: number; lastSeenAgo?: number }) {
  const row = (await sessionRow(cookie))!;
  const at = Date.now();
  await env.DB.prepare('UPDATE organizer_sessions SET created_at = ?, last_seen_at = ? WHERE id_hash = ?')
    .bind(
      changes.createdAgo === undefined ? row.created_at : at - changes.createdAgo,
      changes.lastSeenAgo === undefined ? row.last_seen_at : at - changes.lastSeenAgo,
      row.id_hash,
    )
    .run();
}

describe('organizer sessions', () => {
  it('are stored only by the hash of their id', async () => {
    const cookie = await signIn();
    const id = cookie.split('=')[1]!;
    expect(id.length).toBeGreaterThanOrEqual(43);
    const { results } = await env.DB.prepare('SELECT * FROM organizer_sessions').all();
    expect(JSON.stringify(results)).not.toContain(id);
    expect(await sessionRow(cookie)).not.toBeNull();
  });

  it('end after 2 hours without a request (idle expiry)', async () => {
    expect(SESSION_IDLE_MS).toBe(2 * HOUR);
    const cookie = await signIn();
    await shiftSession(cookie, { lastSeenAgo: SESSION_IDLE_MS - MINUTE });
    expect((await request('/admin', { cookie })).status).toBe(200);
    await shiftSession(cookie, { lastSeenAgo: SESSION_IDLE_MS + 1000 });
    const response = await request('/admin', { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?next=%2Fadmin');
  });

  it('are kept alive by use: a request refreshes the idle clock', async () => {
    const cookie = await signIn();
    await shiftSession(cookie, { lastSeenAgo: SESSION_IDLE_MS - MINUTE });
    expect((await request('/admin', { cookie })).status).toBe(200);
    const row = await sessionRow(cookie);
    expect(Date.now() - row!.last_seen_at).toBeLessThan(MINUTE);
  });

  it('end 12 hours after sign-in even when in use (absolute expiry)', async () => {
    expect(SESSION_ABSOLUTE_MS).toBe(12 * HOUR);
    const cookie = await signIn();
    await shiftSession(cookie, { createdAgo: SESSION_ABSOLUTE_MS - MINUTE, lastSeenAgo: 0 });
    expect((await request('/admin', { cookie })).status).toBe(200);
    await shiftSession(cookie, { createdAgo: SESSION_ABSOLUTE_MS + 1000, lastSeenAgo: 0 });
    expect((await request('/admin', { cookie })).status).toBe(303);
  });

  it('sign-out deletes the session server-side and clears the cookie', async () => {
    const cookie = await signIn();
    const response = await postForm('/sign-out', {}, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?signed_out=1');
    const cleared = response.headers.getSetCookie().find((h) => h.startsWith('__Host-wt_session='))!;
    expect(cleared).toMatch(/Max-Age=0/);
    expect(cleared).toMatch(/Secure/);
    expect(cleared).toMatch(/Path=\//);
    expect(cookieFrom(response, '__Host-wt_session')).toBe('__Host-wt_session=');
    expect(await sessionRow(cookie)).toBeNull();
    // The old cookie, replayed by hand, no longer signs anyone in.
    expect((await request('/admin', { cookie })).status).toBe(303);
    const page = await (await request('/sign-in?signed_out=1')).text();
    expect(page).toContain('You are signed out.');
  });

  it('sign-out needs a same-origin POST (CSRF)', async () => {
    const cookie = await signIn();
    const response = await postForm('/sign-out', {}, { cookie, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await sessionRow(cookie)).not.toBeNull();
  });

  it('are refused when the organizer is no longer on the allowlist', async () => {
    const cookie = await signIn(ORGANIZER);
    await env.DB.prepare('DELETE FROM organizers WHERE email = ?').bind(ORGANIZER).run();
    expect((await request('/admin', { cookie })).status).toBe(303);
  });
});

describe('the /admin dashboard', () => {
  it('shows who is signed in, a sign-out button and every organizer section, in both languages', async () => {
    const cookie = await signIn(ORGANIZER);
    const html = await (await request('/admin', { cookie })).text();
    expect(html).toContain(ORGANIZER);
    expect(html).toContain('action="/sign-out"');
    for (const path of ['letters', 'days', 'officials', 'meetings', 'bills', 'outbox', 'privacy']) {
      expect(html).toContain(`href="/admin/${path}"`);
    }
    const spanish = await (await request('/admin', { cookie, lang: 'es' })).text();
    expect(spanish).toContain('Panel de organizadores');
    expect(spanish).toContain('Cerrar sesión');
  });
});

describe('the hourly clean-up', () => {
  it('deletes expired sessions and sign-in links, and keeps live ones', async () => {
    const { deleteExpiredSignIns } = await import('../../src/organizers/jobs');
    const { getDb } = await import('../../src/db');
    const live = await signIn();
    const idle = await signIn();
    await shiftSession(idle, { lastSeenAgo: SESSION_IDLE_MS + 1000 });
    const old = await signIn();
    await shiftSession(old, { createdAgo: SESSION_ABSOLUTE_MS + 1000, lastSeenAgo: 0 });
    await allowlist('cleanup@example.org');
    const expiredLink = await requestLinkToken('cleanup@example.org');
    await env.DB.prepare('UPDATE sign_in_tokens SET expires_at = ? WHERE token_hash = ?')
      .bind(Date.now() - 1, await hashToken(expiredLink))
      .run();
    await allowlist('live-link@example.org');
    const liveLink = await requestLinkToken('live-link@example.org');

    await deleteExpiredSignIns(getDb(env), Date.now());

    expect(await sessionRow(live)).not.toBeNull();
    expect(await sessionRow(idle)).toBeNull();
    expect(await sessionRow(old)).toBeNull();
    const links = await env.DB.prepare('SELECT token_hash FROM sign_in_tokens').all<{ token_hash: string }>();
    expect(links.results.map((r) => r.token_hash)).toEqual([await hashToken(liveLink)]);
  });
});
