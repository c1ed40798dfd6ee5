// Letters' search terms: what a signature is found by in the organizer's signer table (names,
// email, congregation, denomination, city), written in the batch that stores the signature.
import { and, asc, gt, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import {
  countOwnersMatching,
  insertTermsStatement,
  newestOwnersMatching,
  searchCondition,
  storeTermsPage,
  withoutTerms,
} from '../../db/search-terms';
import { searchTermsOf } from '../../lib/search-terms';
import type { LetterSignature } from '../schema';
import { s } from './shared';
import { pickColumns } from '../../db/pick';

/** The fields of a signature its terms are made of. */
export type SignatureSearchFields = Pick<
  LetterSignature,
  'id' | 'letterId' | 'email' | 'firstName' | 'lastName'
> &
  Partial<Pick<LetterSignature, 'congregation' | 'denomination' | 'city'>>;

/** The terms a signature is found by (also what the bench's data loader stores for its rows). */
export function signatureSearchTerms(row: Omit<SignatureSearchFields, 'id' | 'letterId'>): string[] {
  return searchTermsOf({
    text: [row.firstName, row.lastName, row.congregation, row.denomination, row.city],
    emails: [row.email],
  });
}

/** The statement storing a signature's terms, for the batch that inserts the signature (after it). */
export function signatureTermsStatement(db: Db, row: SignatureSearchFields): BatchItem<'sqlite'> {
  return insertTermsStatement(
    db,
    { kind: 'signature', scopeId: row.letterId, ownerId: row.id, idColumn: s.id, sortColumn: s.createdAt },
    signatureSearchTerms(row),
  );
}

/** The condition "matches every word of the search" on a letter's signatures; undefined for no words. */
export function signatureSearchCondition(letterId: string, query: string | undefined): SQL | undefined {
  return searchCondition(s.id, 'signature', letterId, query);
}

/**
 * The condition "is on this page of a search's matches, newest first" on a letter's signatures, for
 * the words of a search (from `queryWords`, at least one), read from the terms index in order (order
 * the rows by created_at desc, id).
 */
export function newestSignaturesMatching(
  letterId: string,
  words: readonly string[],
  page: { limit: number; offset: number },
): SQL {
  return sql`${s.id} in (${newestOwnersMatching('signature', letterId, words, page)})`;
}

/** How many of a letter's signatures match every word of a search (at least one), from the index alone. */
export function countSignaturesMatching(db: Db, letterId: string, words: readonly string[]) {
  return countOwnersMatching(db, 'signature', letterId, words);
}

/**
 * The next signatures (by id, after `after`) that have no terms yet: the backfill of rows stored
 * before the search index, a page at a time. Rows with no searchable word come back once per run.
 */
async function signaturesWithoutTerms(
  db: Db,
  after: string,
  limit: number,
): Promise<SignatureSearchFields[]> {
  return db
    .select(
      pickColumns(
        s,
        'id',
        'letterId',
        'email',
        'firstName',
        'lastName',
        'congregation',
        'denomination',
        'city',
      ),
    )
    .from(s)
    .where(and(gt(s.id, after), withoutTerms(db, 'signature', s.id)))
    .orderBy(asc(s.id))
    .limit(limit);
}

/**
 * Stores the terms of the next page of signatures without any (after `after`, by id), in one batch;
 * `next` is where the following page starts, null when none is left. Safe to stop and run again.
 */
export async function backfillSignatureTermsPage(
  db: Db,
  after: string,
  limit: number,
): Promise<{ written: number; next: string | null }> {
  return storeTermsPage(db, await signaturesWithoutTerms(db, after, limit), limit, (row) =>
    signatureTermsStatement(db, row),
  );
}
