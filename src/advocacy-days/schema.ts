// Tables of this feature; re-exported by src/schema.ts.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  choice,
  demoFlag,
  epochMs,
  epochMsNotNull,
  flag,
  langColumnDefaultEn,
  ownerId,
  privateLinkColumns,
  requiredRef,
} from '../db/columns';

/**
 * What a day is: an advocacy day at the capitol (teams meet legislators), or a gathering (a vigil,
 * rally, accountability forum, listening session or training) that people RSVP to and attend
 * together: the same seats, waitlist, emails, calendar file and check-in, without teams or districts.
 */
export const DAY_KINDS = [
  'advocacy_day',
  'vigil',
  'rally',
  'forum',
  'listening_session',
  'training',
] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** A day at the capitol: what people see on /days/:slug, and what organizers write for the teams. */
export const advocacyDays = sqliteTable('advocacy_days', {
  id: text().primaryKey(),
  kind: choice(DAY_KINDS, 'advocacy_day'),
  slug: text().notNull().unique(),
  title: text().notNull(),
  summary: text().notNull(),
  /** Epoch ms of the start and end of the day. */
  startsAt: epochMsNotNull(),
  endsAt: epochMsNotNull(),
  /** IANA zone the day happens in, for showing times and the calendar file. */
  timeZone: text().notNull().default('America/New_York'),
  placeName: text().notNull(),
  address: text().notNull(),
  /** Two lower-case letters, like the officials directory: whose legislators people meet. */
  state: text().notNull(),
  /** One agenda item per line ("9:00 Training"). */
  agenda: text().notNull().default(''),
  whatToBring: text().notNull().default(''),
  accessibility: text().notNull().default(''),
  capacity: integer().notNull(),
  registrationDeadline: epochMsNotNull(),
  /** Written by organizers for the team packets. */
  talkingPoints: text().notNull().default(''),
  leaveBehind: text().notNull().default(''),
  status: choice(['draft', 'published'], 'draft'),
  isDemo: demoFlag(),
  createdAt: epochMsNotNull(),
  reportSentAt: epochMs(),
  /** The partner list the last report-back went to (COALITION_EMAIL at that time), shown before a resend. */
  reportSentTo: text(),
  /** When the day last changed (epoch ms), for the API's sync: kept by triggers, like registrations'. */
  updatedAt: epochMsNotNull().default(0),
  // Optional Spanish versions of the texts organizers write; empty means "use the main text".
  // Added as columns (not a translations table) so a day still reads in one row.
  titleEs: text().notNull().default(''),
  summaryEs: text().notNull().default(''),
  agendaEs: text().notNull().default(''),
  whatToBringEs: text().notNull().default(''),
  accessibilityEs: text().notNull().default(''),
  talkingPointsEs: text().notNull().default(''),
  leaveBehindEs: text().notNull().default(''),
});

/**
 * When a registration last changed, for the API's incremental sync: the latest of its own times
 * (made, cancelled or released, promoted, checked in, personal data deleted). An expression rather
 * than a column every write would have to keep (a trigger would, but D1 counts a trigger's changes
 * in `meta.changes`, which the seat code reads). Literal column names: an index on this very
 * expression serves the API's pages.
 */
export const registrationModifiedSql = sql.raw(
  'max("created_at", coalesce("cancelled_at", 0), coalesce("promoted_at", 0), coalesce("checked_in_at", 0), coalesce("personal_data_deleted_at", 0))',
);

/** The roles of a legislative visit, from the toolkit's "Meeting with Decision Maker". */
export const TEAM_ROLES = ['facilitator', 'storyteller', 'ask', 'notetaker'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * One person registered for one day. `seq` is the order of arrival (set inside the one conditional
 * INSERT), which is also the order of the waitlist. Phone and address are deleted 90 days after
 * the day; the districts stay for the report.
 */
export const dayRegistrations = sqliteTable(
  'day_registrations',
  {
    id: text().primaryKey(),
    dayId: ownerId(() => advocacyDays.id),
    seq: integer().notNull(),
    status: text({ enum: ['registered', 'waitlisted', 'cancelled'] }).notNull(),
    name: text().notNull(),
    email: text().notNull(),
    phone: text(),
    /** Home address or ZIP, used only to find the state legislative districts. */
    address: text(),
    congregation: text(),
    faithRole: text({ enum: ['clergy', 'lay'] }).notNull(),
    languages: text(),
    needsInterpretation: flag(false),
    accessibilityNeeds: text(),
    dietaryNeeds: text(),
    firstTime: flag(false),
    willingToShareStory: flag(false),
    ride: choice(['none', 'needs', 'offers'], 'none'),
    rideSeats: integer(),
    photoConsent: flag(false),
    lang: langColumnDefaultEn(),
    /** 'found' from the geocoder, 'manual' set by an organizer, 'pending' when neither yet. */
    districtStatus: choice(['found', 'manual', 'pending'], 'pending'),
    /** The state the address is in (two lower-case letters), when known. */
    homeState: text(),
    upperDistrict: text(),
    lowerDistrict: text(),
    teamId: text().references(() => dayTeams.id, { onDelete: 'set null' }),
    teamRole: text({ enum: TEAM_ROLES }),
    /** The short code on the person's check-in QR, unique within the day. */
    checkInCode: text().notNull(),
    checkedInAt: epochMs(),
    /** Set with the promotion; the notice is sent (and this cleared) by the same code that emails. */
    promotedAt: epochMs(),
    promotionNotifiedAt: epochMs(),
    reminder7SentAt: epochMs(),
    reminder1SentAt: epochMs(),
    /** When the "how did your meeting go?" email went out, after the day. */
    debriefInviteSentAt: epochMs(),
    /** Unsubscribed from organizer announcements about this day (confirmations still go out). */
    announcementsOptOut: flag(false),
    /**
     * When the last "you are already registered" email went out (someone entered this address
     * again): at most one per ALREADY_REGISTERED_EMAIL_EVERY_MS, so the form cannot spam the person.
     */
    alreadyRegisteredEmailAt: epochMs(),
    /**
     * Until when an unconfirmed seat (or waitlist place) is held: the person confirms it from the
     * emailed private link, else the frequent job releases it to the waitlist. Null once confirmed
     * (and for rows from before holds existed, or added by organizers).
     */
    holdExpiresAt: epochMs(),
    isDemo: demoFlag(),
    createdAt: epochMsNotNull(),
    cancelledAt: epochMs(),
    personalDataDeletedAt: epochMs(),
  },
  (t) => [
    uniqueIndex('day_registrations_day_seq_idx').on(t.dayId, t.seq),
    // One active registration per email and day; a cancelled person may register again.
    uniqueIndex('day_registrations_day_email_idx')
      .on(t.dayId, t.email)
      .where(sql`status <> 'cancelled'`),
    uniqueIndex('day_registrations_day_code_idx').on(t.dayId, t.checkInCode),
    index('day_registrations_day_status_idx').on(t.dayId, t.status, t.seq),
    index('day_registrations_team_idx').on(t.teamId),
    // The API's pages of attendances, all and per day, in (modified, id) order.
    index('day_registrations_modified_idx').on(registrationModifiedSql, t.id),
    index('day_registrations_day_modified_idx').on(t.dayId, registrationModifiedSql, t.id),
    // The API's role taggings read one role's registrations, and a person's earlier one in the
    // same role, in (modified, id) order through two indexes on registrationModifiedSql after other
    // columns, written by hand in migrations/0008_api_tags.sql (drizzle-kit cuts such an
    // expression into pieces): day_registrations_role_modified_idx, day_registrations_email_role_idx.
  ],
);

/**
 * Private links to a registration (manage, cancel, debrief). Only hashes are stored; every email
 * that carries a link adds a row, so an older email's link keeps working.
 */
export const dayRegistrationLinks = sqliteTable(
  'day_registration_links',
  {
    ...privateLinkColumns(),
    registrationId: ownerId(() => dayRegistrations.id),
  },
  (t) => [index('day_registration_links_registration_idx').on(t.registrationId)],
);

/** A team visiting one legislator. `officialId` is the Open States person id in `officials`. */
export const dayTeams = sqliteTable(
  'day_teams',
  {
    id: text().primaryKey(),
    dayId: ownerId(() => advocacyDays.id),
    officialId: text(),
    chamber: text({ enum: ['upper', 'lower'] }).notNull(),
    district: text().notNull(),
    /** The legislator's name as shown on packets ("Sen. Jane Doe"), kept so a packet prints without the directory. */
    label: text().notNull(),
    meetingAt: epochMs(),
    room: text(),
    createdAt: epochMsNotNull(),
  },
  (t) => [uniqueIndex('day_teams_day_seat_idx').on(t.dayId, t.chamber, t.district)],
);

/** What a participant reported after a meeting; feeds the day's report (and the meeting log). */
export const dayDebriefs = sqliteTable(
  'day_debriefs',
  {
    id: text().primaryKey(),
    dayId: ownerId(() => advocacyDays.id),
    registrationId: text().references(() => dayRegistrations.id, { onDelete: 'set null' }),
    teamId: text().references(() => dayTeams.id, { onDelete: 'set null' }),
    officialId: text(),
    legislatorLabel: text().notNull(),
    whatTheySaid: text().notNull(),
    commitment: text(),
    stance: text({
      enum: ['supportive', 'leaning_yes', 'undecided', 'leaning_no', 'opposed', 'unclear'],
    }).notNull(),
    followUp: text(),
    /** Set by an organizer when the follow-up was done; open follow-ups are "due" in the report. */
    followUpDoneAt: epochMs(),
    /** The meeting-log record this debrief created, when the meetings feature took it. */
    meetingRecordId: text(),
    isDemo: demoFlag(),
    createdAt: epochMsNotNull(),
  },
  (t) => [index('day_debriefs_day_idx').on(t.dayId)],
);

/**
 * Every check-in and every undone check-in, with the organizer who did it: the registration keeps
 * only its current state (`checkedInAt`), this keeps what happened at the door.
 */
export const dayCheckInLog = sqliteTable(
  'day_check_in_log',
  {
    id: text().primaryKey(),
    dayId: requiredRef(() => advocacyDays.id),
    registrationId: requiredRef(() => dayRegistrations.id),
    action: text({ enum: ['check_in', 'undo'] }).notNull(),
    organizerId: text(),
    at: epochMsNotNull(),
  },
  (t) => [index('day_check_in_log_day_idx').on(t.dayId, t.at)],
);

/** A day as the app reads it. */
export type AdvocacyDay = typeof advocacyDays.$inferSelect;
/** A registration as the app reads it. */
export type Registration = typeof dayRegistrations.$inferSelect;
/** A team as the app reads it. */
export type Team = typeof dayTeams.$inferSelect;
/** A debrief as the app reads it. */
export type Debrief = typeof dayDebriefs.$inferSelect;

/** What the organizer's day form stores (everything but id, creation time and report fields). */
export type DayValues = Omit<
  typeof advocacyDays.$inferInsert,
  'id' | 'createdAt' | 'isDemo' | 'reportSentAt' | 'reportSentTo'
>;
