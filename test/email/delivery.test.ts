import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { MAX_ATTEMPTS } from '../../src/email/policy';
import { emailSuppressions } from '../../src/email/schema';
import { stubFetch } from '../helpers';
import { resendAnswer, resendEnv, row, runQueue, storeEmail } from './support';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

describe('the email queue consumer', () => {
  it('sends the exact Resend request: URL, key, Idempotency-Key and every field', async () => {
    const id = await storeEmail({
      to: 'maria@example.org',
      replyTo: 'organizer@example.org',
      cc: ['pastor@example.org'],
      attachments: [{ filename: 'day.ics', content: btoa('BEGIN:VCALENDAR'), contentType: 'text/calendar' }],
      unsubscribeUrl: 'https://welcome.test/bills/unsubscribe/tok/one-click-unsubscribe',
    });
    stub = stubFetch(() => resendAnswer(200, { id: 'resend-1' }));
    const stored = await row(id);

    const result = await runQueue([id]);

    expect(stub.calls).toHaveLength(1);
    const call = stub.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('https://api.resend.com/emails');
    expect(call.headers.get('authorization')).toBe('Bearer re_test_key');
    expect(call.headers.get('idempotency-key')).toBe(id);
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(await call.json()).toEqual({
      from: env.MAIL_FROM,
      to: ['maria@example.org'],
      subject: stored.subject,
      text: stored.textBody,
      html: stored.htmlBody,
      reply_to: 'organizer@example.org',
      cc: ['pastor@example.org'],
      headers: {
        'List-Unsubscribe': '<https://welcome.test/bills/unsubscribe/tok/one-click-unsubscribe>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      attachments: [{ filename: 'day.ics', content: btoa('BEGIN:VCALENDAR'), content_type: 'text/calendar' }],
    });
    expect(stored.subject).toContain('Welcome Table Coalition');
    expect(stored.textBody).toContain('https://welcome.test/sign-in/abc');
    expect(result.explicitAcks).toHaveLength(1);
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', providerId: 'resend-1', attempts: 1, lastError: null });
    expect(sent.sentAt).toBeTypeOf('number');
  });

  it('drops the body and attachments once Resend has the email, keeping what the outbox view needs', async () => {
    const id = await storeEmail({
      to: 'body@example.org',
      attachments: [{ filename: 'day.ics', content: btoa('BEGIN:VCALENDAR'), contentType: 'text/calendar' }],
    });
    const before = await row(id);
    expect(before.textBody).toContain('https://welcome.test/sign-in/abc');
    stub = stubFetch(() => resendAnswer(200, { id: 'resend-body' }));
    await runQueue([id]);
    const sent = await row(id);
    expect(sent).toMatchObject({
      status: 'sent',
      textBody: '',
      htmlBody: '',
      attachments: null,
      subject: before.subject,
      toAddress: 'body@example.org',
      providerId: 'resend-body',
    });
    // Delivered once: a redelivered queue message finds it sent and calls Resend no more.
    await runQueue([id]);
    expect(stub.calls).toHaveLength(1);
  });

  it('sends no unsubscribe headers for a personal, non-bulk email', async () => {
    const id = await storeEmail();
    stub = stubFetch(() => resendAnswer(200, { id: 'resend-2' }));
    await runQueue([id]);
    const body = (await stub.calls[0]!.json()) as Record<string, unknown>;
    expect(body.headers).toBeUndefined();
    expect(body.cc).toBeUndefined();
    expect(body.attachments).toBeUndefined();
  });

  it('sends one email when Resend answers 429 with retry-after and then 200', async () => {
    const id = await storeEmail();
    let calls = 0;
    stub = stubFetch(() =>
      ++calls === 1
        ? resendAnswer(
            429,
            { name: 'rate_limit_exceeded', message: 'Too many requests' },
            { 'retry-after': '40' },
          )
        : resendAnswer(200, { id: 'resend-3' }),
    );

    const first = await runQueue([id]);
    expect(first.retryMessages).toHaveLength(1);
    expect(first.delays[0]).toBeGreaterThanOrEqual(40);
    const waiting = await row(id);
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 429 rate_limit_exceeded',
    });
    expect(waiting.nextAttemptAt).toBeGreaterThan(Date.now() + 39_000);

    // A message redelivered before its time does not send early: it is put back for the rest of the wait.
    const early = await runQueue([id]);
    expect(early.retryMessages).toHaveLength(1);
    expect(early.delays[0]).toBeGreaterThan(30);
    expect(calls).toBe(1);

    // The queue's retry arrives when the wait is over.
    await env.DB.prepare('UPDATE outbox SET next_attempt_at = ? WHERE id = ?')
      .bind(Date.now() - 1, id)
      .run();
    const second = await runQueue([id]);
    expect(second.explicitAcks).toHaveLength(1);
    expect(calls).toBe(2);
    expect(stub.calls.map((c) => c.headers.get('idempotency-key'))).toEqual([id, id]);
    expect(await row(id)).toMatchObject({
      status: 'sent',
      providerId: 'resend-3',
      attempts: 2,
      lastError: null,
    });
  });

  it(`marks the email failed after ${MAX_ATTEMPTS} answers of 500`, async () => {
    const id = await storeEmail({ to: 'failing@example.org' });
    stub = stubFetch(() => resendAnswer(500, { name: 'internal_server_error', message: 'oops' }));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await env.DB.prepare('UPDATE outbox SET next_attempt_at = ? WHERE id = ?')
        .bind(Date.now() - 1, id)
        .run();
      const result = await runQueue([id]);
      if (attempt < MAX_ATTEMPTS) expect(result.retryMessages).toHaveLength(1);
      else expect(result.explicitAcks).toHaveLength(1);
    }
    expect(stub.calls).toHaveLength(MAX_ATTEMPTS);
    expect(await row(id)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: 'HTTP 500 internal_server_error',
    });
  });

  it('retries after a network error or timeout', async () => {
    const id = await storeEmail();
    stub = stubFetch(() => {
      throw new DOMException('The operation timed out', 'TimeoutError');
    });
    const result = await runQueue([id]);
    expect(result.retryMessages).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'pending', lastError: 'network: TimeoutError' });
  });

  it('fails at once on a 4xx other than 429, keeping no personal data in the error', async () => {
    const id = await storeEmail({ to: 'bad@example.org' });
    stub = stubFetch(() =>
      resendAnswer(422, { name: 'validation_error', message: 'Invalid `to` field: bad@example.org' }),
    );
    const result = await runQueue([id]);
    expect(result.explicitAcks).toHaveLength(1);
    const stored = await row(id);
    expect(stored).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 422 validation_error' });
  });

  it('sends one email when the same queue message is delivered twice', async () => {
    const id = await storeEmail();
    stub = stubFetch(() => resendAnswer(200, { id: 'resend-4' }));
    await runQueue([id]);
    const again = await runQueue([id]);
    const bothInOneBatch = await runQueue([id, id]);
    expect(stub.calls).toHaveLength(1);
    expect(again.explicitAcks).toHaveLength(1);
    expect(bothInOneBatch.explicitAcks).toHaveLength(2);
    expect((await row(id)).attempts).toBe(1);
  });

  it('sends one email when two consumers get the same message at the same time', async () => {
    const id = await storeEmail();
    stub = stubFetch(async () => resendAnswer(200, { id: 'resend-5' }));
    await Promise.all([runQueue([id]), runQueue([id]), runQueue([id])]);
    expect(stub.calls).toHaveLength(1);
  });

  it('leaves a row another worker is sending right now alone, and takes over a stale one', async () => {
    const id = await storeEmail();
    stub = stubFetch(() => resendAnswer(200, { id: 'resend-6' }));
    await env.DB.prepare("UPDATE outbox SET status = 'sending', claimed_at = ? WHERE id = ?")
      .bind(Date.now(), id)
      .run();
    await runQueue([id]);
    expect(stub.calls).toHaveLength(0);
    await env.DB.prepare('UPDATE outbox SET claimed_at = ? WHERE id = ?')
      .bind(Date.now() - 11 * 60_000, id)
      .run();
    await runQueue([id]);
    expect(stub.calls).toHaveLength(1);
    expect((await row(id)).status).toBe('sent');
  });

  it('fails a row whose sender kept dying after its last try, without sending', async () => {
    const id = await storeEmail();
    stub = stubFetch(() => resendAnswer(200, { id: 'never' }));
    await env.DB.prepare("UPDATE outbox SET status = 'sending', attempts = ?, claimed_at = ? WHERE id = ?")
      .bind(MAX_ATTEMPTS, Date.now() - 11 * 60_000, id)
      .run();
    await runQueue([id]);
    expect(stub.calls).toHaveLength(0);
    expect(await row(id)).toMatchObject({ status: 'failed', lastError: 'interrupted too often' });
  });

  it('does not send to a suppressed address', async () => {
    await getDb(env)
      .insert(emailSuppressions)
      .values({ email: 'bounced@example.org', reason: 'bounced', createdAt: Date.now() });
    const id = await storeEmail({ to: 'Bounced@Example.org' });
    stub = stubFetch(() => resendAnswer(200, { id: 'never' }));
    const result = await runQueue([id]);
    expect(stub.calls).toHaveLength(0);
    expect(result.explicitAcks).toHaveLength(1);
    expect((await row(id)).status).toBe('suppressed');
  });

  it('delivers a batch in one claim, one suppression check and one write, whatever each row needs', async () => {
    await getDb(env)
      .insert(emailSuppressions)
      .values({ email: 'gone@example.org', reason: 'bounced', createdAt: Date.now() });
    const first = await storeEmail({ to: 'first@example.org' });
    const second = await storeEmail({ to: 'second@example.org' });
    const refused = await storeEmail({ to: 'refused@example.org' });
    const suppressed = await storeEmail({ to: 'gone@example.org' });
    let n = 0;
    stub = stubFetch(async (request) =>
      (await request.clone().json<{ to: string[] }>()).to[0] === 'refused@example.org'
        ? resendAnswer(422, { message: 'invalid' })
        : resendAnswer(200, { id: `resend-${++n}` }),
    );
    // Every statement the consumer sends to D1, counted as D1 sees them (a batch is one call).
    const calls: string[] = [];
    const counted = {
      ...resendEnv,
      DB: {
        ...resendEnv.DB,
        prepare: (query: string) => (calls.push(query.split(' ')[0]!), resendEnv.DB.prepare(query)),
        batch: (statements: D1PreparedStatement[]) => (
          calls.push(`batch of ${statements.length}`),
          resendEnv.DB.batch(statements)
        ),
      },
    } as Env;

    const result = await runQueue([first, second, refused, suppressed, 'no-such-row', first], counted);

    expect(stub.calls).toHaveLength(3);
    expect(result.explicitAcks).toHaveLength(6);
    expect((await row(first)).status).toBe('sent');
    expect((await row(second)).providerId).toBe('resend-2');
    expect((await row(refused)).status).toBe('failed');
    expect((await row(suppressed)).status).toBe('suppressed');
    // D1 round trips: the claim of all five rows; the missing row's look-up; one suppression
    // check; the suppressed row; the refused row; the two sends recorded together.
    expect(calls).toEqual([
      'update',
      'batch of 1',
      'select',
      'select',
      'update',
      'batch of 1',
      'update',
      'batch of 1',
      'update',
      'update',
      'batch of 2',
    ]);
  });

  it('acks a message whose row does not exist', async () => {
    stub = stubFetch(() => resendAnswer(200, { id: 'never' }));
    const result = await runQueue(['no-such-row']);
    expect(result.explicitAcks).toEqual([expect.any(String)]);
    expect(stub.calls).toHaveLength(0);
  });
});

describe('the Worker queue handler', () => {
  it('routes the email queue to delivery (test bindings: local mailbox)', async () => {
    const { exports } = await import('cloudflare:workers');
    // `queue()` on the Worker's own entrypoint exists with service_binding_extra_handlers (vitest.config.ts).
    const worker = exports.default as unknown as {
      queue(
        queue: string,
        messages: { id: string; timestamp: Date; attempts: number; body: unknown }[],
      ): Promise<{
        outcome: string;
        explicitAcks: string[];
      }>;
    };
    const id = await storeEmail();
    const result = await worker.queue('welcome-table-email', [
      { id: 'worker-msg-1', timestamp: new Date(), attempts: 1, body: { outboxId: id } },
    ]);
    expect(result.outcome).toBe('ok');
    expect(result.explicitAcks).toEqual(['worker-msg-1']);
    expect(await row(id)).toMatchObject({ status: 'sent', providerId: 'local-mailbox' });
  });
});

describe('delivery without a Resend key', () => {
  it('puts the email in the local mailbox in development and tests', async () => {
    const id = await storeEmail();
    stub = stubFetch(() => resendAnswer(200, { id: 'never' }));
    await runQueue([id], { ...env, ENVIRONMENT: 'development' } as Env);
    expect(stub.calls).toHaveLength(0);
    expect(await row(id)).toMatchObject({ status: 'sent', providerId: 'local-mailbox' });
  });

  it('keeps the email pending in production, untouched', async () => {
    const id = await storeEmail();
    stub = stubFetch(() => resendAnswer(200, { id: 'never' }));
    const result = await runQueue([id], { ...env, ENVIRONMENT: 'production' } as Env);
    expect(stub.calls).toHaveLength(0);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('queueEmail in a db.batch', () => {
  it('stores neither the change nor its email when the batch fails', async () => {
    const db = getDb(env);
    const before = await env.DB.prepare('SELECT count(*) AS n FROM outbox').first<{ n: number }>();
    const { queueEmail } = await import('../../src/email/outbox');
    const { id, statement } = queueEmail(db, env, {
      to: 'signer@example.org',
      lang: 'es',
      template: 'sign-in',
      data: { signInUrl: 'https://welcome.test/x' },
    });
    // The second statement breaks the batch (a webhook id inserted twice violates the primary key).
    const { webhookEvents } = await import('../../src/email/schema');
    const change = db.insert(webhookEvents).values({ id: 'dup', type: 't', receivedAt: 1 });
    await expect(
      db.batch([statement, change, db.insert(webhookEvents).values({ id: 'dup', type: 't', receivedAt: 1 })]),
    ).rejects.toThrow();
    const after = await env.DB.prepare('SELECT count(*) AS n FROM outbox').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
    expect(await env.DB.prepare('SELECT id FROM outbox WHERE id = ?').bind(id).first()).toBeNull();
    expect(await env.DB.prepare("SELECT id FROM webhook_events WHERE id = 'dup'").first()).toBeNull();
  });

  it('stores one email when the same fixed id is queued twice', async () => {
    const first = await storeEmail({ id: 'fixed-email-id' });
    const second = await storeEmail({ id: 'fixed-email-id' });
    expect(first).toBe(second);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE id = 'fixed-email-id'").first<{
      n: number;
    }>();
    expect(count!.n).toBe(1);
  });
});
