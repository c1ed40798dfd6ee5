// This feature's scheduled work: reminders, debrief invitations, retention, seat holds and missed
// promotion notices, and the figures of its scheduled emails for the outbox page.
import type { BatchItem } from 'drizzle-orm/batch';
import { getDb, type Db } from '../db';
import { runBatch } from '../db/batch';
import { dispatchEmails, queueEmail } from '../email/outbox';
import type { ScheduledSend } from '../email/schedule';
import { scheduledJob, type ScheduledJob } from '../lib/jobs';
import { DAY } from '../lib/time';
import { logEvent } from '../lib/log';
import { dueReminders, RETENTION_MS } from './decisions';
import { debriefInviteEmail, reminderEmail } from './emails';
import { isGathering } from './kinds';
import { listDaysEndedWithin, listDaysStartingWithin, listDaysWithScheduledSends } from './queries/days';
import { deleteEndedRegistrationLinks, newLinkStatement } from './queries/links';
import {
  erasePhonesAndAddresses,
  listDaysWithUntoldPromotions,
  listDebriefInvitees,
  listReminderCandidates,
  markDebriefInvitedStatement,
  markReminderSentStatement,
} from './queries/registrations';
import { daySendFigures } from './queries/schedule';
import { notifyPromotions, releaseExpiredHolds } from './registration';
import type { AdvocacyDay } from './schema';

type MailEnv = Pick<Env, 'PUBLIC_URL' | 'ORG_NAME' | 'MAIL_FROM' | 'EMAIL_QUEUE' | 'WEBHOOK_QUEUE'>;

/**
 * Sends the 7-day and 1-day reminders that are due. Each is sent once: the reminder's sent-at is set
 * in the same batch as the email, only where it is still empty, and the outbox id is deterministic
 * (`days-reminder-7:<registrationId>`), so a job that runs twice, or twice at once, stores one email.
 */
export async function sendDueReminders(db: Db, env: MailEnv, at: number): Promise<number> {
  const ids: string[] = [];
  for (const day of await listDaysStartingWithin(db, at, 7 * DAY + DAY)) {
    for (const { registration: person, team } of await listReminderCandidates(db, day.id)) {
      const due = dueReminders(
        {
          startsAt: day.startsAt,
          seatSince: person.promotedAt ?? person.createdAt,
          reminder7SentAt: person.reminder7SentAt,
          reminder1SentAt: person.reminder1SentAt,
        },
        at,
      );
      for (const daysBefore of due) {
        const link = await newLinkStatement(db, person.id, at);
        const email = queueEmail(db, env, reminderEmail(env, day, person, team, link.token, daysBefore), at);
        const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
          email.statement,
          link.statement,
          markReminderSentStatement(db, person.id, daysBefore, at),
        ];
        await runBatch(db, statements);
        ids.push(email.id);
      }
    }
  }
  await dispatchEmails(env, ids);
  if (ids.length) logEvent('info', 'days.reminders_sent', { count: ids.length });
  return ids.length;
}

/** How long after a day the debrief invitations still go out (a job missed for hours catches up). */
const DEBRIEF_INVITE_WINDOW = 3 * DAY;

/**
 * After a day ends, asks everyone who checked in for a debrief, once. A gathering has no meetings
 * with legislators to debrief, so nobody is asked.
 */
export async function sendDebriefInvites(db: Db, env: MailEnv, at: number): Promise<number> {
  const ids: string[] = [];
  const ended = await listDaysEndedWithin(db, at, DEBRIEF_INVITE_WINDOW);
  for (const day of ended.filter((day) => !isGathering(day))) {
    for (const person of await listDebriefInvitees(db, day.id)) {
      const link = await newLinkStatement(db, person.id, at);
      const email = queueEmail(db, env, debriefInviteEmail(env, day, person, link.token), at);
      await runBatch(db, [email.statement, link.statement, markDebriefInvitedStatement(db, person.id, at)]);
      ids.push(email.id);
    }
  }
  await dispatchEmails(env, ids);
  return ids.length;
}

/** Deletes phone numbers and street addresses 90 days after a day; districts stay for the report. */
export async function deleteExpiredPersonalData(db: Db, at: number): Promise<number> {
  const count = await erasePhonesAndAddresses(db, at - RETENTION_MS, at);
  if (count > 0) logEvent('info', 'days.personal_data_deleted', { count });
  const links = await deleteEndedRegistrationLinks(db, at);
  if (links > 0) logEvent('info', 'days.links_ended', { count: links });
  return count;
}

/** Tells promoted people whose notice was not sent (a failure after the promotion). */
export async function sendMissedPromotionNotices(db: Db, env: MailEnv, at: number): Promise<number> {
  const days = await listDaysWithUntoldPromotions(db, at - 60_000);
  let sent = 0;
  for (const day of days) sent += await notifyPromotions(db, env, day, at);
  return sent;
}

/** A day's scheduled emails (7-day and 1-day reminders, debrief invitations) and where each stands. */
export async function scheduledSendsOfDay(db: Db, day: AdvocacyDay): Promise<ScheduledSend[]> {
  const figures = await daySendFigures(db, day);
  const common = { labelParams: { title: day.title }, href: `/admin/days/${day.id}`, zone: day.timeZone };
  // Reminders go out for published days only (daysStartingWithin); a draft holds them.
  const held = day.status === 'published' ? null : ('days.schedule.heldDraft' as const);
  const sends: ScheduledSend[] = [
    {
      ...common,
      key: `days-reminder-7:${day.id}`,
      label: 'days.schedule.reminder7',
      dueAt: day.startsAt - 7 * DAY,
      // Once the 1-day reminder is due, the 7-day one is dropped (see dueReminders).
      closesAt: day.startsAt - DAY,
      held,
      ...figures.reminder7,
    },
    {
      ...common,
      key: `days-reminder-1:${day.id}`,
      label: 'days.schedule.reminder1',
      dueAt: day.startsAt - DAY,
      closesAt: day.startsAt,
      held,
      ...figures.reminder1,
    },
    {
      ...common,
      key: `days-debrief:${day.id}`,
      label: 'days.schedule.debrief',
      dueAt: day.endsAt,
      closesAt: day.endsAt + DEBRIEF_INVITE_WINDOW,
      held: null,
      ...figures.debrief,
    },
  ];
  return isGathering(day) ? sends.filter((send) => send.label !== 'days.schedule.debrief') : sends;
}

/** The scheduled emails of every day not yet behind us, for the outbox page. */
export async function upcomingDaySends(db: Db, at: number): Promise<ScheduledSend[]> {
  const days = await listDaysWithScheduledSends(db, at);
  return (await Promise.all(days.map((day) => scheduledSendsOfDay(db, day)))).flat();
}

/** Scheduled work of this feature. */
export const advocacyDaysJobs: ScheduledJob[] = [
  scheduledJob('days.reminders', 'hourly', (env, at) => sendDueReminders(getDb(env), env, at)),
  scheduledJob('days.debrief-invites', 'hourly', (env, at) => sendDebriefInvites(getDb(env), env, at)),
  scheduledJob('days.retention', 'hourly', (env, at) => deleteExpiredPersonalData(getDb(env), at)),
  scheduledJob('days.release-holds', 'frequent', (env, at) => releaseExpiredHolds(getDb(env), env, at)),
  scheduledJob('days.promotion-notices', 'frequent', (env, at) =>
    sendMissedPromotionNotices(getDb(env), env, at),
  ),
];
