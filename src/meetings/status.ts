// Where a meeting can go next: plain decisions, tested without a server.
import type { Meeting, MeetingStatus } from './schema';
import { DAY } from '../lib/time';

/** What a sender (or an organizer) can do to a meeting record. */
export type MeetingAction =
  'confirm' | 'schedule' | 'sendAttendeeList' | 'record' | 'sendThanks' | 'sendReport' | 'decline';

const ALLOWED: Record<MeetingAction, readonly MeetingStatus[]> = {
  confirm: ['unconfirmed'],
  // Rescheduling is scheduling again.
  schedule: ['requested', 'scheduled'],
  sendAttendeeList: ['scheduled'],
  // A meeting can happen without being scheduled here first (a call, a hallway at the capitol);
  // recording again while held corrects the record.
  record: ['requested', 'scheduled', 'held'],
  sendThanks: ['held'],
  sendReport: ['held', 'thanked'],
  decline: ['requested', 'scheduled'],
};

/** True when the action makes sense for a meeting in this status. */
export function canDo(action: MeetingAction, status: MeetingStatus): boolean {
  return ALLOWED[action].includes(status);
}

/** The statuses from which an action is allowed (used as the WHERE of the update). */
export function statusesAllowing(action: MeetingAction): MeetingStatus[] {
  return [...ALLOWED[action]];
}

/** The status after an action. */
export function statusAfter(action: MeetingAction, status: MeetingStatus): MeetingStatus {
  switch (action) {
    case 'confirm':
      return 'requested';
    case 'schedule':
      return 'scheduled';
    case 'record':
      return 'held';
    case 'sendThanks':
      return 'thanked';
    case 'decline':
      return 'declined';
    case 'sendAttendeeList':
    case 'sendReport':
      return status;
  }
}

/** An unconfirmed request can be confirmed for this long; after that the link no longer sends. */
export const CONFIRM_WITHIN_MS = 7 * DAY;

/** True when an unconfirmed request is too old to send. */
export function isConfirmationExpired(meeting: Pick<Meeting, 'status' | 'createdAt'>, at: number): boolean {
  return meeting.status === 'unconfirmed' && at - meeting.createdAt > CONFIRM_WITHIN_MS;
}

/** A meeting is over once thanked or declined: the moment it became so, or null while it is not. */
export function meetingClosedAt(
  meeting: Pick<Meeting, 'status' | 'thankedAt' | 'declinedAt'>,
): number | null {
  if (meeting.status === 'thanked') return meeting.thankedAt;
  if (meeting.status === 'declined') return meeting.declinedAt;
  return null;
}

/** The same moment in SQL, for the retention job's WHERE (null while the meeting is not over). */
export const MEETING_CLOSED_AT_SQL = `(case status when 'thanked' then thanked_at when 'declined' then declined_at end)`;

/** The sender's private link works this long after the meeting is over (for the report-back). */
export const MEETING_LINK_GRACE_MS = 30 * DAY;

/** True when a meeting's private link has ended: the meeting is over, plus the grace period. */
export function isMeetingLinkEnded(
  meeting: Pick<Meeting, 'status' | 'thankedAt' | 'declinedAt'>,
  at: number,
): boolean {
  const closedAt = meetingClosedAt(meeting);
  return closedAt !== null && at > closedAt + MEETING_LINK_GRACE_MS;
}

/** Requests never confirmed are deleted this long after they were made. */
export const UNCONFIRMED_REQUEST_RETENTION_MS = 30 * DAY;

/** Phones, attendees' contacts and stories are cleared this long after a meeting is over. */
export const CLOSED_MEETING_CONTACTS_RETENTION_MS = 90 * DAY;

/** Flood limits: requests a sender may start per day, and requests one official receives per day. */
export const LIMITS = {
  /** New requests (confirmed or not) from one email address in 24 hours. */
  senderStartsPerDay: 5,
  /** Requests sent (confirmed) by one email address in 24 hours, to anyone. */
  senderSendsPerDay: 3,
  /** Requests sent to one official in 24 hours, from everyone. */
  officialReceivesPerDay: 5,
} as const;
