// Storing a page of emails and sending it as one Resend batch call, safely re-runnable.
import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deliverEmailGroup, type DeliveryResult } from '../email/delivery';
import { resendCallIntervalMs } from '../email/policy';
import { outbox } from '../email/schema';
import { hashToken } from '../lib/tokens';

type SendEnv = Parameters<typeof deliverEmailGroup>[0] & Pick<Env, 'RESEND_REQUESTS_PER_SECOND'>;

/** A 429 asking for a wait this short is waited inside the consumer; a longer one goes back to the queue. */
export const INLINE_RATE_LIMIT_WAIT_MAX_MS = 3_000;
/** Rate-limit waits made inside one page before the page goes back to its queue. */
export const INLINE_RATE_LIMIT_WAITS = 3;

/** The clock a chain of pages is paced by; tests pass a fake one that records each wait. */
export interface PaceClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Wall-clock time and a real timer. */
export const realClock: PaceClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

/** Where a chain of pages stands with Resend: when its last call was made (ms), if any. */
export interface Pace {
  lastCallAt?: number;
  clock: PaceClock;
}

/** What is already stored of a page's emails (ids are the fixed ids of exactly-once). */
export async function storedEmails(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { batchKey: string | null; status: string }>();
  // At most 100 ids: within D1's 100 bound parameters.
  const rows = await db
    .select({ id: outbox.id, batchKey: outbox.batchKey, status: outbox.status })
    .from(outbox)
    .where(inArray(outbox.id, ids));
  return new Map(rows.map((r) => [r.id, { batchKey: r.batchKey, status: r.status }]));
}

/**
 * The send-group key (and Resend Idempotency-Key) of the emails one run stores: the page, plus a
 * digest of exactly which emails. A re-run that stores a different set (someone unsubscribed in
 * between) gets another key, so a key is never reused for different content.
 */
export async function groupKeyFor(prefix: string, newIds: string[]): Promise<string> {
  return `${prefix}:${(await hashToken(newIds.join('\n'))).slice(0, 16)}`;
}

/**
 * Sends every group that still holds unsent emails of the page: the one just stored and any left
 * pending by an earlier run that stopped. Returns the first "retry" answer, if any.
 */
export async function sendPageGroups(
  env: SendEnv,
  newKey: string | null,
  before: Map<string, { batchKey: string | null; status: string }>,
  at: number,
): Promise<Extract<DeliveryResult, { status: 'retry' }> | null> {
  return (await sendPageGroupsPaced(env, newKey, before, at, { clock: realClock })).retry;
}

/**
 * `sendPageGroups` for one page of a chain (a fan-out's pages, queued one after another), keeping
 * Resend's rate: each call waits until `resendCallIntervalMs` after the chain's previous call, and
 * a 429 with a short Retry-After is waited here and tried again. Returns the first "retry" answer
 * left, and when this page last called Resend, for the next page to wait on.
 *
 * Why wait inside the consumer: the wait before a call is at most one interval (about 0.2 s, most
 * of it already spent storing the page) and a rate-limit wait at most a few seconds; a queue delay
 * is whole seconds (one second a page would make 100 pages take 100 s instead of 20), and a sleep
 * costs the consumer wall time (it has 15 minutes), not CPU time.
 */
export async function sendPageGroupsPaced(
  env: SendEnv,
  newKey: string | null,
  before: Map<string, { batchKey: string | null; status: string }>,
  at: number,
  pace: Pace,
): Promise<{ retry: Extract<DeliveryResult, { status: 'retry' }> | null; lastCallAt?: number }> {
  const keys = new Set<string>();
  if (newKey) keys.add(newKey);
  for (const row of before.values()) {
    if (row.batchKey && (row.status === 'pending' || row.status === 'sending')) keys.add(row.batchKey);
  }
  const interval = resendCallIntervalMs(env);
  let lastCallAt = pace.lastCallAt;
  // Waits, right before the call, until one interval after the chain's previous call. The wait is
  // bounded by one interval, so a clock that jumped back (another machine's) never stalls a page.
  const keepRate = async () => {
    if (lastCallAt !== undefined) {
      const wait = Math.min(interval, lastCallAt + interval - pace.clock.now());
      if (wait > 0) await pace.clock.sleep(wait);
    }
    lastCallAt = pace.clock.now();
  };
  for (const key of keys) {
    let callAt = at;
    for (let inlineWaits = 0; ; inlineWaits++) {
      const result = await deliverEmailGroup(env, key, callAt, keepRate);
      if (result.status !== 'retry') break;
      const wait = result.rateLimitWaitMs;
      if (
        wait === undefined ||
        wait > INLINE_RATE_LIMIT_WAIT_MAX_MS ||
        inlineWaits >= INLINE_RATE_LIMIT_WAITS
      )
        return { retry: result, lastCallAt };
      // The rows were given back due `wait` after `callAt`; they are claimed again no earlier.
      await pace.clock.sleep(wait);
      callAt = Math.max(callAt + wait, pace.clock.now());
    }
  }
  return { retry: null, lastCallAt };
}
