// What API clients record: a signature on a letter, made by the client on the signer's behalf.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { runBatch } from '../../db/batch';
import { recordEventsFor } from '../../webhooks/queries';
import { letterSignatures, letters } from '../../letters/schema';
import { signatureTermsStatement } from '../../letters/queries/search';
import { hashToken, newId, newToken } from '../../lib/tokens';
import type { Lang } from '../../lib/i18n';

/** A signature an API client records for a person. */
export interface RecordedSignature {
  letterId: string;
  email: string;
  firstName: string;
  lastName: string;
  city: string;
  state: string;
  comment: string | null;
  /** Only when the client said the person subscribed: the letter's updates are email to them. */
  keepInformed: boolean;
  lang: Lang;
  origin: string;
  at: number;
}

/** True when the letter takes signatures now. */
export async function isLetterOpen(db: Db, letterId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: letters.id })
    .from(letters)
    .where(and(eq(letters.id, letterId), eq(letters.status, 'open')));
  return !!row;
}

/**
 * Stores a confirmed signature marked with the client's origin, unless the address already signed
 * (then the existing one stands: one signature per letter and address). Not shown publicly: the
 * person never chose that here. Returns the signature's id.
 */
export async function recordSignature(db: Db, signature: RecordedSignature): Promise<string> {
  const email = signature.email.trim().toLowerCase();
  // The private links of a signature recorded elsewhere were never emailed: unusable hashes.
  const [confirmTokenHash, withdrawTokenHash] = await Promise.all([
    hashToken(newToken()),
    hashToken(newToken()),
  ]);
  const id = newId();
  const fields = {
    id,
    letterId: signature.letterId,
    email,
    firstName: signature.firstName,
    lastName: signature.lastName,
    city: signature.city,
  };
  const insert = db
    .insert(letterSignatures)
    .values({
      id,
      letterId: signature.letterId,
      email,
      honorific: 'none',
      firstName: signature.firstName,
      lastName: signature.lastName,
      role: 'lay',
      tradition: 'other',
      city: signature.city,
      state: signature.state,
      comment: signature.comment,
      showPublicly: false,
      keepInformed: signature.keepInformed,
      lang: signature.lang,
      confirmTokenHash,
      withdrawTokenHash,
      lastConfirmationAt: signature.at,
      confirmedAt: signature.at,
      origin: signature.origin,
      createdAt: signature.at,
    })
    .onConflictDoNothing();
  // Other systems hear of it as of any confirmed signature (the webhook event, in the same batch).
  // Its search terms only when this insert stored it (the statement checks the id).
  await runBatch(db, [
    insert,
    signatureTermsStatement(db, fields),
    ...recordEventsFor(
      db,
      'signature.confirmed',
      sql`select ${letterSignatures.id} as id from ${letterSignatures} where ${letterSignatures.letterId} = ${signature.letterId} and ${letterSignatures.email} = ${email} and ${letterSignatures.createdAt} = ${signature.at}`,
      signature.at,
    ),
  ]);
  const [row] = await db
    .select({ id: letterSignatures.id })
    .from(letterSignatures)
    .where(and(eq(letterSignatures.letterId, signature.letterId), eq(letterSignatures.email, email)));
  return row!.id;
}
