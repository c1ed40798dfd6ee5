// The Worker stopped in the middle of a bill-alert fan-out and started again. The alert queue
// consumer runs on a database that "goes away" at a chosen moment (every call throws, as in a
// Worker that was killed), the queue messages of that moment are dropped, and then the recovery
// path runs: the cron that resumes stalled fan-outs, the consumer, and the outbox sweep, after
// the stall and stale-claim windows have passed. Resend is a fake that honours Idempotency-Key.
// (test/bills/alerts.test.ts already resumes a fan-out whose state was edited to look stopped; here
// the stop happens inside the code, at the worst moments.)
import { createMessageBatch } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consumeAlertBatch, FANOUT_STALL_MS, resumeStalledFanouts } from '../../src/bills/alerts';
import { postBillUpdate, type AlertPageMessage } from '../../src/bills/movements';
import { getBill, getMovement } from '../../src/bills/queries';
import { getDb } from '../../src/db';
import { sweepOutbox } from '../../src/email/jobs';
import { STALE_CLAIM_MS } from '../../src/email/policy';
import { outbox } from '../../src/email/schema';
import { seedBill, seedSubscribers } from '../bills/seed';
import { recordingQueue } from '../email/support';
import { stubFetch } from '../helpers';
import { fakeResend, faultyD1, tally } from './support';

const SUBSCRIBERS = 250;
const db = getDb(env);

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
  vi.useRealTimers();
});

/** Where the Worker stops. */
type CrashPoint =
  /** Resend accepted page 1's batch; the Worker died before recording it (rows left "sending"). */
  | 'after-resend-accepted'
  /** Page 1 was stored and sent and recorded; the Worker died before moving the cursor on. */
  | 'before-cursor-moved'
  /** Page 1's alerts were stored; the Worker died before calling Resend. */
  | 'before-send';

async function fanOutWithCrash(crashAt: CrashPoint, prefix: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  let now = Date.UTC(2027, 1, 3, 15);
  vi.setSystemTime(now);
  const billId = `bill-${prefix}`;
  await seedBill(db, { id: billId, identifier: `HB ${prefix.length}${prefix.charCodeAt(0)}` });
  await seedSubscribers(db, { count: SUBSCRIBERS, billId, prefix, confirmedAt: now - 3_600_000 });
  const movementId = await postBillUpdate(db, (await getBill(db, billId))!, {
    headlineEn: 'Committee vote Thursday',
    headlineEs: 'Votación en comité el jueves',
    detailEn: null,
    detailEs: null,
  });

  // Fake Resend: the crash is armed when page 1's batch arrives.
  let dead = false;
  let batchCalls = 0;
  const resend = fakeResend(() => 'none');
  stub = stubFetch(async (request) => {
    if (new URL(request.url).pathname === '/emails/batch') batchCalls += 1;
    if (crashAt === 'before-send' && batchCalls === 2) {
      dead = true;
      throw new Error('the Worker stopped');
    }
    const response = await resend.handle(request);
    if (crashAt === 'after-resend-accepted' && batchCalls === 2) dead = true;
    return response;
  });
  const stopped = () => new Error('the Worker stopped');
  const crashingDb = faultyD1(env.DB, (sql) => {
    if (dead) return stopped();
    if (
      crashAt === 'before-cursor-moved' &&
      batchCalls === 2 &&
      sql &&
      /^update "bill_movements"/i.test(sql)
    ) {
      dead = true;
      return stopped();
    }
    return null;
  });

  const alertQueue = recordingQueue();
  const emailQueue = recordingQueue();
  const workerEnv = (database: D1Database) =>
    ({
      ...env,
      DB: database,
      RESEND_API_KEY: 're_test_key',
      ALERT_QUEUE: alertQueue.queue,
      EMAIL_QUEUE: emailQueue.queue,
    }) as unknown as Env;

  let counter = 0;
  /** Delivers the alert queue's messages one by one; returns the ones the consumer retried. */
  async function drainAlertQueue(environment: Env, first: AlertPageMessage[]) {
    const pending = [...first];
    const retried: unknown[] = [];
    while (pending.length > 0) {
      const body = pending.shift()!;
      alertQueue.sent.length = 0;
      const batch = createMessageBatch('welcome-table-alerts', [
        { id: `alert-${++counter}`, timestamp: new Date(), attempts: 1, body },
      ]);
      for (const message of batch.messages)
        Object.defineProperty(message, 'retry', { value: () => void retried.push(message.body) });
      await consumeAlertBatch(batch, environment);
      pending.push(...(alertQueue.sent as unknown as AlertPageMessage[]));
    }
    return retried;
  }

  // Run 1: the Worker dies mid-way; whatever it asked the queue to retry is lost with it.
  const lost = await drainAlertQueue(workerEnv(crashingDb), [{ movementId, page: 0, after: '' }]);
  expect(dead).toBe(true);
  expect(lost).toHaveLength(1);
  const deliveredBeforeRestart = resend.deliveredTo.length;

  // Run 2: a fresh Worker, after the stall (fan-out) and stale-claim (outbox) windows.
  dead = false;
  now += Math.max(FANOUT_STALL_MS, STALE_CLAIM_MS) + 60_000;
  vi.setSystemTime(now);
  const healthy = workerEnv(env.DB);
  alertQueue.sent.length = 0;
  expect(await resumeStalledFanouts(healthy, now)).toBe(1);
  const resumed = [...(alertQueue.sent as unknown as AlertPageMessage[])];
  expect(await drainAlertQueue(healthy, resumed)).toEqual([]);
  // The outbox sweep is the safety net for send groups left behind (Resend dedups their keys).
  for (let round = 0; round < 3; round++) {
    now += 16 * 60_000;
    vi.setSystemTime(now);
    await sweepOutbox(healthy, now);
  }

  const alerts = await db
    .select()
    .from(outbox)
    .where(like(outbox.id, `alert:${movementId}:%`));
  const perPerson = tally(resend.deliveredTo.filter((to) => to.startsWith(`${prefix}-`)));
  console.log(
    `[faults] alert fan-out stopped ${crashAt}: ${SUBSCRIBERS} subscribers, ${deliveredBeforeRestart} delivered before the stop, ` +
      `${resend.calls} Resend calls, ${resend.acceptances.length} batches accepted, after restart ${perPerson.size} people reached`,
  );
  return { alerts, perPerson, movementId };
}

describe('an alert fan-out stopped mid-way and started again', () => {
  for (const [crashAt, prefix] of [
    ['after-resend-accepted', 'ra'],
    ['before-cursor-moved', 'cm'],
    ['before-send', 'bs'],
  ] as const) {
    it(`reaches every subscriber exactly once when the Worker stops ${crashAt}`, async () => {
      const { alerts, perPerson, movementId } = await fanOutWithCrash(crashAt, prefix);
      // Nobody got zero alerts, nobody got two.
      expect(perPerson.size).toBe(SUBSCRIBERS);
      expect([...perPerson.entries()].filter(([, count]) => count !== 1)).toEqual([]);
      expect(alerts).toHaveLength(SUBSCRIBERS);
      expect(alerts.filter((a) => a.status !== 'sent').map((a) => [a.id, a.status])).toEqual([]);
      expect((await getMovement(db, movementId))!.fanoutStatus).toBe('done');
    }, 60_000);
  }
});
