// Advocacy days' search terms: what a registration is found by on the check-in page (name, email,
// congregation; never the sealed phone or address), written in the batch that stores or edits it.
import { and, asc, eq, gt, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import {
  deleteTermsStatement,
  insertTermsStatement,
  storeTermsPage,
  withoutTerms,
  searchCondition,
  replaceTermsStatements,
  type SearchOwner,
} from '../../db/search-terms';
import { searchTermsOf } from '../../lib/search-terms';
import { dayRegistrations, type Registration } from '../schema';

/** The fields of a registration its terms are made of. */
export type RegistrationSearchFields = Pick<Registration, 'id' | 'dayId' | 'name' | 'email'> &
  Partial<Pick<Registration, 'congregation'>>;

function owner(row: Pick<Registration, 'id' | 'dayId'>): SearchOwner {
  return {
    kind: 'registration',
    scopeId: row.dayId,
    ownerId: row.id,
    idColumn: dayRegistrations.id,
    sortColumn: dayRegistrations.seq,
  };
}

function termsOf(row: RegistrationSearchFields): string[] {
  return searchTermsOf({ text: [row.name, row.congregation], emails: [row.email] });
}

/** The statement storing a new registration's terms, for its batch (after the INSERT). */
export function registrationTermsStatement(db: Db, row: RegistrationSearchFields): BatchItem<'sqlite'> {
  return insertTermsStatement(db, owner(row), termsOf(row));
}

/** The statements replacing an edited registration's terms, for the batch that saves the edit. */
export function replaceRegistrationTermsStatements(
  db: Db,
  row: RegistrationSearchFields,
): BatchItem<'sqlite'>[] {
  return replaceTermsStatements(db, owner(row), termsOf(row));
}

/** The statement deleting the terms of the registrations a subquery selects (an erasure blanks them). */
export function deleteRegistrationTermsStatement(db: Db, registrationIds: SQLWrapper): BatchItem<'sqlite'> {
  return deleteTermsStatement(db, 'registration', registrationIds);
}

/** The condition "matches every word of the search" on a day's registrations; undefined for no words. */
export function registrationSearchCondition(dayId: string, query: string | undefined): SQL | undefined {
  return searchCondition(dayRegistrations.id, 'registration', dayId, query);
}

/**
 * The next registrations (by id, after `after`) with no terms yet, a page at a time: the backfill of
 * rows stored before the search index. Erased rows are left out (nothing of them is searchable).
 */
async function registrationsWithoutTerms(
  db: Db,
  after: string,
  limit: number,
): Promise<RegistrationSearchFields[]> {
  const r = dayRegistrations;
  return db
    .select({ id: r.id, dayId: r.dayId, name: r.name, email: r.email, congregation: r.congregation })
    .from(r)
    .where(and(gt(r.id, after), sql`${r.email} not like 'erased:%'`, withoutTerms(db, 'registration', r.id)))
    .orderBy(asc(r.id))
    .limit(limit);
}

/**
 * Stores the terms of the next page of registrations without any (after `after`, by id), in one batch;
 * `next` is where the following page starts, null when none is left. Safe to stop and run again.
 */
export async function backfillRegistrationTermsPage(
  db: Db,
  after: string,
  limit: number,
): Promise<{ written: number; next: string | null }> {
  return storeTermsPage(db, await registrationsWithoutTerms(db, after, limit), limit, (row) =>
    registrationTermsStatement(db, row),
  );
}
