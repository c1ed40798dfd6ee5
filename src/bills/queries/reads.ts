// Typed reads of bills, their history, movements and subscriber counts.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db';
import { withD1Retry } from '../../db/retry';
import { officials } from '../../officials/schema';
import {
  billActions,
  billMovements,
  bills,
  billSponsors,
  billSubscriptions,
  billSyncState,
  type BillPosition,
  type BillSource,
  type BillStage,
  type CallToAction,
} from '../schema';
import { findRow, listRows } from '../../db/find';
import { pickColumns } from '../../db/pick';

/** Rows as stored: a bill, one of its actions, a movement, a subscription. */
export type BillRow = typeof bills.$inferSelect;
export type BillActionRow = typeof billActions.$inferSelect;
export type BillMovementRow = typeof billMovements.$inferSelect;
export type BillSubscriptionRow = typeof billSubscriptions.$inferSelect;

/** The stage a bill shows, in SQL: the organizer's override, else the derived stage. */
export const effectiveStageSql = sql<BillStage>`coalesce(${bills.stageOverride}, ${bills.derivedStage})`;

/** Filters of the public bill list. */
export interface BillFilters {
  state?: string | null;
  stage?: BillStage | null;
  position?: BillPosition | null;
}

/** Tracked bills matching the filters, most recent movement first. */
export async function listTrackedBills(db: Db, filters: BillFilters = {}, limit = 200): Promise<BillRow[]> {
  const conditions: SQL[] = [eq(bills.tracked, true)];
  if (filters.state) conditions.push(eq(bills.state, filters.state));
  if (filters.stage) conditions.push(sql`${effectiveStageSql} = ${filters.stage}`);
  if (filters.position) conditions.push(eq(bills.position, filters.position));
  return listRows(db, bills, and(...conditions), {
    orderBy: [sql`${bills.lastMovementAt} is null`, desc(bills.lastMovementAt), asc(bills.identifier)],
    limit,
  });
}

/** Every bill for the organizer list, tracked or not, newest movement first. */
export async function listAllBills(db: Db): Promise<BillRow[]> {
  return listRows(db, bills, undefined, {
    orderBy: [
      sql`${bills.lastMovementAt} is null`,
      desc(bills.lastMovementAt),
      asc(bills.state),
      asc(bills.identifier),
    ],
    limit: 500,
  });
}

/** The states that have tracked bills, for the list filter. */
export async function trackedStates(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ state: bills.state })
    .from(bills)
    .where(eq(bills.tracked, true))
    .orderBy(asc(bills.state));
  return rows.map((r) => r.state);
}

/** How many bills a feed covers (all tracked bills, or one state's) and when the newest changed. */
export async function feedScope(
  db: Db,
  state: string | null,
): Promise<{ bills: number; updatedAt: number | null }> {
  const conditions: SQL[] = [eq(bills.tracked, true)];
  if (state) conditions.push(eq(bills.state, state));
  const [row] = await db
    .select({ bills: count(), updatedAt: sql<number | null>`max(${bills.updatedAt})` })
    .from(bills)
    .where(and(...conditions));
  return { bills: row?.bills ?? 0, updatedAt: row?.updatedAt ?? null };
}

/** One bill by its URL parts (`/bills/ga/sb-6`). */
export async function getBillBySlug(db: Db, state: string, slug: string): Promise<BillRow | null> {
  return (
    (await findRow(
      db,
      bills,
      and(eq(bills.state, state.toUpperCase()), eq(bills.slug, slug.toLowerCase())),
    )) ?? null
  );
}

/** One bill by id. */
export async function getBill(db: Db, id: string): Promise<BillRow | null> {
  return (await db.select().from(bills).where(eq(bills.id, id)).get()) ?? null;
}

// The reads of a bill page, by the bill's id or a subquery giving it (readBillPage batches them).
const actionsOf = (db: Db, billId: string | SQLWrapper) =>
  db
    .select()
    .from(billActions)
    .where(eq(billActions.billId, billId))
    .orderBy(asc(billActions.date), asc(billActions.position), asc(billActions.createdAt));
const sponsorsOf = (db: Db, billId: string | SQLWrapper) =>
  db
    .select({ name: billSponsors.name, primary: billSponsors.primary, officialId: officials.id })
    .from(billSponsors)
    .leftJoin(officials, eq(officials.id, billSponsors.personId))
    .where(eq(billSponsors.billId, billId))
    .orderBy(desc(billSponsors.primary), asc(billSponsors.name));
const movementsOf = (db: Db, billId: string | SQLWrapper, limit: number) =>
  db
    .select()
    .from(billMovements)
    .where(eq(billMovements.billId, billId))
    .orderBy(desc(billMovements.createdAt))
    .limit(limit);

/** A bill's actions in the order they happened. */
export async function listActions(db: Db, billId: string): Promise<BillActionRow[]> {
  return actionsOf(db, billId);
}

/** The keys of the actions already stored for a bill. */
export async function storedActionKeys(db: Db, billId: string): Promise<Set<string>> {
  const rows = await db
    .select({ key: billActions.actionKey })
    .from(billActions)
    .where(eq(billActions.billId, billId));
  return new Set(rows.map((r) => r.key));
}

/** A sponsor with the officials-directory id when the directory has that person. */
export interface SponsorView {
  name: string;
  primary: boolean;
  officialId: string | null;
}

/** A bill's sponsors, primary first, linked to the officials directory when possible. */
export async function listSponsors(db: Db, billId: string): Promise<SponsorView[]> {
  return (await sponsorsOf(db, billId)).map(sponsorView);
}

const sponsorView = (r: { name: string; primary: boolean; officialId: string | null }): SponsorView => ({
  name: r.name,
  primary: r.primary,
  officialId: r.officialId ?? null,
});

/** Everything the public bill page reads, in one round trip to D1; null without such a bill. */
export async function readBillPage(
  db: Db,
  state: string,
  slug: string,
): Promise<{
  bill: BillRow;
  actions: BillActionRow[];
  sponsors: SponsorView[];
  movements: BillMovementRow[];
} | null> {
  const where = and(eq(bills.state, state.toUpperCase()), eq(bills.slug, slug.toLowerCase()));
  // The bill's id as a subquery, so the bill and what hangs off it are read together.
  const billId = db.select({ id: bills.id }).from(bills).where(where).limit(1);
  const [billRows, actions, sponsors, movements] = await withD1Retry(() =>
    db.batch([
      db.select().from(bills).where(where).limit(1),
      actionsOf(db, billId),
      sponsorsOf(db, billId),
      movementsOf(db, billId, 20),
    ]),
  );
  const bill = billRows[0];
  if (!bill) return null;
  return {
    bill,
    actions,
    sponsors: sponsors.map(sponsorView),
    movements,
  };
}

/** A movement with the bill it belongs to (feeds, digests). */
export interface MovementWithBill {
  movement: BillMovementRow;
  bill: BillRow;
}

/** The latest movements of tracked bills, optionally in one state, newest first. */
export async function listRecentMovements(
  db: Db,
  state: string | null,
  limit = 50,
): Promise<MovementWithBill[]> {
  const conditions: SQL[] = [eq(bills.tracked, true)];
  if (state) conditions.push(eq(bills.state, state));
  return db
    .select({ movement: billMovements, bill: bills })
    .from(billMovements)
    .innerJoin(bills, eq(bills.id, billMovements.billId))
    .where(and(...conditions))
    .orderBy(desc(billMovements.createdAt), desc(billMovements.id))
    .limit(limit);
}

/** Movements of one bill, newest first. */
export async function listBillMovements(db: Db, billId: string, limit = 20): Promise<BillMovementRow[]> {
  return movementsOf(db, billId, limit);
}

/** One movement by id. */
export async function getMovement(db: Db, id: string): Promise<BillMovementRow | null> {
  return (await db.select().from(billMovements).where(eq(billMovements.id, id)).get()) ?? null;
}

/** Confirmed subscribers per bill (bill scope) and per state (state scope), for the organizer list. */
export async function subscriberCounts(
  db: Db,
): Promise<{ byBill: Map<string, number>; byState: Map<string, number> }> {
  const byBillRows = await db
    .select({ billId: billSubscriptions.billId, n: count() })
    .from(billSubscriptions)
    .where(eq(billSubscriptions.status, 'confirmed'))
    .groupBy(billSubscriptions.billId);
  const byStateRows = await db
    .select({ state: billSubscriptions.state, n: count() })
    .from(billSubscriptions)
    .where(and(eq(billSubscriptions.status, 'confirmed'), isNull(billSubscriptions.billId)))
    .groupBy(billSubscriptions.state);
  return {
    byBill: new Map(byBillRows.filter((r) => r.billId).map((r) => [r.billId!, r.n])),
    byState: new Map(byStateRows.map((r) => [r.state, r.n])),
  };
}

/** When a source (Open States) last answered. */
export async function getSyncState(db: Db, source: string) {
  return (await db.select().from(billSyncState).where(eq(billSyncState.source, source)).get()) ?? null;
}

/** What the organizer list of bills shows: every bill, subscriber counts, when the source last answered. */
export interface BillAdminListData {
  bills: BillRow[];
  counts: Awaited<ReturnType<typeof subscriberCounts>>;
  sync: typeof billSyncState.$inferSelect | null;
}

/** Loads the organizer list of bills, with the sync state of `source` (Open States). */
export async function loadBillAdminList(db: Db, source: string): Promise<BillAdminListData> {
  const [bills, counts, sync] = await Promise.all([
    listAllBills(db),
    subscriberCounts(db),
    getSyncState(db, source),
  ]);
  return { bills, counts, sync };
}

/** Tracked bills that came from Open States, for the scheduled update. */
export async function listTrackedOpenStatesBills(
  db: Db,
): Promise<Pick<BillRow, 'id' | 'state' | 'session' | 'identifier' | 'openstatesId'>[]> {
  return db
    .select(pickColumns(bills, 'id', 'state', 'session', 'identifier', 'openstatesId'))
    .from(bills)
    .where(and(eq(bills.tracked, true), sql`${bills.openstatesId} is not null`, eq(bills.isDemo, false)));
}

/** Bills by id (digest and feed helpers). */
export async function getBillsByIds(db: Db, ids: string[]): Promise<BillRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(bills).where(inArray(bills.id, ids));
}

/** The calls to action stored with a bill (JSON), ignoring anything malformed. */
export function callsToActionOf(bill: Pick<BillRow, 'callsToAction'>): CallToAction[] {
  return parseJsonList<CallToAction>(bill.callsToAction).filter(
    (c) => typeof c?.url === 'string' && typeof c?.labelEn === 'string' && typeof c?.labelEs === 'string',
  );
}

/** The source links stored with a bill (JSON). */
export function sourcesOf(bill: Pick<BillRow, 'sources'>): BillSource[] {
  return parseJsonList<BillSource>(bill.sources).filter((s) => typeof s?.url === 'string');
}

function parseJsonList<T>(value: string): T[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}
