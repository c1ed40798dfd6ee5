// Tables of this feature; re-exported by src/schema.ts.
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { epochMs, epochMsNotNull, flag, langColumnDefaultEn, requiredRef, timestamps } from '../db/columns';

/**
 * What an official is: Open States role types (upper, lower, governor, lt_governor, attorney
 * general…) normalised to snake_case, plus the local offices organizers add by hand.
 */
export const OFFICIAL_ROLES = [
  'upper',
  'lower',
  'governor',
  'lt_governor',
  'attorney_general',
  'secretary_of_state',
  'executive',
  'mayor',
  'sheriff',
  'county_commissioner',
  'city_council',
  'judge',
  'other',
] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

/** The roles organizers add by hand (Open States does not cover them). */
export const MANUAL_ROLES = [
  'sheriff',
  'county_commissioner',
  'city_council',
  'judge',
  'mayor',
  'other',
] as const satisfies readonly OfficialRole[];

/** One office of an official, as Open States lists them (capitol-office, district-office…). */
export interface OfficialOffice {
  classification: string;
  address?: string | null;
  voice?: string | null;
  fax?: string | null;
}

/** One public link (official page, contact web form). */
export interface OfficialLink {
  url: string;
  note?: string | null;
}

/**
 * Elected and appointed officials: imported from Open States (id = "ocd-person/…") or added by
 * organizers (id = "manual-…"). Never deleted: people who leave office get `inOffice = false`, so
 * meetings, letters and bill sponsorships that point at them keep their meaning.
 */
export const officials = sqliteTable(
  'officials',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    givenName: text(),
    familyName: text(),
    /** Two-letter postal code, lower case ("ga"). */
    state: text().notNull(),
    /** Role type: chamber for legislators, office for everyone else (see OFFICIAL_ROLES). */
    chamber: text({ enum: OFFICIAL_ROLES }).notNull(),
    /** The title as people say it ("Senator", "Secretary of State", "Sheriff of Fulton County"). */
    title: text().notNull(),
    /** Legislative district as Open States writes it ("106"), or a local district; null otherwise. */
    district: text(),
    /** The ocd-jurisdiction id, or a free-text place for hand-added officials. */
    jurisdiction: text(),
    /** A readable name of the jurisdiction ("Atlanta", "Fulton County"); null for the state. */
    jurisdictionName: text(),
    party: text(),
    /** Public office email only; null when the files have none. */
    email: text(),
    offices: text({ mode: 'json' }).$type<OfficialOffice[]>().notNull().default([]),
    links: text({ mode: 'json' }).$type<OfficialLink[]>().notNull().default([]),
    image: text(),
    /** The current role's end date (YYYY-MM-DD) when the files give one. */
    termEndsOn: text(),
    source: text({ enum: ['openstates', 'manual'] }).notNull(),
    inOffice: flag(true),
    /** Language meeting requests to this official are written in ('en' unless an organizer says). */
    lang: langColumnDefaultEn(),
    /** SHA-256 of the imported fields, so a re-import with nothing new writes nothing. */
    contentHash: text(),
    ...timestamps(),
    /** When the import last saw this person gone from the files. */
    retiredAt: epochMs(),
  },
  (t) => [
    index('officials_state_chamber_district_idx').on(t.state, t.chamber, t.district),
    index('officials_name_idx').on(t.name),
  ],
);

/** Power-map stances, from most to least supportive. */
export const STANCES = ['champion', 'ally', 'undecided', 'opposed', 'unknown'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * The organizers' power map: dated notes on each official with the stance they read at that time.
 * The newest entry is the current stance. Organizer-only: never rendered on a public page.
 */
export const powerMapEntries = sqliteTable(
  'power_map_entries',
  {
    id: text().primaryKey(),
    officialId: requiredRef(() => officials.id),
    stance: text({ enum: STANCES }).notNull(),
    note: text(),
    /** The day the note is about (YYYY-MM-DD), which may be before it was written down. */
    notedOn: text().notNull(),
    organizerId: text(),
    /** Set when the entry was written from a meeting's recorded outcome (one entry per meeting). */
    meetingId: text(),
    createdAt: epochMsNotNull(),
    /** When an organizer last corrected the entry (the change is in power_map_changes). */
    updatedAt: epochMs(),
  },
  (t) => [
    index('power_map_entries_official_idx').on(t.officialId, t.notedOn),
    uniqueIndex('power_map_entries_meeting_idx').on(t.meetingId),
  ],
);

/**
 * The history of corrections to the power map: each edit or deletion of an entry, with the entry as
 * it was before (JSON) and who changed it, so a changed reading of an official is never silently lost.
 */
export const powerMapChanges = sqliteTable(
  'power_map_changes',
  {
    id: text().primaryKey(),
    officialId: requiredRef(() => officials.id),
    entryId: text().notNull(),
    action: text({ enum: ['edit', 'delete'] }).notNull(),
    /** The entry before the change: { stance, notedOn, note }. */
    before: text({ mode: 'json' })
      .$type<{ stance: Stance; notedOn: string; note: string | null }>()
      .notNull(),
    organizerId: text(),
    at: epochMsNotNull(),
  },
  (t) => [index('power_map_changes_official_idx').on(t.officialId, t.at)],
);

/** An official row as the app reads it. */
export type Official = typeof officials.$inferSelect;
/** Who an official is and where they serve: what both the import and the organizers' form set. */
export type OfficialDescription = Pick<
  Official,
  | 'name'
  | 'givenName'
  | 'familyName'
  | 'state'
  | 'chamber'
  | 'title'
  | 'district'
  | 'jurisdictionName'
  | 'party'
>;
/** A power-map entry as the app reads it. */
export type PowerMapEntry = typeof powerMapEntries.$inferSelect;
/** A recorded correction of the power map. */
export type PowerMapChange = typeof powerMapChanges.$inferSelect;
