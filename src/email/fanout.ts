// The one way of sending an email to many people: a fan-out, one page of recipients at a time. A
// feature says which page of its audience comes next, what each person's email says and which fixed
// outbox id it has; this stores the page's emails (skipping those already stored) with their
// private links in one batch, sends them as one Resend batch call (keeping Resend's rate), and
// moves the feature's cursor on. The fixed outbox ids make it exactly-once: a page handled again
// (a redelivered message, a resumed run, two workers) finds its emails stored and never writes or
// sends a second one. A run that stopped midway continues from the last page its cursor records.
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { runBatch } from '../db/batch';
import { hashToken } from '../lib/tokens';
import { deliverEmailGroup, type DeliveryResult } from './delivery';
import { queueEmail, type EmailRequest } from './outbox';
import { resendCallIntervalMs } from './policy';
import { storedEmails, type StoredEmail } from './queries';

/** What storing and sending a page needs: delivery's bindings, Resend's rate, what templates use. */
export type FanoutEnv = Parameters<typeof deliverEmailGroup>[0] &
  Pick<Env, 'RESEND_REQUESTS_PER_SECOND' | 'ORG_NAME' | 'PUBLIC_URL'>;

/** Where a fan-out stands: the page about to be handled, and the last key of the pages before it. */
export interface FanoutCursor {
  page: number;
  after: string;
}

/** One page of an audience, as the feature reads it. */
export interface AudiencePage<R> {
  recipients: R[];
  /** The cursor after this page: its last key, or the old cursor when the page is empty. */
  after: string;
  /** A full page means a later page may hold more people; a short one ends the fan-out. */
  full: boolean;
  /** Statements stored in the same batch as the page's emails (the feature's own progress marks). */
  statements?: BatchItem<'sqlite'>[];
}

/** One person's email as the feature builds it; the fan-out adds its fixed id and send group. */
export interface FanoutEmail<R, L> {
  recipient: R;
  email: Omit<EmailRequest, 'id' | 'batchKey'>;
  /** The private link stored with the email (all of a page's links go in through `storeLinks`). */
  link: L;
}

/** What a feature tells the fan-out: its audience, its emails, its idempotency keys, its cursor. */
export interface Fanout<R, L> {
  /** Prefix of the pages' send-group keys (`<name>:<page>:<digest>`), which are Resend Idempotency-Keys. */
  name: string;
  /** The page of the audience after a cursor. */
  readPage(after: string): Promise<AudiencePage<R>>;
  /** The fixed outbox id of a person's email: the key of exactly-once. */
  outboxId(recipient: R): string | Promise<string>;
  /** Who a person is in the page's send-group key: a stable id, never an address. */
  memberId(recipient: R): string;
  /** The emails of the people whose email is not stored yet (a person may get none). */
  compose(fresh: R[]): Promise<FanoutEmail<R, L>[]>;
  /** The statements storing a page's private links. */
  storeLinks(links: L[]): BatchItem<'sqlite'>[];
  /**
   * Records that a page is handled, only if nobody else did (compare-and-set on the page); false
   * when another worker did. Without it the cursor travels in the feature's queue message.
   */
  advance?(cursor: FanoutCursor, next: { after: string; done: boolean }): Promise<boolean>;
  /** When set, the stored emails are handed to it (the email queue) instead of sent here. */
  handOver?(outboxIds: string[]): Promise<void>;
  /** Called with every page's outcome but "retry" (the feature's log line). */
  onPage?(cursor: FanoutCursor, result: FanoutPageDone): void;
}

/** What handling one page came to. `count` is the page's people; `sent` the emails stored now. */
export type FanoutPageResult =
  | FanoutPageDone
  /** Resend asked to wait: the page stays where it is and is handled again later. */
  | { status: 'retry'; delaySeconds: number };

/** A page's outcome other than "retry". */
export type FanoutPageDone =
  | { status: 'next'; next: FanoutCursor; count: number; sent: number }
  | { status: 'done'; count: number; sent: number }
  /** Another worker finished this page first. */
  | { status: 'skipped'; count: number; sent: number };

/**
 * Handles one page: reads it, stores the emails not stored yet with their links (and the page's own
 * statements) in one batch, sends every unsent group of the page, then moves the cursor on.
 * `pace` carries when the chain of pages last called Resend, and is updated for the next page.
 */
export async function fanoutPage<R, L>(
  db: Db,
  env: FanoutEnv,
  fanout: Fanout<R, L>,
  cursor: FanoutCursor,
  at: number,
  pace: Pace = { clock: realClock },
): Promise<FanoutPageResult> {
  const page = await fanout.readPage(cursor.after);
  let sent = 0;
  if (page.recipients.length > 0 || page.statements?.length) {
    const ids = new Map(
      await Promise.all(page.recipients.map(async (r) => [r, await fanout.outboxId(r)] as const)),
    );
    const before = await storedEmails(db, [...ids.values()]);
    const fresh = page.recipients.filter((r) => !before.has(ids.get(r)!));
    const emails = fresh.length > 0 ? await fanout.compose(fresh) : [];
    const batchKey =
      emails.length > 0
        ? await groupKeyFor(
            `${fanout.name}:${cursor.page}`,
            emails.map((e) => fanout.memberId(e.recipient)),
          )
        : null;
    const queued = emails.map(
      (e) =>
        queueEmail(db, env, { ...e.email, id: ids.get(e.recipient)!, batchKey: batchKey! }, at).statement,
    );
    const statements = [
      ...queued,
      ...fanout.storeLinks(emails.map((e) => e.link)),
      ...(page.statements ?? []),
    ];
    if (statements.length > 0) await runBatch(db, statements);
    sent = emails.length;
    if (fanout.handOver) {
      await fanout.handOver(emails.map((e) => ids.get(e.recipient)!));
    } else {
      const result = await sendPageGroupsPaced(env, batchKey, before, at, pace);
      pace.lastCallAt = result.lastCallAt;
      if (result.retry) return { status: 'retry', delaySeconds: result.retry.delaySeconds };
    }
  }
  const count = page.recipients.length;
  const done = !page.full;
  let result: FanoutPageDone;
  if (fanout.advance && !(await fanout.advance(cursor, { after: page.after, done })))
    result = { status: 'skipped', count, sent };
  else if (done) result = { status: 'done', count, sent };
  else result = { status: 'next', next: { page: cursor.page + 1, after: page.after }, count, sent };
  fanout.onPage?.(cursor, result);
  return result;
}

/**
 * Handles pages one after another until the fan-out is done, Resend asks to wait, another worker
 * holds it, or `budget` pages went out. Returns how it stopped and how many emails were stored.
 */
export async function runFanout<R, L>(
  db: Db,
  env: FanoutEnv,
  fanout: Fanout<R, L>,
  start: FanoutCursor,
  budget: number,
  at: number,
): Promise<{ outcome: 'done' | 'more' | 'wait'; sent: number }> {
  const pace: Pace = { clock: realClock };
  let cursor = start;
  let sent = 0;
  for (let page = 0; page < budget; page++) {
    const result = await fanoutPage(db, env, fanout, cursor, at, pace);
    if (result.status === 'retry') return { outcome: 'wait', sent };
    sent += result.sent;
    if (result.status === 'done') return { outcome: 'done', sent };
    if (result.status === 'skipped') return { outcome: 'more', sent };
    cursor = result.next;
  }
  return { outcome: 'more', sent };
}

/** The usual audience page: rows read in id order after the cursor, `size` at most. */
export function keysetPage<R extends { id: string }>(
  rows: R[],
  after: string,
  size: number,
): AudiencePage<R> {
  return { recipients: rows, after: rows.at(-1)?.id ?? after, full: rows.length === size };
}

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

/**
 * The send-group key (and Resend Idempotency-Key) of the emails one run stores: the page, plus a
 * digest of exactly which emails. A re-run that stores a different set (someone unsubscribed in
 * between) gets another key, so a key is never reused for different content.
 */
async function groupKeyFor(prefix: string, members: string[]): Promise<string> {
  return `${prefix}:${(await hashToken(members.join('\n'))).slice(0, 16)}`;
}

/**
 * Sends every group that still holds unsent emails of the page (the one just stored and any left
 * pending by an earlier run that stopped), keeping Resend's rate: each call waits until
 * `resendCallIntervalMs` after the chain's previous call, and a 429 with a short Retry-After is
 * waited here and tried again. Returns the first "retry" answer left, and when this page last
 * called Resend, for the next page to wait on.
 *
 * Why wait inside the consumer: the wait before a call is at most one interval (about 0.2 s, most
 * of it already spent storing the page) and a rate-limit wait at most a few seconds; a queue delay
 * is whole seconds (one second a page would make 100 pages take 100 s instead of 20), and a sleep
 * costs the consumer wall time (it has 15 minutes), not CPU time.
 */
async function sendPageGroupsPaced(
  env: FanoutEnv,
  newKey: string | null,
  before: Map<string, StoredEmail>,
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
