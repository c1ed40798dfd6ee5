// Turnstile and honeypot checks of readForm (src/web/form.tsx, src/web/turnstile.ts), which guard
// the sign-in form and every public form. Turnstile is never called for real: fetch is stubbed
// with a stand-in for siteverify that answers like Cloudflare does for its documented test secrets.
import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppEnv } from '../../src/env';
import { readForm } from '../../src/web/form';
import { verifyTurnstile } from '../../src/web/turnstile';
import { stubFetch } from '../helpers';

const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
/** Cloudflare's documented test secrets. */
const PASSES = '1x0000000000000000000000000000000AA';
const FAILS = '2x0000000000000000000000000000000AA';
const SPENT = '3x0000000000000000000000000000000AA';

/** What siteverify answers for each test secret. */
function siteverify(secret: string) {
  if (secret === PASSES) return { success: true, 'error-codes': [], hostname: 'example.com' };
  if (secret === FAILS) return { success: false, 'error-codes': ['invalid-input-response'] };
  if (secret === SPENT) return { success: false, 'error-codes': ['timeout-or-duplicate'] };
  return { success: false, 'error-codes': ['invalid-input-secret'] };
}

const schema = z.object({ name: z.string().min(1) });

/** A one-route app that reads a form the way every public form does. */
function formApp() {
  return new Hono<AppEnv>().post('/form', async (c) => c.json(await readForm(c, schema)));
}

async function submit(secret: string | undefined, fields: Record<string, string>) {
  const response = await formApp().request(
    '/form',
    { method: 'POST', body: new URLSearchParams(fields) },
    { ...env, TURNSTILE_SECRET_KEY: secret },
  );
  return (await response.json()) as { status: string; errors?: Record<string, { key: string }> };
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function stubSiteverify(answer: (request: Request, form: URLSearchParams) => Response | Promise<Response>) {
  const stub = stubFetch(async (request) => {
    expect(request.url).toBe(SITEVERIFY);
    expect(request.method).toBe('POST');
    return answer(request, new URLSearchParams(await request.clone().text()));
  });
  restore = stub.restore;
  return stub;
}

describe('readForm with Turnstile configured', () => {
  it('passes with the always-pass test secret, sending secret and token to siteverify', async () => {
    const stub = stubSiteverify((_r, form) => Response.json(siteverify(form.get('secret')!)));
    const result = await submit(PASSES, { name: 'Ana', 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN' });
    expect(result.status).toBe('valid');
    expect(stub.calls).toHaveLength(1);
    const sent = new URLSearchParams(await stub.calls[0]!.text());
    expect(sent.get('secret')).toBe(PASSES);
    expect(sent.get('response')).toBe('XXXX.DUMMY.TOKEN');
  });

  it('fails with the always-fail test secret', async () => {
    stubSiteverify((_r, form) => Response.json(siteverify(form.get('secret')!)));
    const result = await submit(FAILS, { name: 'Ana', 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN' });
    expect(result.status).toBe('invalid');
    expect(result.errors?.['cf-turnstile-response']?.key).toBe('form.error.botCheck');
  });

  it('fails with the "already spent" test secret', async () => {
    stubSiteverify((_r, form) => Response.json(siteverify(form.get('secret')!)));
    const result = await submit(SPENT, { name: 'Ana', 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN' });
    expect(result.status).toBe('invalid');
    expect(result.errors?.['cf-turnstile-response']?.key).toBe('form.error.botCheck');
  });

  it('fails closed when siteverify times out', async () => {
    stubSiteverify(() => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    });
    const result = await submit(PASSES, { name: 'Ana', 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN' });
    expect(result.status).toBe('invalid');
  });

  it('gives up on a siteverify that never answers, after the timeout', async () => {
    stubSiteverify(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        }),
    );
    const started = Date.now();
    expect(await verifyTurnstile(PASSES, 'XXXX.DUMMY.TOKEN', 100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('fails closed on a 5xx from siteverify, even with a success body', async () => {
    stubSiteverify(() => Response.json({ success: true }, { status: 503 }));
    const result = await submit(PASSES, { name: 'Ana', 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN' });
    expect(result.status).toBe('invalid');
  });

  it('fails closed on an unreadable answer', async () => {
    stubSiteverify(() => new Response('<html>oops</html>', { status: 200 }));
    const result = await submit(PASSES, { name: 'Ana', 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN' });
    expect(result.status).toBe('invalid');
  });

  it('fails without calling siteverify when the form carries no token', async () => {
    const stub = stubSiteverify(() => Response.json({ success: true }));
    const result = await submit(PASSES, { name: 'Ana' });
    expect(result.status).toBe('invalid');
    expect(stub.calls).toHaveLength(0);
  });
});

describe('readForm without Turnstile', () => {
  it('validates the form without calling anyone', async () => {
    const stub = stubSiteverify(() => Response.json({ success: false }));
    expect((await submit(undefined, { name: 'Ana' })).status).toBe('valid');
    expect(stub.calls).toHaveLength(0);
  });
});

describe('the honeypot', () => {
  it('returns "bot" when the hidden field is filled, before any other check', async () => {
    const stub = stubSiteverify(() => Response.json({ success: true }));
    const result = await submit(PASSES, {
      name: '',
      website: 'http://spam.example',
      'cf-turnstile-response': 'x',
    });
    expect(result.status).toBe('bot');
    expect(stub.calls).toHaveLength(0);
  });

  it('is ignored when left empty', async () => {
    expect((await submit(undefined, { name: 'Ana', website: '' })).status).toBe('valid');
  });
});
