// What the meeting templates are filled with, and the commitments as pages and emails show them.
import type { Db } from '../db';
import { formalName, titleLabel } from '../officials/links';
import type { Official, Stance } from '../officials/schema';
import { dictionaries } from '../messages';
import { formatDate, translator, type Lang } from '../lib/i18n';
import { billIdentifiers, listBillChoices, listCommitments, type BillChoice } from './queries';
import type { Meeting, MeetingAttendee, MeetingCommitment, MeetingTemplateKind } from './schema';
import { canDo } from './status';
import { loadMeetingTemplate, purposeLine, renderMeetingTemplate, type MeetingMergeData } from './templates';

/** What a person fills in to ask for a meeting. */
export interface MeetingRequestDetails {
  senderName: string;
  senderEmail: string;
  senderPhone: string | null;
  groupName: string;
  city: string;
  purpose: string;
  proposedDates: string | null;
  attendees: MeetingAttendee[];
  story: string | null;
  campaign?: string | null;
}

/** The values templates merge, from a meeting (or a request not stored yet) and its official. */
export function mergeDataFor(
  official: Official,
  meeting: MeetingRequestDetails &
    Partial<
      Pick<Meeting, 'scheduledFor' | 'place' | 'heldOn' | 'stancePerceived' | 'nextSteps' | 'debriefNotes'>
    >,
  lang: Lang,
  orgName: string,
  commitments: { text: string; bill: string }[] = [],
): MeetingMergeData {
  const stance: Stance = meeting.stancePerceived ?? 'unknown';
  const when = meeting.heldOn ?? meeting.scheduledFor ?? null;
  return {
    orgName,
    officialName: official.name,
    officialTitle: titleLabel(translator(lang), official.title),
    officialGreeting: formalName(translator(lang), official),
    officialDistrict: official.district ?? '',
    senderName: meeting.senderName,
    senderEmail: meeting.senderEmail,
    senderPhone: meeting.senderPhone ?? '',
    group: meeting.groupName,
    city: meeting.city,
    purpose: purposeLine(meeting.purpose),
    proposedDates: meeting.proposedDates ?? '',
    story: meeting.story ?? '',
    hasStory: Boolean(meeting.story),
    attendees: meeting.attendees,
    hasAttendees: meeting.attendees.length > 0,
    meetingDate: when ? formatMeetingDate(lang, when) : '',
    meetingPlace: meeting.place ?? '',
    commitments,
    hasCommitments: commitments.length > 0,
    stance: dictionaries[lang][`officials.admin.stance.${stance}`],
    nextSteps: meeting.nextSteps ?? '',
    debriefNotes: meeting.debriefNotes ?? '',
  };
}

/** "2027-01-12" or "2027-01-12T10:00" (the meeting's own wall-clock time) in words. */
export function formatMeetingDate(lang: Lang, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(lang, `${value}T12:00:00Z`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return formatDate(lang, `${value}:00Z`, true);
  return value;
}

/** Renders one of the meeting templates for a meeting, ready for the sender to read and edit. */
export async function prepareMeetingEmail(
  db: Db,
  env: Pick<Env, 'ORG_NAME'>,
  kind: MeetingTemplateKind,
  official: Official,
  meeting: Meeting | (MeetingRequestDetails & { officialLang: Lang }),
  lang: Lang,
): Promise<{ subject: string; text: string }> {
  const template = await loadMeetingTemplate(db, kind, lang);
  const commitments = 'id' in meeting ? await commitmentsForTemplate(db, meeting.id) : [];
  return renderMeetingTemplate(template, mergeDataFor(official, meeting, lang, env.ORG_NAME, commitments));
}

async function commitmentsForTemplate(db: Db, meetingId: string): Promise<{ text: string; bill: string }[]> {
  return (await commitmentsWithBills(db, meetingId)).map((row) => ({ text: row.text, bill: row.bill ?? '' }));
}

/** A commitment as pages show it. */
export type CommitmentView = MeetingCommitment & { bill: string | null };

/** The commitments of a meeting with their bill identifiers, for pages. */
export async function commitmentsWithBills(db: Db, meetingId: string): Promise<CommitmentView[]> {
  const rows = await listCommitments(db, meetingId);
  const bills = await billIdentifiers(
    db,
    rows.flatMap((row) => (row.billId ? [row.billId] : [])),
  );
  return rows.map((row) => ({ ...row, bill: row.billId ? (bills.get(row.billId) ?? null) : null }));
}

/** What a meeting's private page shows beside the meeting itself. */
export interface MeetingRecordData {
  commitments: CommitmentView[];
  /** The bills a commitment can name, while the meeting can be recorded. */
  bills: BillChoice[];
  /** The attendee-list email as it would go now, while it can be sent. */
  attendeeList: { subject: string; text: string } | null;
}

/** Loads what a meeting's private page shows for the meeting's current status. */
export async function loadMeetingRecord(
  db: Db,
  env: Pick<Env, 'ORG_NAME'>,
  meeting: Meeting,
  official: Official,
): Promise<MeetingRecordData> {
  const [commitments, bills, attendeeList] = await Promise.all([
    commitmentsWithBills(db, meeting.id),
    canDo('record', meeting.status) ? listBillChoices(db, official.state) : Promise.resolve([]),
    canDo('sendAttendeeList', meeting.status)
      ? prepareMeetingEmail(db, env, 'attendees', official, meeting, meeting.officialLang)
      : Promise.resolve(null),
  ]);
  return { commitments, bills, attendeeList };
}
