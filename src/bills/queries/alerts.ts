// Typed queries of the alert and digest fan-outs: who gets a movement's alert, where a fan-out
// stands, the pages of digest subscribers and what moved for them, and the digest's schedule counts.
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import { emailSuppressions } from '../../email/schema';
import type { BillMovementRow, BillRow, BillSubscriptionRow } from '../queries';
import { billMovements, bills, billSubscriptions } from '../schema';
import { inSlices } from '../../db/chunks';
import { advanceFanoutCursor } from '../../db/fanout-cursor';
import { listRows } from '../../db/find';

/**
 * One page of the people to alert for a movement: confirmed, immediate subscriptions to the bill
 * or to its state, confirmed before the movement, not suppressed, one per address (the earliest
 * subscription wins, so a person following both the bill and its state gets one alert).
 */
export async function alertRecipientsPage(
  db: Db,
  bill: BillRow,
  movement: BillMovementRow,
  after: string,
  limit: number,
) {
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
    .limit(limit);
}

/** Closes a movement's fan-out (an untracked bill alerts nobody), so the resume job leaves it alone. */
export async function closeAlertFanout(db: Db, movementId: string, at: number): Promise<void> {
  await db
    .update(billMovements)
    .set({ fanoutStatus: 'done', fanoutUpdatedAt: at })
    .where(eq(billMovements.id, movementId));
}

/** Moves a movement's fan-out past a page unless another worker did (see advanceFanoutCursor). */
export function advanceAlertFanout(
  db: Db,
  movementId: string,
  page: number,
  next: { after: string; done: boolean },
  at: number,
): Promise<boolean> {
  const status: BillMovementRow['fanoutStatus'] = next.done ? 'done' : 'pending';
  return advanceFanoutCursor(db, billMovements, { id: movementId, page }, { after: next.after, status }, at);
}

/** Movements whose fan-out is unfinished and has not moved since `before`. */
export async function stalledAlertFanouts(db: Db, before: number, limit: number) {
  return listRows(
    db,
    billMovements,
    and(eq(billMovements.fanoutStatus, 'pending'), lt(billMovements.fanoutUpdatedAt, before)),
    { limit },
  );
}

/** Records that a stalled fan-out was queued again (unless another run moved it on meanwhile). */
export async function markAlertFanoutResumed(
  db: Db,
  movement: Pick<BillMovementRow, 'id' | 'fanoutPage'>,
  at: number,
): Promise<void> {
  await db
    .update(billMovements)
    .set({ fanoutUpdatedAt: at })
    .where(and(eq(billMovements.id, movement.id), eq(billMovements.fanoutPage, movement.fanoutPage)));
}

/** One page of confirmed daily subscriptions after a cursor, in id order. */
export async function dailySubscriptionsPage(
  db: Db,
  after: string,
  limit: number,
): Promise<BillSubscriptionRow[]> {
  return listRows(
    db,
    billSubscriptions,
    and(
      eq(billSubscriptions.status, 'confirmed'),
      eq(billSubscriptions.frequency, 'daily'),
      gt(billSubscriptions.id, after),
    ),
    { orderBy: asc(billSubscriptions.id), limit },
  );
}

/** Every subscription of some addresses (at most 100: within D1's 100 bound parameters). */
export async function subscriptionsOfAddresses(db: Db, emails: string[]): Promise<BillSubscriptionRow[]> {
  return db.select().from(billSubscriptions).where(inArray(billSubscriptions.email, emails));
}

/** Movements of tracked bills created after `after` up to `until`, oldest first, with their bill. */
export async function trackedMovementsBetween(db: Db, after: number, until: number) {
  return db
    .select({ movement: billMovements, bill: bills })
    .from(billMovements)
    .innerJoin(bills, eq(bills.id, billMovements.billId))
    .where(
      and(gt(billMovements.createdAt, after), lte(billMovements.createdAt, until), eq(bills.tracked, true)),
    )
    .orderBy(asc(billMovements.createdAt))
    .limit(500);
}

/**
 * The statements recording that subscriptions had the digest of `dueAt` (sent at `at`); 90 ids a
 * statement stays within D1's 100 bound parameters.
 */
export function markDigestedStatements(
  db: Db,
  subscriptionIds: string[],
  at: number,
  dueAt: number,
): BatchItem<'sqlite'>[] {
  return inSlices(subscriptionIds, 90).map((ids) =>
    db
      .update(billSubscriptions)
      .set({ digestSince: at })
      .where(
        and(
          inArray(billSubscriptions.id, ids),
          lt(sql`coalesce(${billSubscriptions.digestSince}, 0)`, dueAt),
        ),
      ),
  );
}

/** How many addresses have a confirmed daily subscription; with `digestedSince`, only those digested since. */
export async function countDigestAddresses(db: Db, digestedSince?: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${billSubscriptions.email})` })
    .from(billSubscriptions)
    .where(
      and(
        eq(billSubscriptions.status, 'confirmed'),
        eq(billSubscriptions.frequency, 'daily'),
        digestedSince === undefined ? undefined : gte(billSubscriptions.digestSince, digestedSince),
      ),
    );
  return Number(row?.n ?? 0);
}
