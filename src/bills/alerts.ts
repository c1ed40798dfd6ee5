// Alert fan-out: one queue message per page of 100 subscribers of one movement. Each address's
// alert is an outbox row with a fixed id (alert:<movementId>:<address key>), so a redelivered
// message, a resumed fan-out or a second subscription of the same address finds it stored and
// never writes or sends a second one.
import { and, asc, eq, gt, isNull, lte, lt, notExists, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { alias } from 'drizzle-orm/sqlite-core';
import * as z from 'zod';
import { getDb, type Db } from '../db';
import { queueEmail } from '../email/outbox';
import { emailSuppressions } from '../email/schema';
import { hashToken } from '../lib/tokens';
import { logEvent } from '../lib/log';
import { alertContent } from './alert-content';
import { processDigestPage } from './digest';
import { oneClickUnsubscribeUrl } from './links';
import type { AlertPageMessage } from './movements';
import { getBill, getMovement, type BillMovementRow, type BillRow } from './queries';
import { billMovements, billSubscriptionLinks, billSubscriptions } from './schema';
import { groupKeyFor, realClock, sendPageGroupsPaced, storedEmails, type PaceClock } from './send-groups';
import { insertLinkStatements, newManageLink } from './subscriptions';

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
 * interval before its own call (see `sendPageGroupsPaced`).
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
    await db
      .update(billMovements)
      .set({ fanoutStatus: 'done', fanoutUpdatedAt: at })
      .where(eq(billMovements.id, movement.id));
    return { status: 'done', sent: 0 };
  }

  const subscribers = await alertRecipientsPage(db, bill, movement, message.after);
  let lastCallAt = message.lastCallAt;
  if (subscribers.length > 0) {
    const outboxIds = new Map(
      await Promise.all(
        subscribers.map(async (s) => [s.id, await alertOutboxId(movement.id, s.email)] as const),
      ),
    );
    const before = await storedEmails(db, [...outboxIds.values()]);
    const fresh = subscribers.filter((s) => !before.has(outboxIds.get(s.id)!));
    const batchKey =
      fresh.length > 0
        ? await groupKeyFor(
            `alert:${movement.id}:${message.page}`,
            fresh.map((s) => s.id),
          )
        : null;
    const statements: BatchItem<'sqlite'>[] = [];
    const links: (typeof billSubscriptionLinks.$inferInsert)[] = [];
    for (const subscriber of fresh) {
      const { token, row } = await newManageLink(subscriber.id, at);
      links.push(row);
      statements.push(
        queueEmail(
          db,
          env,
          {
            id: outboxIds.get(subscriber.id)!,
            batchKey: batchKey!,
            to: subscriber.email,
            lang: subscriber.lang,
            template: 'bills-alert',
            data: alertContent(env, bill, movement, subscriber.lang, token),
            unsubscribeUrl: oneClickUnsubscribeUrl(env, token),
          },
          at,
        ).statement,
      );
    }
    statements.push(...insertLinkStatements(db, links));
    if (statements.length > 0) await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);

    const sent = await sendPageGroupsPaced(env, batchKey, before, at, {
      lastCallAt: message.lastCallAt,
      clock,
    });
    if (sent.retry) return { status: 'retry', delaySeconds: sent.retry.delaySeconds };
    lastCallAt = sent.lastCallAt;
  }

  const last = subscribers.at(-1)?.id ?? message.after;
  const full = subscribers.length === ALERT_PAGE_SIZE;
  // Compare-and-set on the page: of two workers finishing the same page, one moves the cursor on.
  const advanced = await db
    .update(billMovements)
    .set({
      fanoutPage: message.page + 1,
      fanoutAfter: last,
      fanoutStatus: full ? 'pending' : 'done',
      fanoutUpdatedAt: at,
    })
    .where(and(eq(billMovements.id, movement.id), eq(billMovements.fanoutPage, message.page)))
    .returning({ id: billMovements.id });
  logEvent('info', 'bills.alert_page', {
    movementId: movement.id,
    page: message.page,
    count: subscribers.length,
  });
  if (advanced.length === 0) return { status: 'skipped' };
  if (!full) return { status: 'done', sent: subscribers.length };
  return {
    status: 'next',
    sent: subscribers.length,
    next: {
      movementId: movement.id,
      page: message.page + 1,
      after: last,
      ...(lastCallAt === undefined ? {} : { lastCallAt }),
    },
  };
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
 * One page of the people to alert for a movement: confirmed, immediate subscriptions to the bill
 * or to its state, confirmed before the movement, not suppressed, one per address (the earliest
 * subscription wins, so a person following both the bill and its state gets one alert).
 */
export async function alertRecipientsPage(db: Db, bill: BillRow, movement: BillMovementRow, after: string) {
  const s = billSubscriptions;
  const other = alias(billSubscriptions, 'other_subscription');
  const follows = (t: typeof s | typeof other) =>
    and(
      eq(t.status, 'confirmed'),
      eq(t.frequency, 'immediate'),
      lte(t.confirmedAt, movement.createdAt),
      or(eq(t.billId, bill.id), and(isNull(t.billId), eq(t.state, bill.state))),
    );
  return db
    .select({ id: s.id, email: s.email, lang: s.lang })
    .from(s)
    .where(
      and(
        follows(s),
        gt(s.id, after),
        notExists(
          db
            .select({ one: sql`1` })
            .from(emailSuppressions)
            .where(eq(emailSuppressions.email, s.email)),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(other)
            .where(and(eq(other.email, s.email), lt(other.id, s.id), follows(other))),
        ),
      ),
    )
    .orderBy(asc(s.id))
    .limit(ALERT_PAGE_SIZE);
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
  const stalled = await db
    .select()
    .from(billMovements)
    .where(
      and(eq(billMovements.fanoutStatus, 'pending'), lt(billMovements.fanoutUpdatedAt, at - FANOUT_STALL_MS)),
    )
    .limit(50);
  for (const movement of stalled) {
    await env.ALERT_QUEUE.send({
      movementId: movement.id,
      page: movement.fanoutPage,
      after: movement.fanoutAfter,
    } satisfies AlertPageMessage);
    await db
      .update(billMovements)
      .set({ fanoutUpdatedAt: at })
      .where(and(eq(billMovements.id, movement.id), eq(billMovements.fanoutPage, movement.fanoutPage)));
    logEvent('info', 'bills.fanout_resumed', { movementId: movement.id, page: movement.fanoutPage });
  }
  return stalled.length;
}
