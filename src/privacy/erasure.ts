import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { newId } from '../lib/tokens';
import { findEverything, normalizeAddress, personalDataSources, type FoundRow } from './queries/registry';
import { storeErasure } from './queries';
import { recordEventWithItem } from '../webhooks/queries';

/** Rows found per registry entry (what the organizer sees before deciding). */
export function countFound(found: Record<string, FoundRow[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(found).map(([key, rows]) => [key, rows.length]));
}

/** Which registry entries an erasure touches: never 'keep', organizers only when chosen. */
export function erasableKeys(includeOrganizer: boolean): string[] {
  return personalDataSources
    .filter(
      (s) => s.mode === 'delete' || s.mode === 'blank' || (s.mode === 'delete-if-chosen' && includeOrganizer),
    )
    .map((s) => s.key);
}

/** The JSON an export downloads: every row held about the address, by table. */
export async function exportEverything(db: Db, email: string, at: number) {
  const tables = await findEverything(db, email);
  return { exportedAt: new Date(at).toISOString(), email: normalizeAddress(email), tables };
}

/** The tables whose rows other systems hold as OSDI resources (signatures, attendances, …). */
const SHARED_RESOURCES = [
  'letter_signatures',
  'day_registrations',
  'meetings',
  'bill_subscriptions',
] as const;

/**
 * The `person.erased` webhook item: only identifiers, captured now (after the batch nothing is left
 * to build it from), so downstream systems can erase their copies too: the person's own (ours and
 * those another system gave them, as the API showed them) and those of each signature, attendance,
 * submission and subscription erased. Never the address.
 */
export function erasureItem(erasureId: string, found: Record<string, FoundRow[]>, at: number) {
  const person = found.people?.[0];
  const theirs = Array.isArray(person?.identifiers) ? (person.identifiers as unknown[]).map(String) : [];
  const identifiers = person ? [`welcome_table:${String(person.id)}`, ...theirs] : [];
  return {
    identifiers,
    erased_date: new Date(at).toISOString(),
    'welcome_table:erasure_id': erasureId,
    'welcome_table:erased_identifiers': SHARED_RESOURCES.flatMap((key) =>
      (found[key] ?? []).map((row) => `welcome_table:${String(row.id)}`),
    ),
  };
}

/**
 * Erases an address across every registry table in ONE db.batch (D1's only atomic unit), with the
 * record of the erasure (counts only, never the address) in the same batch. Each statement binds
 * only a few parameters, far below D1's 100 per statement.
 */
export async function eraseEverything(
  db: Db,
  email: string,
  options: { includeOrganizer: boolean; organizerId: string | null; at: number },
): Promise<{ id: string; counts: Record<string, number> }> {
  const address = normalizeAddress(email);
  const found = await findEverything(db, address);
  const keys = new Set(erasableKeys(options.includeOrganizer));
  const counts: Record<string, number> = {};
  const statements: BatchItem<'sqlite'>[] = [];
  for (const source of personalDataSources) {
    if (!keys.has(source.key) || !source.erase) continue;
    const rows = found[source.key] ?? [];
    counts[source.key] = rows.length;
    if (rows.length) statements.push(...(await source.erase(db, address, rows, options.at)));
  }
  const id = newId();
  const event = recordEventWithItem(
    db,
    {
      id: `person.erased:${id}`,
      type: 'person.erased',
      subjectId: id,
      item: erasureItem(id, found, options.at),
    },
    options.at,
  );
  await storeErasure(db, { id, at: options.at, organizerId: options.organizerId, counts }, [
    ...statements,
    ...event,
  ]);
  return { id, counts };
}
