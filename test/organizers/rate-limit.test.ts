import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { hashToken } from '../../src/lib/tokens';
import { ORIGIN } from '../helpers';
import { allowlist, newestEmailTo } from './support';

/** The app called with the real bindings except for the sign-in rate limiter. */
async function postSignIn(limiter: RateLimit, email: string, lang = 'en', ip = '198.51.100.7') {
  const app = buildApp();
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(`${ORIGIN}/sign-in`, {
      method: 'POST',
      headers: {
        origin: ORIGIN,
        accept: 'text/html',
        'accept-language': lang,
        'content-type': 'application/x-www-form-urlencoded',
        'cf-connecting-ip': ip,
      },
      body: new URLSearchParams({ email }),
    }),
    { ...env, RL_SIGN_IN: limiter },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

describe('sign-in rate limit (RL_SIGN_IN)', () => {
  it('answers 429 in the person language and sends nothing when the limiter says no', async () => {
    await allowlist('limited@example.org');
    const keys: string[] = [];
    const refuse: RateLimit = {
      async limit(options) {
        keys.push(options.key);
        return { success: false };
      },
    };
    const response = await postSignIn(refuse, 'limited@example.org', 'es');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.text()).toContain('Demasiados intentos');
    expect(keys).toEqual(['RL_SIGN_IN:198.51.100.7']);
    expect(await newestEmailTo('limited@example.org')).toBeNull();
  });

  it('lets the request through when the limiter allows it', async () => {
    await allowlist('allowed@example.org');
    const allow: RateLimit = { limit: async () => ({ success: true }) };
    const response = await postSignIn(allow, 'allowed@example.org');
    expect(response.status).toBe(200);
    expect((await newestEmailTo('allowed@example.org'))?.template).toBe('sign-in');
  });

  it('counts every request against the client and, for a well-formed address, against its hash', async () => {
    const keys: string[] = [];
    const record: RateLimit = {
      async limit(options) {
        keys.push(options.key);
        return { success: true };
      },
    };
    await postSignIn(record, 'Counted@Example.org');
    expect(keys).toEqual([
      'RL_SIGN_IN:198.51.100.7',
      `RL_SIGN_IN:email:${await hashToken('counted@example.org')}`,
    ]);
    expect(keys.join()).not.toContain('example.org');
  });

  it('refuses the sixth request in a minute for one address, even from six clients, listed or not', async () => {
    await allowlist('asked-often@example.org');
    for (const email of ['asked-often@example.org', 'nobody-listed@example.org']) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await postSignIn(env.RL_SIGN_IN, email, 'en', `203.0.113.${i + 10}`)).status);
      }
      expect(statuses, email).toEqual([200, 200, 200, 200, 200, 429]);
    }
    // Only one email went out: the link stays live while it is asked for again.
    const sent = await env.DB.prepare('SELECT count(*) AS n FROM outbox WHERE to_address = ?')
      .bind('asked-often@example.org')
      .first<{ n: number }>();
    expect(sent?.n).toBe(1);
  });

  it('the real binding is configured: the sixth request in a minute from one address is refused', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await postSignIn(env.RL_SIGN_IN, `someone${i}@example.org`)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });
});
