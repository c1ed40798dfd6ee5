// The one shape of every collection query: filtered, in (modified, id) order, a page after a row.
import { and, gt, gte, lt, lte, eq, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ApiFilter } from '../filter';
import { rowsToSkip, type PagePosition } from '../paging';

/** A collection's order: its modified time and its id, both indexed together. */
export interface Keyset {
  /** A column, or an expression an index is built on (registrations'). */
  modified: SQLiteColumn | SQL;
  id: SQLiteColumn;
}

const COMPARE = { gt, ge: gte, lt, le: lte, eq } as const;

/** The `modified_date` clauses of a filter, as conditions on the collection's modified column. */
export function filterConditions(keyset: Keyset, filter: ApiFilter): SQL[] {
  return filter.modified.map((bound) => COMPARE[bound.op](sql`${keyset.modified}`, bound.at));
}

/** Rows strictly after the page token's row, in (modified, id) order. */
export function afterCondition(keyset: Keyset, position: PagePosition): SQL | undefined {
  if (!position.after) return undefined;
  const { modified, id } = position.after;
  const column = sql`${keyset.modified}`;
  return or(gt(column, modified), and(eq(column, modified), gt(keyset.id, id)));
}

/** The collection's order. */
export function keysetOrder(keyset: Keyset): SQL[] {
  return [sql`${keyset.modified}`, sql`${keyset.id}`];
}

/** A page of rows and the number of rows the filter matches. */
export interface Page<Row> {
  rows: Row[];
  total: number;
}

/** How a collection reads its rows and counts them, given the same conditions. */
export interface CollectionReader<Row> {
  rows(where: SQL | undefined, order: SQL[], limit: number, offset: number): Promise<Row[]>;
  count(where: SQL | undefined): Promise<{ n: number }[]>;
}

/** One page and the count of all matching rows, with the same conditions. */
export async function pageOf<Row>(
  keyset: Keyset,
  filter: ApiFilter,
  position: PagePosition,
  base: SQL | undefined,
  reader: CollectionReader<Row>,
): Promise<Page<Row>> {
  const matching = and(base, ...filterConditions(keyset, filter));
  const [rows, [total]] = await Promise.all([
    reader.rows(
      and(matching, afterCondition(keyset, position)),
      keysetOrder(keyset),
      position.perPage,
      rowsToSkip(position),
    ),
    reader.count(matching),
  ]);
  return { rows, total: total?.n ?? 0 };
}
