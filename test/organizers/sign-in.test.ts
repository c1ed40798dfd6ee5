import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { hashToken } from '../../src/lib/tokens';
import { MINUTE } from '../../src/lib/time';
import { ORIGIN, postForm, request } from '../helpers';
import {
  allowlist,
  heldD1,
  newClient,
  newestEmailTo,
  postSignIn,
  pressSignIn,
  requestLinkToken,
} from './support';

const app = buildApp();

let organizers = 0;
/**
 * A new allowlisted address: each test asks for its own links (a live link is never replaced, and
 * each address may ask 5 times a minute).
 */
async function newOrganizer(): Promise<string> {
  organizers += 1;
  const email = `pastora${organizers}@example.org`;
  await allowlist(email);
  return email;
}

async function emailCount(address: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM outbox WHERE to_address = ?')
    .bind(address)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function tokenRows() {
  const { results } = await env.DB.prepare(
    'SELECT organizer_id, token_hash, expires_at, created_at FROM sign_in_tokens',
  ).all<{ organizer_id: string; token_hash: string; expires_at: number; created_at: number }>();
  return results;
}

describe('asking for a sign-in link', () => {
  it('shows a form with a labelled email field that keeps `next`', async () => {
    const response = await request('/sign-in?next=%2Fadmin%2Fletters');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<label for="field-email"');
    expect(html).toContain('name="next" value="/admin/letters"');
    expect(html).toContain('action="/sign-in"');
  });

  it('drops a `next` that leaves the site', async () => {
    const html = await (await request('/sign-in?next=%2F%2Fevil.example%2F')).text();
    expect(html).not.toContain('name="next"');
  });

  it('answers a malformed address with 422 and the input kept, in Spanish when asked', async () => {
    const response = await postSignIn({ email: 'not an email' }, { lang: 'es' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="not an email"');
    expect(html).toContain('<html lang="es">');
  });

  it('answers exactly the same for a listed and an unknown address; only the listed one gets an email', async () => {
    const organizer = await newOrganizer();
    const known = await postSignIn({ email: organizer });
    const unknown = await postSignIn({ email: 'stranger@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
    expect((await newestEmailTo(organizer))?.template).toBe('sign-in');
    expect(await newestEmailTo('stranger@example.org')).toBeNull();
  });

  it('answers both before touching the database: the lookup, the link and its email come after', async () => {
    const organizer = await newOrganizer();
    const answer = async (email: string) => {
      const held = heldD1(env.DB);
      const ctx = createExecutionContext();
      // With the database held back, this resolves only if answering needs no database work.
      const response = await app.fetch(
        new Request(`${ORIGIN}/sign-in`, {
          method: 'POST',
          headers: {
            origin: ORIGIN,
            accept: 'text/html',
            'content-type': 'application/x-www-form-urlencoded',
            ...newClient(),
          },
          body: new URLSearchParams({ email }),
        }),
        { ...env, DB: held.db },
        ctx,
      );
      return { response, html: await response.text(), held, ctx };
    };
    const known = await answer(organizer);
    const unknown = await answer('outsider@example.org');
    expect(known.response.status).toBe(200);
    expect(unknown.response.status).toBe(200);
    expect(unknown.html).toBe(known.html);
    // Nothing is written yet; once the database answers, the listed address still gets its link.
    expect(await newestEmailTo(organizer)).toBeNull();
    known.held.release();
    unknown.held.release();
    await waitOnExecutionContext(known.ctx);
    await waitOnExecutionContext(unknown.ctx);
    expect((await newestEmailTo(organizer))?.template).toBe('sign-in');
    expect(await tokenRows()).toContainEqual(expect.objectContaining({ organizer_id: `org-${organizer}` }));
    expect(await newestEmailTo('outsider@example.org')).toBeNull();
  });

  it('sends nothing and stores nothing for an address not on the allowlist', async () => {
    await postSignIn({ email: 'nobody@example.org' });
    expect(await newestEmailTo('nobody@example.org')).toBeNull();
    const organizers = await env.DB.prepare('SELECT count(*) AS n FROM organizers WHERE email = ?')
      .bind('nobody@example.org')
      .first<{ n: number }>();
    expect(organizers?.n).toBe(0);
  });

  it('answers a filled honeypot like a success and sends nothing', async () => {
    await allowlist('honeypot@example.org');
    const response = await postSignIn({ email: 'honeypot@example.org', website: 'http://spam' });
    expect(response.status).toBe(200);
    expect(await newestEmailTo('honeypot@example.org')).toBeNull();
  });

  it('stores only the SHA-256 of a token of at least 128 bits, valid for 10 minutes', async () => {
    const organizer = await newOrganizer();
    const before = Date.now();
    const token = await requestLinkToken(organizer);
    // 43 base64url characters = 256 bits.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = (await tokenRows()).filter((r) => r.organizer_id === `org-${organizer}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(await hashToken(token));
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.expires_at - rows[0]!.created_at).toBe(10 * MINUTE);
    expect(rows[0]!.created_at).toBeGreaterThanOrEqual(before);
    // Nowhere in the database is the token itself, except in the email to be sent.
    const dump = JSON.stringify(
      await env.DB.prepare(
        'SELECT * FROM sign_in_tokens, organizers WHERE organizers.id = sign_in_tokens.organizer_id',
      ).all(),
    );
    expect(dump).not.toContain(token);
  });

  it('queues the sign-in email, with both parts, in the language of the request', async () => {
    await allowlist('hermana@example.org');
    const token = await requestLinkToken('hermana@example.org', { lang: 'es' });
    const message = await newestEmailTo('hermana@example.org');
    expect(message?.template).toBe('sign-in');
    expect(message?.lang).toBe('es');
    expect(message?.subject).toContain('Su enlace para entrar');
    expect(message?.text).toContain(`https://welcome.test/sign-in/${token}`);
    // Mustache escapes "/" in HTML as &#x2F;, which a mail reader decodes back.
    const html = message!.html.replace(/&#x2F;/g, '/').replace(/&#x3D;/g, '=');
    expect(html).toContain(`href="https://welcome.test/sign-in/${token}"`);
  });
});

describe('opening and using a sign-in link', () => {
  it('GET shows a button and does not sign in (mail scanners open links)', async () => {
    const organizer = await newOrganizer();
    const token = await requestLinkToken(organizer);
    for (let i = 0; i < 2; i++) {
      const response = await request(`/sign-in/${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie().join()).not.toContain('__Host-wt_session');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await response.text();
      expect(html).toContain(`action="/sign-in/${token}"`);
      expect(html).toContain('<button type="submit">');
    }
    // The link still works after being opened: the GETs changed nothing.
    const { response } = await pressSignIn(token);
    expect(response.status).toBe(303);
  });

  it('POST signs in, sets a __Host- session cookie and goes to /admin', async () => {
    const organizer = await newOrganizer();
    const token = await requestLinkToken(organizer);
    const { response, session } = await pressSignIn(token);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin');
    const header = response.headers.getSetCookie().find((h) => h.startsWith('__Host-wt_session='))!;
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\/(;|$)/);
    expect(header).not.toMatch(/Domain=/i);
    const dashboard = await request('/admin', { cookie: session });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(organizer);
  });

  it('works only once', async () => {
    const organizer = await newOrganizer();
    const token = await requestLinkToken(organizer);
    expect((await pressSignIn(token)).response.status).toBe(303);
    const again = await pressSignIn(token);
    expect(again.response.status).toBe(410);
    expect(again.session).toBeUndefined();
    expect(await again.response.text()).toContain('This sign-in link does not work');
    expect((await request(`/sign-in/${token}`)).status).toBe(410);
  });

  it('stops working after 10 minutes', async () => {
    const organizer = await newOrganizer();
    const token = await requestLinkToken(organizer);
    // Age the link: it was sent 10 minutes and 1 second ago.
    await env.DB.prepare(
      'UPDATE sign_in_tokens SET created_at = created_at - ?, expires_at = expires_at - ? WHERE token_hash = ?',
    )
      .bind(10 * MINUTE + 1000, 10 * MINUTE + 1000, await hashToken(token))
      .run();
    expect((await request(`/sign-in/${token}`)).status).toBe(410);
    const { response, session } = await pressSignIn(token);
    expect(response.status).toBe(410);
    expect(session).toBeUndefined();
  });

  it('keeps a live link working: asking again while it works changes nothing and sends nothing', async () => {
    const organizer = await newOrganizer();
    const first = await requestLinkToken(organizer);
    const sent = await newestEmailTo(organizer);
    // A stranger asks on the organizer's behalf, twice: the same answer as always, and no effect.
    for (let i = 0; i < 2; i++) expect((await postSignIn({ email: organizer })).status).toBe(200);
    expect((await newestEmailTo(organizer))?.id).toBe(sent?.id);
    const rows = (await tokenRows()).filter((r) => r.organizer_id === `org-${organizer}`);
    expect(rows).toEqual([expect.objectContaining({ token_hash: await hashToken(first) })]);
    expect((await pressSignIn(first)).response.status).toBe(303);
    // Once used, a new link can be asked for.
    const second = await requestLinkToken(organizer);
    expect(second).not.toBe(first);
    expect((await pressSignIn(second)).response.status).toBe(303);
  });

  it('makes a new link once the live one has expired, and only that one works', async () => {
    const organizer = await newOrganizer();
    const first = await requestLinkToken(organizer);
    await env.DB.prepare(
      'UPDATE sign_in_tokens SET created_at = created_at - ?, expires_at = expires_at - ? WHERE token_hash = ?',
    )
      .bind(10 * MINUTE, 10 * MINUTE, await hashToken(first))
      .run();
    const second = await requestLinkToken(organizer);
    expect(second).not.toBe(first);
    expect((await pressSignIn(first)).response.status).toBe(410);
    expect((await pressSignIn(second)).response.status).toBe(303);
  });

  it('two requests at once leave one live link and one email', async () => {
    const organizer = await newOrganizer();
    const before = await emailCount(organizer);
    const answers = await Promise.all([postSignIn({ email: organizer }), postSignIn({ email: organizer })]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(await emailCount(organizer)).toBe(before + 1);
    const token = (await newestEmailTo(organizer))!.text.match(/\/sign-in\/([A-Za-z0-9_-]+)/)![1]!;
    expect((await pressSignIn(token)).response.status).toBe(303);
  });

  it('refuses a made-up or malformed token with the same clear page', async () => {
    expect((await pressSignIn('A'.repeat(43))).response.status).toBe(410);
    expect((await pressSignIn('short')).response.status).toBe(410);
    const html = await (await request('/sign-in/short', { lang: 'es' })).text();
    expect(html).toContain('Este enlace para entrar no funciona');
  });

  it('goes to a same-site `next` after signing in, never to another site', async () => {
    const organizer = await newOrganizer();
    const token = await requestLinkToken(organizer, { next: '/admin/letters' });
    const message = await newestEmailTo(organizer);
    expect(message?.text).toContain(`/sign-in/${token}?next=%2Fadmin%2Fletters`);
    const page = await (await request(`/sign-in/${token}?next=%2Fadmin%2Fletters`)).text();
    expect(page).toContain('name="next" value="/admin/letters"');
    const { response } = await pressSignIn(token, { next: '/admin/letters' });
    expect(response.headers.get('location')).toBe('/admin/letters');

    for (const evil of ['//evil.example/x', '/\\evil.example', 'https://evil.example/']) {
      const other = await requestLinkToken(organizer);
      const { response: r } = await pressSignIn(other, { next: evil });
      expect(r.headers.get('location')).toBe('/admin');
    }
  });

  it('makes a new session id at every sign-in and ends the one the browser had', async () => {
    const organizer = await newOrganizer();
    const first = await pressSignIn(await requestLinkToken(organizer));
    const second = await pressSignIn(await requestLinkToken(organizer), {}, first.session);
    expect(second.session).toBeDefined();
    expect(second.session).not.toBe(first.session);
    expect((await request('/admin', { cookie: first.session })).status).toBe(303);
    expect((await request('/admin', { cookie: second.session })).status).toBe(200);
  });

  it('remembers the language the organizer signed in with, for their emails', async () => {
    await allowlist('idioma@example.org');
    const token = await requestLinkToken('idioma@example.org', { lang: 'es' });
    await postForm(`/sign-in/${token}`, {}, { lang: 'es' });
    const row = await env.DB.prepare('SELECT lang FROM organizers WHERE email = ?')
      .bind('idioma@example.org')
      .first<{ lang: string }>();
    expect(row?.lang).toBe('es');
  });
});
