// Tables of this feature; re-exported by src/schema.ts.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  choice,
  epochMs,
  epochMsNotNull,
  flag,
  langColumn,
  langColumnDefaultEn,
  ownerId,
  requiredRef,
  timestamps,
} from '../db/columns';
import { officials, STANCES } from '../officials/schema';

/**
 * Where a meeting stands. `unconfirmed`: the sender has not confirmed their address, nothing was
 * sent. Then requested -> scheduled -> held -> thanked, or declined at any point before held.
 */
export const MEETING_STATUSES = [
  'unconfirmed',
  'requested',
  'scheduled',
  'held',
  'thanked',
  'declined',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** How a meeting record was made. */
export const MEETING_SOURCES = ['request', 'advocacy_day', 'organizer', 'demo'] as const;
export type MeetingSource = (typeof MEETING_SOURCES)[number];

/** Someone else who attends, with how to reach them (the toolkit's attendee-list follow-up). */
export interface MeetingAttendee {
  name: string;
  contact: string;
}

/**
 * Meetings with officials: the request a person sent, and everything that followed. The sender's
 * private link is the only way in for them (`tokenHash` = SHA-256 of the token in the URL).
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text().primaryKey(),
    officialId: requiredRef(() => officials.id),
    status: text({ enum: MEETING_STATUSES }).notNull(),
    source: choice(MEETING_SOURCES, 'request'),
    /** A campaign label organizers group meetings by ("driver-licenses-2027"); optional. */
    campaign: text(),
    tokenHash: text().unique(),
    senderName: text().notNull(),
    senderEmail: text().notNull(),
    senderPhone: text(),
    /** The language of the sender's own emails (confirmation). */
    senderLang: langColumnDefaultEn(),
    groupName: text().notNull(),
    city: text().notNull(),
    purpose: text().notNull(),
    proposedDates: text(),
    /** Names in clear, each contact sealed (contact-fields.ts). */
    attendees: text({ mode: 'json' }).$type<MeetingAttendee[]>().notNull().default([]),
    /** Keyed hashes (HMAC) of the emails in the attendees' contacts, space-separated: the privacy lookup. */
    attendeeEmailHashes: text(),
    story: text(),
    /** The language the emails to the official are written in (the official's setting). */
    officialLang: langColumnDefaultEn(),
    /** The request exactly as the sender approved it. */
    requestSubject: text().notNull(),
    requestText: text().notNull(),
    /** Set when the sender confirmed their address (the moment the request is sent). */
    confirmedAt: epochMs(),
    scheduledFor: text(),
    place: text(),
    attendeeListSentAt: epochMs(),
    heldOn: text(),
    stancePerceived: text({ enum: STANCES }),
    nextSteps: text(),
    debriefNotes: text(),
    thankYouSubject: text(),
    thankYouText: text(),
    thankedAt: epochMs(),
    reportBackSentAt: epochMs(),
    declinedAt: epochMs(),
    declineNote: text(),
    /** The advocacy day or other record this meeting came from, when not a public request. */
    originRef: text(),
    ...timestamps(),
  },
  (t) => [
    index('meetings_official_idx').on(t.officialId, t.confirmedAt),
    index('meetings_sender_idx').on(t.senderEmail, t.createdAt),
    index('meetings_status_idx').on(t.status, t.updatedAt),
    // The API's pages of form submissions (modified, id), and people's catch-up.
    index('meetings_updated_idx').on(t.updatedAt, t.id),
    uniqueIndex('meetings_origin_idx').on(t.source, t.originRef),
  ],
);

/** What an official agreed to do in a meeting, optionally about a tracked bill. */
export const meetingCommitments = sqliteTable(
  'meeting_commitments',
  {
    id: text().primaryKey(),
    meetingId: ownerId(() => meetings.id),
    position: integer().notNull().default(0),
    text: text().notNull(),
    /** bills.id when the commitment is about a tracked bill (no foreign key: bills may be re-imported). */
    billId: text(),
    /** When to check on it (YYYY-MM-DD), for the organizers' follow-ups-due list. */
    followUpOn: text(),
    done: flag(false),
    createdAt: epochMsNotNull(),
  },
  (t) => [index('meeting_commitments_meeting_idx').on(t.meetingId, t.position)],
);

/** The emails of the meeting loop, each with a default in templates/meetings-<kind>.<lang>.mustache. */
export const MEETING_TEMPLATE_KINDS = ['request', 'attendees', 'thanks', 'report'] as const;
export type MeetingTemplateKind = (typeof MEETING_TEMPLATE_KINDS)[number];

/** The organizers' own copies of the meeting templates; without a row the default file is used. */
export const meetingTemplates = sqliteTable(
  'meeting_templates',
  {
    kind: text({ enum: MEETING_TEMPLATE_KINDS }).notNull(),
    lang: langColumn(),
    subject: text().notNull(),
    body: text().notNull(),
    updatedBy: text(),
    updatedAt: epochMsNotNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.lang] })],
);

/** A meeting row as the app reads it. */
export type Meeting = typeof meetings.$inferSelect;
/** A commitment row as the app reads it. */
export type MeetingCommitment = typeof meetingCommitments.$inferSelect;
