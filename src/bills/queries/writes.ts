// The writes that change a bill. Most are statement builders: movements.ts puts them in one batch
// with the movement they cause (`runStatements`), so a change and its movement land together.
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import { newId } from '../../lib/tokens';
import type { ImportedAction, ImportedBill } from '../import';
import { billActions, billMovements, bills, billSponsors, billSyncState } from '../schema';
import type { BillRow } from './reads';
import { insertNewRowsStatements } from '../../db/chunks';

/** Runs statements built below as one D1 batch (all or nothing); nothing to run is fine. */
export async function runStatements(db: Db, statements: BatchItem<'sqlite'>[]): Promise<void> {
  if (statements.length === 0) return;
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}

function actionRows(
  billId: string,
  actions: readonly ImportedAction[],
  source: 'openstates' | 'organizer' | 'demo',
  at: number,
) {
  return actions.map((a) => ({
    id: newId(),
    billId,
    actionKey: a.actionKey,
    date: a.date,
    position: a.position,
    chamber: a.chamber,
    chamberKind: a.chamberKind,
    description: a.description,
    classification: JSON.stringify(a.classification),
    source,
    createdAt: at,
  }));
}

/** The statements inserting actions, split to respect D1's bound-parameter limit. */
export function insertActionStatements(
  db: Db,
  billId: string,
  actions: readonly ImportedAction[],
  source: 'openstates' | 'organizer' | 'demo',
  at: number,
): BatchItem<'sqlite'>[] {
  const rows = actionRows(billId, actions, source, at);
  return insertNewRowsStatements(db, billActions, rows);
}

/** The statements inserting an imported bill's sponsors (a sponsor stored already is kept). */
export function insertSponsorStatements(
  db: Db,
  billId: string,
  imported: ImportedBill,
): BatchItem<'sqlite'>[] {
  const rows = imported.sponsors.map((s) => ({
    billId,
    name: s.name,
    personId: s.personId,
    primary: s.primary,
    classification: s.classification,
  }));
  return insertNewRowsStatements(db, billSponsors, rows);
}

/** The statement inserting a bill. */
export function insertBillStatement(db: Db, row: typeof bills.$inferInsert) {
  return db.insert(bills).values(row);
}

/** The statement changing some columns of a bill. */
export function updateBillStatement(db: Db, billId: string, changes: Partial<typeof bills.$inferInsert>) {
  return db.update(bills).set(changes).where(eq(bills.id, billId));
}

/**
 * The statement inserting a movement. `once`: a second movement with the same key (the same
 * imported actions) is silently not written.
 */
export function insertMovementStatement(db: Db, row: typeof billMovements.$inferInsert, once = false) {
  const insert = db.insert(billMovements).values(row);
  return once ? insert.onConflictDoNothing() : insert;
}

/** The bill imported from this Open States id, if any. */
export async function getBillByOpenStatesId(db: Db, openstatesId: string): Promise<BillRow | undefined> {
  return db.select().from(bills).where(eq(bills.openstatesId, openstatesId)).get();
}

/** The id of the movement with this key, if it was written. */
export async function movementIdByKey(db: Db, movementKey: string): Promise<string | null> {
  const [row] = await db
    .select({ id: billMovements.id })
    .from(billMovements)
    .where(eq(billMovements.movementKey, movementKey));
  return row?.id ?? null;
}

/** Records one attempt to update from a source (Open States): when, and whether it worked. */
export async function recordSyncAttempt(
  db: Db,
  source: string,
  at: number,
  success: boolean,
  error: string | null,
): Promise<void> {
  await db
    .insert(billSyncState)
    .values({ source, lastAttemptAt: at, lastSuccessAt: success ? at : null, lastError: error })
    .onConflictDoUpdate({
      target: billSyncState.source,
      set: success
        ? { lastAttemptAt: at, lastSuccessAt: at, lastError: null }
        : { lastAttemptAt: at, lastError: error },
    });
}
