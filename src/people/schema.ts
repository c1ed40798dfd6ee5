// Tables of this feature; re-exported by src/schema.ts.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { epochMsNotNull, ownerId } from '../db/columns';

/**
 * One person per email address, whatever they did here: signed a letter, registered for a day,
 * asked for a meeting, or came in through the API. The features keep their own rows; this index
 * gives each address one stable id and a modified time, which the API pages by (modified, id).
 * Filled by triggers in the migration that made it (0006_open_data_api.sql): a confirmed signature,
 * a registration and a confirmed meeting request add their address (an address already there is
 * left as it is), whichever code path wrote the row; and by the API's signup helper. Erasure deletes
 * the row (privacy/queries/registry.ts).
 */
export const people = sqliteTable(
  'people',
  {
    id: text().primaryKey(),
    /** Lower-cased and trimmed, as every feature stores it. */
    email: text().notNull().unique(),
    givenName: text(),
    familyName: text(),
    /** A clergy title the person gave ("Rev.", "Rabbi"), when they gave one. */
    clergyTitle: text(),
    tradition: text(),
    denomination: text(),
    congregation: text(),
    /** City and two-letter state only: we never hold a street address for a person. */
    locality: text(),
    region: text(),
    postalCode: text(),
    /** 'en' or 'es': the language of their emails. */
    lang: text(),
    /** Identifiers other systems gave this person (`system:id`), kept as they sent them. */
    identifiers: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Where the person first came from: 'Welcome Table', or the name an API client sent. */
    originSystem: text().notNull(),
    /** Only from an API client that said so; our own lists keep their own consent. */
    emailStatus: text({ enum: ['subscribed', 'unsubscribed'] }),
    createdAt: integer({ mode: 'number' }).notNull(),
    modifiedAt: integer({ mode: 'number' }).notNull(),
  },
  (t) => [index('people_modified_idx').on(t.modifiedAt, t.id)],
);

export type Person = typeof people.$inferSelect;

/**
 * Tags organizers give people (through the API's signup helper `add_tags`): one row a name, whatever
 * its case. Faith traditions and team roles are tags too, but derived from the features' rows and
 * never stored (src/api/queries/tags.ts).
 */
export const tags = sqliteTable(
  'tags',
  {
    id: text().primaryKey(),
    /** As first sent ("Volunteer"). */
    name: text().notNull(),
    /** The name trimmed, its spaces collapsed and lower-cased: two names that differ only so are one tag. */
    nameKey: text().notNull().unique(),
    /** The API client that first sent the name. */
    originSystem: text().notNull(),
    createdAt: epochMsNotNull(),
    modifiedAt: epochMsNotNull(),
  },
  (t) => [index('tags_modified_idx').on(t.modifiedAt, t.id)],
);

export type Tag = typeof tags.$inferSelect;

/** A person's organizer tag (a tagging); deleted with the person or the tag. */
export const peopleTags = sqliteTable(
  'people_tags',
  {
    personId: ownerId(() => people.id),
    tagId: ownerId(() => tags.id),
    createdAt: epochMsNotNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.tagId] }),
    // A tag's taggings in the API's (modified, id) order: a tagging's modified time is its creation.
    index('people_tags_tag_created_idx').on(t.tagId, t.createdAt, t.personId),
    index('people_tags_person_created_idx').on(t.personId, t.createdAt, t.tagId),
  ],
);
