import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { suppressionFromEvent } from '../../src/email/webhook';
import { ORIGIN } from '../helpers';

const SECRET = `whsec_${btoa('a test secret of enough length!!')}`;
const app = buildApp();
const bindings = { ...env, RESEND_WEBHOOK_SECRET: SECRET } as Env;

function signed(body: string, id: string, at = new Date(), secret = SECRET) {
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    'content-type': 'application/json',
    'svix-id': id,
    'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
    'svix-signature': signature,
  };
}

async function post(body: string, headers: Record<string, string>, withEnv: Env = bindings) {
  // No Origin header: Resend posts server to server.
  return app.fetch(new Request(`${ORIGIN}/webhooks/resend`, { method: 'POST', body, headers }), withEnv);
}

function bounce(to: string, type = 'Permanent') {
  return JSON.stringify({
    type: 'email.bounced',
    created_at: '2026-11-27T12:00:00Z',
    data: { email_id: 'e-1', to: [to], subject: 'x', bounce: { type, message: 'no such user' } },
  });
}

async function suppressed(email: string) {
  return env.DB.prepare('SELECT reason FROM email_suppressions WHERE email = ?')
    .bind(email)
    .first<{ reason: string }>();
}

describe('POST /webhooks/resend', () => {
  it('answers 503 when no webhook secret is configured', async () => {
    const body = bounce('x@example.org');
    const response = await post(body, signed(body, 'msg_0'), env);
    expect(response.status).toBe(503);
  });

  it('suppresses the address of a correctly signed bounce', async () => {
    const body = bounce('Bounce@Example.org');
    const response = await post(body, signed(body, 'msg_1'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, replay: false });
    expect(await suppressed('bounce@example.org')).toEqual({ reason: 'bounced' });
  });

  it('suppresses the address of a complaint', async () => {
    const body = JSON.stringify({ type: 'email.complained', data: { to: ['angry@example.org'] } });
    expect((await post(body, signed(body, 'msg_2'))).status).toBe(200);
    expect(await suppressed('angry@example.org')).toEqual({ reason: 'complained' });
  });

  it('processes a replayed delivery once and still answers 200', async () => {
    const body = bounce('replay@example.org');
    const headers = signed(body, 'msg_3');
    expect(await (await post(body, headers)).json()).toEqual({ ok: true, replay: false });
    await env.DB.prepare("DELETE FROM email_suppressions WHERE email = 'replay@example.org'").run();
    const again = await post(body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, replay: true });
    // The replay did not run again (the row removed in between stays removed).
    expect(await suppressed('replay@example.org')).toBeNull();
    const events = await env.DB.prepare("SELECT count(*) AS n FROM webhook_events WHERE id = 'msg_3'").first<{
      n: number;
    }>();
    expect(events!.n).toBe(1);
  });

  it('refuses a bad signature with 401 and changes nothing', async () => {
    const body = bounce('forged@example.org');
    const headers = signed(body, 'msg_4', new Date(), `whsec_${btoa('another secret, not the real one')}`);
    const response = await post(body, headers);
    expect(response.status).toBe(401);
    expect(await suppressed('forged@example.org')).toBeNull();
  });

  it('refuses a body changed after signing (the signature covers the raw bytes)', async () => {
    const body = bounce('raw@example.org');
    const headers = signed(body, 'msg_5');
    const response = await post(body.replace('raw@', 'other@'), headers);
    expect(response.status).toBe(401);
    expect(await suppressed('other@example.org')).toBeNull();
  });

  it('refuses a stale timestamp with 401', async () => {
    const body = bounce('stale@example.org');
    const response = await post(body, signed(body, 'msg_6', new Date(Date.now() - 10 * 60_000)));
    expect(response.status).toBe(401);
    expect(await suppressed('stale@example.org')).toBeNull();
  });

  it('refuses a delivery without signature headers with 400', async () => {
    const response = await post(bounce('x@example.org'), { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
  });

  it('checks a form-encoded body over its raw bytes, even one workerd cannot re-encode', async () => {
    // Found by test/security/fuzz.test.ts: a field named "\" parsed as a form could not be turned
    // back into text (workerd refuses such a name), and the webhook answered 500.
    const body = '%5C=';
    const headers = { ...signed(body, 'msg_8'), 'content-type': 'application/x-www-form-urlencoded' };
    const response = await post(body, headers);
    // The signature verifies over the raw bytes; the body is not a JSON event.
    expect(response.status).toBe(400);
    expect((await post(body, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);
  });

  it('is reachable through the whole app without an Origin header (CSRF-exempt)', async () => {
    const { exports } = await import('cloudflare:workers');
    const body = bounce('x@example.org');
    const response = await exports.default.fetch(
      new Request(`${ORIGIN}/webhooks/resend`, { method: 'POST', body, headers: signed(body, 'msg_7') }),
    );
    // The test bindings have no secret, so the answer is 503 rather than a CSRF 403.
    expect(response.status).toBe(503);
  });
});

describe('suppressionFromEvent', () => {
  it('ignores transient bounces and other events', () => {
    expect(
      suppressionFromEvent({
        type: 'email.bounced',
        data: { to: ['a@x.org'], bounce: { type: 'Transient' } },
      }),
    ).toBeNull();
    expect(suppressionFromEvent({ type: 'email.delivered', data: { to: ['a@x.org'] } })).toBeNull();
    expect(suppressionFromEvent({ type: 'email.bounced', data: { to: ['A@X.org'] } })).toEqual({
      emails: ['a@x.org'],
      reason: 'bounced',
    });
  });
});
