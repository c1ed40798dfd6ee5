// Passkeys and their WebAuthn challenges.
import { and, count, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db';
import { newId } from '../../lib/tokens';
import { passkeys, webauthnChallenges } from '../schema';
import { auditStatement } from './audit';
import { findRow } from '../../db/find';
import { pickColumns } from '../../db/pick';

/** Stores a WebAuthn challenge for five minutes; returns its id. */
export async function storeChallenge(
  db: Db,
  input: {
    challenge: string;
    purpose: 'register' | 'sign_in' | 'step_up';
    organizerId: string | null;
    expiresAt: number;
  },
): Promise<string> {
  const id = newId();
  await db.insert(webauthnChallenges).values({ id, ...input });
  return id;
}

/** Uses up a challenge (one DELETE … RETURNING, so it works once); null when unknown or expired. */
export async function takeChallenge(db: Db, id: string, purpose: string, at: number) {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.id, id),
        eq(webauthnChallenges.purpose, purpose as 'register'),
        gt(webauthnChallenges.expiresAt, at),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge, organizerId: webauthnChallenges.organizerId });
  return row ?? null;
}

/** An organizer's passkeys, oldest first. */
export async function listPasskeys(db: Db, organizerId: string) {
  return db
    .select(pickColumns(passkeys, 'id', 'name', 'transports', 'createdAt', 'lastUsedAt'))
    .from(passkeys)
    .where(eq(passkeys.organizerId, organizerId))
    .orderBy(passkeys.createdAt);
}

/** One passkey by its credential id, with what verifying a signature needs. */
export async function findPasskey(db: Db, id: string) {
  return (await findRow(db, passkeys, eq(passkeys.id, id))) ?? null;
}

/** Stores a new passkey with its audit entry. */
export async function addPasskey(
  db: Db,
  input: {
    id: string;
    organizerId: string;
    name: string;
    publicKey: string;
    algorithm: 'ES256' | 'RS256';
    counter: number;
    transports: string | null;
    at: number;
  },
): Promise<void> {
  await db.batch([
    db.insert(passkeys).values({
      id: input.id,
      organizerId: input.organizerId,
      name: input.name,
      publicKey: input.publicKey,
      algorithm: input.algorithm,
      counter: input.counter,
      transports: input.transports,
      createdAt: input.at,
    }),
    auditStatement(db, { at: input.at, organizerId: input.organizerId, event: 'passkey_added' }),
  ]);
}

/** Records a passkey's use and its new counter. */
export async function touchPasskey(db: Db, id: string, counter: number, at: number): Promise<void> {
  await db.update(passkeys).set({ counter, lastUsedAt: at }).where(eq(passkeys.id, id));
}

/** Removes one of an organizer's own passkeys (by someone: themselves, or an owner resetting). */
export async function removePasskeys(
  db: Db,
  input: { organizerId: string; passkeyId?: string; by: string; at: number },
): Promise<number> {
  const [removed] = await db.batch([
    db
      .delete(passkeys)
      .where(
        input.passkeyId
          ? and(eq(passkeys.organizerId, input.organizerId), eq(passkeys.id, input.passkeyId))
          : eq(passkeys.organizerId, input.organizerId),
      )
      .returning({ id: passkeys.id }),
    auditStatement(db, {
      at: input.at,
      organizerId: input.by,
      event: input.passkeyId ? 'passkey_removed' : 'passkeys_reset',
      detail: { organizerId: input.organizerId },
    }),
  ]);
  return removed.length;
}

/** How many passkeys an organizer has. */
export async function countPasskeys(db: Db, organizerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.organizerId, organizerId));
  return row?.n ?? 0;
}
