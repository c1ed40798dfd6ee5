import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import type { Db } from '../db';
import { withD1Retry } from '../db/retry';
import { publicPages } from '../web/memo';
import { DAY } from '../lib/time';
import { outbox } from '../email/schema';
import { officials, type Official } from '../officials/schema';
import { TRADITIONS } from './choices';
import {
  letterAddresseeOfficials,
  letterDeliveries,
  letterSignatures,
  letters,
  traditionRankSql,
  type Letter,
  type LetterSignature,
} from './schema';
import { UNCONFIRMED_TTL_DAYS } from './status';
import type { LetterTally } from './tally';
import type { LetterInput, SignerFilter } from './validation';

const s = letterSignatures;

/** Signatures that count: confirmed and not hidden by an organizer ("signed" of LetterTally). */
const counts = (letterId: string): SQL =>
  and(eq(s.letterId, letterId), isNotNull(s.confirmedAt), isNull(s.hiddenAt))!;

const sumOf = (condition: SQL) => sql<number>`coalesce(sum(${condition}), 0)`.mapWith(Number);

/** The one definition of each count of LetterTally, as sums over a letter's signature rows. */
const tallySql = {
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
const traditionOrder = traditionRankSql;

// ------------------------------------------------------------------------------------------------
// Letters

/** One letter by its public slug; undefined when there is none. */
export async function getLetterBySlug(db: Db, slug: string): Promise<Letter | undefined> {
  const [row] = await db.select().from(letters).where(eq(letters.slug, slug)).limit(1);
  return row;
}

/** One letter by id; undefined when there is none. */
export async function getLetterById(db: Db, id: string): Promise<Letter | undefined> {
  const [row] = await db.select().from(letters).where(eq(letters.id, id)).limit(1);
  return row;
}

/** Letters open for signatures (status open); the caller drops those past their deadline. */
export async function listOpenLetters(db: Db): Promise<Letter[]> {
  return db
    .select()
    .from(letters)
    .where(eq(letters.status, 'open'))
    .orderBy(asc(letters.deadline), desc(letters.createdAt));
}

/** Public letters (open and closed), newest first, for /letters. */
export async function listPublicLetters(db: Db): Promise<Letter[]> {
  return db
    .select()
    .from(letters)
    .where(inArray(letters.status, ['open', 'closed']))
    .orderBy(desc(letters.status), desc(letters.createdAt))
    .limit(100);
}

/** Every letter with its tally (see LetterTally), for the organizer list. */
export async function listLettersWithCounts(db: Db): Promise<(Letter & { tally: LetterTally })[]> {
  // A join, not a correlated subquery in the select list: drizzle writes the columns of a
  // single-table select unqualified, so a subquery's `letter_id = id` compared the signature's
  // own id and every letter showed 0.
  const rows = await db
    .select({ letter: letters, ...tallySql })
    .from(letters)
    .leftJoin(s, eq(s.letterId, letters.id))
    .groupBy(letters.id)
    .orderBy(desc(letters.createdAt));
  return rows.map(({ letter, ...tally }) => ({ ...letter, tally }));
}

/** Thrown when a new or edited letter would take a slug another letter has. */
export class SlugTakenError extends Error {
  constructor() {
    super('slug taken');
    this.name = 'SlugTakenError';
  }
}

/** True when a database error is a unique-index violation (the message names the columns). */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const text = (e: unknown): string =>
    e instanceof Error ? `${e.message} ${e.cause ? text(e.cause) : ''}` : String(e);
  const message = text(error);
  return /UNIQUE constraint failed/i.test(message) && (!column || message.includes(column));
}

/** Stores a new letter; throws SlugTakenError when the slug is in use. */
export async function createLetter(db: Db, id: string, input: LetterInput, at: number): Promise<void> {
  try {
    await db.insert(letters).values({
      id,
      ...input,
      closedAt: input.status === 'closed' ? at : null,
      createdAt: at,
      updatedAt: at,
    });
  } catch (error) {
    if (isUniqueViolation(error, 'letters.slug')) throw new SlugTakenError();
    throw error;
  }
}

/** Saves an organizer's changes to a letter; throws SlugTakenError when the slug is in use. */
export async function updateLetter(db: Db, id: string, input: LetterInput, at: number): Promise<void> {
  try {
    await db
      .update(letters)
      .set({
        ...input,
        // The first moment it was closed is kept through later edits; reopening clears it.
        closedAt: input.status === 'closed' ? sql`coalesce(${letters.closedAt}, ${at})` : null,
        updatedAt: at,
      })
      .where(eq(letters.id, id));
    publicPages.forget(id);
  } catch (error) {
    if (isUniqueViolation(error, 'letters.slug')) throw new SlugTakenError();
    throw error;
  }
}

// ------------------------------------------------------------------------------------------------
// Addressees from the officials directory

/** Officials a letter is addressed to, by name. */
export async function listLetterOfficials(db: Db, letterId: string): Promise<Official[]> {
  return (await officialsOf(db, letterId)).map((row) => row.official);
}

// By the letter's id or a subquery giving it (readLetterPage batches it).
const officialsOf = (db: Db, letterId: string | SQLWrapper) =>
  db
    .select({ official: officials })
    .from(letterAddresseeOfficials)
    .innerJoin(officials, eq(officials.id, letterAddresseeOfficials.officialId))
    .where(eq(letterAddresseeOfficials.letterId, letterId))
    .orderBy(asc(officials.name));

/** Adds an official as an addressee (adding twice changes nothing). */
export async function addLetterOfficial(db: Db, letterId: string, officialId: string, at: number) {
  await db
    .insert(letterAddresseeOfficials)
    .values({ letterId, officialId, createdAt: at })
    .onConflictDoNothing();
}

/** Removes an official from a letter's addressees. */
export async function removeLetterOfficial(db: Db, letterId: string, officialId: string) {
  await db
    .delete(letterAddresseeOfficials)
    .where(
      and(
        eq(letterAddresseeOfficials.letterId, letterId),
        eq(letterAddresseeOfficials.officialId, officialId),
      ),
    );
}

// ------------------------------------------------------------------------------------------------
// Signing, confirming, withdrawing

/** A new signature row, as the signing flow builds it. */
export type NewSignature = typeof letterSignatures.$inferInsert;

/**
 * The insert of a new signature. Deliberately without ON CONFLICT: when the letter + email index
 * rejects it, the whole db.batch (with its confirmation email) is rolled back, so a duplicate
 * never queues an email.
 */
export function insertSignatureStatement(db: Db, row: NewSignature) {
  return db.insert(letterSignatures).values(row);
}

/** The signature of an address on a letter, if any. */
export async function findSignatureByEmail(
  db: Db,
  letterId: string,
  email: string,
): Promise<LetterSignature | undefined> {
  const [row] = await db
    .select()
    .from(s)
    .where(and(eq(s.letterId, letterId), eq(s.email, email)))
    .limit(1);
  return row;
}

/**
 * Claims the right to send the next confirmation email of a signature and stores its new tokens.
 * Compare-and-set on `confirmationsSent`: of several concurrent claims that read the same count,
 * exactly one changes the row (returning its id); the others change nothing.
 */
export function claimConfirmationStatement(
  db: Db,
  claim: {
    id: string;
    readSequence: number;
    confirmTokenHash: string;
    withdrawTokenHash: string;
    at: number;
  },
) {
  return db
    .update(s)
    .set({
      confirmationsSent: claim.readSequence + 1,
      lastConfirmationAt: claim.at,
      confirmTokenHash: claim.confirmTokenHash,
      withdrawTokenHash: claim.withdrawTokenHash,
    })
    .where(and(eq(s.id, claim.id), eq(s.confirmationsSent, claim.readSequence)))
    .returning({ id: s.id });
}

/** The signature a private link (confirm or withdraw) points to on a letter. */
export async function findSignatureByLink(
  db: Db,
  letterId: string,
  link: 'confirm' | 'withdraw',
  tokenHash: string,
): Promise<LetterSignature | undefined> {
  const column = link === 'confirm' ? s.confirmTokenHash : s.withdrawTokenHash;
  const [row] = await db
    .select()
    .from(s)
    .where(and(eq(s.letterId, letterId), eq(column, tokenHash)))
    .limit(1);
  return row;
}

/**
 * Confirms the signature behind a confirm link. 'confirmed' the first time, 'already' after that
 * (a second click is not an error), 'invalid' when no signature has this link.
 */
export async function confirmSignature(
  db: Db,
  letterId: string,
  tokenHash: string,
  at: number,
): Promise<'confirmed' | 'already' | 'invalid'> {
  const changed = await db
    .update(s)
    .set({ confirmedAt: at })
    .where(
      and(
        eq(s.letterId, letterId),
        eq(s.confirmTokenHash, tokenHash),
        isNull(s.confirmedAt),
        // The link expires with the signature, even in the hour before the clean-up job runs.
        gte(s.lastConfirmationAt, at - UNCONFIRMED_TTL_DAYS * DAY),
      ),
    )
    .returning({ id: s.id });
  if (changed.length > 0) {
    publicPages.forget(letterId);
    return 'confirmed';
  }
  const existing = await findSignatureByLink(db, letterId, 'confirm', tokenHash);
  return existing?.confirmedAt ? 'already' : 'invalid';
}

/** Withdraws the signature behind a withdraw link by deleting it; false when there is none. */
export async function withdrawSignature(db: Db, letterId: string, tokenHash: string): Promise<boolean> {
  const deleted = await db
    .delete(s)
    .where(and(eq(s.letterId, letterId), eq(s.withdrawTokenHash, tokenHash)))
    .returning({ id: s.id });
  if (deleted.length > 0) publicPages.forget(letterId);
  return deleted.length > 0;
}

/**
 * Deletes unconfirmed signatures whose last confirmation email went out before `before` (so a
 * re-sent link gets its full week, as the email promises); returns how many. Safe to run twice.
 */
export async function deleteUnconfirmedBefore(db: Db, before: number): Promise<number> {
  const deleted = await db
    .delete(s)
    .where(and(isNull(s.confirmedAt), lt(s.lastConfirmationAt, before)))
    .returning({ id: s.id });
  return deleted.length;
}

// ------------------------------------------------------------------------------------------------
// Public counts and list

/** How many signatures count, in total and by tradition and state. */
export interface LetterCounts {
  total: number;
  byTradition: { tradition: string; count: number }[];
  byState: { state: string; count: number }[];
}

/** The count of signatures that count (confirmed, not hidden). */
export async function countSignatures(db: Db, letterId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)` })
    .from(s)
    .where(counts(letterId));
  return row?.total ?? 0;
}

/** Counts by tradition (in TRADITIONS order) and by state (most first) of signatures that count. */
export async function letterCounts(db: Db, letterId: string): Promise<LetterCounts> {
  const [byTradition, byState] = await Promise.all([
    db
      .select({ tradition: s.tradition, count: sql<number>`count(*)` })
      .from(s)
      .where(counts(letterId))
      .groupBy(s.tradition)
      .orderBy(traditionOrder),
    db
      .select({ state: s.state, count: sql<number>`count(*)` })
      .from(s)
      .where(counts(letterId))
      .groupBy(s.state)
      .orderBy(desc(sql`count(*)`), asc(s.state)),
  ]);
  return { total: byTradition.reduce((sum, row) => sum + row.count, 0), byTradition, byState };
}

/** What one signature row contributes to the public counts (see `publicCountsOf`). */
interface CountGroup {
  tradition: string;
  state: string;
  shown: boolean;
  count: number;
}

/**
 * The letter's public counts from one grouped read: by tradition (in TRADITIONS order), by state
 * (most first), the total, and how many chose to be shown. One index scan instead of three.
 */
export function publicCountsOf(groups: CountGroup[]): LetterCounts & { shownTotal: number } {
  const byTradition = new Map<string, number>();
  const byState = new Map<string, number>();
  let total = 0;
  let shownTotal = 0;
  for (const group of groups) {
    byTradition.set(group.tradition, (byTradition.get(group.tradition) ?? 0) + group.count);
    byState.set(group.state, (byState.get(group.state) ?? 0) + group.count);
    total += group.count;
    if (group.shown) shownTotal += group.count;
  }
  const rank = (tradition: string) => {
    const index = (TRADITIONS as readonly string[]).indexOf(tradition);
    return index === -1 ? TRADITIONS.length : index;
  };
  return {
    total,
    shownTotal,
    byTradition: [...byTradition]
      .map(([tradition, count]) => ({ tradition, count }))
      .sort((a, b) => rank(a.tradition) - rank(b.tradition) || a.tradition.localeCompare(b.tradition)),
    byState: [...byState]
      .map(([state, count]) => ({ state, count }))
      .sort((a, b) => b.count - a.count || (a.state < b.state ? -1 : a.state > b.state ? 1 : 0)),
  };
}

// The id of the letter at a slug, as a subquery: a page's reads go in one batch (one round trip to
// D1) without first reading the letter for its id.
const letterIdAt = (db: Db, slug: string) =>
  db.select({ id: letters.id }).from(letters).where(eq(letters.slug, slug)).limit(1);

/** Everything the public letter page shows, read in one round trip; undefined without a letter. */
export async function readLetterPage(
  db: Db,
  slug: string,
): Promise<{ letter: Letter; count: number; officials: Official[] } | undefined> {
  const [letterRows, countRows, officialRows] = await withD1Retry(() =>
    db.batch([
      db.select().from(letters).where(eq(letters.slug, slug)).limit(1),
      db
        .select({ total: sql<number>`count(*)` })
        .from(s)
        .where(and(eq(s.letterId, letterIdAt(db, slug)), isNotNull(s.confirmedAt), isNull(s.hiddenAt))),
      officialsOf(db, letterIdAt(db, slug)),
    ]),
  );
  const letter = letterRows[0];
  if (!letter) return undefined;
  return {
    letter,
    count: countRows[0]?.total ?? 0,
    officials: officialRows.map((row) => row.official),
  };
}

/** What the public list shows of a signer: never the email. */
export interface PublicSigner {
  id: string;
  honorific: string;
  honorificOther: string | null;
  firstName: string;
  lastName: string;
  role: string;
  tradition: string;
  denomination: string | null;
  congregation: string | null;
  city: string;
  state: string;
  verified: boolean;
}

const publicColumns = {
  id: s.id,
  honorific: s.honorific,
  honorificOther: s.honorificOther,
  firstName: s.firstName,
  lastName: s.lastName,
  role: s.role,
  tradition: s.tradition,
  denomination: s.denomination,
  congregation: s.congregation,
  city: s.city,
  state: s.state,
  verified: sql<boolean>`${s.verifiedAt} is not null`.mapWith(Boolean),
};

// `= 1` written out, not bound: the partial index letter_signatures_list_idx has this very condition.
const shownPublicly = sql`${s.showPublicly} = 1`;
const shown = (letterId: string): SQL => and(counts(letterId), shownPublicly)!;

/** One page of the public list (confirmed, not hidden, chose to be shown), grouped by tradition. */
export async function listPublicSigners(
  db: Db,
  letterId: string,
  page: number,
  pageSize: number,
): Promise<{ rows: PublicSigner[]; shownTotal: number }> {
  const [rows, [count]] = await Promise.all([
    db
      .select(publicColumns)
      .from(s)
      .where(shown(letterId))
      .orderBy(traditionOrder, asc(s.lastName), asc(s.firstName), asc(s.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)` })
      .from(s)
      .where(shown(letterId)),
  ]);
  return { rows, shownTotal: count?.total ?? 0 };
}

/**
 * The reads of the public signers page, to send as one batch: the letter, the counts grouped by
 * tradition, state and shown (from letter_signatures_counts_idx alone) and one page in list order
 * (through letter_signatures_list_idx, no sort). Exported so a test can check both plans.
 */
export function signersPageReads(db: Db, slug: string, page: number, pageSize: number) {
  const letterId = letterIdAt(db, slug);
  const countsOfLetter = and(eq(s.letterId, letterId), isNotNull(s.confirmedAt), isNull(s.hiddenAt));
  return [
    db.select().from(letters).where(eq(letters.slug, slug)).limit(1),
    db
      .select({
        tradition: s.tradition,
        state: s.state,
        shown: sql<boolean>`${s.showPublicly}`.mapWith(Boolean),
        count: sql<number>`count(*)`,
      })
      .from(s)
      .where(countsOfLetter)
      .groupBy(s.tradition, s.state, s.showPublicly),
    db
      .select(publicColumns)
      .from(s)
      .where(and(countsOfLetter, shownPublicly))
      .orderBy(traditionOrder, asc(s.lastName), asc(s.firstName), asc(s.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  ] as const;
}

/** Everything the public signers page shows, read in one round trip; undefined without a letter. */
export async function readSignersPage(
  db: Db,
  slug: string,
  page: number,
  pageSize: number,
): Promise<
  { letter: Letter; counts: LetterCounts; signers: PublicSigner[]; shownTotal: number } | undefined
> {
  const [letterRows, groups, signers] = await withD1Retry(() =>
    db.batch(signersPageReads(db, slug, page, pageSize)),
  );
  const letter = letterRows[0];
  if (!letter) return undefined;
  const { shownTotal, ...counts } = publicCountsOf(groups);
  return { letter, counts, signers, shownTotal };
}

/** Every shown signer, for the printed letter and the delivery email. */
export async function listAllShownSigners(db: Db, letterId: string): Promise<PublicSigner[]> {
  return db
    .select(publicColumns)
    .from(s)
    .where(shown(letterId))
    .orderBy(traditionOrder, asc(s.lastName), asc(s.firstName), asc(s.id));
}

// ------------------------------------------------------------------------------------------------
// Organizer table, moderation and export

/** Counts for the organizer's signer table header: the tally and the rows not yet confirmed. */
export interface SignerTally extends LetterTally {
  all: number;
  unconfirmed: number;
  verified: number;
}

/** Every count an organizer wants at the top of the signer table. */
export async function signerTally(db: Db, letterId: string): Promise<SignerTally> {
  const [row] = await db
    .select({
      all: sql<number>`count(*)`,
      unconfirmed: sumOf(sql`${s.confirmedAt} is null`),
      verified: sumOf(sql`${s.verifiedAt} is not null`),
      ...tallySql,
    })
    .from(s)
    .where(eq(s.letterId, letterId));
  return row ?? { all: 0, confirmed: 0, unconfirmed: 0, signed: 0, named: 0, hidden: 0, verified: 0 };
}

function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function filterConditions(letterId: string, filter: Omit<SignerFilter, 'page'>): SQL {
  const conditions: SQL[] = [eq(s.letterId, letterId)];
  if (filter.q) {
    const pattern = likeContains(filter.q);
    conditions.push(
      or(
        sql`${s.firstName} like ${pattern} escape '\\'`,
        sql`${s.lastName} like ${pattern} escape '\\'`,
        sql`(${s.firstName} || ' ' || ${s.lastName}) like ${pattern} escape '\\'`,
        sql`${s.email} like ${pattern} escape '\\'`,
        sql`${s.congregation} like ${pattern} escape '\\'`,
        sql`${s.denomination} like ${pattern} escape '\\'`,
        sql`${s.city} like ${pattern} escape '\\'`,
      )!,
    );
  }
  if (filter.tradition) conditions.push(eq(s.tradition, filter.tradition));
  if (filter.state) conditions.push(eq(s.state, filter.state));
  if (filter.confirmed === 'yes') conditions.push(isNotNull(s.confirmedAt));
  if (filter.confirmed === 'no') conditions.push(isNull(s.confirmedAt));
  if (filter.shown === 'yes') conditions.push(eq(s.showPublicly, true), isNull(s.hiddenAt));
  if (filter.shown === 'no') conditions.push(eq(s.showPublicly, false));
  if (filter.shown === 'hidden') conditions.push(isNotNull(s.hiddenAt));
  return and(...conditions)!;
}

/** One page of the organizer's signer table with the number of rows matching the filters. */
export async function listSignersForOrganizer(
  db: Db,
  letterId: string,
  filter: SignerFilter,
  pageSize: number,
): Promise<{ rows: LetterSignature[]; matching: number }> {
  const where = filterConditions(letterId, filter);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(s)
      .where(where)
      .orderBy(desc(s.createdAt), asc(s.id))
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)` })
      .from(s)
      .where(where),
  ]);
  return { rows, matching: count?.total ?? 0 };
}

/** Hides a signer from the public list and count, or shows them again. False when not found. */
export async function setSignerHidden(
  db: Db,
  letterId: string,
  signatureId: string,
  hidden: boolean,
  at: number,
): Promise<boolean> {
  const changed = await db
    .update(s)
    .set({ hiddenAt: hidden ? at : null })
    .where(and(eq(s.letterId, letterId), eq(s.id, signatureId)))
    .returning({ id: s.id });
  // The public pages of this isolate show it at once; other isolates within the memo's few seconds.
  if (changed.length > 0) publicPages.forget(letterId);
  return changed.length > 0;
}

/** Marks a signer verified (a mark on the public list), or removes the mark. False when not found. */
export async function setSignerVerified(
  db: Db,
  letterId: string,
  signatureId: string,
  verified: boolean,
  at: number,
): Promise<boolean> {
  const changed = await db
    .update(s)
    .set({ verifiedAt: verified ? at : null })
    .where(and(eq(s.letterId, letterId), eq(s.id, signatureId)))
    .returning({ id: s.id });
  if (changed.length > 0) publicPages.forget(letterId);
  return changed.length > 0;
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
  const rows = await db
    .select()
    .from(s)
    .where(
      and(
        eq(s.letterId, letterId),
        after
          ? or(gt(s.createdAt, after.createdAt), and(eq(s.createdAt, after.createdAt), gt(s.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(asc(s.createdAt), asc(s.id))
    .limit(limit);
  const last = rows[rows.length - 1];
  return { rows, next: rows.length === limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

// ------------------------------------------------------------------------------------------------
// Deliveries

/** The record of a delivery, to put in the same db.batch as its emails. */
export function insertDeliveryStatement(db: Db, row: typeof letterDeliveries.$inferInsert) {
  return db.insert(letterDeliveries).values(row);
}

/** A delivery with how many of its emails have gone out and when the last one did. */
export interface DeliveryStatus {
  id: string;
  lang: string;
  recipientCount: number;
  signerCount: number;
  createdAt: number;
  sentCount: number;
  lastSentAt: number | null;
  recipients: string[];
}

/** A letter's deliveries, newest first, with their outbox status. */
export async function listDeliveries(db: Db, letterId: string): Promise<DeliveryStatus[]> {
  const deliveries = await db
    .select()
    .from(letterDeliveries)
    .where(eq(letterDeliveries.letterId, letterId))
    .orderBy(desc(letterDeliveries.createdAt))
    .limit(20);
  return Promise.all(
    deliveries.map(async (delivery) => {
      const ids = JSON.parse(delivery.outboxIds) as string[];
      const emails = ids.length
        ? await db
            .select({ to: outbox.toAddress, status: outbox.status, sentAt: outbox.sentAt })
            .from(outbox)
            .where(inArray(outbox.id, ids.slice(0, 90)))
        : [];
      const sent = emails.filter((email) => email.status === 'sent');
      return {
        id: delivery.id,
        lang: delivery.lang,
        recipientCount: delivery.recipientCount,
        signerCount: delivery.signerCount,
        createdAt: delivery.createdAt,
        sentCount: sent.length,
        lastSentAt: sent.reduce<number | null>((max, email) => Math.max(max ?? 0, email.sentAt ?? 0), null),
        recipients: emails.map((email) => email.to).sort(),
      };
    }),
  );
}
