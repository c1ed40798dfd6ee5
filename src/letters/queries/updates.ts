// Typed queries of updates to signers: who receives them, the updates themselves, their counts,
// and the private "stop these updates" links.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  notExists,
  sql,
} from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import { countByStatusWithIdPrefix, type OutboxStatus } from '../../email/queries';
import { emailSuppressions, outbox } from '../../email/schema';
import type { Lang } from '../../lib/i18n';
import {
  letterSignatures as s,
  letterUpdateLinks,
  letterUpdates,
  letters,
  type Letter,
  type LetterUpdate,
} from '../schema';
import { insertNewRowsStatements } from '../../db/chunks';
import { findRow, listRows } from '../../db/find';
import { advanceFanoutCursor } from '../../db/fanout-cursor';
import { pickColumns } from '../../db/pick';

/** The prefix of the outbox ids of one update's emails (`letter-update:<update id>:<signature id>`). */
export function updateOutboxPrefix(updateId: string): string {
  return `letter-update:${updateId}:`;
}

/**
 * Who an update goes to: confirmed signers of the letter (withdrawn and erased signatures are
 * deleted rows, so they are never here) who ticked "keep me informed", were not hidden by an
 * organizer as fake or offensive, and whose address has not bounced or complained.
 */
function receivesUpdates(db: Db, letterId: string) {
  return and(
    eq(s.letterId, letterId),
    eq(s.keepInformed, true),
    isNotNull(s.confirmedAt),
    isNull(s.hiddenAt),
    notExists(
      db
        .select({ one: sql`1` })
        .from(emailSuppressions)
        .where(eq(emailSuppressions.email, s.email)),
    ),
  );
}

/** How many people an update to this letter would reach now, in all and by language. */
export async function countUpdateRecipients(
  db: Db,
  letterId: string,
): Promise<{ total: number; en: number; es: number }> {
  const rows = await db
    .select({ lang: s.lang, n: count() })
    .from(s)
    .where(receivesUpdates(db, letterId))
    .groupBy(s.lang);
  const countOf = (lang: Lang) => rows.find((row) => row.lang === lang)?.n ?? 0;
  const en = countOf('en');
  const es = countOf('es');
  return { total: en + es, en, es };
}

/** One recipient of an update: what their email needs, never more. */
export interface UpdateRecipient {
  id: string;
  email: string;
  lang: Lang;
  honorific: string;
  honorificOther: string | null;
  firstName: string;
  lastName: string;
}

/** The next page of recipients after a signature id (keyset pagination in id order). */
export async function updateRecipientsPage(
  db: Db,
  letterId: string,
  after: string,
  limit: number,
): Promise<UpdateRecipient[]> {
  return db
    .select(pickColumns(s, 'id', 'email', 'lang', 'honorific', 'honorificOther', 'firstName', 'lastName'))
    .from(s)
    .where(and(receivesUpdates(db, letterId), gt(s.id, after)))
    .orderBy(asc(s.id))
    .limit(limit);
}

/** Stores an update unless one with its id exists (a second press of "Send"); true if stored now. */
export async function insertUpdate(db: Db, row: typeof letterUpdates.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(letterUpdates)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: letterUpdates.id });
  return inserted.length > 0;
}

/** An update of the letter with exactly this English text created since `since`, if any. */
export async function findRecentSameUpdate(
  db: Db,
  letterId: string,
  text: { subjectEn: string; bodyEn: string },
  since: number,
): Promise<LetterUpdate | null> {
  return (
    (await findRow(
      db,
      letterUpdates,
      and(
        eq(letterUpdates.letterId, letterId),
        gte(letterUpdates.createdAt, since),
        eq(letterUpdates.subjectEn, text.subjectEn),
        eq(letterUpdates.bodyEn, text.bodyEn),
      ),
    )) ?? null
  );
}

/** One update of a letter. */
export async function getUpdate(db: Db, letterId: string, updateId: string): Promise<LetterUpdate | null> {
  return (
    (await findRow(
      db,
      letterUpdates,
      and(eq(letterUpdates.letterId, letterId), eq(letterUpdates.id, updateId)),
    )) ?? null
  );
}

/** Moves an update's fan-out past a page unless another worker did (see advanceFanoutCursor). */
export function advanceFanout(
  db: Db,
  update: Pick<LetterUpdate, 'id' | 'fanoutPage'>,
  next: { after: string; done: boolean },
  at: number,
): Promise<boolean> {
  const status: LetterUpdate['fanoutStatus'] = next.done ? 'done' : 'sending';
  const row = { id: update.id, page: update.fanoutPage };
  return advanceFanoutCursor(db, letterUpdates, row, { after: next.after, status }, at);
}

/** Updates whose fan-out is unfinished and has not moved for `idleMs` (their request ended early). */
export async function unfinishedUpdates(db: Db, at: number, idleMs: number, limit: number) {
  return listRows(
    db,
    letterUpdates,
    and(eq(letterUpdates.fanoutStatus, 'sending'), lt(letterUpdates.fanoutUpdatedAt, at - idleMs)),
    { orderBy: asc(letterUpdates.fanoutUpdatedAt), limit },
  );
}

/** Where an update's emails are: waiting or being sent, sent, failed, or not sent (suppressed). */
export interface UpdateEmailCounts {
  queued: number;
  sent: number;
  failed: number;
  suppressed: number;
}

/** The counts of one update's emails, read from the outbox by their id prefix (a primary-key range). */
export async function updateEmailCounts(db: Db, updateId: string): Promise<UpdateEmailCounts> {
  const counts = await countByStatusWithIdPrefix(db, updateOutboxPrefix(updateId));
  const of = (status: OutboxStatus) => counts[status];
  return {
    queued: of('pending') + of('sending'),
    sent: of('sent'),
    failed: of('failed'),
    suppressed: of('suppressed'),
  };
}

/** A past update with where its emails are. */
export type UpdateWithCounts = LetterUpdate & { counts: UpdateEmailCounts };

/** A letter's updates, newest first, each with its email counts. */
export async function listUpdatesWithCounts(
  db: Db,
  letterId: string,
  limit = 50,
): Promise<UpdateWithCounts[]> {
  const updates = await listRows(db, letterUpdates, eq(letterUpdates.letterId, letterId), {
    orderBy: desc(letterUpdates.createdAt),
    limit,
  });
  return Promise.all(
    updates.map(async (update) => ({ ...update, counts: await updateEmailCounts(db, update.id) })),
  );
}

/** The statements storing "stop these updates" links (a link stored already is kept). */
export function insertUpdateLinkStatements(db: Db, rows: (typeof letterUpdateLinks.$inferInsert)[]) {
  return insertNewRowsStatements(db, letterUpdateLinks, rows);
}

/** The signature and letter behind a "stop these updates" link, if the link is known. */
export async function findUpdateLink(
  db: Db,
  tokenHash: string,
): Promise<{ signatureId: string; keepInformed: boolean; lang: Lang; letter: Letter } | null> {
  const row = await db
    .select({ signatureId: s.id, keepInformed: s.keepInformed, lang: s.lang, letter: letters })
    .from(letterUpdateLinks)
    .innerJoin(s, eq(s.id, letterUpdateLinks.signatureId))
    .innerJoin(letters, eq(letters.id, s.letterId))
    .where(eq(letterUpdateLinks.tokenHash, tokenHash))
    .get();
  return row ?? null;
}

/** Turns "keep me informed" back on for one signature (the signer changed their mind). */
export async function restartUpdates(db: Db, signatureId: string): Promise<void> {
  await db.update(s).set({ keepInformed: true }).where(eq(s.id, signatureId));
}

/**
 * Turns "keep me informed" off for one signature and, in the same batch, withholds their update
 * emails not yet sent (an update still going out), so stopping takes effect at once.
 */
export async function stopUpdates(db: Db, signatureId: string): Promise<void> {
  const theirUpdateEmails = db
    .select({
      id: sql<string>`'letter-update:' || ${letterUpdateLinks.updateId} || ':' || ${letterUpdateLinks.signatureId}`,
    })
    .from(letterUpdateLinks)
    .where(eq(letterUpdateLinks.signatureId, signatureId));
  await db.batch([
    db.update(s).set({ keepInformed: false }).where(eq(s.id, signatureId)),
    db
      .update(outbox)
      .set({ status: 'suppressed', lastError: 'stopped by the signer' })
      .where(and(eq(outbox.status, 'pending'), inArray(outbox.id, theirUpdateEmails))),
  ]);
}
