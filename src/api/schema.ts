// Tables of this feature; re-exported by src/schema.ts.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The scopes of an API key: read-only, or read-write (the signup and record helpers). */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * A key an owner or organizer made for another system (Action Network clients, a CRM sync). Shown
 * once; only its SHA-256 is stored. Revoked keys stay listed (who made what, when it was last used).
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    keyHash: text().notNull().unique(),
    scope: text({ enum: API_KEY_SCOPES }).notNull(),
    /** The organizer who made it (null for keys made on the command line). */
    organizerId: text(),
    createdAt: integer({ mode: 'number' }).notNull(),
    lastUsedAt: integer({ mode: 'number' }),
    revokedAt: integer({ mode: 'number' }),
  },
  (t) => [index('api_keys_created_idx').on(t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
