import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import { findRow } from '../../db/find';
import { letterSignatures, letterTallies, letters, traditionRankSql } from '../schema';
import type { LetterTally } from '../tally';

// Pieces the query files of this folder share.

/** Short name of the signatures table, for the many conditions below. */
export const s = letterSignatures;

/** Signatures that count: confirmed and not hidden by an organizer ("signed" of LetterTally). */
export const counts = (letterId: string): SQL =>
  and(eq(s.letterId, letterId), isNotNull(s.confirmedAt), isNull(s.hiddenAt))!;

/** A tally column of a letter joined to its (possibly missing) tally row: 0 when no one has signed. */
export const tallyOrZero = (column: SQLiteColumn) => sql<number>`coalesce(${column}, 0)`.mapWith(Number);

/** A letter's tally (see LetterTally): what the signer table, the list and a delivery show. */
export async function letterTally(db: Db, letterId: string): Promise<LetterTally> {
  const row = await findRow(db, letterTallies, eq(letterTallies.letterId, letterId));
  return row
    ? { confirmed: row.confirmed, signed: row.signed, named: row.named, hidden: row.hidden }
    : { confirmed: 0, signed: 0, named: 0, hidden: 0 };
}

// Groups the public list in the order of TRADITIONS: the very expression letter_signatures_list_idx
// is built on, so that SQLite reads a page through the index instead of sorting every signer.
export const traditionOrder = traditionRankSql;

// The id of the letter at a slug, as a subquery: a page's reads go in one batch (one round trip to
// D1) without first reading the letter for its id.
export const letterIdAt = (db: Db, slug: string) =>
  db.select({ id: letters.id }).from(letters).where(eq(letters.slug, slug)).limit(1);
