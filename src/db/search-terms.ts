// Writing and matching the search terms (search-schema.ts). Every feature that indexes rows for an
// organizer's search puts these statements in the same batch as the row they index, and matches a
// query with `ownersMatching`, so a search reads index ranges and never scans the rows.
import { and, eq, inArray, notExists, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '.';
import { runBatch } from './batch';
import { prefixEnd, queryWords } from '../lib/search-terms';
import { searchTerms, type SearchKind } from './search-schema';

/** The row a set of terms belongs to: its kind, its scope (letter, day, or '') and its id. */
export interface SearchOwner {
  kind: SearchKind;
  scopeId: string;
  ownerId: string;
  /** The id column of the row's table: terms are stored only when the row exists. */
  idColumn: SQLiteColumn;
  /** The column of the same table the organizer's table is ordered by (search-schema's sortKey). */
  sortColumn: SQLiteColumn;
}

/**
 * Stores a row's terms, as one statement for the batch that writes the row (after it). Only when
 * the row exists: an insert that did nothing (ON CONFLICT, a closed day) stores no terms either.
 * The terms travel as one JSON parameter, far below D1's 100 parameters whatever their number.
 */
export function insertTermsStatement(
  db: Db,
  owner: SearchOwner,
  terms: readonly string[],
): BatchItem<'sqlite'> {
  const table = owner.idColumn.table;
  return db.run(sql`
    insert into ${searchTerms} (kind, scope_id, owner_id, term, sort_key)
    select ${owner.kind}, ${owner.scopeId}, ${owner.ownerId}, terms.value, ${owner.sortColumn}
    from json_each(${JSON.stringify(terms)}) as terms, ${table}
    where ${owner.idColumn} = ${owner.ownerId}
    on conflict do nothing`);
}

/**
 * Deletes the terms of a row, or of the rows a subquery selects (a row blanked by an erasure, or
 * before writing its new terms), as a batch statement.
 */
export function deleteTermsStatement(
  db: Db,
  kind: SearchKind,
  owners: string | SQLWrapper,
): BatchItem<'sqlite'> {
  const which =
    typeof owners === 'string' ? eq(searchTerms.ownerId, owners) : inArray(searchTerms.ownerId, owners);
  return db.delete(searchTerms).where(and(eq(searchTerms.kind, kind), which));
}

/** Replaces a row's terms after an edit: both statements go in the batch that changes the row. */
export function replaceTermsStatements(
  db: Db,
  owner: SearchOwner,
  terms: readonly string[],
): BatchItem<'sqlite'>[] {
  return [deleteTermsStatement(db, owner.kind, owner.ownerId), insertTermsStatement(db, owner, terms)];
}

function ownersWithPrefix(kind: SearchKind, scopeId: string, word: string): SQL {
  // Distinct: one row can have two terms in a range ("garcia", "garcias").
  return sql`select distinct ${searchTerms.ownerId} from ${searchTerms} where ${searchTerms.kind} = ${kind} and ${searchTerms.scopeId} = ${scopeId} and ${searchTerms.term} >= ${word} and ${searchTerms.term} < ${prefixEnd(word)}`;
}

/**
 * The condition "matches every word of the search" on the rows whose id is `idColumn`: undefined
 * for an empty search (no condition), never true for a search without a letter or digit (as a
 * "contains" search for "%" found nobody).
 */
export function searchCondition(
  idColumn: SQLiteColumn,
  kind: SearchKind,
  scopeId: string,
  query: string | undefined,
): SQL | undefined {
  if (!query?.trim()) return undefined;
  const words = queryWords(query);
  return words.length ? sql`${idColumn} in (${ownersMatching(kind, scopeId, words)})` : sql`0 = 1`;
}

/**
 * The ids of the rows of a kind in a scope that have, for every word (from `queryWords`), a term
 * starting with it: one index range per word, intersected. Use as `id in (…)`.
 */
export function ownersMatching(kind: SearchKind, scopeId: string, words: readonly string[]): SQL {
  return sql.join(
    words.map((word) => ownersWithPrefix(kind, scopeId, word)),
    sql` intersect `,
  );
}

/**
 * The ids of one page of the rows of a kind in a scope that match every word, newest first (by
 * their sortKey, then id), read from the terms index alone: however many rows match, only the
 * page's ids leave the index. Use as `id in (…)`, and order the rows the same way.
 */
export function newestOwnersMatching(
  kind: SearchKind,
  scopeId: string,
  words: readonly string[],
  page: { limit: number; offset: number },
): SQL {
  const ranges = sql.join(
    words.map(
      (word) =>
        sql`select distinct ${searchTerms.ownerId}, ${searchTerms.sortKey} from ${searchTerms} where ${searchTerms.kind} = ${kind} and ${searchTerms.scopeId} = ${scopeId} and ${searchTerms.term} >= ${word} and ${searchTerms.term} < ${prefixEnd(word)}`,
    ),
    sql` intersect `,
  );
  // Distinct: one row can have two terms in a range ("garcia", "garcias").
  return sql`select owner_id from (${ranges}) order by sort_key desc, owner_id limit ${page.limit} offset ${page.offset}`;
}

/**
 * Past this many matches a search's count says "more than": counting every match of a common name
 * among 100,000 signers would cost more than the page itself (narrowing the search shows the rest).
 */
export const COUNTED_MATCHES_MAX = 1000;

/**
 * How many rows of a kind in a scope match every word of a search (from `queryWords`, at least
 * one), up to one more than COUNTED_MATCHES_MAX, read from the terms index alone (no row is read):
 * the count of a search with no other filter. Terms exist only for rows that exist (written with
 * the row, deleted with it), so this is the count of matching rows. A statement, so a page can read
 * it in the batch with its rows.
 */
export function countOwnersMatching(db: Db, kind: SearchKind, scopeId: string, words: readonly string[]) {
  return db
    .select({ total: sql<number>`count(*)` })
    .from(sql`(select 1 from (${ownersMatching(kind, scopeId, words)}) limit ${COUNTED_MATCHES_MAX + 1})`);
}

/** The rows (of the table whose id is `idColumn`) that have no terms of this kind yet. */
export function withoutTerms(db: Db, kind: SearchKind, idColumn: SQLiteColumn): SQL {
  return notExists(
    db
      .select({ one: sql`1` })
      .from(searchTerms)
      .where(and(eq(searchTerms.kind, kind), eq(searchTerms.ownerId, idColumn))),
  );
}

/**
 * Stores the terms of one page of rows that had none (the backfill of rows older than the index),
 * in one batch; `next` is the id the following page starts after, null when this page was the last.
 */
export async function storeTermsPage<T extends { id: string }>(
  db: Db,
  rows: readonly T[],
  limit: number,
  statement: (row: T) => BatchItem<'sqlite'>,
): Promise<{ written: number; next: string | null }> {
  if (rows.length) await runBatch(db, rows.map(statement));
  return { written: rows.length, next: rows.length === limit ? rows[rows.length - 1]!.id : null };
}
