// Privacy's own records: the erasures made (counts only, never the address). Finding and erasing an
// address in every feature's tables is the registry's (registry.ts).
import { desc, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import { runBatch } from '../../db/batch';
import { organizers } from '../../organizers/schema';
import { privacyErasures, type PrivacyErasure } from '../schema';

/**
 * Runs an erasure's statements with the record of it, as one D1 batch (all or nothing). runBatch,
 * not db.batch: it also binds raw `db.run(sql…)` items (the waitlist promotion).
 */
export async function storeErasure(
  db: Db,
  record: typeof privacyErasures.$inferInsert,
  statements: readonly BatchItem<'sqlite'>[],
): Promise<void> {
  await runBatch(db, [db.insert(privacyErasures).values(record), ...statements]);
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
