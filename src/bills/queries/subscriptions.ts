// Typed queries of bill subscriptions: finding and storing subscriptions, their private links
// (with the limits on the emails that carry them), the manage page's changes, and the clean-up.
import { and, asc, eq, exists, gt, inArray, lte, ne, notExists, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import { runBatch } from '../../db/batch';
import { recordEventsFor } from '../../webhooks/queries';
import type { WebhookEventType } from '../../webhooks/schema';
import { emailSuppressions, outbox } from '../../email/schema';
import type { Lang } from '../../lib/i18n';
import type { ActionCampaign } from '../../env';
import { DAY } from '../../lib/time';
import { newId } from '../../lib/tokens';
import type { BillRow, BillSubscriptionRow } from '../queries';
import { bills, billSubscriptionLinks, billSubscriptions } from '../schema';
import { insertNewRowsStatements } from '../../db/chunks';

/** The subscription of an address to a scope, if any. */
export async function findSubscription(
  db: Db,
  email: string,
  scopeKey: string,
): Promise<BillSubscriptionRow | undefined> {
  return db
    .select()
    .from(billSubscriptions)
    .where(and(eq(billSubscriptions.email, email), eq(billSubscriptions.scopeKey, scopeKey)))
    .get();
}

/** One subscription by id. */
export async function subscriptionById(db: Db, id: string): Promise<BillSubscriptionRow | undefined> {
  return db.select().from(billSubscriptions).where(eq(billSubscriptions.id, id)).get();
}

/**
 * Stores a pending subscription, or makes a lapsed one pending again with the new choices; a
 * confirmed subscription is never turned back into a pending one.
 */
export async function upsertPendingSubscription(
  db: Db,
  values: Omit<typeof billSubscriptions.$inferInsert, 'status'>,
): Promise<void> {
  await db
    .insert(billSubscriptions)
    .values({ ...values, status: 'pending' })
    .onConflictDoUpdate({
      target: [billSubscriptions.email, billSubscriptions.scopeKey],
      set: { lang: values.lang, frequency: values.frequency, status: 'pending', unsubscribedAt: null },
      setWhere: ne(billSubscriptions.status, 'confirmed'),
    });
}

/**
 * The batch storing a subscription's new private link with its email, unless that would flood the
 * inbox: the link is inserted only when no email of the same kind went to the subscription within
 * `intervalMs` and fewer than `perDay` form emails went to the address in a day; the email is
 * deleted again when the link was not inserted; a new confirm link replaces the older ones. The
 * first statement is the link's insert (its change count says whether the email goes).
 */
export function limitedLinkStatements(
  db: Db,
  input: {
    tokenHash: string;
    subscriptionId: string;
    purpose: 'confirm' | 'manage';
    at: number;
    /** The prefix of the outbox ids of this subscription's form emails of this kind. */
    outboxIdPrefix: string;
    email: { id: string; statement: BatchItem<'sqlite'> };
    to: string;
    limits: { intervalMs: number; perDay: number; templates: readonly string[] };
  },
): BatchItem<'sqlite'>[] {
  const { tokenHash, subscriptionId, purpose, at, outboxIdPrefix: prefix, limits } = input;
  const links = billSubscriptionLinks;
  const ourLink = db
    .select({ one: sql`1` })
    .from(links)
    .where(eq(links.tokenHash, tokenHash));
  const statements: BatchItem<'sqlite'>[] = [
    db.run(sql`
      INSERT INTO ${links} (token_hash, subscription_id, purpose, created_at)
      SELECT ${tokenHash}, ${subscriptionId}, ${purpose}, ${at}
      WHERE NOT EXISTS (
          SELECT 1 FROM ${outbox}
          WHERE ${outbox.id} > ${prefix} AND ${outbox.id} < ${`${prefix.slice(0, -1)};`}
            AND ${outbox.createdAt} > ${at - limits.intervalMs})
        AND (SELECT count(*) FROM ${outbox}
          WHERE ${outbox.toAddress} = ${input.to}
            AND ${outbox.template} IN (${sql.join(
              limits.templates.map((t) => sql`${t}`),
              sql`, `,
            )})
            AND ${outbox.createdAt} > ${at - DAY}) < ${limits.perDay}`),
    input.email.statement,
    db.delete(outbox).where(and(eq(outbox.id, input.email.id), notExists(ourLink))),
  ];
  if (purpose === 'confirm') {
    // Only the newest confirmation works: at most one is pending per address and scope.
    statements.push(
      db
        .delete(links)
        .where(
          and(
            eq(links.subscriptionId, subscriptionId),
            eq(links.purpose, 'confirm'),
            ne(links.tokenHash, tokenHash),
            exists(ourLink),
          ),
        ),
    );
  }
  return statements;
}

/** The subscription behind a link of a purpose created after `createdAfter`, if any. */
export async function subscriptionByLinkHash(
  db: Db,
  tokenHash: string,
  purpose: 'confirm' | 'manage',
  createdAfter: number,
): Promise<BillSubscriptionRow | null> {
  const row = await db
    .select({ subscription: billSubscriptions })
    .from(billSubscriptionLinks)
    .innerJoin(billSubscriptions, eq(billSubscriptions.id, billSubscriptionLinks.subscriptionId))
    .where(
      and(
        eq(billSubscriptionLinks.tokenHash, tokenHash),
        eq(billSubscriptionLinks.purpose, purpose),
        gt(billSubscriptionLinks.createdAt, createdAfter),
      ),
    )
    .get();
  return row?.subscription ?? null;
}

/** Stores a new manage link and, when `confirmId` is given, confirms that pending subscription. */
export async function storeConfirmation(
  db: Db,
  link: typeof billSubscriptionLinks.$inferInsert,
  confirmId: string | null,
  at: number,
): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = [db.insert(billSubscriptionLinks).values(link)];
  if (confirmId)
    statements.push(resumeStatement(db, confirmId, at), ...subscriptionEvents(db, { id: confirmId }, at));
  await runBatch(db, statements);
}

/** The statement (re)confirming a subscription from `at` on. */
export function resumeStatement(db: Db, subscriptionId: string, at: number) {
  return db
    .update(billSubscriptions)
    .set({ status: 'confirmed', confirmedAt: at, digestSince: at, unsubscribedAt: null })
    .where(eq(billSubscriptions.id, subscriptionId));
}

/** The statement following a scope with a subscription's choices, confirmed from `at` on. */
export function followStatement(
  db: Db,
  template: BillSubscriptionRow,
  scope: { billId: string | null; state: string },
  at: number,
) {
  return db
    .insert(billSubscriptions)
    .values({
      id: newId(),
      email: template.email,
      scopeKey: scope.billId ? `bill:${scope.billId}` : `state:${scope.state}`,
      billId: scope.billId,
      state: scope.state,
      lang: template.lang,
      frequency: template.frequency,
      status: 'confirmed',
      // Alerts start with movements from now on: what came before went to the old scope.
      confirmedAt: at,
      digestSince: at,
      createdAt: at,
    })
    .onConflictDoUpdate({
      target: [billSubscriptions.email, billSubscriptions.scopeKey],
      set: {
        status: 'confirmed',
        lang: template.lang,
        frequency: template.frequency,
        confirmedAt: at,
        digestSince: at,
        unsubscribedAt: null,
      },
      setWhere: ne(billSubscriptions.status, 'confirmed'),
    });
}

/** The statement stopping one subscription (stopping twice changes nothing). */
export function stopStatement(db: Db, subscriptionId: string, at: number) {
  return db
    .update(billSubscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: at })
    .where(and(eq(billSubscriptions.id, subscriptionId), ne(billSubscriptions.status, 'unsubscribed')));
}

/** The statements storing subscription links (a link stored already is kept). */
export function insertLinkStatements(db: Db, rows: (typeof billSubscriptionLinks.$inferInsert)[]) {
  return insertNewRowsStatements(db, billSubscriptionLinks, rows);
}

/**
 * Changes the language and frequency of every active subscription of an address (from its manage
 * page): one person, one language, and one rhythm for everything they follow.
 */
export async function updateAddressChoices(
  db: Db,
  email: string,
  choices: { lang: Lang; frequency: 'immediate' | 'daily' },
  at = Date.now(),
): Promise<void> {
  const mine = and(eq(billSubscriptions.email, email), ne(billSubscriptions.status, 'unsubscribed'));
  await db.batch([
    db.update(billSubscriptions).set({ lang: choices.lang }).where(mine),
    db
      .update(billSubscriptions)
      .set({
        frequency: choices.frequency,
        // Switching to the digest starts it from now, so nothing already alerted is sent again.
        ...(choices.frequency === 'daily' ? { digestSince: at } : {}),
      })
      .where(and(mine, ne(billSubscriptions.frequency, choices.frequency))),
  ]);
}

/** Everything an address follows (or followed), with the bill of bill subscriptions. */
export async function subscriptionsOfAddress(db: Db, email: string): Promise<FollowedItem[]> {
  const rows = await db
    .select({ subscription: billSubscriptions, bill: bills })
    .from(billSubscriptions)
    .leftJoin(bills, eq(bills.id, billSubscriptions.billId))
    .where(eq(billSubscriptions.email, email));
  return rows.sort(
    (a, b) =>
      a.subscription.state.localeCompare(b.subscription.state) ||
      // The whole state first, then its bills by number.
      Number(a.bill !== null) - Number(b.bill !== null) ||
      (a.bill?.identifier ?? '').localeCompare(b.bill?.identifier ?? '', 'en', { numeric: true }),
  );
}

/** One row of the manage page: a subscription and, for one bill, that bill (for a campaign, that campaign). */
export interface FollowedItem {
  subscription: BillSubscriptionRow;
  bill: BillRow | null;
  campaign?: ActionCampaign | null;
}

/** Whether a subscription follows every tracked bill of its state (not one bill, not a campaign). */
export function isWholeState(subscription: Pick<BillSubscriptionRow, 'billId' | 'campaignId'>): boolean {
  return !subscription.billId && !subscription.campaignId;
}

/**
 * Stops everything sent to an address (the one-click unsubscribe of an alert or digest, RFC 8058):
 * one alert or digest can stand for several subscriptions of the same person, so "unsubscribe"
 * from it stops them all. Unsubscribing twice changes nothing.
 */
export async function unsubscribeAddress(db: Db, email: string, at = Date.now()): Promise<void> {
  await runBatch(db, [
    db
      .update(billSubscriptions)
      .set({ status: 'unsubscribed', unsubscribedAt: at })
      .where(and(eq(billSubscriptions.email, email), ne(billSubscriptions.status, 'unsubscribed'))),
    ...subscriptionEvents(db, { email }, at),
  ]);
}

/**
 * The webhook events of the subscriptions (of one id, or of one address) that a batch confirmed or
 * ended at `at`: put after the change's statements, so a change that did nothing records nothing.
 */
export function subscriptionEvents(db: Db, whose: { id: string } | { email: string }, at: number) {
  const t = billSubscriptions;
  const which = 'id' in whose ? sql`${t.id} = ${whose.id}` : sql`${t.email} = ${whose.email}`;
  // The subscriptions of `whose` that this batch moved to `status`, stamping `movedAt` with `at`.
  const movedTo = (type: WebhookEventType, status: BillSubscriptionRow['status'], movedAt: SQLiteColumn) =>
    recordEventsFor(
      db,
      type,
      sql`select ${t.id} as id from ${t} where ${which} and ${t.status} = ${status} and ${movedAt} = ${at}`,
      at,
      `:${at}`,
    );
  return [
    ...movedTo('subscription.confirmed', 'confirmed', t.confirmedAt),
    ...movedTo('subscription.ended', 'unsubscribed', t.unsubscribedAt),
  ];
}

/** Deletes up to `limit` links that no longer work; returns how many. */
export async function deleteExpiredLinks(
  db: Db,
  confirmBefore: number,
  manageBefore: number,
  limit: number,
): Promise<number> {
  const links = billSubscriptionLinks;
  const expired = or(
    and(eq(links.purpose, 'confirm'), lte(links.createdAt, confirmBefore)),
    and(eq(links.purpose, 'manage'), lte(links.createdAt, manageBefore)),
  );
  const result = await db
    .delete(links)
    .where(
      inArray(
        links.tokenHash,
        db.select({ tokenHash: links.tokenHash }).from(links).where(expired).limit(limit),
      ),
    );
  return result.meta.changes;
}

/** Deletes subscriptions still pending since before `before` with no confirm link newer than it. */
export async function deleteUnconfirmedSubscriptions(db: Db, before: number): Promise<number> {
  const links = billSubscriptionLinks;
  const result = await db.delete(billSubscriptions).where(
    and(
      eq(billSubscriptions.status, 'pending'),
      lte(billSubscriptions.createdAt, before),
      // A lapsed subscription asked for again is pending with an old createdAt: its fresh link keeps it.
      notExists(
        db
          .select({ one: sql`1` })
          .from(links)
          .where(
            and(
              eq(links.subscriptionId, billSubscriptions.id),
              eq(links.purpose, 'confirm'),
              gt(links.createdAt, before),
            ),
          ),
      ),
    ),
  );
  return result.meta.changes;
}

/** Confirmed subscriptions to a campaign's updates whose address has not bounced or complained. */
function followsCampaign(db: Db, campaignId: string) {
  return and(
    eq(billSubscriptions.campaignId, campaignId),
    eq(billSubscriptions.status, 'confirmed'),
    notExists(
      db
        .select({ one: sql`1` })
        .from(emailSuppressions)
        .where(eq(emailSuppressions.email, billSubscriptions.email)),
    ),
  );
}

/** One page of the people a campaign update goes to, in id order after a cursor. */
export async function campaignSubscribersPage(db: Db, campaignId: string, after: string, limit: number) {
  return db
    .select({ id: billSubscriptions.id, email: billSubscriptions.email, lang: billSubscriptions.lang })
    .from(billSubscriptions)
    .where(and(followsCampaign(db, campaignId), gt(billSubscriptions.id, after)))
    .orderBy(asc(billSubscriptions.id))
    .limit(limit);
}

/** How many people a campaign update would reach now. */
export async function countCampaignSubscribers(db: Db, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(billSubscriptions)
    .where(followsCampaign(db, campaignId));
  return Number(row?.n ?? 0);
}
