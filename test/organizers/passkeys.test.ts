// Passkeys on the server side: the second step after an email link, refusals that change nothing,
// and an owner's reset. (The browser ceremony itself is test/browser/passkeys.test.ts.)
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/organizers/session';
import { ORIGIN, cookieFrom, organizerCookie, postForm, request } from '../helpers';
import { allowlist, pressSignIn, requestLinkToken } from './support';

/** A credential id as browsers report them (base64url). */
const credentialId = (organizerId: string) =>
  btoa(organizerId).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function givePasskey(organizerId: string, id = credentialId(organizerId)) {
  await env.DB.prepare(
    'INSERT INTO passkeys (id, organizer_id, name, public_key, counter, created_at) VALUES (?, ?, ?, ?, 0, ?)',
  )
    .bind(id, organizerId, 'Laptop', 'AAAA', Date.now())
    .run();
}

function postJson(path: string, body: unknown, cookie?: string) {
  return request(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    cookie,
  });
}

describe('POST /sign-in/:token for an organizer with a passkey', () => {
  it('leads to the passkey step, and the session opens nothing until the passkey is used', async () => {
    const id = await allowlist('with-passkey@example.org');
    await givePasskey(id);
    const token = await requestLinkToken('with-passkey@example.org', { next: '/admin/letters' });
    const { response, session } = await pressSignIn(token, { next: '/admin/letters' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in/passkey?next=%2Fadmin%2Fletters');
    expect(session).toBeTruthy();
    const admin = await request('/admin', { cookie: session, headers: { accept: 'text/html' } });
    expect(admin.status).toBe(303);
    expect(admin.headers.get('location')).toContain('/sign-in');
    const step = await request('/sign-in/passkey', { cookie: session });
    expect(await step.text()).toContain('Your account has a passkey');
    // The options offer this organizer's passkey only.
    const options = await postJson('/sign-in/passkey/options', { purpose: 'sign_in' }, session);
    expect(options.status, await options.clone().text()).toBe(200);
    const { options: json } = (await options.json()) as { options: { allowCredentials: { id: string }[] } };
    expect(json.allowCredentials.map((c) => c.id)).toEqual([credentialId(id)]);
  });
});

describe('refused passkey answers', () => {
  it('answers 400 to a body that is not a WebAuthn answer, and 422 to an unknown challenge, signing nobody in', async () => {
    expect((await postJson('/sign-in/passkey', 'not json')).status).toBe(400);
    expect((await postJson('/sign-in/passkey', { challengeId: 'x' })).status).toBe(400);
    const unknown = await postJson('/sign-in/passkey', {
      challengeId: 'no-such-challenge',
      response: { id: 'cred', type: 'public-key', rawId: 'cred', response: {} },
    });
    expect(unknown.status).toBe(422);
    // No session (a refused attempt is written to the audit log, so the database bookmark comes back).
    expect(cookieFrom(unknown, SESSION_COOKIE)).toBeUndefined();
    const spanish = await request('/sign-in/passkey', {
      method: 'POST',
      body: JSON.stringify({ challengeId: 'none', response: { id: 'c', type: 'public-key' } }),
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      lang: 'es',
    });
    expect(((await spanish.json()) as { error: string }).error).toContain('No funcionó');
  });

  it('uses a challenge once: the second answer with it is refused', async () => {
    const first = await postJson('/sign-in/passkey/options', { purpose: 'sign_in' });
    const { challengeId } = (await first.json()) as { challengeId: string };
    const answer = { challengeId, response: { id: 'unknown-cred', type: 'public-key', response: {} } };
    expect((await postJson('/sign-in/passkey', answer)).status).toBe(422);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM webauthn_challenges WHERE id = ?')
      .bind(challengeId)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});

describe('POST /admin/organizers/:id/reset-passkeys', () => {
  it('lets an owner remove someone’s passkeys (recorded), and nobody else', async () => {
    const id = await allowlist('lost-phone@example.org');
    await givePasskey(id);
    const organizer = await organizerCookie('plain@passkeys.example.org', 'organizer');
    expect((await postForm(`/admin/organizers/${id}/reset-passkeys`, {}, { cookie: organizer })).status).toBe(
      403,
    );
    const owner = await organizerCookie('owner@passkeys.example.org', 'owner');
    const reset = await postForm(`/admin/organizers/${id}/reset-passkeys`, {}, { cookie: owner });
    expect(reset.headers.get('location')).toBe('/admin/organizers?saved=passkeysReset');
    const left = await env.DB.prepare('SELECT count(*) AS n FROM passkeys WHERE organizer_id = ?')
      .bind(id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
    const audit = await env.DB.prepare(
      "SELECT detail FROM audit_events WHERE event = 'passkeys_reset'",
    ).first<{
      detail: string;
    }>();
    expect(JSON.parse(audit!.detail)).toEqual({ organizerId: id });
  });
});
