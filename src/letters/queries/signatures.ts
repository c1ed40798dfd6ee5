// Letters' queries: signing, confirming, withdrawing.
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import { runBatch } from '../../db/batch';
import { recordEventsFor } from '../../webhooks/queries';
import { DAY } from '../../lib/time';
import { letterSignatures, type LetterSignature } from '../schema';
import { UNCONFIRMED_TTL_DAYS } from '../status';
import { signatureTermsStatement } from './search';
import { s } from './shared';
import { findRow } from '../../db/find';

/** A new signature row, as the signing flow builds it. */
export type NewSignature = typeof letterSignatures.$inferInsert;

/**
 * Stores a new signature, its search terms and its confirmation email in one batch. Deliberately
 * without ON CONFLICT: when the letter + email index rejects the insert, the whole batch (email
 * included) is rolled back and the unique violation is thrown, so a duplicate never queues an email.
 */
export async function insertSignatureWithEmail(
  db: Db,
  row: NewSignature & { id: string },
  email: BatchItem<'sqlite'>,
): Promise<void> {
  await runBatch(db, [db.insert(letterSignatures).values(row), signatureTermsStatement(db, row), email]);
}

/** The signature of an address on a letter, if any. */
export async function findSignatureByEmail(
  db: Db,
  letterId: string,
  email: string,
): Promise<LetterSignature | undefined> {
  return findRow(db, s, and(eq(s.letterId, letterId), eq(s.email, email)));
}

/**
 * Claims the right to send the next confirmation email of a signature, stores its new tokens and
 * queues the email, in one batch. Compare-and-set on `confirmationsSent`: of several concurrent
 * claims that read the same count, exactly one changes the row and returns true; for the others
 * both statements change nothing (the outbox id of that sequence already exists).
 */
export async function claimConfirmationWithEmail(
  db: Db,
  claim: {
    id: string;
    readSequence: number;
    confirmTokenHash: string;
    withdrawTokenHash: string;
    at: number;
  },
  email: BatchItem<'sqlite'>,
): Promise<boolean> {
  const claimStatement = db
    .update(s)
    .set({
      confirmationsSent: claim.readSequence + 1,
      lastConfirmationAt: claim.at,
      confirmTokenHash: claim.confirmTokenHash,
      withdrawTokenHash: claim.withdrawTokenHash,
    })
    .where(and(eq(s.id, claim.id), eq(s.confirmationsSent, claim.readSequence)))
    .returning({ id: s.id });
  const [claimed] = await db.batch([claimStatement, email]);
  return claimed.length > 0;
}

/** The signature a private link (confirm or withdraw) points to on a letter. */
export async function findSignatureByLink(
  db: Db,
  letterId: string,
  link: 'confirm' | 'withdraw',
  tokenHash: string,
): Promise<LetterSignature | undefined> {
  const column = link === 'confirm' ? s.confirmTokenHash : s.withdrawTokenHash;
  return findRow(db, s, and(eq(s.letterId, letterId), eq(column, tokenHash)));
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
  const confirm = db
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
    );
  // The webhook event selects the row this confirmation just changed: none if it changed nothing.
  const [changed] = await runBatch(db, [
    confirm,
    ...recordEventsFor(
      db,
      'signature.confirmed',
      sql`SELECT ${s.id} AS id FROM ${s} WHERE ${s.letterId} = ${letterId} AND ${s.confirmTokenHash} = ${tokenHash} AND ${s.confirmedAt} = ${at}`,
      at,
    ),
  ]);
  if ((changed?.meta.changes ?? 0) > 0) return 'confirmed';
  const existing = await findSignatureByLink(db, letterId, 'confirm', tokenHash);
  return existing?.confirmedAt ? 'already' : 'invalid';
}

/** Withdraws the signature behind a withdraw link by deleting it; false when there is none. */
export async function withdrawSignature(db: Db, letterId: string, tokenHash: string): Promise<boolean> {
  const deleted = await db
    .delete(s)
    .where(and(eq(s.letterId, letterId), eq(s.withdrawTokenHash, tokenHash)))
    .returning({ id: s.id });
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
