// Writes that change a bill: imports, organizer actions, updates and stage overrides. Each real
// movement is one bill_movements row, written in the same db.batch() as the change, then fanned out.
import { describeAction } from './action-text';
import { translator } from '../lib/i18n';
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
import {
  getBillByOpenStatesId,
  getBillBySlug,
  insertActionStatements,
  insertBillStatement,
  insertMovementStatement,
  insertSponsorStatements,
  listActions,
  movementIdByKey,
  runStatements,
  storedActionKeys,
  updateBillStatement,
  type BillRow,
} from './queries';
import type { BillStage } from './schema';
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
    (await getBillByOpenStatesId(db, imported.openstatesId)) ?? (await findSameBill(db, imported));
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
    await updateBillStatement(db, existing.id, { openstatesId: imported.openstatesId });
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

async function createImportedBill(db: Db, imported: ImportedBill, at: number): Promise<ImportOutcome> {
  const id = newId();
  let slug = slugOfIdentifier(imported.identifier);
  // The same number in another session keeps both pages apart.
  if (await getBillBySlug(db, imported.state, slug)) slug = `${slug}-${slugOfIdentifier(imported.session)}`;
  const sorted = sortActions(imported.actions);
  const latest = sorted.at(-1);
  await runStatements(db, [
    insertBillStatement(db, {
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
    await runStatements(db, alsoRun);
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
    insertMovementStatement(
      db,
      {
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
      },
      true,
    ),
    updateBillStatement(db, bill.id, { derivedStage: derived, lastMovementAt: at, updatedAt: at }),
    ...alsoRun,
  ];
  await runStatements(db, statements);
  return { added: fresh.length, movementId: await movementIdByKey(db, movementKey) };
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
  await runStatements(db, [
    insertMovementStatement(db, {
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
    updateBillStatement(db, bill.id, { lastMovementAt: at, updatedAt: at }),
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
  const update = updateBillStatement(db, bill.id, {
    stageOverride: input.stage,
    stageNoteEn: input.noteEn,
    stageNoteEs: input.noteEs,
    updatedAt: at,
    ...(before !== after ? { lastMovementAt: at } : {}),
  });
  if (before === after) {
    await update;
    return null;
  }
  const id = newId();
  await runStatements(db, [
    update,
    insertMovementStatement(db, {
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
