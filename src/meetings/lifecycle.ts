// The meeting loop the toolkit describes, as functions: request (confirmed by the sender before
// anything goes), schedule, attendee list, record what happened, thank-you, report-back. Each change
// and the email it causes are one db.batch, so both are stored or neither is.
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { dispatchEmails, queueEmail, type EmailRequest } from '../email/outbox';
import { dispatchWebhooks } from '../webhooks/delivery';
import { DAY } from '../lib/time';
import { hashToken, newId, newToken } from '../lib/tokens';
import { absoluteUrl } from '../lib/urls';
import type { Official } from '../officials/schema';
import { logEvent } from '../lib/log';
import type { Lang } from '../lib/i18n';
import {
  claimConfirmationSlot,
  countRequestsSentSince,
  findMeetingByOrigin,
  insertHeldMeeting,
  insertMeetingRequest,
  markRequestSent,
  readConfirmationState,
  storeMeetingOutcome,
  updateMeetingIfAllowed,
  updateMeetingWithEmail,
  type MeetingOutcome,
  type NewMeeting,
} from './queries';
import { prepareMeetingEmail, type MeetingRequestDetails } from './merge-data';
import { countRequestsStartedSince } from './queries';
import type { Meeting, MeetingAttendee, MeetingSource } from './schema';
import { LIMITS, canDo, type MeetingAction } from './status';

export type { CommitmentInput, MeetingOutcome } from './queries';

type MailEnv = Pick<Env, 'ORG_NAME' | 'PUBLIC_URL' | 'EMAIL_QUEUE' | 'WEBHOOK_QUEUE'>;

/** The sender's private page for a meeting (also the confirmation link). */
export function meetingUrl(env: Pick<Env, 'PUBLIC_URL'>, token: string): string {
  return absoluteUrl(env, `/meetings/m/${token}`);
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
  await insertMeetingRequest(
    db,
    {
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
    },
    email.statement,
  );
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
    const claimed = await claimConfirmationSlot(db, meeting, at - DAY, at);
    if (!claimed) {
      const row = await readConfirmationState(db, meeting.id);
      if (row && (row.status !== 'unconfirmed' || row.confirmedAt !== null)) return 'already_sent';
      const sentBySender = await countRequestsSentSince(db, meeting.senderEmail, at - DAY);
      return sentBySender >= LIMITS.senderSendsPerDay ? 'sender_limit' : 'official_limit';
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
  await markRequestSent(db, meeting.id, email.statement, at);
  await dispatchEmails(env, [email.id]);
  await dispatchWebhooks(db, env, at);
  logEvent('info', 'meetings.request_sent', { meetingId: meeting.id, officialId: official.id });
  return 'sent';
}

/** One email of the meeting loop: the step it is, where it goes, and what the meeting records. */
interface SenderEmail {
  action: MeetingAction;
  /** Null or empty when there is nowhere to send it (no official email, no coalition address). */
  to: string | null | undefined;
  id: string;
  lang: EmailRequest['lang'];
  content: { subject: string; text: string };
  record: Partial<NewMeeting>;
  at: number;
}

/**
 * Sends an email the sender stands behind (Reply-To them, a copy to them) and records it on the
 * meeting in the same batch. The fixed id keeps a double click to one email. False when the
 * meeting's status does not allow the step or there is nowhere to send it.
 */
async function sendForSender(db: Db, env: MailEnv, meeting: Meeting, email: SenderEmail): Promise<boolean> {
  if (!canDo(email.action, meeting.status) || !email.to) return false;
  const { at } = email;
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
  await updateMeetingWithEmail(db, meeting, email.action, email.record, queued.statement, at);
  await dispatchEmails(env, [queued.id]);
  return true;
}

/** Changes a meeting when its status allows the step (checked here and again by the update itself). */
async function changeIfAllowed(
  db: Db,
  meeting: Meeting,
  action: MeetingAction,
  at: number,
  changes: Partial<NewMeeting>,
): Promise<boolean> {
  if (!canDo(action, meeting.status)) return false;
  return updateMeetingIfAllowed(db, meeting, action, changes, at);
}

/** The official agreed to meet: date (YYYY-MM-DDTHH:MM, the meeting's local time) and place. */
export async function scheduleMeeting(
  db: Db,
  meeting: Meeting,
  input: { scheduledFor: string; place: string },
  at = Date.now(),
): Promise<boolean> {
  return changeIfAllowed(db, meeting, 'schedule', at, {
    status: 'scheduled',
    scheduledFor: input.scheduledFor,
    place: input.place,
  });
}

/** The official declined (or never answered and the sender gave up). */
export async function declineMeeting(
  db: Db,
  meeting: Meeting,
  note: string | null,
  at = Date.now(),
): Promise<boolean> {
  return changeIfAllowed(db, meeting, 'decline', at, {
    status: 'declined',
    declinedAt: at,
    declineNote: note,
  });
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
  return sendForSender(db, env, meeting, {
    action: 'sendAttendeeList',
    to: official.email,
    id: `meeting-attendees-${meeting.id}-${(meeting.scheduledFor ?? '').replace(/[^0-9]/g, '')}`,
    lang: meeting.officialLang,
    content: { subject, text },
    record: { attendeeListSentAt: at },
    at,
  });
}

/** Records (or corrects) what happened: the meeting becomes held, commitments are replaced. */
export async function recordMeetingOutcome(
  db: Db,
  meeting: Meeting,
  outcome: MeetingOutcome,
  at = Date.now(),
): Promise<boolean> {
  if (!canDo('record', meeting.status)) return false;
  await storeMeetingOutcome(db, meeting, outcome, at);
  return true;
}

/**
 * Sends what the sender edited: the thank-you to the official (restating the commitments; the
 * meeting becomes thanked), or the report-back to the coalition (COALITION_EMAIL). False when the
 * meeting's status does not allow it or there is nowhere to send it.
 */
export async function sendEditedEmail(
  db: Db,
  env: MailEnv & Pick<Env, 'COALITION_EMAIL'>,
  { meeting, official }: { meeting: Meeting; official: Official },
  kind: 'thanks' | 'report',
  edited: { subject: string; text: string },
  at = Date.now(),
): Promise<boolean> {
  const email =
    kind === 'thanks'
      ? {
          action: 'sendThanks' as const,
          to: official.email,
          lang: meeting.officialLang,
          record: {
            status: 'thanked' as const,
            thankYouSubject: edited.subject,
            thankYouText: edited.text,
            thankedAt: at,
          },
        }
      : {
          action: 'sendReport' as const,
          to: env.COALITION_EMAIL,
          lang: meeting.senderLang,
          record: { reportBackSentAt: at },
        };
  return sendForSender(db, env, meeting, {
    ...email,
    id: `meeting-${kind}-${meeting.id}`,
    content: edited,
    at,
  });
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
  const existing = await findMeetingByOrigin(db, input.source, input.originRef);
  if (existing) return { meetingId: existing.id, created: false, privateUrl: null };
  const id = newId();
  const token = newToken();
  const row: NewMeeting & { id: string } = {
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
  };
  try {
    await insertHeldMeeting(db, row, input, shareLink(id, meetingUrl(env, token)), at);
  } catch (error) {
    // A concurrent call won the unique (source, origin_ref): the whole batch was rolled back.
    const winner = await findMeetingByOrigin(db, input.source, input.originRef);
    if (winner) return { meetingId: winner.id, created: false, privateUrl: null };
    throw error;
  }
  return { meetingId: id, created: true, privateUrl: meetingUrl(env, token) };
}
