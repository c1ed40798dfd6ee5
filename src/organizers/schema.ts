import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { choice, epochMs, epochMsNotNull, flag, langColumnDefaultEn, ownerId } from '../db/columns';

/** Coalition staff allowed to sign in. Only these addresses ever get a sign-in link. */
export const organizers = sqliteTable('organizers', {
  id: text().primaryKey(),
  email: text().notNull().unique(),
  name: text(),
  /** The language of their emails: the one they last signed in with. */
  lang: langColumnDefaultEn(),
  /** What they may do (see organizers/roles.ts). */
  role: choice(['owner', 'organizer', 'viewer'], 'organizer'),
  createdAt: epochMsNotNull(),
});

/** Sign-in links: only the SHA-256 of the token is kept; one row per email, so only the newest works. */
export const signInTokens = sqliteTable('sign_in_tokens', {
  organizerId: text()
    .primaryKey()
    .references(() => organizers.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique(),
  expiresAt: epochMsNotNull(),
  createdAt: epochMsNotNull(),
});

/** Organizer sessions, by the SHA-256 of the cookie's id; deleting the row signs out. */
export const organizerSessions = sqliteTable(
  'organizer_sessions',
  {
    idHash: text().primaryKey(),
    organizerId: ownerId(() => organizers.id),
    createdAt: epochMsNotNull(),
    lastSeenAt: epochMsNotNull(),
    /** When the organizer last proved who they are (link, passkey): dangerous actions want it recent. */
    authenticatedAt: integer({ mode: 'number' }).notNull().default(0),
    /** Signed in by email link but not yet by the passkey they have: not signed in at all yet. */
    passkeyPending: flag(false),
  },
  (t) => [index('organizer_sessions_organizer_idx').on(t.organizerId)],
);

/** Organizers' passkeys (WebAuthn credentials): public keys only; the private key never leaves the device. */
export const passkeys = sqliteTable(
  'passkeys',
  {
    /** The credential id (base64url), as the browser reports it. */
    id: text().primaryKey(),
    organizerId: ownerId(() => organizers.id),
    /** The organizer's own name for it ("Work laptop"). */
    name: text().notNull(),
    /** The public key as the browser's getPublicKey() gives it: SubjectPublicKeyInfo, base64url. */
    publicKey: text().notNull(),
    /** The signature counter the authenticator last reported (0 for most passkeys). */
    counter: integer({ mode: 'number' }).notNull(),
    /** JSON list of transports the browser reported, passed back to help it find the key. */
    transports: text(),
    createdAt: epochMsNotNull(),
    lastUsedAt: epochMs(),
    /** Its signature algorithm, one of the two we offer (see organizers/passkeys.ts). */
    algorithm: text({ enum: ['ES256', 'RS256'] })
      .notNull()
      .default('ES256'),
  },
  (t) => [index('passkeys_organizer_idx').on(t.organizerId)],
);

/** WebAuthn challenges: stored server-side, used once, for 5 minutes. */
export const webauthnChallenges = sqliteTable('webauthn_challenges', {
  id: text().primaryKey(),
  challenge: text().notNull(),
  /** 'register' | 'sign_in' | 'step_up'. */
  purpose: text({ enum: ['register', 'sign_in', 'step_up'] }).notNull(),
  /** Who asked, when known (registration and step-up; a passkey-only sign-in knows nobody yet). */
  organizerId: text(),
  expiresAt: epochMsNotNull(),
});

/**
 * Who did what and when in the organizer area: exports, erasure, sends, role and organizer changes,
 * sign-ins and failed sign-ins. Ids and paths only, never a person's email or name (a path under
 * /admin holds ids). Kept one year (organizers/jobs.ts).
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text().primaryKey(),
    at: epochMsNotNull(),
    /** Null for a failed sign-in, where nobody is known. */
    organizerId: text(),
    /** `export`, `erase`, `send`, `manage`, `sign_in`, `sign_in_failed`, `role_changed`… */
    event: text().notNull(),
    /** The request path under /admin, when the event is a request. */
    path: text(),
    /** Ids and counts only (JSON). */
    detail: text(),
  },
  (t) => [index('audit_events_at_idx').on(t.at)],
);
