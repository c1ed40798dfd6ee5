import { and, eq, gt, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { outbox } from '../email/schema';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import type { Lang } from '../lib/i18n';
import { newId } from '../lib/tokens';
import { organizerSessions, organizers, signInTokens } from './schema';

/** An organizer on the allowlist, found by (lower-case) email. */
export async function findOrganizerByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: organizers.id, email: organizers.email, lang: organizers.lang })
    .from(organizers)
    .where(eq(organizers.email, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

/**
 * The statement that makes `tokenHash` the organizer's sign-in link, unless their current link still
 * works: one row per organizer, so the newest link is the only one, and it cannot be replaced
 * before it expires (or is used, which deletes it). Returns the row when it was written.
 */
export function newSignInTokenUnlessPending(
  db: Db,
  organizerId: string,
  tokenHash: string,
  at: number,
  expiresAt: number,
) {
  return db
    .insert(signInTokens)
    .values({ organizerId, tokenHash, createdAt: at, expiresAt })
    .onConflictDoUpdate({
      target: signInTokens.organizerId,
      set: { tokenHash, createdAt: at, expiresAt },
      setWhere: lte(signInTokens.expiresAt, at),
    })
    .returning({ organizerId: signInTokens.organizerId });
}

/**
 * For the same batch as `newSignInTokenUnlessPending`: deletes the queued sign-in email again when
 * its token was not stored (a live link already existed).
 */
export function dropEmailUnlessTokenStored(db: Db, outboxId: string, tokenHash: string) {
  return db.delete(outbox).where(
    and(
      eq(outbox.id, outboxId),
      notExists(
        db
          .select({ one: sql`1` })
          .from(signInTokens)
          .where(eq(signInTokens.tokenHash, tokenHash)),
      ),
    ),
  );
}

/**
 * Makes `tokenHash` the organizer's sign-in link unless their current one still works, with the
 * email that carries it, in one batch: the email is dropped again when the token was not stored,
 * so two requests at once still leave one live link and one email. True when the link was written.
 */
export async function storeSignInLinkUnlessPending(
  db: Db,
  link: { organizerId: string; tokenHash: string; at: number; expiresAt: number },
  email: { id: string; statement: BatchItem<'sqlite'> },
): Promise<boolean> {
  const [written] = await db.batch([
    newSignInTokenUnlessPending(db, link.organizerId, link.tokenHash, link.at, link.expiresAt),
    email.statement,
    dropEmailUnlessTokenStored(db, email.id, link.tokenHash),
  ]);
  return written.length > 0;
}

/** True when a sign-in link would still work (read only: for the page with the button). */
export async function isSignInTokenUsable(db: Db, tokenHash: string, at: number): Promise<boolean> {
  const [row] = await db
    .select({ organizerId: signInTokens.organizerId })
    .from(signInTokens)
    .where(and(eq(signInTokens.tokenHash, tokenHash), gt(signInTokens.expiresAt, at)))
    .limit(1);
  return Boolean(row);
}

/**
 * Uses up a sign-in link: one conditional DELETE … RETURNING, so of two simultaneous presses only
 * one gets the organizer id. Expired, used and superseded links return null.
 */
export async function consumeSignInToken(db: Db, tokenHash: string, at: number): Promise<string | null> {
  const [row] = await db
    .delete(signInTokens)
    .where(and(eq(signInTokens.tokenHash, tokenHash), gt(signInTokens.expiresAt, at)))
    .returning({ organizerId: signInTokens.organizerId });
  return row?.organizerId ?? null;
}

/**
 * Starts a session (stored by the hash of its id), ends the one the browser had before if any,
 * and remembers the language the organizer signed in with for their emails.
 */
export async function startSession(
  db: Db,
  input: {
    organizerId: string;
    sessionIdHash: string;
    previousSessionIdHash?: string;
    lang: Lang;
    at: number;
  },
): Promise<void> {
  const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
    db.insert(organizerSessions).values({
      idHash: input.sessionIdHash,
      organizerId: input.organizerId,
      createdAt: input.at,
      lastSeenAt: input.at,
    }),
    db.update(organizers).set({ lang: input.lang }).where(eq(organizers.id, input.organizerId)),
  ];
  if (input.previousSessionIdHash) {
    statements.push(
      db.delete(organizerSessions).where(eq(organizerSessions.idHash, input.previousSessionIdHash)),
    );
  }
  await db.batch(statements);
}

/** Ends a session server-side: the cookie alone no longer signs anyone in. */
export async function endSession(db: Db, sessionIdHash: string): Promise<void> {
  await db.delete(organizerSessions).where(eq(organizerSessions.idHash, sessionIdHash));
}

/** Puts an address on the allowlist; adding it twice changes nothing. Returns true when it was new. */
export async function addOrganizer(
  db: Db,
  input: { email: string; name?: string | null; id?: string; at?: number },
): Promise<boolean> {
  const rows = await db
    .insert(organizers)
    .values({
      id: input.id ?? newId(),
      email: input.email.toLowerCase(),
      name: input.name ?? null,
      createdAt: input.at ?? Date.now(),
    })
    .onConflictDoNothing()
    .returning({ id: organizers.id });
  return rows.length > 0;
}

/** A signed-in organizer's live session: who they are and when the session was last used. */
export async function findLiveSession(
  db: Db,
  sessionIdHash: string,
  cutoffs: { lastSeenAfter: number; createdAfter: number },
): Promise<{ id: string; email: string; name: string | null; lastSeenAt: number } | undefined> {
  const [row] = await db
    .select({
      id: organizers.id,
      email: organizers.email,
      name: organizers.name,
      lastSeenAt: organizerSessions.lastSeenAt,
    })
    .from(organizerSessions)
    .innerJoin(organizers, eq(organizers.id, organizerSessions.organizerId))
    .where(
      and(
        eq(organizerSessions.idHash, sessionIdHash),
        gt(organizerSessions.lastSeenAt, cutoffs.lastSeenAfter),
        gt(organizerSessions.createdAt, cutoffs.createdAfter),
      ),
    )
    .limit(1);
  return row;
}

/** Records that a session was used now (it ends after a while without use). */
export async function touchSession(db: Db, sessionIdHash: string, at: number): Promise<void> {
  await db
    .update(organizerSessions)
    .set({ lastSeenAt: at })
    .where(eq(organizerSessions.idHash, sessionIdHash));
}

/** Deletes sign-in links expired by `at` and sessions idle or started before the cutoffs, in one batch. */
export async function deleteExpiredSignInsAndSessions(
  db: Db,
  at: number,
  cutoffs: { lastSeenBefore: number; createdBefore: number },
): Promise<void> {
  await db.batch([
    db.delete(signInTokens).where(lt(signInTokens.expiresAt, at)),
    db
      .delete(organizerSessions)
      .where(
        or(
          lt(organizerSessions.lastSeenAt, cutoffs.lastSeenBefore),
          lt(organizerSessions.createdAt, cutoffs.createdBefore),
        ),
      ),
  ]);
}
