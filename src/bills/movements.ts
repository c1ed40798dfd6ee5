// Writes that change a bill: imports, organizer actions, updates and stage overrides. Each real
// movement is one bill_movements row, written in the same db.batch() as the change, then fanned out.
import { describeAction } from './action-text';
import { translator } from '../lib/i18n';
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { hashToken, newId } from '../lib/tokens';
import { logEvent } from '../lib/log';
import {
  newActions,
  parseOpenStatesText,
  slugOfIdentifier,
  type ImportedAction,
  type ImportedBill,
} from './import';
import { getBillBySlug, listActions, storedActionKeys, type BillRow } from './queries';
import { billActions, billMovements, bills, billSponsors, type BillStage } from './schema';
import { effectiveStage, sortActions, stageFromActions } from './stage';

/** The message of the alert queue: one page of subscribers of one movement. */
export interface AlertPageMessage {
  movementId: string;
  /** 0, 1, 2…: names the send group (`alert:<movementId>:<page>`). */
  page: number;
  /** Keyset cursor: subscribers with an id greater than this. */
  after: string;
  /** When the previous page called Resend (ms): this page's call keeps Resend's rate after it. */
  lastCallAt?: number;
}

// D1 allows 100 bound parameters per statement: rows per multi-row insert = floor(100 / columns).
const ACTION_ROWS_PER_INSERT = 9;

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
  const statements: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += ACTION_ROWS_PER_INSERT) {
    statements.push(
      db
        .insert(billActions)
        .values(rows.slice(i, i + ACTION_ROWS_PER_INSERT))
        .onConflictDoNothing(),
    );
  }
  return statements;
}

/** Milliseconds of a YYYY-MM-DD date (noon UTC, so that it is the same day everywhere in the U.S.). */
export function dateToMs(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T12:00:00Z`);
}

/** The result of storing one imported bill. */
export interface ImportOutcome {
  billId: string;
  created: boolean;
  addedActions: number;
  movementId: string | null;
}

/**
 * Stores one imported bill: a new bill with its history (no alert: nobody follows it yet), or the
 * actions an existing bill did not have yet, as one movement. Importing the same file twice
 * changes nothing.
 */
export async function applyImportedBill(
  db: Db,
  imported: ImportedBill,
  at = Date.now(),
): Promise<ImportOutcome> {
  const existing =
    (await db.select().from(bills).where(eq(bills.openstatesId, imported.openstatesId)).get()) ??
    (await findSameBill(db, imported));
  if (!existing) return createImportedBill(db, imported, at);

  const sponsorStatements = insertSponsorStatements(db, existing.id, imported);
  const recorded = await recordNewActions(
    db,
    existing,
    imported.actions,
    'openstates',
    at,
    sponsorStatements,
  );
  if (!existing.openstatesId) {
    await db.update(bills).set({ openstatesId: imported.openstatesId }).where(eq(bills.id, existing.id));
  }
  return {
    billId: existing.id,
    created: false,
    addedActions: recorded.added,
    movementId: recorded.movementId,
  };
}

// A bill an organizer added by hand (or the demo) before it was imported: same state, session, number.
async function findSameBill(db: Db, imported: ImportedBill): Promise<BillRow | null> {
  const bill = await getBillBySlug(db, imported.state, slugOfIdentifier(imported.identifier));
  return bill && bill.session === imported.session && !bill.openstatesId ? bill : null;
}

function insertSponsorStatements(db: Db, billId: string, imported: ImportedBill): BatchItem<'sqlite'>[] {
  const rows = imported.sponsors.map((s) => ({
    billId,
    name: s.name,
    personId: s.personId,
    primary: s.primary,
    classification: s.classification,
  }));
  const statements: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += 20) {
    statements.push(
      db
        .insert(billSponsors)
        .values(rows.slice(i, i + 20))
        .onConflictDoNothing(),
    );
  }
  return statements;
}

async function createImportedBill(db: Db, imported: ImportedBill, at: number): Promise<ImportOutcome> {
  const id = newId();
  let slug = slugOfIdentifier(imported.identifier);
  // The same number in another session keeps both pages apart.
  if (await getBillBySlug(db, imported.state, slug)) slug = `${slug}-${slugOfIdentifier(imported.session)}`;
  const sorted = sortActions(imported.actions);
  const latest = sorted.at(-1);
  await db.batch([
    db.insert(bills).values({
      id,
      openstatesId: imported.openstatesId,
      state: imported.state,
      session: imported.session,
      identifier: imported.identifier,
      slug,
      title: imported.title,
      summaryEn: imported.summary,
      derivedStage: stageFromActions(imported.actions),
      sources: JSON.stringify(imported.sources),
      lastMovementAt: latest ? dateToMs(latest.date) : at,
      createdAt: at,
      updatedAt: at,
    }),
    ...insertActionStatements(db, id, imported.actions, 'openstates', at),
    ...insertSponsorStatements(db, id, imported),
  ]);
  return { billId: id, created: true, addedActions: imported.actions.length, movementId: null };
}

/**
 * Adds the actions a bill does not have yet, re-derives its stage and records one movement for
 * them, all in one batch. Returns the movement to fan out (null when nothing was new).
 */
export async function recordNewActions(
  db: Db,
  bill: BillRow,
  actions: readonly ImportedAction[],
  source: 'openstates' | 'organizer' | 'demo',
  at: number,
  alsoRun: BatchItem<'sqlite'>[] = [],
): Promise<{ added: number; movementId: string | null }> {
  const fresh = newActions(actions, await storedActionKeys(db, bill.id));
  if (fresh.length === 0) {
    if (alsoRun.length > 0) await db.batch(alsoRun as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    return { added: 0, movementId: null };
  }
  const stored = await listActions(db, bill.id);
  const all = [
    ...stored.map((a) => ({ ...a, classification: JSON.parse(a.classification) as string[] })),
    ...fresh,
  ];
  const derived = stageFromActions(all);
  const stageBefore = effectiveStage(bill);
  const stageAfter = effectiveStage({ derivedStage: derived, stageOverride: bill.stageOverride });
  const ordered = sortActions(fresh);
  const headline = ordered.map((a) => a.description).join(' · ');
  // Spanish alerts and feeds say what happened in Spanish, from each action's classification.
  const spanish = translator('es');
  const headlineEs = ordered
    .map((a) => {
      const { description, chamber } = describeAction(spanish, a);
      return description ? `${chamber ? `${chamber}: ` : ''}${description}` : a.description;
    })
    .join(' · ');
  const movementKey = `actions:${bill.id}:${await hashToken(ordered.map((a) => a.actionKey).join('\n'))}`;
  const movementId = newId();
  const latestDate = ordered.at(-1)!.date;
  const statements: BatchItem<'sqlite'>[] = [
    ...insertActionStatements(db, bill.id, fresh, source, at),
    db
      .insert(billMovements)
      .values({
        id: movementId,
        billId: bill.id,
        movementKey,
        kind: 'actions',
        stageBefore,
        stageAfter,
        headlineEn: headline,
        headlineEs,
        occurredAt: dateToMs(latestDate),
        createdAt: at,
        fanoutUpdatedAt: at,
      })
      .onConflictDoNothing(),
    db
      .update(bills)
      .set({ derivedStage: derived, lastMovementAt: at, updatedAt: at })
      .where(eq(bills.id, bill.id)),
    ...alsoRun,
  ];
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const [row] = await db
    .select({ id: billMovements.id })
    .from(billMovements)
    .where(eq(billMovements.movementKey, movementKey));
  return { added: fresh.length, movementId: row?.id ?? null };
}

/** What an organizer types when posting an action. */
export interface OrganizerActionInput {
  date: string;
  chamber: string | null;
  chamberKind: string | null;
  description: string;
  classification: string[];
}

/** Posts an action by hand (a hearing announced, a vote seen from the gallery): one movement. */
export async function postOrganizerAction(
  db: Db,
  bill: BillRow,
  input: OrganizerActionInput,
  at = Date.now(),
) {
  const action: ImportedAction = {
    // Organizer actions are keyed by their own id: posting twice on purpose is two actions.
    actionKey: `organizer:${newId()}`,
    date: input.date,
    position: 10_000 + (Math.floor(at / 1000) % 1_000_000),
    chamber: input.chamber,
    chamberKind: input.chamberKind,
    description: input.description,
    classification: input.classification,
  };
  return recordNewActions(db, bill, [action], 'organizer', at);
}

/** An organizer's update in both languages (a hearing date, a change of strategy): one movement. */
export async function postBillUpdate(
  db: Db,
  bill: BillRow,
  input: { headlineEn: string; headlineEs: string; detailEn: string | null; detailEs: string | null },
  at = Date.now(),
): Promise<string> {
  const id = newId();
  const stage = effectiveStage(bill);
  await db.batch([
    db.insert(billMovements).values({
      id,
      billId: bill.id,
      movementKey: `update:${id}`,
      kind: 'update',
      stageBefore: stage,
      stageAfter: stage,
      ...input,
      occurredAt: at,
      createdAt: at,
      fanoutUpdatedAt: at,
    }),
    db.update(bills).set({ lastMovementAt: at, updatedAt: at }).where(eq(bills.id, bill.id)),
  ]);
  return id;
}

/**
 * Sets or clears the organizer's stage override with a note. A change of the stage people see is a
 * movement (returned); the same stage again only updates the note.
 */
export async function overrideStage(
  db: Db,
  bill: BillRow,
  input: { stage: BillStage | null; noteEn: string | null; noteEs: string | null },
  at = Date.now(),
): Promise<string | null> {
  const before = effectiveStage(bill);
  const after = effectiveStage({ derivedStage: bill.derivedStage, stageOverride: input.stage });
  const update = db
    .update(bills)
    .set({
      stageOverride: input.stage,
      stageNoteEn: input.noteEn,
      stageNoteEs: input.noteEs,
      updatedAt: at,
      ...(before !== after ? { lastMovementAt: at } : {}),
    })
    .where(eq(bills.id, bill.id));
  if (before === after) {
    await update;
    return null;
  }
  const id = newId();
  await db.batch([
    update,
    db.insert(billMovements).values({
      id,
      billId: bill.id,
      movementKey: `stage:${id}`,
      kind: 'stage',
      stageBefore: before,
      stageAfter: after,
      headlineEn: input.noteEn ?? '',
      headlineEs: input.noteEs ?? input.noteEn ?? '',
      occurredAt: at,
      createdAt: at,
      fanoutUpdatedAt: at,
    }),
  ]);
  return id;
}

/**
 * Starts the alert fan-out of a movement. If the queue cannot be reached, the movement stays
 * pending and the scheduled resume (`resumeStalledFanouts`) starts it later: nothing is lost.
 */
export async function startFanout(env: Pick<Env, 'ALERT_QUEUE'>, movementId: string | null): Promise<void> {
  if (!movementId) return;
  try {
    await env.ALERT_QUEUE.send({ movementId, page: 0, after: '' } satisfies AlertPageMessage);
  } catch (error) {
    logEvent('warn', 'bills.fanout_enqueue_failed', {
      movementId,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}

/**
 * Imports Open States JSON text (a file): everything is parsed and checked first, so malformed
 * input is refused with a message and nothing is written. Returns the movements to fan out.
 */
export async function importOpenStatesText(
  db: Db,
  text: string,
  at = Date.now(),
): Promise<{ ok: false; message: string } | { ok: true; outcomes: ImportOutcome[] }> {
  const parsed = parseOpenStatesText(text);
  if (!parsed.ok) return parsed;
  const outcomes: ImportOutcome[] = [];
  for (const bill of parsed.bills) outcomes.push(await applyImportedBill(db, bill, at));
  return { ok: true, outcomes };
}
