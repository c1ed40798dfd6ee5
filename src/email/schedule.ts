// What the hourly job will send, and what it sent: each feature describes its scheduled emails
// (reminders, debrief invitations, digests) as ScheduledSend rows; the outbox page and the feature's
// own pages show them with a state derived here. Plain data and one decision, no queries.
import type { MessageKey, MessageParams } from '../lib/i18n';
import type { OutboxStatus } from './queries';

/** Outbox rows per status, all zero. */
export function noEmails(): Record<OutboxStatus, number> {
  return { pending: 0, sending: 0, sent: 0, failed: 0, suppressed: 0 };
}

/** One scheduled email to a group of people, as organizers see it. */
export interface ScheduledSend {
  /** Stable and unique, e.g. `days-reminder-7:<dayId>`. */
  key: string;
  /** What it is, in the organizer's language (e.g. "7-day reminder: {title}"). */
  label: MessageKey;
  labelParams: MessageParams;
  /** The organizer page it belongs to. */
  href: string | null;
  /** The time zone its time is shown in (the day's); UTC when absent. */
  zone?: string;
  /** From when it is due: the first hourly run after this sends it. */
  dueAt: number;
  /** After this nothing more of it goes out (the day started, the next reminder took over). */
  closesAt: number | null;
  /** Why nothing goes out even when due (a draft day), or null. */
  held: MessageKey | null;
  /** Whom it is for: for a send not yet due, whom it would reach if it were due now. */
  recipients: number;
  /** How many of them the job has handled (emailed, or skipped because there was nothing for them). */
  handled: number;
  /** Its emails in the outbox, by status. */
  emails: Record<OutboxStatus, number>;
}

/** Where a scheduled send stands. */
export type ScheduledSendState = 'held' | 'scheduled' | 'due' | 'sending' | 'failed' | 'done' | 'missed';

/**
 * The state of a scheduled send at `now`: failures and emails still on their way first (an organizer
 * must see them), then whether it is waiting for its time, for the next hourly run, or finished.
 */
export function scheduledSendState(send: ScheduledSend, now: number): ScheduledSendState {
  if (send.emails.failed > 0) return 'failed';
  if (send.emails.pending + send.emails.sending > 0) return 'sending';
  if (send.handled > 0 && send.handled >= send.recipients) return 'done';
  const closed = send.closesAt !== null && now >= send.closesAt;
  if (closed) return send.handled > 0 ? 'done' : send.recipients > 0 ? 'missed' : 'done';
  if (send.held) return 'held';
  if (now < send.dueAt) return 'scheduled';
  return send.recipients > 0 ? 'due' : 'done';
}

/** The next time the hourly job runs after `now` (on the hour, UTC; see [triggers] in wrangler.toml). */
export function nextHourlyRun(now: number): number {
  const hour = 3_600_000;
  return Math.floor(now / hour) * hour + hour;
}
