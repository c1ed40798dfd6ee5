// The daily digest: one email a day per digest subscriber with what moved since their last one.
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { getDb } from '../db';
import { deliverEmailGroup } from '../email/delivery';
import { queueEmail } from '../email/outbox';
import { emailSuppressions, outbox } from '../email/schema';
import { DAY, HOUR } from '../lib/time';
import { insertLinkStatements, newManageLink } from './subscriptions';
import { logEvent } from '../web/errors';
import { alertContent } from './alerts';
import { oneClickUnsubscribeUrl } from './links';
import type { BillMovementRow, BillRow, BillSubscriptionRow } from './queries';
import { billMovements, bills, billSubscriptionLinks, billSubscriptions } from './schema';

/** Digests go out from this hour (UTC) on: 14:00 UTC is morning across the continental U.S. */
export const DIGEST_HOUR_UTC = 14;
const PAGE_SIZE = 100;
// Keeps one run inside a Worker invocation's query budget; the next hourly run continues.
const MAX_PAGES_PER_RUN = 40;

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

/**
 * Sends today's digests, once the digest hour has come (the hourly job calls it every hour; a
 * missed hour is caught up by the next run). Each digest's outbox id is fixed per subscriber and
 * day, and `digestSince` moves in the same batch, so running twice sends nothing twice.
 */
export async function sendDailyDigests(env: DigestEnv, at = Date.now()): Promise<number> {
  const dueAt = digestDueAt(at);
  if (at < dueAt) return 0;
  const db = getDb(env);
  const day = utcDay(at);
  let sent = 0;
  let after = '';
  for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
    const subscribers = await db
      .select()
      .from(billSubscriptions)
      .where(
        and(
          eq(billSubscriptions.status, 'confirmed'),
          eq(billSubscriptions.frequency, 'daily'),
          lt(sql`coalesce(${billSubscriptions.digestSince}, 0)`, dueAt),
          gt(billSubscriptions.id, after),
          sql`not exists (select 1 from ${emailSuppressions} where ${emailSuppressions.email} = ${billSubscriptions.email})`,
        ),
      )
      .orderBy(asc(billSubscriptions.id))
      .limit(PAGE_SIZE);
    if (subscribers.length === 0) break;
    after = subscribers.at(-1)!.id;

    const oldest = Math.min(...subscribers.map((s) => s.digestSince ?? s.confirmedAt ?? at - DAY));
    const movements = await db
      .select({ movement: billMovements, bill: bills })
      .from(billMovements)
      .innerJoin(bills, eq(bills.id, billMovements.billId))
      .where(and(gt(billMovements.createdAt, oldest), eq(bills.tracked, true)))
      .orderBy(asc(billMovements.createdAt))
      .limit(500);

    const ids = subscribers.map((s) => `digest:${s.id}:${day}`);
    const stored = new Set(
      (await db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.id, ids))).map((r) => r.id),
    );
    const batchKey = `digest:${day}:${at}:${page}`;
    const statements: BatchItem<'sqlite'>[] = [];
    const links: (typeof billSubscriptionLinks.$inferInsert)[] = [];
    for (const subscriber of subscribers) {
      const items = movementsForSubscriber(subscriber, movements);
      const id = `digest:${subscriber.id}:${day}`;
      if (items.length > 0 && !stored.has(id)) {
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
              id,
              batchKey,
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
      statements.push(
        db.update(billSubscriptions).set({ digestSince: at }).where(eq(billSubscriptions.id, subscriber.id)),
      );
    }
    statements.push(...insertLinkStatements(db, links));
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    if (links.length > 0) {
      // A retry here is left to the outbox sweep: the rows are stored and pending.
      await deliverEmailGroup(env, batchKey, at);
      sent += links.length;
    }
    if (subscribers.length < PAGE_SIZE) break;
  }
  if (sent > 0) logEvent('info', 'bills.digests_sent', { count: sent });
  return sent;
}
