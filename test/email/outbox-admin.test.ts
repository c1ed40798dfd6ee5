import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { MAX_ATTEMPTS } from '../../src/email/policy';
import { ORIGIN, organizerCookie, request, stubFetch } from '../helpers';
import { recordingQueue, resendAnswer, resendEnv, row, runQueue, storeEmail } from './support';

const app = buildApp();

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

async function failEmail(to: string): Promise<string> {
  const id = await storeEmail({ to });
  stub = stubFetch(() => resendAnswer(500, { name: 'internal_server_error' }));
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    await env.DB.prepare('UPDATE outbox SET next_attempt_at = 0 WHERE id = ?').bind(id).run();
    await runQueue([id]);
  }
  stub.restore();
  stub = undefined;
  return id;
}

describe('/admin/outbox', () => {
  it('refuses a visitor who is not signed in', async () => {
    const response = await request('/admin/outbox');
    expect([302, 303, 401, 403]).toContain(response.status);
    expect(await response.text()).not.toContain('failing');
  });

  it('shows an email that failed after every try, masked, with its error, and retries it', async () => {
    const id = await failEmail('failing@example.org');
    expect((await row(id)).status).toBe('failed');
    const cookie = await organizerCookie();

    const page = await app.fetch(
      new Request(`${ORIGIN}/admin/outbox`, { headers: { cookie, accept: 'text/html' } }),
      env,
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Email outbox');
    expect(html).toContain('f***@example.org');
    expect(html).not.toContain('failing@example.org');
    expect(html).toContain('HTTP 500 internal_server_error');
    expect(html).toContain(`action="/admin/outbox/${id}/retry"`);
    expect(html).toMatch(/data-status="failed">1</);

    const { sent, queue } = recordingQueue();
    const retried = await app.fetch(
      new Request(`${ORIGIN}/admin/outbox/${id}/retry`, {
        method: 'POST',
        headers: { cookie, origin: ORIGIN },
      }),
      { ...env, EMAIL_QUEUE: queue } as Env,
    );
    expect(retried.status).toBe(303);
    expect(retried.headers.get('location')).toBe('/admin/outbox?retried=1');
    expect(sent).toEqual([{ outboxId: id }]);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });

    // The queue delivers it: one more email goes out.
    stub = stubFetch(() => resendAnswer(200, { id: 'resend-after-retry' }));
    await runQueue([id], resendEnv);
    expect(stub.calls).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', providerId: 'resend-after-retry' });

    // Retrying a row that is no longer failed changes nothing.
    const again = await app.fetch(
      new Request(`${ORIGIN}/admin/outbox/${id}/retry`, {
        method: 'POST',
        headers: { cookie, origin: ORIGIN },
      }),
      { ...env, EMAIL_QUEUE: queue } as Env,
    );
    expect(again.headers.get('location')).toBe('/admin/outbox?retried=0');
    expect(sent).toHaveLength(1);
    expect((await row(id)).status).toBe('sent');
  });

  it('refuses a retry posted from another site', async () => {
    const id = await failEmail('csrf@example.org');
    const cookie = await organizerCookie();
    const response = await app.fetch(
      new Request(`${ORIGIN}/admin/outbox/${id}/retry`, {
        method: 'POST',
        headers: { cookie, origin: 'https://evil.example' },
      }),
      env,
    );
    expect(response.status).toBe(403);
    expect((await row(id)).status).toBe('failed');
  });

  it('says emails are held when production has no Resend key, and lists them as pending', async () => {
    const id = await storeEmail({ to: 'held@example.org' });
    const cookie = await organizerCookie();
    const production = { ...env, ENVIRONMENT: 'production' } as Env;
    await runQueue([id], production);
    const html = await (
      await app.fetch(
        new Request(`${ORIGIN}/admin/outbox`, { headers: { cookie, accept: 'text/html' } }),
        production,
      )
    ).text();
    expect(html).toContain('No RESEND_API_KEY is set');
    expect(html).toContain('h***@example.org');
  });

  it('speaks Spanish', async () => {
    const cookie = await organizerCookie();
    const html = await (
      await app.fetch(
        new Request(`${ORIGIN}/admin/outbox`, {
          headers: { cookie, accept: 'text/html', 'accept-language': 'es' },
        }),
        env,
      )
    ).text();
    expect(html).toContain('Bandeja de salida de correo');
    expect(html).toContain('Reintentar');
  });
});
