import { and, count, desc, eq, gt, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { outbox } from '../email/schema';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import type { Lang } from '../lib/i18n';
import { newId } from '../lib/tokens';
import {
  auditEvents,
  organizerSessions,
  organizers,
  passkeys,
  signInTokens,
  webauthnChallenges,
} from './schema';
import type { Role } from './roles';

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

/** Puts an address on the allowlist; adding it twice changes nothing. Returns true when it was new. */
export async function addOrganizer(
  db: Db,
  input: { email: string; name?: string | null; id?: string; at?: number; role?: Role },
): Promise<boolean> {
  const rows = await db
    .insert(organizers)
    .values({
      id: input.id ?? newId(),
      email: input.email.toLowerCase(),
      name: input.name ?? null,
      role: input.role ?? 'organizer',
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

/** One audit-log entry (ids and paths only). */
export interface AuditEntry {
  at: number;
  organizerId: string | null;
  event: string;
  path?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

/** The statement that records an audit entry, for the same batch as the change it records. */
export function auditStatement(db: Db, entry: AuditEntry) {
  return db.insert(auditEvents).values({
    id: newId(),
    at: entry.at,
    organizerId: entry.organizerId,
    event: entry.event,
    path: entry.path ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  });
}

/** Records an audit entry on its own. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await auditStatement(db, entry);
}

/** The newest audit entries, with the organizer's email for owners to read, newest first. */
export async function listAuditEvents(db: Db, limit = 200) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      event: auditEvents.event,
      path: auditEvents.path,
      detail: auditEvents.detail,
      organizerEmail: organizers.email,
    })
    .from(auditEvents)
    .leftJoin(organizers, eq(organizers.id, auditEvents.organizerId))
    .orderBy(desc(auditEvents.at))
    .limit(limit);
}

/** Deletes audit entries older than `before` (they are kept one year). */
export async function deleteAuditEventsBefore(db: Db, before: number): Promise<void> {
  await db.delete(auditEvents).where(lt(auditEvents.at, before));
}

/** Every organizer with their role, for the owner's page. */
export async function listOrganizers(db: Db) {
  return db
    .select({ id: organizers.id, email: organizers.email, name: organizers.name, role: organizers.role })
    .from(organizers)
    .orderBy(organizers.email);
}

/** Changes an organizer's role, with its audit entry, in one batch; false when there is no such organizer. */
export async function changeRole(db: Db, input: { organizerId: string; role: Role; by: string; at: number }) {
  const [updated] = await db.batch([
    db
      .update(organizers)
      .set({ role: input.role })
      .where(eq(organizers.id, input.organizerId))
      .returning({ id: organizers.id }),
    auditStatement(db, {
      at: input.at,
      organizerId: input.by,
      event: 'role_changed',
      detail: { organizerId: input.organizerId, role: input.role },
    }),
  ]);
  return updated.length > 0;
}

/** Removes an organizer (their sessions and link go with them), with its audit entry. */
export async function removeOrganizer(db: Db, input: { organizerId: string; by: string; at: number }) {
  const [removed] = await db.batch([
    db.delete(organizers).where(eq(organizers.id, input.organizerId)).returning({ id: organizers.id }),
    auditStatement(db, {
      at: input.at,
      organizerId: input.by,
      event: 'organizer_removed',
      detail: { organizerId: input.organizerId },
    }),
  ]);
  return removed.length > 0;
}

/** Sets the role of a listed organizer (the command line's `--role`); false when the address is not listed. */
export async function setRoleByEmail(db: Db, email: string, role: Role): Promise<boolean> {
  const rows = await db
    .update(organizers)
    .set({ role })
    .where(eq(organizers.email, email.toLowerCase()))
    .returning({ id: organizers.id });
  return rows.length > 0;
}

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
    .select({
      id: passkeys.id,
      name: passkeys.name,
      transports: passkeys.transports,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .where(eq(passkeys.organizerId, organizerId))
    .orderBy(passkeys.createdAt);
}

/** One passkey by its credential id, with what verifying a signature needs. */
export async function findPasskey(db: Db, id: string) {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.id, id)).limit(1);
  return row ?? null;
}

/** Stores a new passkey with its audit entry. */
export async function addPasskey(
  db: Db,
  input: {
    id: string;
    organizerId: string;
    name: string;
    publicKey: string;
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
