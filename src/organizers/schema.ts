import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Coalition staff allowed to sign in. Only these addresses ever get a sign-in link. */
export const organizers = sqliteTable('organizers', {
  id: text().primaryKey(),
  email: text().notNull().unique(),
  name: text(),
  /** The language of their emails: the one they last signed in with. */
  lang: text({ enum: ['en', 'es'] })
    .notNull()
    .default('en'),
  createdAt: integer({ mode: 'number' }).notNull(),
});

/** Sign-in links: only the SHA-256 of the token is kept; one row per email, so only the newest works. */
export const signInTokens = sqliteTable('sign_in_tokens', {
  organizerId: text()
    .primaryKey()
    .references(() => organizers.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique(),
  expiresAt: integer({ mode: 'number' }).notNull(),
  createdAt: integer({ mode: 'number' }).notNull(),
});

/** Organizer sessions, by the SHA-256 of the cookie's id; deleting the row signs out. */
export const organizerSessions = sqliteTable(
  'organizer_sessions',
  {
    idHash: text().primaryKey(),
    organizerId: text()
      .notNull()
      .references(() => organizers.id, { onDelete: 'cascade' }),
    createdAt: integer({ mode: 'number' }).notNull(),
    lastSeenAt: integer({ mode: 'number' }).notNull(),
  },
  (t) => [index('organizer_sessions_organizer_idx').on(t.organizerId)],
);
