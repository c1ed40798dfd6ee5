// A Resend that fails 30% of calls (429 with retry-after, 500, timeouts before and after it accepted
// the email): the email queue consumer, redelivering retried messages, and the outbox sweep run
// until nothing is left, and every email has been delivered exactly once.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../src/db';
import { sweepOutbox } from '../../src/email/jobs';
import { outbox } from '../../src/email/schema';
import { stubFetch } from '../helpers';
import { createMessageBatch } from 'cloudflare:test';
import { deliverEmailBatch } from '../../src/email/delivery';
import type { EmailQueueMessage } from '../../src/email/outbox';
import { recordingQueue, resendEnv, storeEmail } from '../email/support';
import { fakeResend, seededRandom, tally, type ResendFault } from './support';

const EMAILS = 100;
const FAILURE_RATE = 0.3;
const SEED = 20261127;

let messageCounter = 0;
/** Runs the email queue consumer on one batch of messages; returns the outbox ids it retried. */
async function consume(outboxIds: string[]): Promise<string[]> {
  const retried: string[] = [];
  // The queue hands the consumer at most max_batch_size (10) messages at a time.
  for (let i = 0; i < outboxIds.length; i += 10) {
    const batch = createMessageBatch<EmailQueueMessage>(
      'welcome-table-email',
      outboxIds.slice(i, i + 10).map((outboxId) => ({
        id: `msg-${++messageCounter}`,
        timestamp: new Date(),
        attempts: 1,
        body: { outboxId },
      })),
    );
    for (const message of batch.messages) {
      Object.defineProperty(message, 'retry', { value: () => void retried.push(message.body.outboxId) });
    }
    await deliverEmailBatch(batch, resendEnv);
  }
  return retried;
}

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
  vi.useRealTimers();
});

describe('email delivery through a flaky Resend', () => {
  it(`delivers each of ${EMAILS} emails exactly once when ${FAILURE_RATE * 100}% of calls fail`, async () => {
    // Only the clock is faked: retries wait for minutes, and the test moves time on instead.
    vi.useFakeTimers({ toFake: ['Date'] });
    let now = Date.UTC(2027, 0, 10, 12);
    vi.setSystemTime(now);

    const random = seededRandom(SEED);
    const faults: ResendFault[] = ['429', '500', 'timeout-before', 'timeout-after'];
    const resend = fakeResend(() =>
      random() < FAILURE_RATE ? faults[Math.floor(random() * faults.length)]! : 'none',
    );
    stub = stubFetch(resend.handle);

    const ids: string[] = [];
    for (let i = 0; i < EMAILS; i++) ids.push(await storeEmail({ to: `person-${i}@example.org` }));

    // The queue: first the message each row got when it was stored; a retried message comes back
    // (the real queue waits its delay; the clock below moves past every delay); the sweep adds the
    // rows whose message was lost or whose sender died.
    const { queue, sent } = recordingQueue();
    const sweepEnv = { ...resendEnv, EMAIL_QUEUE: queue } as Env;
    let messages = [...ids];
    let rounds = 0;
    let redelivered = 0;
    let swept = 0;
    const db = getDb(env);
    for (; rounds < 40; rounds++) {
      if (messages.length > 0) {
        const retried = await consume(messages);
        redelivered += retried.length;
        messages = retried;
      }
      // Time moves on past the longest delay (an hour), and the cron sweep runs.
      now += 61 * 60_000;
      vi.setSystemTime(now);
      sent.length = 0;
      const sweep = await sweepOutbox(sweepEnv, now);
      swept += sweep.enqueued;
      messages = [...new Set([...messages, ...sent.map((m) => m.outboxId)])];
      const rows = await db.select({ status: outbox.status }).from(outbox);
      if (messages.length === 0 && rows.every((r) => r.status === 'sent')) break;
    }

    const rows = await db
      .select({ id: outbox.id, status: outbox.status, attempts: outbox.attempts })
      .from(outbox);
    const acceptancesPerKey = tally(resend.acceptances);
    console.log(
      `[faults] flaky Resend: ${EMAILS} emails, ${resend.calls} calls, injected ${JSON.stringify(resend.injected)}, ` +
        `${rounds + 1} rounds, ${redelivered} queue redeliveries, ${swept} swept, max attempts ${Math.max(...rows.map((r) => r.attempts))}`,
    );

    // About 30% of calls failed, of every kind.
    const failures = resend.calls - resend.injected.none;
    expect(failures / resend.calls).toBeGreaterThan(0.15);
    for (const kind of ['429', '500', 'timeout-before', 'timeout-after'] as const)
      expect(resend.injected[kind]).toBeGreaterThan(0);
    // Every email sent, none pending or failed; each key accepted once, each person reached once.
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(rows).toHaveLength(EMAILS);
    expect([...acceptancesPerKey.keys()].sort()).toEqual([...ids].sort());
    expect([...acceptancesPerKey.values()].every((count) => count === 1)).toBe(true);
    const perPerson = tally(resend.deliveredTo);
    expect(perPerson.size).toBe(EMAILS);
    expect([...perPerson.values()].every((count) => count === 1)).toBe(true);
  }, 60_000);
});
