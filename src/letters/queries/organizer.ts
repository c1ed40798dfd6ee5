// Letters' queries: organizer table, moderation and export.
import { and, asc, desc, eq, gt, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import type { Letter, LetterSignature } from '../schema';
import type { LetterTally } from '../tally';
import type { SignerFilter } from '../validation';
import { countSignaturesMatching, newestSignaturesMatching, signatureSearchCondition } from './search';
import { s } from './shared';
import { findRow, listRows } from '../../db/find';
import { COUNTED_MATCHES_MAX } from '../../db/search-terms';
import { pickColumns } from '../../db/pick';
import { letterTallies, letters } from '../schema';
import { withD1Retry } from '../../db/retry';
import { queryWords } from '../../lib/search-terms';

/** Counts for the organizer's signer table header: the tally and the rows not yet confirmed. */
export interface SignerTally extends LetterTally {
  all: number;
  unconfirmed: number;
  verified: number;
}

/** The signer table header's counts from a letter's tally row (none yet: all zero). */
function signerTallyOf(row: typeof letterTallies.$inferSelect | undefined): SignerTally {
  return {
    all: row?.signatures ?? 0,
    unconfirmed: row?.unconfirmed ?? 0,
    verified: row?.verified ?? 0,
    confirmed: row?.confirmed ?? 0,
    signed: row?.signed ?? 0,
    named: row?.named ?? 0,
    hidden: row?.hidden ?? 0,
  };
}

function filterConditions(letterId: string, filter: Omit<SignerFilter, 'page'>): SQL {
  // Through the search terms index: the rows whose words start with each word searched.
  const matches = signatureSearchCondition(letterId, filter.q);
  // With a search the rows come from the terms index and the other conditions only sift them: the
  // unary plus keeps SQLite from walking the letter's (or a tradition's) index instead, a scan.
  const c = (column: SQLiteColumn): SQL => (matches ? sql`+${column}` : sql`${column}`);
  const conditions: SQL[] = [eq(c(s.letterId), letterId)];
  if (matches) conditions.push(matches);
  if (filter.tradition) conditions.push(eq(c(s.tradition), filter.tradition));
  if (filter.state) conditions.push(eq(c(s.state), filter.state));
  if (filter.confirmed === 'yes') conditions.push(isNotNull(c(s.confirmedAt)));
  if (filter.confirmed === 'no') conditions.push(isNull(c(s.confirmedAt)));
  if (filter.shown === 'yes') conditions.push(sql`${c(s.showPublicly)} = 1`, isNull(c(s.hiddenAt)));
  if (filter.shown === 'no') conditions.push(sql`${c(s.showPublicly)} = 0`);
  if (filter.shown === 'hidden') conditions.push(isNotNull(c(s.hiddenAt)));
  return and(...conditions)!;
}

/** What the organizer's signer table shows of a signer (never the links' token hashes). */
const signerRowColumns = pickColumns(
  s,
  'id',
  'email',
  'honorific',
  'honorificOther',
  'firstName',
  'lastName',
  'role',
  'tradition',
  'denomination',
  'congregation',
  'city',
  'state',
  'comment',
  'showPublicly',
  'confirmedAt',
  'hiddenAt',
  'verifiedAt',
);
export type SignerRow = Pick<LetterSignature, keyof typeof signerRowColumns>;

/**
 * The two statements of one page of the organizer's signer table: the page's rows, and how many rows
 * match the filters (as `{ total }`; for a search alone, counted up to COUNTED_MATCHES_MAX + 1).
 */
function signerPageStatements(db: Db, letterId: string, filter: SignerFilter, pageSize: number) {
  const { tradition, state, confirmed, shown } = filter;
  const page = { limit: pageSize, offset: (filter.page - 1) * pageSize };
  // A search alone (the usual case) is read from the terms index, in order, and counted there: the
  // rows read are the page's own, however many match.
  const words = queryWords(filter.q);
  const searchOnly = words.length > 0 && !tradition && !state && !confirmed && !shown;
  const where = searchOnly
    ? newestSignaturesMatching(letterId, words, page)
    : filterConditions(letterId, filter);
  const statements = [
    db
      .select(signerRowColumns)
      .from(s)
      .where(where)
      .orderBy(desc(s.createdAt), asc(s.id))
      .limit(pageSize)
      .offset(searchOnly ? 0 : page.offset),
    searchOnly
      ? countSignaturesMatching(db, letterId, words)
      : db
          .select({ total: sql<number>`count(*)` })
          .from(s)
          .where(where),
  ] as const;
  return { statements, searchOnly };
}

/**
 * How many rows match, from the count statement's answer: a search's count stops past
 * COUNTED_MATCHES_MAX, and then `more` says there are more than `matching`.
 */
function matchingOf(count: { total: number }[], searchOnly: boolean): { matching: number; more: boolean } {
  const total = count[0]?.total ?? 0;
  return searchOnly && total > COUNTED_MATCHES_MAX
    ? { matching: COUNTED_MATCHES_MAX, more: true }
    : { matching: total, more: false };
}

/** A page of the organizer's signer table, with how many rows match the filters. */
export interface SignerPage {
  rows: SignerRow[];
  matching: number;
  /** More than `matching` rows match (a search that matches more than COUNTED_MATCHES_MAX). */
  more: boolean;
}

/** Everything the organizer's signer table shows. */
export type SignerTable = { letter: Letter; tally: SignerTally } & SignerPage;

/**
 * Everything the organizer's signer table shows, in one round trip: the letter, its counts, one page
 * of its signers and how many match the filters. Undefined when there is no such letter.
 */
export async function readSignerTable(
  db: Db,
  letterId: string,
  filter: SignerFilter,
  pageSize: number,
): Promise<SignerTable | undefined> {
  const { statements, searchOnly } = signerPageStatements(db, letterId, filter, pageSize);
  const [letterRows, tallyRows, rows, count] = await withD1Retry(() =>
    db.batch([
      db.select().from(letters).where(eq(letters.id, letterId)).limit(1),
      db.select().from(letterTallies).where(eq(letterTallies.letterId, letterId)).limit(1),
      ...statements,
    ]),
  );
  const letter = letterRows[0];
  if (!letter) return undefined;
  return { letter, tally: signerTallyOf(tallyRows[0]), rows, ...matchingOf(count, searchOnly) };
}

/** Sets or clears an organizer's mark on a signer (hidden, verified). False when not found. */
async function markSigner(
  db: Db,
  letterId: string,
  signatureId: string,
  mark: Partial<Pick<LetterSignature, 'hiddenAt' | 'verifiedAt'>>,
): Promise<boolean> {
  const changed = await db
    .update(s)
    .set(mark)
    .where(and(eq(s.letterId, letterId), eq(s.id, signatureId)))
    .returning({ id: s.id });
  return changed.length > 0;
}

/** Hides a signer from the public list and count, or shows them again. False when not found. */
export function setSignerHidden(db: Db, letterId: string, signatureId: string, hidden: boolean, at: number) {
  return markSigner(db, letterId, signatureId, { hiddenAt: hidden ? at : null });
}

/** Marks a signer verified (a mark on the public list), or removes the mark. False when not found. */
export function setSignerVerified(
  db: Db,
  letterId: string,
  signatureId: string,
  verified: boolean,
  at: number,
) {
  return markSigner(db, letterId, signatureId, { verifiedAt: verified ? at : null });
}

/** Where a page of the export ends: the sort key of its last row. */
export interface ExportCursor {
  createdAt: number;
  id: string;
}

/**
 * One page of every signature of a letter for the CSV export, in the order they were made.
 * Keyset paging (created_at, id), so each page is one indexed query however far into the file.
 */
export async function exportSignersPage(
  db: Db,
  letterId: string,
  after: ExportCursor | null,
  limit: number,
): Promise<{ rows: LetterSignature[]; next: ExportCursor | null }> {
  const rows = await listRows(
    db,
    s,
    and(
      eq(s.letterId, letterId),
      after
        ? or(gt(s.createdAt, after.createdAt), and(eq(s.createdAt, after.createdAt), gt(s.id, after.id)))
        : undefined,
    ),
    { orderBy: [asc(s.createdAt), asc(s.id)], limit },
  );
  const last = rows[rows.length - 1];
  return { rows, next: rows.length === limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}
