// Sign-in links and sessions.
import { and, eq, gt, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { outbox } from '../../email/schema';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import type { Lang } from '../../lib/i18n';
import { organizerSessions, organizers, signInTokens, webauthnChallenges } from '../schema';
import { auditStatement } from './audit';

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
    /** True when the organizer has a passkey: the session works only once it is used too. */
    passkeyPending?: boolean;
  },
): Promise<void> {
  const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
    db.insert(organizerSessions).values({
      idHash: input.sessionIdHash,
      organizerId: input.organizerId,
      createdAt: input.at,
      lastSeenAt: input.at,
      authenticatedAt: input.at,
      passkeyPending: input.passkeyPending ?? false,
    }),
    db.update(organizers).set({ lang: input.lang }).where(eq(organizers.id, input.organizerId)),
    auditStatement(db, {
      at: input.at,
      organizerId: input.organizerId,
      event: input.passkeyPending ? 'sign_in_link' : 'sign_in',
    }),
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

/** A signed-in organizer's live session: who they are and when the session was last used. */
export async function findLiveSession(
  db: Db,
  sessionIdHash: string,
  cutoffs: { lastSeenAfter: number; createdAfter: number },
) {
  const [row] = await db
    .select({
      id: organizers.id,
      email: organizers.email,
      name: organizers.name,
      role: organizers.role,
      authenticatedAt: organizerSessions.authenticatedAt,
      lastSeenAt: organizerSessions.lastSeenAt,
    })
    .from(organizerSessions)
    .innerJoin(organizers, eq(organizers.id, organizerSessions.organizerId))
    .where(
      and(
        eq(organizerSessions.idHash, sessionIdHash),
        // Signed in by link but waiting for the passkey: not signed in yet.
        eq(organizerSessions.passkeyPending, false),
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
    db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, at)),
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

/** A session waiting for its passkey: the organizer it belongs to, or null. */
export async function findPendingSession(db: Db, idHash: string, at: number, absoluteMs: number) {
  const [row] = await db
    .select({ organizerId: organizerSessions.organizerId })
    .from(organizerSessions)
    .where(
      and(
        eq(organizerSessions.idHash, idHash),
        eq(organizerSessions.passkeyPending, true),
        gt(organizerSessions.createdAt, at - absoluteMs),
      ),
    )
    .limit(1);
  return row?.organizerId ?? null;
}

/** Marks a session as proven just now (a passkey after the link, or a step-up), with its audit entry. */
export async function markSessionAuthenticated(
  db: Db,
  input: { idHash: string; organizerId: string; event: 'sign_in' | 'step_up'; at: number },
): Promise<void> {
  await db.batch([
    db
      .update(organizerSessions)
      .set({ passkeyPending: false, authenticatedAt: input.at, lastSeenAt: input.at })
      .where(
        and(eq(organizerSessions.idHash, input.idHash), eq(organizerSessions.organizerId, input.organizerId)),
      ),
    auditStatement(db, {
      at: input.at,
      organizerId: input.organizerId,
      event: input.event,
      detail: { factor: 'passkey' },
    }),
  ]);
}
