// The database side of the Open States import: what is stored now, and the statements that carry
// out a plan (import.ts decides the plan without touching the database).
import { sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import type { ExistingOfficial, ImportPlan } from '../import';
import { officials } from '../schema';

/** The Open States officials of some states as they are stored now (the "before" of a plan). */
export async function loadExistingOfficials(db: Db, states: readonly string[]): Promise<ExistingOfficial[]> {
  if (states.length === 0) return [];
  return db
    .select({ id: officials.id, contentHash: officials.contentHash, inOffice: officials.inOffice })
    .from(officials)
    .where(sql`${officials.source} = 'openstates' and ${officials.state} in ${states}`);
}

// The columns an import writes; on conflict each takes the incoming row's value (excluded.<column>).
const IMPORTED_COLUMNS = [
  'name',
  'givenName',
  'familyName',
  'state',
  'chamber',
  'title',
  'district',
  'jurisdiction',
  'jurisdictionName',
  'party',
  'email',
  'offices',
  'links',
  'image',
  'termEndsOn',
  'contentHash',
  'source',
  'inOffice',
  'retiredAt',
  'updatedAt',
] as const satisfies readonly (keyof typeof officials.$inferInsert)[];

const ROWS_PER_UPSERT = 4;

// The database's column names are the snake_case of the schema's keys (getDb uses casing: 'snake_case').
function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * The statements that carry out a plan: multi-row upserts of 4 people (22 bound parameters each,
 * 88 per statement, under D1's 100) and one update per 90 retired ids. Run them in `db.batch` chunks.
 */
export function importStatements(db: Db, plan: ImportPlan, at: number): BatchItem<'sqlite'>[] {
  const statements: BatchItem<'sqlite'>[] = [];
  const rows = [...plan.add, ...plan.update].map((official) => ({
    ...official,
    source: 'openstates' as const,
    inOffice: true,
    retiredAt: null,
    updatedAt: at,
    createdAt: at,
  }));
  const set = Object.fromEntries(
    IMPORTED_COLUMNS.map((key) => [key, sql`excluded.${sql.identifier(snakeCase(key))}`]),
  );
  for (let start = 0; start < rows.length; start += ROWS_PER_UPSERT) {
    statements.push(
      db
        .insert(officials)
        .values(rows.slice(start, start + ROWS_PER_UPSERT))
        .onConflictDoUpdate({ target: officials.id, set }),
    );
  }
  for (let start = 0; start < plan.retire.length; start += 90) {
    const chunk = plan.retire.slice(start, start + 90);
    statements.push(
      db
        .update(officials)
        .set({ inOffice: false, retiredAt: at, updatedAt: at })
        .where(sql`${officials.id} in ${chunk} and ${officials.source} = 'openstates'`),
    );
  }
  return statements;
}

/** Runs a plan's statements in batches of 50, reporting progress after each. */
export async function applyImportPlan(
  db: Db,
  plan: ImportPlan,
  at: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const statements = importStatements(db, plan, at);
  for (let start = 0; start < statements.length; start += 50) {
    const chunk = statements.slice(start, start + 50) as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];
    await db.batch(chunk);
    onProgress?.(Math.min(start + 50, statements.length), statements.length);
  }
}
