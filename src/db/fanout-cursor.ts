// The cursor of a paged, resumable fan-out, stored on the row that started it (a bill movement, a
// letter update): which page is done, the last recipient id, and whether it is finished.
import { and, eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '.';

/** A table whose rows carry a fan-out cursor (see letter_updates, bill_movements). */
export type FanoutTable = SQLiteTable & {
  id: SQLiteColumn;
  fanoutPage: SQLiteColumn;
  fanoutAfter: SQLiteColumn;
  fanoutStatus: SQLiteColumn;
  fanoutUpdatedAt: SQLiteColumn;
};

/**
 * Moves a fan-out past a page, only if nobody else did (compare-and-set on the page), so of two
 * workers finishing the same page one moves the cursor on. True if this call moved it.
 */
export async function advanceFanoutCursor(
  db: Db,
  table: FanoutTable,
  row: { id: string; page: number },
  next: { after: string; status: string },
  at: number,
): Promise<boolean> {
  const moved = await db
    .update(table)
    .set({
      fanoutPage: row.page + 1,
      fanoutAfter: next.after,
      fanoutStatus: next.status,
      fanoutUpdatedAt: at,
    })
    .where(and(eq(table.id, row.id), eq(table.fanoutPage, row.page)))
    .returning({ id: table.id });
  return moved.length > 0;
}
