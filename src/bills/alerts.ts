// Alert fan-out: one queue message per page of 100 subscribers of one movement. Each address's
// alert is an outbox row with a fixed id (alert:<movementId>:<address key>), so a redelivered
// message, a resumed fan-out or a second subscription of the same address finds it stored and
// never writes or sends a second one.
import * as z from 'zod';
import { getDb, type Db } from '../db';
import { fanoutPage, keysetPage, realClock, type Fanout, type Pace, type PaceClock } from '../email/fanout';
import { hashToken } from '../lib/tokens';
import { logEvent } from '../lib/log';
import { alertContent } from './alert-content';
import {
  advanceAlertFanout,
  alertRecipientsPage,
  closeAlertFanout,
  markAlertFanoutResumed,
  stalledAlertFanouts,
} from './queries/alerts';
import { processDigestPage } from './digest';
import type { AlertPageMessage } from './movements';
import { getBill, getMovement, type BillMovementRow, type BillRow } from './queries';
import type { billSubscriptionLinks } from './schema';
import { insertLinkStatements } from './queries/subscriptions';
import { withManageLink } from './subscriptions';

/** Subscribers per queue message and per Resend batch call (Resend's batch limit). */
export const ALERT_PAGE_SIZE = 100;
/** A fan-out with no progress for this long is started again from its last finished page. */
export const FANOUT_STALL_MS = 10 * 60_000;

type AlertEnv = Pick<
  Env,
  | 'DB'
  | 'ENVIRONMENT'
  | 'MAIL_FROM'
  | 'RESEND_API_KEY'
  | 'RESEND_API_URL'
  | 'RESEND_REQUESTS_PER_SECOND'
  | 'ORG_NAME'
  | 'PUBLIC_URL'
>;

const alertPageMessage = z.object({
  movementId: z.string().min(1),
  page: z.number().int().min(0),
  after: z.string(),
  lastCallAt: z.number().int().optional(),
});
const digestPageMessage = z.object({
  kind: z.literal('digest'),
  runAt: z.number().int(),
  page: z.number().int().min(0),
  after: z.string(),
});
const queueMessage = z.union([digestPageMessage, alertPageMessage]);

/** What handling one page came to. */
export type AlertPageResult =
  | { status: 'next'; next: AlertPageMessage; sent: number }
  | { status: 'done'; sent: number }
  | { status: 'retry'; delaySeconds: number }
  | { status: 'skipped' };

/**
 * The alert queue's consumer: one page (of a movement's alerts, or of the daily digests) per
 * message; the next page is queued when one is done. A movement's pages keep Resend's rate: each
 * message carries when the previous page called Resend, and the page waits out the rest of the
 * interval before its own call (see `fanoutPage` in email/fanout.ts).
 */
export async function consumeAlertBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const parsed = queueMessage.safeParse(message.body);
    if (!parsed.success) {
      logEvent('warn', 'bills.alert_message_invalid', {});
      message.ack();
      continue;
    }
    const body = parsed.data;
    try {
      const result = 'kind' in body ? await processDigestPage(env, body) : await processAlertPage(env, body);
      if (result.status === 'retry') {
        message.retry({ delaySeconds: result.delaySeconds });
        continue;
      }
      if (result.status === 'next') await env.ALERT_QUEUE.send(result.next);
      message.ack();
    } catch (error) {
      logEvent('error', 'bills.alert_page_failed', {
        movementId: 'kind' in body ? null : body.movementId,
        page: body.page,
        error: error instanceof Error ? error.name : 'unknown',
      });
      message.retry();
    }
  }
}

/**
 * Handles one page: stores the page's alerts (skipping those already stored), sends them in one
 * Resend batch call (no sooner than Resend's rate allows after the previous page's call), then
 * records the page as finished, and says which page comes next.
 */
export async function processAlertPage(
  env: AlertEnv,
  message: AlertPageMessage,
  at = Date.now(),
  clock: PaceClock = realClock,
): Promise<AlertPageResult> {
  const db = getDb(env);
  const movement = await getMovement(db, message.movementId);
  // A page already finished (a redelivered message): its alerts are stored and were handed over.
  if (!movement || movement.fanoutStatus === 'done' || movement.fanoutPage > message.page)
    return { status: 'skipped' };
  const bill = await getBill(db, movement.billId);
  if (!bill) return { status: 'skipped' };
  if (!bill.tracked) {
    // An untracked bill alerts nobody: close the fan-out so the resume job leaves it alone.
    await closeAlertFanout(db, movement.id, at);
    return { status: 'done', sent: 0 };
  }
  const pace: Pace = { lastCallAt: message.lastCallAt, clock };
  const result = await fanoutPage(db, env, alertFanout(env, db, bill, movement, at), message, at, pace);
  if (result.status === 'retry') return { status: 'retry', delaySeconds: result.delaySeconds };
  if (result.status === 'skipped') return { status: 'skipped' };
  if (result.status === 'done') return { status: 'done', sent: result.count };
  const { lastCallAt } = pace;
  return {
    status: 'next',
    sent: result.count,
    next: { movementId: movement.id, ...result.next, ...(lastCallAt === undefined ? {} : { lastCallAt }) },
  };
}

/** A movement's alert as a fan-out: its subscribers, their alert and manage link, its cursor. */
function alertFanout(env: AlertEnv, db: Db, bill: BillRow, movement: BillMovementRow, at: number) {
  type Subscriber = Awaited<ReturnType<typeof alertRecipientsPage>>[number];
  type Link = typeof billSubscriptionLinks.$inferInsert;
  return {
    name: `alert:${movement.id}`,
    readPage: async (after) =>
      keysetPage(
        await alertRecipientsPage(db, bill, movement, after, ALERT_PAGE_SIZE),
        after,
        ALERT_PAGE_SIZE,
      ),
    outboxId: (subscriber) => alertOutboxId(movement.id, subscriber.email),
    memberId: (subscriber) => subscriber.id,
    compose: (fresh) =>
      Promise.all(
        fresh.map((subscriber) =>
          withManageLink(
            env,
            subscriber,
            subscriber,
            'bills-alert',
            (token) => alertContent(env, bill, movement, subscriber.lang, token),
            at,
          ),
        ),
      ),
    storeLinks: (links) => insertLinkStatements(db, links),
    advance: (cursor, next) => advanceAlertFanout(db, movement.id, cursor.page, next, at),
    onPage: (cursor, result) =>
      logEvent('info', 'bills.alert_page', {
        movementId: movement.id,
        page: cursor.page,
        count: result.count,
      }),
  } satisfies Fanout<Subscriber, Link>;
}

/**
 * The outbox id of one address's alert for one movement: the key of exactly-once. It is keyed by
 * the address, not the subscription, so a person following a bill and its state gets one alert even
 * when their subscriptions change between pages; hashed with the movement so the id (which may be
 * logged) shows no address and links no one across movements.
 */
export async function alertOutboxId(movementId: string, email: string): Promise<string> {
  return `alert:${movementId}:${(await hashToken(`${movementId}\n${email}`)).slice(0, 32)}`;
}

/**
 * Starts again every fan-out that stopped (its queue message lost or dead-lettered, the Worker
 * stopped mid-way) from the last page it finished. Pages already stored are skipped by their ids.
 */
export async function resumeStalledFanouts(
  env: Pick<Env, 'DB' | 'ALERT_QUEUE'>,
  at = Date.now(),
): Promise<number> {
  const db = getDb(env);
  const stalled = await stalledAlertFanouts(db, at - FANOUT_STALL_MS, 50);
  for (const movement of stalled) {
    await env.ALERT_QUEUE.send({
      movementId: movement.id,
      page: movement.fanoutPage,
      after: movement.fanoutAfter,
    } satisfies AlertPageMessage);
    await markAlertFanoutResumed(db, movement, at);
    logEvent('info', 'bills.fanout_resumed', { movementId: movement.id, page: movement.fanoutPage });
  }
  return stalled.length;
}
