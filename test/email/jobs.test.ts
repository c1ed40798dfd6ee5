import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEmailRetention, BODY_RETENTION_MS, sweepOutbox } from '../../src/email/jobs';
import { getDb } from '../../src/db';
import { requeueFailed } from '../../src/email/queries';
import { DAY } from '../../src/lib/time';
import { stubFetch } from '../helpers';
import { recordingQueue, resendAnswer, row, storeEmail } from './support';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

async function set(id: string, sql: string, ...values: unknown[]) {
  await env.DB.prepare(`UPDATE outbox SET ${sql} WHERE id = ?`)
    .bind(...values, id)
    .run();
}

describe('the outbox sweep', () => {
  it('re-enqueues overdue pending rows and rows stuck in sending, and leaves the rest', async () => {
    const now = Date.now();
    const overdue = await storeEmail();
    await set(overdue, 'next_attempt_at = ?', now - 5 * 60_000);
    const stuck = await storeEmail();
    await set(stuck, "status = 'sending', claimed_at = ?", now - 11 * 60_000);
    const fresh = await storeEmail();
    const waiting = await storeEmail();
    await set(waiting, 'next_attempt_at = ?', now + 5 * 60_000);
    const busy = await storeEmail();
    await set(busy, "status = 'sending', claimed_at = ?", now - 60_000);
    const sent = await storeEmail();
    await set(sent, "status = 'sent', next_attempt_at = 0");

    const { sent: messages, queue } = recordingQueue();
    const result = await sweepOutbox({ ...env, EMAIL_QUEUE: queue } as Env, now);

    const ids = messages.map((m) => m.outboxId);
    expect(ids).toContain(overdue);
    expect(ids).toContain(stuck);
    for (const id of [fresh, waiting, busy, sent]) expect(ids).not.toContain(id);
    expect(result.enqueued).toBe(ids.length);
  });

  it('sends overdue send groups through the batch endpoint', async () => {
    const now = Date.now();
    const id = await storeEmail({ batchKey: 'stuck-group' });
    await set(id, 'next_attempt_at = ?', now - 60 * 60_000);
    stub = stubFetch(() => resendAnswer(200, { data: [{ id: 'g-1' }] }));
    const { queue } = recordingQueue();
    const result = await sweepOutbox(
      { ...env, EMAIL_QUEUE: queue, RESEND_API_KEY: 're_test_key' } as Env,
      now,
    );
    expect(result.groups).toBe(1);
    expect(stub.calls.map((c) => c.url)).toEqual(['https://api.resend.com/emails/batch']);
    expect(stub.calls[0]!.headers.get('idempotency-key')).toBe('stuck-group');
    expect(await row(id)).toMatchObject({ status: 'sent', providerId: 'g-1' });
  });

  it('enqueues nothing in production without a Resend key', async () => {
    const id = await storeEmail();
    await set(id, 'next_attempt_at = 0');
    const { sent, queue } = recordingQueue();
    const result = await sweepOutbox(
      { ...env, EMAIL_QUEUE: queue, ENVIRONMENT: 'production' } as Env,
      Date.now(),
    );
    expect(result).toEqual({ enqueued: 0, groups: 0 });
    expect(sent).toHaveLength(0);
  });

  it('is run by the frequent Cron trigger', async () => {
    const { scheduledJobs } = await import('../../src/jobs');
    expect(
      scheduledJobs.filter((job) => job.name.startsWith('email.')).map((job) => [job.name, job.every]),
    ).toEqual([
      ['email.sweep', 'frequent'],
      ['email.retention', 'hourly'],
    ]);
  });
});

describe('email retention', () => {
  it('blanks the bodies of emails sent or failed more than 90 days ago and keeps the subject', async () => {
    const now = Date.now();
    const old = await storeEmail({
      attachments: [{ filename: 'a.ics', content: btoa('x'), contentType: 'text/calendar' }],
    });
    await set(
      old,
      "status = 'sent', created_at = ?, sent_at = ?",
      now - BODY_RETENTION_MS - DAY,
      now - BODY_RETENTION_MS - DAY,
    );
    const recent = await storeEmail();
    await set(recent, "status = 'sent', sent_at = ?", now - DAY);
    const oldFailed = await storeEmail();
    await set(oldFailed, "status = 'failed', created_at = ?", now - BODY_RETENTION_MS - DAY);

    const pendingOld = await storeEmail();
    await set(pendingOld, 'created_at = ?', now - BODY_RETENTION_MS - DAY);

    expect(await applyEmailRetention(env, now)).toBe(2);
    const blanked = await row(old);
    expect(blanked).toMatchObject({ textBody: '', htmlBody: '', attachments: null });
    expect(blanked.subject).toContain('Welcome Table Coalition');
    expect((await row(recent)).textBody).not.toBe('');
    expect((await row(oldFailed)).textBody).toBe('');
    // A failed email without its body can no longer be retried; a pending one keeps its body.
    expect(await requeueFailed(getDb(env), oldFailed, now)).toBe(false);
    expect((await row(pendingOld)).textBody).not.toBe('');
    // Running it again changes nothing more.
    expect(await applyEmailRetention(env, now)).toBe(0);
  });
});
