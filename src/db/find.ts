// The one-row lookup every feature's queries repeat (a letter by slug, a day by id…).
import type { SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '.';

/** The first row of `table` where `condition` holds; undefined when there is none. */
export async function findRow<T extends SQLiteTable>(
  db: Db,
  table: T,
  condition: SQL | undefined,
): Promise<T['$inferSelect'] | undefined> {
  const [row] = await db.select().from(table).where(condition).limit(1);
  return row;
}
