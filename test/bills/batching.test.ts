// The fan-out of one bill alert at scale, against a Resend fake rate-limited like Resend (at most 5
// calls in any rolling second, then 429 with Retry-After: 1). Time is a fake clock: the pages'
// waits advance it and are recorded, so pacing is asserted on computed times, never on wall time.
import { env } from 'cloudflare:workers';
import { like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { ALERT_PAGE_SIZE, processAlertPage, type AlertPageResult } from '../../src/bills/alerts';
import { postBillUpdate, type AlertPageMessage } from '../../src/bills/movements';
import { getBill, getMovement } from '../../src/bills/queries';
import { INLINE_RATE_LIMIT_WAITS, type PaceClock } from '../../src/email/fanout';
import {
  DEFAULT_RESEND_REQUESTS_PER_SECOND,
  RATE_LIMIT_JITTER_MS,
  resendCallIntervalMs,
} from '../../src/email/policy';
import { outbox } from '../../src/email/schema';
import { stubFetch } from '../helpers';
import { seedBill, seedSubscribers } from './seed';

const db = getDb(env);
// A Resend key makes delivery go to the (stubbed) Resend API instead of the local mailbox.
const withResend = { ...env, RESEND_API_KEY: 're_test_key' } as Env;

/** A clock that only moves when the code under test waits; every wait is recorded. */
function fakeClock(start = Date.now()) {
  const state = { now: start, sleeps: [] as number[] };
  const clock: PaceClock = {
    now: () => state.now,
    sleep: async (ms) => {
      state.sleeps.push(ms);
      state.now += ms;
    },
  };
  return { clock, state };
}

interface ResendCall {
  at: number;
  idempotencyKey: string;
  recipients: string[];
}

/**
 * Resend's batch endpoint on the fake clock: at most `perSecond` accepted calls in any rolling
 * second (a 429 with Retry-After: 1 beyond, as the benchmark's stub and Resend do), or a 429 to
 * every call while `refuseAll` is set; a repeated Idempotency-Key is answered again, not re-sent.
 */
function rateLimitedResend(now: () => number, perSecond = 5) {
  const fake = { accepted: [] as ResendCall[], rejected: 0, replayed: 0, refuseAll: false };
  const recent: number[] = [];
  const answers = new Map<string, unknown>();
  const tooMany = () =>
    Response.json({ name: 'rate_limit_exceeded' }, { status: 429, headers: { 'retry-after': '1' } });
  const stub = stubFetch(async (request) => {
    if (request.url !== 'https://api.resend.com/emails/batch')
      return new Response('unexpected', { status: 500 });
    const at = now();
    if (fake.refuseAll) {
      fake.rejected++;
      return tooMany();
    }
    while (recent.length && recent[0]! <= at - 1000) recent.shift();
    if (recent.length >= perSecond) {
      fake.rejected++;
      return tooMany();
    }
    recent.push(at);
    const key = request.headers.get('idempotency-key') ?? '';
    const previous = answers.get(key);
    if (previous) {
      fake.replayed++;
      return Response.json(previous);
    }
    const emails = (await request.json()) as { to: string[] }[];
    fake.accepted.push({ at, idempotencyKey: key, recipients: emails.flatMap((e) => e.to) });
    const answer = { data: emails.map((_, i) => ({ id: `resend-${fake.accepted.length}-${i}` })) };
    answers.set(key, answer);
    return Response.json(answer);
  });
  return { fake, stub };
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** A bill with `count` confirmed, immediate subscribers, and an update posted to it. */
async function billUpdate(prefix: string, count: number) {
  const billId = `bill-${prefix}`;
  await seedBill(db, { id: billId, identifier: `HB ${prefix}`, state: 'TX' });
  await seedSubscribers(db, { count, billId, state: 'TX', prefix, confirmedAt: Date.now() - 60_000 });
  return postBillUpdate(db, (await getBill(db, billId))!, {
    headlineEn: 'Committee hearing Tuesday',
    headlineEs: 'Audiencia de comisión el martes',
    detailEn: null,
    detailEs: null,
  });
}

/** Runs a movement's chain of pages as the alert queue would (each next page right after the last). */
async function runChain(bindings: Env, movementId: string, clock: PaceClock) {
  const results: AlertPageResult[] = [];
  let message: AlertPageMessage | undefined = { movementId, page: 0, after: '' };
  while (message) {
    const result = await processAlertPage(bindings, message, clock.now(), clock);
    results.push(result);
    if (result.status === 'retry') throw new Error('a page went back to the queue');
    message = result.status === 'next' ? result.next : undefined;
  }
  return results;
}

/** The most calls made within any one second. */
function busiestSecond(times: number[]) {
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    let j = i;
    while (j < times.length && times[j]! < times[i]! + 1000) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

describe('alert fan-out at scale', () => {
  it(
    'sends 10,000 subscribers their alert in exactly 100 Resend batch calls, each address once, paced within Resend’s 5 a second',
    { timeout: 300_000 },
    async () => {
      const movementId = await billUpdate('scale', 10_000);
      const { clock, state } = fakeClock();
      const start = state.now;
      const { fake, stub } = rateLimitedResend(clock.now, 5);
      restore = stub.restore;

      const results = await runChain(withResend, movementId, clock);

      // 100 full pages; the 101st finds nobody left and closes the fan-out without a call.
      expect(results).toHaveLength(101);
      expect(fake.accepted).toHaveLength(100);
      expect(fake.rejected).toBe(0);
      expect(fake.accepted.every((c) => c.recipients.length === ALERT_PAGE_SIZE)).toBe(true);
      const recipients = fake.accepted.flatMap((c) => c.recipients);
      expect(recipients).toHaveLength(10_000);
      expect(new Set(recipients).size).toBe(10_000);
      expect(new Set(fake.accepted.map((c) => c.idempotencyKey)).size).toBe(100);
      expect(fake.accepted[0]!.idempotencyKey).toMatch(new RegExp(`^alert:${movementId}:0:[0-9a-f]{16}$`));
      expect((await getMovement(db, movementId))!.fanoutStatus).toBe('done');

      // Pacing: each call one interval (a little over 200 ms) after the one before, never six in a
      // second; the pages here take no time, so each page after the first waits one whole interval.
      const interval = resendCallIntervalMs(withResend);
      expect(interval).toBe(Math.ceil(1000 / DEFAULT_RESEND_REQUESTS_PER_SECOND));
      expect(interval).toBeGreaterThanOrEqual(200);
      const times = fake.accepted.map((c) => c.at);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval);
      expect(busiestSecond(times)).toBeLessThanOrEqual(5);
      expect(state.sleeps).toEqual(Array(99).fill(interval));
      // The whole fan-out within the budget of issue 7: 1.2 × the 20 s that 100 calls at 5 a second take.
      expect(times.at(-1)! - start).toBeLessThanOrEqual(24_000);

      // Handling a page again (a redelivered message) sends nothing more, and does not wait.
      const sleepsBefore = state.sleeps.length;
      await processAlertPage(
        withResend,
        { movementId, page: 37, after: 'scale-003699', lastCallAt: clock.now() },
        clock.now(),
        clock,
      );
      expect(fake.accepted).toHaveLength(100);
      expect(state.sleeps).toHaveLength(sleepsBefore);
      const rows = await db
        .select({ status: outbox.status })
        .from(outbox)
        .where(like(outbox.id, `alert:${movementId}:%`));
      expect(rows).toHaveLength(10_000);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    },
  );

  it('keeps a configured team limit (RESEND_REQUESTS_PER_SECOND = 2)', async () => {
    const movementId = await billUpdate('two', 350);
    const { clock } = fakeClock();
    const { fake, stub } = rateLimitedResend(clock.now, 2);
    restore = stub.restore;

    await runChain({ ...withResend, RESEND_REQUESTS_PER_SECOND: '2' } as Env, movementId, clock);

    expect(fake.rejected).toBe(0);
    expect(fake.accepted.flatMap((c) => c.recipients)).toHaveLength(350);
    const times = fake.accepted.map((c) => c.at);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([500, 500, 500]);
  }, 60_000);
});

describe('a fan-out answered 429', () => {
  it('waits what Retry-After asks (plus a little jitter) and sends each page once, without using up tries', async () => {
    const movementId = await billUpdate('fast', 1_200);
    const { clock, state } = fakeClock();
    const { fake, stub } = rateLimitedResend(clock.now, 5);
    restore = stub.restore;

    // Paced too fast for this Resend (a team limit lower than configured): calls meet 429s.
    await runChain({ ...withResend, RESEND_REQUESTS_PER_SECOND: '50' } as Env, movementId, clock);

    expect(fake.rejected).toBeGreaterThan(0);
    expect(fake.accepted).toHaveLength(12);
    const recipients = fake.accepted.flatMap((c) => c.recipients);
    expect(recipients).toHaveLength(1_200);
    expect(new Set(recipients).size).toBe(1_200);
    // The waits after a 429 are Retry-After (1 s) plus jitter, not the 15–30 s backoff of a failure.
    const rateLimitWaits = state.sleeps.filter((ms) => ms >= 1000);
    expect(rateLimitWaits).toHaveLength(fake.rejected);
    expect(rateLimitWaits.every((ms) => ms < 1000 + RATE_LIMIT_JITTER_MS)).toBe(true);
    // A 429 sent nothing: the try it took is given back, so "slow down" never fails an alert.
    const rows = await db
      .select({ status: outbox.status, attempts: outbox.attempts })
      .from(outbox)
      .where(like(outbox.id, `alert:${movementId}:%`));
    expect(rows).toHaveLength(1_200);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  }, 60_000);

  it('hands a page that stays rate-limited back to its queue for a second or two, and never fails its alerts', async () => {
    const movementId = await billUpdate('held', 100);
    const { clock, state } = fakeClock();
    const { fake, stub } = rateLimitedResend(clock.now, 5);
    restore = stub.restore;
    fake.refuseAll = true;
    const message: AlertPageMessage = { movementId, page: 0, after: '' };

    // Far more 429s than an email's tries (6): each time a few short waits, then back to the queue.
    for (let delivery = 0; delivery < 5; delivery++) {
      const result = await processAlertPage(withResend, message, clock.now(), clock);
      expect(result.status).toBe('retry');
      const delaySeconds = result.status === 'retry' ? result.delaySeconds : 0;
      expect(delaySeconds).toBeGreaterThanOrEqual(1);
      expect(delaySeconds).toBeLessThanOrEqual(2);
      await clock.sleep(delaySeconds * 1000);
    }
    expect(fake.rejected).toBe(5 * (INLINE_RATE_LIMIT_WAITS + 1));
    expect(state.sleeps.every((ms) => ms < 2000 + RATE_LIMIT_JITTER_MS)).toBe(true);
    const waiting = await db
      .select({ status: outbox.status, attempts: outbox.attempts })
      .from(outbox)
      .where(like(outbox.id, `alert:${movementId}:%`));
    expect(waiting).toHaveLength(100);
    expect(waiting.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    expect((await getMovement(db, movementId))!.fanoutPage).toBe(0);

    // Resend lets calls through again: the redelivered page sends its group once and moves on.
    fake.refuseAll = false;
    const result = await processAlertPage(withResend, message, clock.now(), clock);
    expect(result.status).toBe('next');
    expect(fake.accepted).toHaveLength(1);
    expect(fake.accepted[0]!.recipients).toHaveLength(100);
    const sent = await db
      .select({ status: outbox.status })
      .from(outbox)
      .where(like(outbox.id, `alert:${movementId}:%`));
    expect(sent.every((r) => r.status === 'sent')).toBe(true);
  }, 60_000);
});
