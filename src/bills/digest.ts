// The daily digest: one email a day per digest subscriber with what moved since their last one.
import { and, asc, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { getDb } from '../db';
import { queueEmail } from '../email/outbox';
import { emailSuppressions } from '../email/schema';
import { groupKeyFor, sendPageGroups, storedEmails } from './send-groups';
import { DAY, HOUR } from '../lib/time';
import { insertLinkStatements, newManageLink } from './subscriptions';
import { logEvent } from '../web/errors';
import { alertContent } from './alert-content';
import { oneClickUnsubscribeUrl } from './links';
import type { BillMovementRow, BillRow, BillSubscriptionRow } from './queries';
import { billMovements, bills, billSubscriptionLinks, billSubscriptions } from './schema';

/** Digests go out from this hour (UTC) on: 14:00 UTC is morning across the continental U.S. */
export const DIGEST_HOUR_UTC = 14;
// One page per queue message keeps each invocation far inside D1's query budget.
const PAGE_SIZE = 100;

type DigestEnv = Pick<Env, 'DB' | 'ENVIRONMENT' | 'MAIL_FROM' | 'RESEND_API_KEY' | 'ORG_NAME' | 'PUBLIC_URL'>;

/** The UTC day (YYYY-MM-DD) of a moment. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** When today's digest is due: DIGEST_HOUR_UTC of the UTC day of `at`. */
export function digestDueAt(at: number): number {
  return Date.parse(`${utcDay(at)}T00:00:00Z`) + DIGEST_HOUR_UTC * HOUR;
}

/** The movements a digest subscriber has not had yet, oldest first. */
export function movementsForSubscriber(
  subscription: Pick<BillSubscriptionRow, 'billId' | 'state' | 'digestSince' | 'confirmedAt'>,
  movements: readonly { movement: BillMovementRow; bill: BillRow }[],
): { movement: BillMovementRow; bill: BillRow }[] {
  const since = subscription.digestSince ?? subscription.confirmedAt ?? 0;
  return movements.filter(
    ({ movement, bill }) =>
      movement.createdAt > since &&
      (subscription.billId ? movement.billId === subscription.billId : bill.state === subscription.state),
  );
}

/** The message of one digest page on the alert queue. */
export interface DigestPageMessage {
  kind: 'digest';
  /** The hourly run that started these digests: its time is the digests' "now". */
  runAt: number;
  page: number;
  after: string;
}

/**
 * Starts today's digests once the digest hour has come (the hourly job calls it every hour; a
 * missed hour is caught up by the next run): one queue message per page of 100 subscribers.
 */
export async function startDailyDigests(env: Pick<Env, 'ALERT_QUEUE'>, at = Date.now()): Promise<boolean> {
  if (at < digestDueAt(at)) return false;
  await env.ALERT_QUEUE.send({ kind: 'digest', runAt: at, page: 0, after: '' } satisfies DigestPageMessage);
  return true;
}

/**
 * Handles one page of digest subscribers. Each digest's outbox id is fixed per subscriber and day
 * and `digestSince` moves in the same batch, so a page handled twice (a redelivered message, or
 * two hourly runs overlapping) sends nothing twice.
 */
export async function processDigestPage(
  env: DigestEnv,
  message: DigestPageMessage,
): Promise<
  | { status: 'next'; next: DigestPageMessage; sent: number }
  | { status: 'done'; sent: number }
  | { status: 'retry'; delaySeconds: number }
> {
  const at = message.runAt;
  const dueAt = digestDueAt(at);
  const day = utcDay(at);
  const db = getDb(env);
  // The page is every confirmed daily subscription after the cursor, so a page handled again has
  // the same members; those already sent today or suppressed are skipped inside it.
  const page = await db
    .select()
    .from(billSubscriptions)
    .where(
      and(
        eq(billSubscriptions.status, 'confirmed'),
        eq(billSubscriptions.frequency, 'daily'),
        gt(billSubscriptions.id, message.after),
      ),
    )
    .orderBy(asc(billSubscriptions.id))
    .limit(PAGE_SIZE);
  if (page.length === 0) return { status: 'done', sent: 0 };
  const suppressed = new Set(
    (
      await db
        .select({ email: emailSuppressions.email })
        .from(emailSuppressions)
        .where(inArray(emailSuppressions.email, [...new Set(page.map((s) => s.email))]))
    ).map((r) => r.email),
  );
  const subscribers = page.filter((s) => (s.digestSince ?? 0) < dueAt && !suppressed.has(s.email));
  const idOf = (subscriptionId: string) => `digest:${subscriptionId}:${day}`;
  const before = await storedEmails(
    db,
    page.map((s) => idOf(s.id)),
  );

  let fresh: { subscriber: BillSubscriptionRow; items: ReturnType<typeof movementsForSubscriber> }[] = [];
  if (subscribers.length > 0) {
    const oldest = Math.min(...subscribers.map((s) => s.digestSince ?? s.confirmedAt ?? at - DAY));
    const movements = await db
      .select({ movement: billMovements, bill: bills })
      .from(billMovements)
      .innerJoin(bills, eq(bills.id, billMovements.billId))
      .where(
        and(gt(billMovements.createdAt, oldest), lte(billMovements.createdAt, at), eq(bills.tracked, true)),
      )
      .orderBy(asc(billMovements.createdAt))
      .limit(500);
    fresh = subscribers
      .map((subscriber) => ({ subscriber, items: movementsForSubscriber(subscriber, movements) }))
      .filter(({ subscriber, items }) => items.length > 0 && !before.has(idOf(subscriber.id)));
  }

  const batchKey =
    fresh.length > 0
      ? await groupKeyFor(
          `digest:${day}:${message.page}`,
          fresh.map((f) => f.subscriber.id),
        )
      : null;
  const statements: BatchItem<'sqlite'>[] = [];
  const links: (typeof billSubscriptionLinks.$inferInsert)[] = [];
  for (const { subscriber, items } of fresh) {
    const { token, row } = await newManageLink(subscriber.id, at);
    links.push(row);
    const contents = items.map(({ movement, bill }) =>
      alertContent(env, bill, movement, subscriber.lang, token),
    );
    statements.push(
      queueEmail(
        db,
        env,
        {
          id: idOf(subscriber.id),
          batchKey: batchKey!,
          to: subscriber.email,
          lang: subscriber.lang,
          template: 'bills-digest',
          data: {
            count: items.length,
            one: items.length === 1,
            items: contents,
            manageUrl: contents[0]!.manageUrl,
          },
          unsubscribeUrl: oneClickUnsubscribeUrl(env, token),
        },
        at,
      ).statement,
    );
  }
  statements.push(...insertLinkStatements(db, links));
  if (subscribers.length > 0) {
    // One statement for the page (not one per subscriber): the ids of this page, not yet done today.
    statements.push(
      db
        .update(billSubscriptions)
        .set({ digestSince: at })
        .where(
          and(
            eq(billSubscriptions.frequency, 'daily'),
            gt(billSubscriptions.id, message.after),
            lte(billSubscriptions.id, page.at(-1)!.id),
            lt(sql`coalesce(${billSubscriptions.digestSince}, 0)`, dueAt),
          ),
        ),
    );
  }
  if (statements.length > 0) await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const retry = await sendPageGroups(env, batchKey, before, at);
  if (retry) return { status: 'retry', delaySeconds: retry.delaySeconds };
  if (fresh.length > 0) logEvent('info', 'bills.digests_sent', { page: message.page, count: fresh.length });

  if (page.length < PAGE_SIZE) return { status: 'done', sent: fresh.length };
  return {
    status: 'next',
    sent: fresh.length,
    next: { ...message, page: message.page + 1, after: page.at(-1)!.id },
  };
}

/** Sends today's digests here and now, page after page (tests and command-line use). */
export async function sendDailyDigests(env: DigestEnv, at = Date.now()): Promise<number> {
  if (at < digestDueAt(at)) return 0;
  let message: DigestPageMessage | undefined = { kind: 'digest', runAt: at, page: 0, after: '' };
  let sent = 0;
  while (message) {
    const result = await processDigestPage(env, message);
    if (result.status === 'retry') break;
    sent += result.sent;
    message = result.status === 'next' ? result.next : undefined;
  }
  return sent;
}
