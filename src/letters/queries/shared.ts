import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { letterSignatures, letters, traditionRankSql } from '../schema';
import type { LetterTally } from '../tally';

// Pieces the query files of this folder share.

/** Short name of the signatures table, for the many conditions below. */
export const s = letterSignatures;

/** Signatures that count: confirmed and not hidden by an organizer ("signed" of LetterTally). */
export const counts = (letterId: string): SQL =>
  and(eq(s.letterId, letterId), isNotNull(s.confirmedAt), isNull(s.hiddenAt))!;

/** A count of rows meeting a condition, 0 on no rows. */
export const sumOf = (condition: SQL) => sql<number>`coalesce(sum(${condition}), 0)`.mapWith(Number);

/** The one definition of each count of LetterTally, as sums over a letter's signature rows. */
export const tallySql = {
  confirmed: sumOf(sql`${s.confirmedAt} is not null`),
  signed: sumOf(sql`${s.confirmedAt} is not null and ${s.hiddenAt} is null`),
  named: sumOf(sql`${s.confirmedAt} is not null and ${s.hiddenAt} is null and ${s.showPublicly} = 1`),
  hidden: sumOf(sql`${s.confirmedAt} is not null and ${s.hiddenAt} is not null`),
};

/** A letter's tally (see LetterTally): what the signer table, the list and a delivery show. */
export async function letterTally(db: Db, letterId: string): Promise<LetterTally> {
  const [row] = await db.select(tallySql).from(s).where(eq(s.letterId, letterId));
  return row ?? { confirmed: 0, signed: 0, named: 0, hidden: 0 };
}

// Groups the public list in the order of TRADITIONS: the very expression letter_signatures_list_idx
// is built on, so that SQLite reads a page through the index instead of sorting every signer.
export const traditionOrder = traditionRankSql;

// The id of the letter at a slug, as a subquery: a page's reads go in one batch (one round trip to
// D1) without first reading the letter for its id.
export const letterIdAt = (db: Db, slug: string) =>
  db.select({ id: letters.id }).from(letters).where(eq(letters.slug, slug)).limit(1);
