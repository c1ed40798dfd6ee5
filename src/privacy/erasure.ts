import { desc, eq } from 'drizzle-orm';
import { organizers } from '../organizers/schema';
import type { BatchItem } from 'drizzle-orm/batch';
import { runBatch } from '../db/batch';
import type { Db } from '../db';
import { newId } from '../lib/tokens';
import { findEverything, normalizeAddress, personalDataSources, type FoundRow } from './registry';
import { privacyErasures, type PrivacyErasure } from './schema';

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
  const record = db
    .insert(privacyErasures)
    .values({ id, at: options.at, organizerId: options.organizerId, counts });
  // runBatch: one D1 batch like db.batch, and it also binds raw `db.run(sql…)` items (the waitlist promotion).
  await runBatch(db, [record, ...statements]);
  return { id, counts };
}

/** A past erasure with the organizer who made it (null when none, or their account is gone since). */
export type ErasureRecord = PrivacyErasure & { organizer: { name: string | null; email: string } | null };

/** Past erasures, newest first, each with its organizer's name and email for the audit. */
export async function listErasures(db: Db, limit = 100): Promise<ErasureRecord[]> {
  const rows = await db
    .select({ erasure: privacyErasures, name: organizers.name, email: organizers.email })
    .from(privacyErasures)
    .leftJoin(organizers, eq(organizers.id, privacyErasures.organizerId))
    .orderBy(desc(privacyErasures.at))
    .limit(limit);
  return rows.map(({ erasure, name, email }) => ({
    ...erasure,
    organizer: email === null ? null : { name, email },
  }));
}
