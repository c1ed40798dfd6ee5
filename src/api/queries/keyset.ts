// The one shape of every collection query: filtered, in (modified, id) order, a page after a row.
import { and, count, gt, gte, is, lt, lte, eq, or, sql, type SQL } from 'drizzle-orm';
import { SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import { passesModified, type ApiFilter } from '../filter';
import { rowsToSkip, type PagePosition } from '../paging';

/** A collection's order: its modified time and its id, both indexed together. */
export interface Keyset {
  /** A column, or an expression an index is built on (registrations'). */
  modified: SQLiteColumn | SQL;
  /** A column, or an expression (a derived tagging's tag id). */
  id: SQLiteColumn | SQL;
}

const COMPARE = { gt, ge: gte, lt, le: lte, eq } as const;

/**
 * The `modified_date` clauses of a filter, as conditions on the collection's modified column.
 * `sifting`: the rows are read from a page token's row on (afterCondition), so these only sift
 * them; the unary plus keeps SQLite from starting the index range at the filter's bound instead
 * of the token's, which read every row before the page again (a sync's last pages were 2x slower).
 */
export function filterConditions(keyset: Keyset, filter: ApiFilter, sifting = false): SQL[] {
  const modified = sifting && byRowValue(keyset) ? sql`+${keyset.modified}` : sql`${keyset.modified}`;
  return filter.modified.map((bound) => COMPARE[bound.op](modified, bound.at));
}

/** Plain columns are compared as a row value, which SQLite reads as one range of their index. */
function byRowValue(keyset: Keyset): boolean {
  return is(keyset.modified, SQLiteColumn) && is(keyset.id, SQLiteColumn);
}

/** Rows strictly after the page token's row, in (modified, id) order. */
export function afterCondition(keyset: Keyset, position: PagePosition): SQL | undefined {
  if (!position.after) return undefined;
  const { modified, id } = position.after;
  if (byRowValue(keyset)) return sql`(${keyset.modified}, ${keyset.id}) > (${modified}, ${id})`;
  const column = sql`${keyset.modified}`;
  return or(gt(column, modified), and(eq(column, modified), gt(sql`${keyset.id}`, id)));
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

/** How a collection that is one whole table is read: its rows, every column, and how many match. */
export function tableReader<T extends SQLiteTable>(db: Db, table: T): CollectionReader<T['$inferSelect']> {
  return {
    rows: (where, order, limit, offset) =>
      db
        .select()
        .from(table)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    count: (where) => db.select({ n: count() }).from(table).where(where),
  };
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
  const after = afterCondition(keyset, position);
  const [rows, [total]] = await Promise.all([
    reader.rows(
      after ? and(base, ...filterConditions(keyset, filter, true), after) : matching,
      keysetOrder(keyset),
      position.perPage,
      rowsToSkip(position),
    ),
    reader.count(matching),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A row's place in (modified, id) order. */
export interface RowPosition {
  modified: number;
  id: string;
}

/** (modified, id) order, as SQLite sorts ids (byte order; our ids are ASCII). */
function compareRows(a: RowPosition, b: RowPosition): number {
  return a.modified - b.modified || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One page of rows held in memory (derived tags), in the same order and with the same filter. */
export function listPage<Row>(
  rows: readonly Row[],
  filter: ApiFilter,
  position: PagePosition,
  positionOf: (row: Row) => RowPosition,
): Page<Row> {
  const matching = rows
    .filter((row) => passesModified(positionOf(row).modified, filter))
    .sort((a, b) => compareRows(positionOf(a), positionOf(b)));
  const after = position.after;
  const rest = after ? matching.filter((row) => compareRows(positionOf(row), after) > 0) : matching;
  const skip = rowsToSkip(position);
  return { rows: rest.slice(skip, skip + position.perPage), total: matching.length };
}

/**
 * One page of a collection made of several parts (derived and stored tags), each already in
 * (modified, id) order with ids of one kind: each part reads as many rows as the page could need
 * from the same position (after a row: one page's worth, so no part skips rows), and the merged
 * rows are cut to the page.
 */
export async function mergedPage<Row>(
  parts: ((position: PagePosition) => Promise<Page<Row>> | Page<Row>)[],
  position: PagePosition,
  positionOf: (row: Row) => RowPosition,
): Promise<Page<Row>> {
  const skip = rowsToSkip(position);
  const wide: PagePosition = { page: 1, perPage: skip + position.perPage, after: position.after };
  const pages = await Promise.all(parts.map((part) => part(wide)));
  const rows = pages
    .flatMap((page) => page.rows)
    .sort((a, b) => compareRows(positionOf(a), positionOf(b)))
    .slice(skip, skip + position.perPage);
  return { rows, total: pages.reduce((sum, page) => sum + page.total, 0) };
}
