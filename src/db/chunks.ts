// D1 binds at most 100 parameters a statement: long lists are written a slice at a time.
import { getTableColumns } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '.';

/** A list in slices of at most `size` items, in order. */
export function inSlices<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size));
  return slices;
}

/** D1's limit of bound parameters in one statement. */
const MAX_BOUND_PARAMETERS = 100;

/**
 * The statements inserting `rows`, as many a statement as keep rows × columns within D1's 100
 * bound parameters; a row that is stored already is kept as it is.
 */
export function insertNewRowsStatements<T extends SQLiteTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
): BatchItem<'sqlite'>[] {
  const rowsPerStatement = Math.floor(MAX_BOUND_PARAMETERS / Object.keys(getTableColumns(table)).length);
  return inSlices(rows, rowsPerStatement).map((slice) =>
    db.insert(table).values(slice).onConflictDoNothing(),
  );
}
