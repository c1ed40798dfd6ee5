// The one-row lookup and the ordered list every feature's queries repeat (a letter by slug, a day's
// debriefs newest first…).
import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
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

/** How a list is read: its order (columns or `asc(...)`/`desc(...)`), and at most how many rows. */
export interface ListOptions {
  orderBy?: SQLiteColumn | SQL | (SQLiteColumn | SQL)[];
  limit?: number;
}

/** The rows of `table` where `condition` holds, in the order asked, at most `limit` of them. */
export async function listRows<T extends SQLiteTable>(
  db: Db,
  table: T,
  condition: SQL | undefined,
  { orderBy = [], limit }: ListOptions = {},
): Promise<T['$inferSelect'][]> {
  const ordered = db
    .select()
    .from(table)
    .where(condition)
    .orderBy(...[orderBy].flat());
  return limit === undefined ? await ordered : await ordered.limit(limit);
}
