// The meeting loop the toolkit describes, as functions: request (confirmed by the sender before
// anything goes), schedule, attendee list, record what happened, thank-you, report-back. Each change
// and the email it causes are one db.batch, so both are stored or neither is.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { dispatchEmails, queueEmail, type EmailRequest } from '../email/outbox';
import { DAY } from '../lib/time';
import { hashToken, newId, newToken } from '../lib/tokens';
import { formalName, titleLabel } from '../officials/links';
import { powerMapEntries, type Official, type Stance } from '../officials/schema';
import { dictionaries } from '../messages';
import { logEvent } from '../lib/log';
import { formatDate, translator, type Lang } from '../lib/i18n';
import { billIdentifiers, countRequestsStartedSince, listCommitments } from './queries';
import {
  meetingCommitments,
  meetings,
  type Meeting,
  type MeetingAttendee,
  type MeetingCommitment,
  type MeetingSource,
  type MeetingTemplateKind,
} from './schema';
import { LIMITS, canDo, statusesAllowing, type MeetingAction } from './status';
import { loadMeetingTemplate, purposeLine, renderMeetingTemplate, type MeetingMergeData } from './templates';

type MailEnv = Pick<Env, 'ORG_NAME' | 'PUBLIC_URL' | 'EMAIL_QUEUE'>;

/** The sender's private page for a meeting (also the confirmation link). */
export function meetingUrl(env: Pick<Env, 'PUBLIC_URL'>, token: string): string {
  return `${env.PUBLIC_URL}/meetings/m/${token}`;
}

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

/** What became of a new request. */
export type CreateRequestResult = { status: 'created'; meetingId: string } | { status: 'sender_limit' };

/**
 * Stores a meeting request the sender approved (subject and text as they edited them) and emails
 * them the confirmation link. Nothing goes to the official until they confirm.
 */
export async function createMeetingRequest(
  db: Db,
  env: MailEnv,
  input: {
    official: Official;
    details: MeetingRequestDetails;
    subject: string;
    text: string;
    senderLang: Lang;
  },
  at = Date.now(),
): Promise<CreateRequestResult> {
  const started = await countRequestsStartedSince(db, input.details.senderEmail, at - DAY);
  if (started >= LIMITS.senderStartsPerDay) return { status: 'sender_limit' };
  const id = newId();
  const token = newToken();
  const email = queueEmail(
    db,
    env,
    {
      id: `meeting-confirm-${id}`,
      to: input.details.senderEmail,
      lang: input.senderLang,
      template: 'meetings-confirm',
      data: {
        senderName: input.details.senderName,
        officialName: input.official.name,
        meetingUrl: meetingUrl(env, token),
      },
    },
    at,
  );
  await db.batch([
    db.insert(meetings).values({
      id,
      officialId: input.official.id,
      status: 'unconfirmed',
      source: 'request',
      campaign: input.details.campaign ?? null,
      tokenHash: await hashToken(token),
      senderName: input.details.senderName,
      senderEmail: input.details.senderEmail,
      senderPhone: input.details.senderPhone,
      senderLang: input.senderLang,
      groupName: input.details.groupName,
      city: input.details.city,
      purpose: input.details.purpose,
      proposedDates: input.details.proposedDates,
      attendees: input.details.attendees,
      story: input.details.story,
      officialLang: input.official.lang,
      requestSubject: input.subject,
      requestText: input.text,
      createdAt: at,
      updatedAt: at,
    }),
    email.statement,
  ]);
  await dispatchEmails(env, [email.id]);
  logEvent('info', 'meetings.request_created', { meetingId: id, officialId: input.official.id });
  return { status: 'created', meetingId: id };
}

/** What confirming did. */
export type ConfirmResult = 'sent' | 'already_sent' | 'official_limit' | 'sender_limit' | 'not_allowed';

/**
 * The sender confirmed their address: the request goes to the official (Reply-To the sender, a copy
 * to the sender). The daily limits are checked and the slot taken in one conditional statement, so
 * concurrent confirmations cannot exceed them.
 */
export async function confirmMeetingRequest(
  db: Db,
  env: MailEnv,
  meeting: Meeting,
  official: Official,
  at = Date.now(),
): Promise<ConfirmResult> {
  if (meeting.status !== 'unconfirmed') return 'already_sent';
  if (!official.email || !official.inOffice) return 'not_allowed';
  if (meeting.confirmedAt === null) {
    const claimed = await db
      .update(meetings)
      .set({ confirmedAt: at, updatedAt: at })
      .where(
        and(
          eq(meetings.id, meeting.id),
          eq(meetings.status, 'unconfirmed'),
          isNull(meetings.confirmedAt),
          sql`(select count(*) from meetings m where m.official_id = ${meeting.officialId} and m.confirmed_at >= ${at - DAY}) < ${LIMITS.officialReceivesPerDay}`,
          sql`(select count(*) from meetings m where m.sender_email = ${meeting.senderEmail} and m.confirmed_at >= ${at - DAY}) < ${LIMITS.senderSendsPerDay}`,
        ),
      )
      .returning({ id: meetings.id });
    if (claimed.length === 0) {
      const [row] = await db
        .select({ status: meetings.status, confirmedAt: meetings.confirmedAt })
        .from(meetings)
        .where(eq(meetings.id, meeting.id));
      if (row && (row.status !== 'unconfirmed' || row.confirmedAt !== null)) return 'already_sent';
      const [bySender] = await db
        .select({ count: sql<number>`count(*)` })
        .from(meetings)
        .where(
          and(eq(meetings.senderEmail, meeting.senderEmail), sql`${meetings.confirmedAt} >= ${at - DAY}`),
        );
      return (bySender?.count ?? 0) >= LIMITS.senderSendsPerDay ? 'sender_limit' : 'official_limit';
    }
  }
  // A slot taken by an earlier attempt that failed before the batch is reused here.
  const email = queueEmail(
    db,
    env,
    {
      id: `meeting-request-${meeting.id}`,
      to: official.email,
      lang: meeting.officialLang,
      personal: { subject: meeting.requestSubject, text: meeting.requestText },
      replyTo: meeting.senderEmail,
      cc: [meeting.senderEmail],
    },
    at,
  );
  await db.batch([
    db
      .update(meetings)
      .set({ status: 'requested', updatedAt: at })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.status, 'unconfirmed'))),
    email.statement,
  ]);
  await dispatchEmails(env, [email.id]);
  logEvent('info', 'meetings.request_sent', { meetingId: meeting.id, officialId: official.id });
  return 'sent';
}

function statusGuard(meeting: Meeting, action: MeetingAction) {
  return and(eq(meetings.id, meeting.id), inArray(meetings.status, statusesAllowing(action)));
}

/**
 * Sends an email the sender stands behind (Reply-To them, a copy to them) and records it on the
 * meeting in the same batch. The fixed id keeps a double click to one email.
 */
async function sendForSender(
  db: Db,
  env: MailEnv,
  meeting: Meeting,
  action: MeetingAction,
  email: { id: string; to: string; lang: EmailRequest['lang']; content: { subject: string; text: string } },
  record: Partial<typeof meetings.$inferInsert>,
  at: number,
): Promise<void> {
  const queued = queueEmail(
    db,
    env,
    {
      id: email.id,
      to: email.to,
      lang: email.lang,
      personal: email.content,
      replyTo: meeting.senderEmail,
      cc: [meeting.senderEmail],
    },
    at,
  );
  await db.batch([
    db
      .update(meetings)
      .set({ ...record, updatedAt: at })
      .where(statusGuard(meeting, action)),
    queued.statement,
  ]);
  await dispatchEmails(env, [queued.id]);
}

/** The official agreed to meet: date (YYYY-MM-DDTHH:MM, the meeting's local time) and place. */
export async function scheduleMeeting(
  db: Db,
  meeting: Meeting,
  input: { scheduledFor: string; place: string },
  at = Date.now(),
): Promise<boolean> {
  if (!canDo('schedule', meeting.status)) return false;
  const updated = await db
    .update(meetings)
    .set({ status: 'scheduled', scheduledFor: input.scheduledFor, place: input.place, updatedAt: at })
    .where(statusGuard(meeting, 'schedule'))
    .returning({ id: meetings.id });
  return updated.length > 0;
}

/** The official declined (or never answered and the sender gave up). */
export async function declineMeeting(
  db: Db,
  meeting: Meeting,
  note: string | null,
  at = Date.now(),
): Promise<boolean> {
  if (!canDo('decline', meeting.status)) return false;
  const updated = await db
    .update(meetings)
    .set({ status: 'declined', declinedAt: at, declineNote: note, updatedAt: at })
    .where(statusGuard(meeting, 'decline'))
    .returning({ id: meetings.id });
  return updated.length > 0;
}

/**
 * Sends the toolkit's follow-up listing everyone attending with their contacts, rendered from the
 * attendee-list template. Once per scheduled date (re-scheduling allows sending it again).
 */
export async function sendAttendeeList(
  db: Db,
  env: MailEnv,
  meeting: Meeting,
  official: Official,
  at = Date.now(),
): Promise<boolean> {
  if (!canDo('sendAttendeeList', meeting.status) || !official.email) return false;
  const { subject, text } = await prepareMeetingEmail(
    db,
    env,
    'attendees',
    official,
    meeting,
    meeting.officialLang,
  );
  await sendForSender(
    db,
    env,
    meeting,
    'sendAttendeeList',
    {
      id: `meeting-attendees-${meeting.id}-${(meeting.scheduledFor ?? '').replace(/[^0-9]/g, '')}`,
      to: official.email,
      lang: meeting.officialLang,
      content: { subject, text },
    },
    { attendeeListSentAt: at },
    at,
  );
  return true;
}

/** One commitment as recorded after a meeting. */
export interface CommitmentInput {
  text: string;
  billId?: string | null;
  followUpOn?: string | null;
}

/** What happened in a meeting, recorded after the debrief. */
export interface MeetingOutcome {
  heldOn: string;
  stancePerceived: Stance;
  nextSteps: string | null;
  debriefNotes: string | null;
  commitments: CommitmentInput[];
}

/**
 * The power-map entry a meeting's outcome writes (one per meeting, corrected with the outcome): the
 * stance perceived, dated the day it was held. "Unknown" is no reading, so it removes the entry.
 */
function powerMapStatement(
  db: Db,
  meetingId: string,
  officialId: string,
  outcome: MeetingOutcome,
  at: number,
) {
  if (outcome.stancePerceived === 'unknown')
    return db.delete(powerMapEntries).where(eq(powerMapEntries.meetingId, meetingId));
  return db
    .insert(powerMapEntries)
    .values({
      id: `meeting-${meetingId}`,
      officialId,
      stance: outcome.stancePerceived,
      notedOn: outcome.heldOn,
      note: null,
      organizerId: null,
      meetingId,
      createdAt: at,
    })
    .onConflictDoUpdate({
      target: powerMapEntries.id,
      set: { stance: outcome.stancePerceived, notedOn: outcome.heldOn, updatedAt: at },
    });
}

function outcomeStatements(
  db: Db,
  meetingId: string,
  officialId: string,
  outcome: MeetingOutcome,
  at: number,
): BatchItem<'sqlite'>[] {
  return [
    powerMapStatement(db, meetingId, officialId, outcome, at),
    db.delete(meetingCommitments).where(eq(meetingCommitments.meetingId, meetingId)),
    ...outcome.commitments.map((commitment, position) =>
      db.insert(meetingCommitments).values({
        id: newId(),
        meetingId,
        position,
        text: commitment.text,
        billId: commitment.billId ?? null,
        followUpOn: commitment.followUpOn ?? null,
        createdAt: at,
      }),
    ),
  ];
}

/** Records (or corrects) what happened: the meeting becomes held, commitments are replaced. */
export async function recordMeetingOutcome(
  db: Db,
  meeting: Meeting,
  outcome: MeetingOutcome,
  at = Date.now(),
): Promise<boolean> {
  if (!canDo('record', meeting.status)) return false;
  await db.batch([
    db
      .update(meetings)
      .set({
        status: 'held',
        heldOn: outcome.heldOn,
        stancePerceived: outcome.stancePerceived,
        nextSteps: outcome.nextSteps,
        debriefNotes: outcome.debriefNotes,
        updatedAt: at,
      })
      .where(statusGuard(meeting, 'record')),
    ...outcomeStatements(db, meeting.id, meeting.officialId, outcome, at),
  ]);
  return true;
}

/** Sends the thank-you the sender edited (restating the commitments) and marks the meeting thanked. */
export async function sendThankYou(
  db: Db,
  env: MailEnv,
  meeting: Meeting,
  official: Official,
  edited: { subject: string; text: string },
  at = Date.now(),
): Promise<boolean> {
  if (!canDo('sendThanks', meeting.status) || !official.email) return false;
  await sendForSender(
    db,
    env,
    meeting,
    'sendThanks',
    { id: `meeting-thanks-${meeting.id}`, to: official.email, lang: meeting.officialLang, content: edited },
    { status: 'thanked', thankYouSubject: edited.subject, thankYouText: edited.text, thankedAt: at },
    at,
  );
  return true;
}

/** Sends the report-back the sender edited to the coalition (COALITION_EMAIL); false when none is set. */
export async function sendReportBack(
  db: Db,
  env: MailEnv & Pick<Env, 'COALITION_EMAIL'>,
  meeting: Meeting,
  edited: { subject: string; text: string },
  at = Date.now(),
): Promise<boolean> {
  if (!canDo('sendReport', meeting.status) || !env.COALITION_EMAIL) return false;
  await sendForSender(
    db,
    env,
    meeting,
    'sendReport',
    {
      id: `meeting-report-${meeting.id}`,
      to: env.COALITION_EMAIL,
      lang: meeting.senderLang,
      content: edited,
    },
    { reportBackSentAt: at },
    at,
  );
  return true;
}

/** A meeting that already happened, recorded by another feature (an advocacy-day debrief). */
export interface HeldMeetingInput extends MeetingOutcome {
  officialId: string;
  senderName: string;
  senderEmail: string;
  senderPhone?: string | null;
  senderLang: Lang;
  groupName: string;
  city: string;
  purpose: string;
  attendees?: MeetingAttendee[];
  campaign?: string | null;
  /** Where it came from; with `originRef` it makes the call idempotent. */
  source: Exclude<MeetingSource, 'request'>;
  /** A stable reference in the calling feature, e.g. `advocacy-day:<dayId>:<teamId>`. */
  originRef: string;
}

/**
 * Records a meeting that was held without a request through this site, e.g. from an advocacy-day
 * debrief, with its commitments. Idempotent on (source, originRef): a second call changes nothing
 * and returns `created: false`. When created, `privateUrl` is the sender's private page (where the
 * thank-you and the report-back are prepared); it is not stored anywhere, so `shareLink` returns the
 * statements that email it (run in the same batch as the record: the link cannot be lost).
 * @example await recordHeldMeeting(db, env, { officialId, senderName, ..., source: 'advocacy_day', originRef: `advocacy-day:${day.id}:${team.id}`, heldOn: '2027-02-14', stancePerceived: 'ally', commitments: [{ text: 'Will co-sponsor HB 1105' }], nextSteps: null, debriefNotes: null })
 */
export async function recordHeldMeeting(
  db: Db,
  env: Pick<Env, 'PUBLIC_URL'>,
  input: HeldMeetingInput,
  at = Date.now(),
  shareLink: (meetingId: string, privateUrl: string) => BatchItem<'sqlite'>[] = () => [],
): Promise<{ meetingId: string; created: boolean; privateUrl: string | null }> {
  const [existing] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.source, input.source), eq(meetings.originRef, input.originRef)))
    .limit(1);
  if (existing) return { meetingId: existing.id, created: false, privateUrl: null };
  const id = newId();
  const token = newToken();
  const insert = db.insert(meetings).values({
    id,
    officialId: input.officialId,
    status: 'held',
    source: input.source,
    originRef: input.originRef,
    campaign: input.campaign ?? null,
    tokenHash: await hashToken(token),
    senderName: input.senderName,
    senderEmail: input.senderEmail,
    senderPhone: input.senderPhone ?? null,
    senderLang: input.senderLang,
    groupName: input.groupName,
    city: input.city,
    purpose: input.purpose,
    proposedDates: null,
    attendees: input.attendees ?? [],
    requestSubject: '',
    requestText: '',
    heldOn: input.heldOn,
    stancePerceived: input.stancePerceived,
    nextSteps: input.nextSteps,
    debriefNotes: input.debriefNotes,
    createdAt: at,
    updatedAt: at,
  });
  try {
    await db.batch([
      insert,
      ...outcomeStatements(db, id, input.officialId, input, at),
      ...shareLink(id, meetingUrl(env, token)),
    ]);
  } catch (error) {
    // A concurrent call won the unique (source, origin_ref): the whole batch was rolled back.
    const [winner] = await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.source, input.source), eq(meetings.originRef, input.originRef)));
    if (winner) return { meetingId: winner.id, created: false, privateUrl: null };
    throw error;
  }
  return { meetingId: id, created: true, privateUrl: meetingUrl(env, token) };
}

/** The commitments of a meeting with their bill identifiers, for pages. */
export async function commitmentsWithBills(
  db: Db,
  meetingId: string,
): Promise<(MeetingCommitment & { bill: string | null })[]> {
  const rows = await listCommitments(db, meetingId);
  const bills = await billIdentifiers(
    db,
    rows.flatMap((row) => (row.billId ? [row.billId] : [])),
  );
  return rows.map((row) => ({ ...row, bill: row.billId ? (bills.get(row.billId) ?? null) : null }));
}
