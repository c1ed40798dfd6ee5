// Tables of this feature; re-exported by src/schema.ts.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { epochMsNotNull } from '../db/columns';

/**
 * One erasure an organizer made: when, by whom, and how many rows of each table it touched. The
 * erased address is deliberately NOT stored: the record proves the request was honoured without
 * keeping what was asked to be forgotten.
 */
export const privacyErasures = sqliteTable(
  'privacy_erasures',
  {
    id: text().primaryKey(),
    at: epochMsNotNull(),
    organizerId: text(),
    /** JSON object: registry entry key -> rows deleted or blanked. */
    counts: text({ mode: 'json' }).$type<Record<string, number>>().notNull(),
  },
  (t) => [index('privacy_erasures_at_idx').on(t.at)],
);

/** An erasure record as the app reads it. */
export type PrivacyErasure = typeof privacyErasures.$inferSelect;
