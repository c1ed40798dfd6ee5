// The search terms table: the words organizers' searches find signers, registrations and subscribers
// by (lib/search-terms.ts normalises them), one row per word per row it indexes. Not an FTS5 table on
// purpose: a D1 database holding a virtual table cannot be exported with `wrangler d1 export`.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** What kind of row a term belongs to. */
export const SEARCH_KINDS = ['signature', 'registration', 'subscription'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One word of one row. `scopeId` is what the organizer's table is of (the letter, the day; '' for
 * the subscribers): the key (kind, scope, term, owner) makes "terms starting with gar" one range.
 * Rows deleted from their own table take their terms with them (triggers in the migration).
 */
export const searchTerms = sqliteTable(
  'search_terms',
  {
    kind: text({ enum: SEARCH_KINDS }).notNull(),
    scopeId: text().notNull(),
    ownerId: text().notNull(),
    term: text().notNull(),
    /**
     * The row's place in its organizer's table (a signature's created_at, a registration's seq),
     * copied from the row when the terms are written: a search's page is then read from this
     * index in order, without reading every matching row to sort them.
     */
    sortKey: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.scopeId, t.term, t.ownerId] }),
    // A page of a search in table order: the range of a word, its rows' places and ids, from the index alone.
    index('search_terms_sort_idx').on(t.kind, t.scopeId, t.term, t.sortKey, t.ownerId),
    // Rewriting or deleting one row's terms, and the further words of a multi-word search.
    index('search_terms_owner_idx').on(t.kind, t.ownerId, t.term),
  ],
);
