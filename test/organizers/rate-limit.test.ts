import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { ORIGIN } from '../helpers';
import { allowlist, newestEmailTo } from './support';

/** The app called with the real bindings except for the sign-in rate limiter. */
async function postSignIn(limiter: RateLimit, email: string, lang = 'en') {
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
        'cf-connecting-ip': '198.51.100.7',
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

  it('the real binding is configured: the sixth request in a minute from one address is refused', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await postSignIn(env.RL_SIGN_IN, `someone${i}@example.org`)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });
});
