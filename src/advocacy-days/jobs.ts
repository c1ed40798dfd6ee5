import { and, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { getDb, type Db } from '../db';
import { dispatchEmails, queueEmail } from '../email/outbox';
import type { ScheduledJob } from '../lib/jobs';
import { DAY } from '../lib/time';
import { logEvent } from '../lib/log';
import { dueReminders, RETENTION_MS } from './decisions';
import { debriefInviteEmail, reminderEmail } from './emails';
import {
  daySendFigures,
  deleteEndedRegistrationLinks,
  listDaysWithScheduledSends,
  type AdvocacyDay,
} from './queries';
import type { ScheduledSend } from '../email/schedule';
import { newLinkStatement, notifyPromotions, releaseExpiredHolds } from './registration';
import { advocacyDays, dayRegistrations, dayTeams } from './schema';
import { runBatch } from '../db/batch';

type MailEnv = Pick<Env, 'PUBLIC_URL' | 'ORG_NAME' | 'MAIL_FROM' | 'EMAIL_QUEUE'>;

async function daysStartingWithin(db: Db, at: number, within: number): Promise<AdvocacyDay[]> {
  return db
    .select()
    .from(advocacyDays)
    .where(
      and(
        eq(advocacyDays.status, 'published'),
        gt(advocacyDays.startsAt, at),
        lt(advocacyDays.startsAt, at + within),
      ),
    );
}

/**
 * Sends the 7-day and 1-day reminders that are due. Each is sent once: the reminder's sent-at is set
 * in the same batch as the email, only where it is still empty, and the outbox id is deterministic
 * (`days-reminder-7:<registrationId>`), so a job that runs twice, or twice at once, stores one email.
 */
export async function sendDueReminders(db: Db, env: MailEnv, at: number): Promise<number> {
  const ids: string[] = [];
  for (const day of await daysStartingWithin(db, at, 7 * DAY + DAY)) {
    const people = await db
      .select({ registration: dayRegistrations, team: dayTeams })
      .from(dayRegistrations)
      .leftJoin(dayTeams, eq(dayTeams.id, dayRegistrations.teamId))
      .where(
        and(
          eq(dayRegistrations.dayId, day.id),
          eq(dayRegistrations.status, 'registered'),
          or(isNull(dayRegistrations.reminder7SentAt), isNull(dayRegistrations.reminder1SentAt)),
        ),
      );
    for (const { registration: person, team } of people) {
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
        const sentColumn =
          daysBefore === 7 ? dayRegistrations.reminder7SentAt : dayRegistrations.reminder1SentAt;
        const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
          email.statement,
          link.statement,
          db
            .update(dayRegistrations)
            .set(daysBefore === 7 ? { reminder7SentAt: at } : { reminder1SentAt: at })
            .where(and(eq(dayRegistrations.id, person.id), isNull(sentColumn))),
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

/** After a day ends, asks everyone who checked in for a debrief, once. */
export async function sendDebriefInvites(db: Db, env: MailEnv, at: number): Promise<number> {
  const ended = await db
    .select()
    .from(advocacyDays)
    .where(and(lt(advocacyDays.endsAt, at), gt(advocacyDays.endsAt, at - DEBRIEF_INVITE_WINDOW)));
  const ids: string[] = [];
  for (const day of ended) {
    const people = await db
      .select()
      .from(dayRegistrations)
      .where(
        and(
          eq(dayRegistrations.dayId, day.id),
          eq(dayRegistrations.status, 'registered'),
          isNotNull(dayRegistrations.checkedInAt),
          isNull(dayRegistrations.debriefInviteSentAt),
        ),
      );
    for (const person of people) {
      const link = await newLinkStatement(db, person.id, at);
      const email = queueEmail(db, env, debriefInviteEmail(env, day, person, link.token), at);
      await runBatch(db, [
        email.statement,
        link.statement,
        db
          .update(dayRegistrations)
          .set({ debriefInviteSentAt: at })
          .where(and(eq(dayRegistrations.id, person.id), isNull(dayRegistrations.debriefInviteSentAt))),
      ]);
      ids.push(email.id);
    }
  }
  await dispatchEmails(env, ids);
  return ids.length;
}

/** Deletes phone numbers and street addresses 90 days after a day; districts stay for the report. */
export async function deleteExpiredPersonalData(db: Db, at: number): Promise<number> {
  const result = await db
    .update(dayRegistrations)
    .set({ phone: null, address: null, personalDataDeletedAt: at })
    .where(
      and(
        inArray(
          dayRegistrations.dayId,
          db
            .select({ id: advocacyDays.id })
            .from(advocacyDays)
            .where(lt(advocacyDays.endsAt, at - RETENTION_MS)),
        ),
        or(isNotNull(dayRegistrations.phone), isNotNull(dayRegistrations.address)),
      ),
    );
  const count = result.meta.changes;
  if (count > 0) logEvent('info', 'days.personal_data_deleted', { count });
  const links = await deleteEndedRegistrationLinks(db, at);
  if (links > 0) logEvent('info', 'days.links_ended', { count: links });
  return count;
}

/** Tells promoted people whose notice was not sent (a failure after the promotion). */
export async function sendMissedPromotionNotices(db: Db, env: MailEnv, at: number): Promise<number> {
  const days = await db
    .selectDistinct({ day: advocacyDays })
    .from(dayRegistrations)
    .innerJoin(advocacyDays, eq(advocacyDays.id, dayRegistrations.dayId))
    .where(
      and(
        eq(dayRegistrations.status, 'registered'),
        isNotNull(dayRegistrations.promotedAt),
        isNull(dayRegistrations.promotionNotifiedAt),
        sql`${dayRegistrations.promotedAt} < ${at - 60_000}`,
      ),
    );
  let sent = 0;
  for (const { day } of days) sent += await notifyPromotions(db, env, day, at);
  return sent;
}

/** A day's scheduled emails (7-day and 1-day reminders, debrief invitations) and where each stands. */
export async function scheduledSendsOfDay(db: Db, day: AdvocacyDay): Promise<ScheduledSend[]> {
  const figures = await daySendFigures(db, day);
  const common = { labelParams: { title: day.title }, href: `/admin/days/${day.id}`, zone: day.timeZone };
  // Reminders go out for published days only (daysStartingWithin); a draft holds them.
  const held = day.status === 'published' ? null : ('days.schedule.heldDraft' as const);
  return [
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
}

/** The scheduled emails of every day not yet behind us, for the outbox page. */
export async function upcomingDaySends(db: Db, at: number): Promise<ScheduledSend[]> {
  const days = await listDaysWithScheduledSends(db, at);
  return (await Promise.all(days.map((day) => scheduledSendsOfDay(db, day)))).flat();
}

/** Scheduled work of this feature. */
export const advocacyDaysJobs: ScheduledJob[] = [
  {
    name: 'days.reminders',
    every: 'hourly',
    run: (env, at) => sendDueReminders(getDb(env), env, at).then(() => {}),
  },
  {
    name: 'days.debrief-invites',
    every: 'hourly',
    run: (env, at) => sendDebriefInvites(getDb(env), env, at).then(() => {}),
  },
  {
    name: 'days.retention',
    every: 'hourly',
    run: (env, at) => deleteExpiredPersonalData(getDb(env), at).then(() => {}),
  },
  {
    name: 'days.release-holds',
    every: 'frequent',
    run: (env, at) => releaseExpiredHolds(getDb(env), env, at).then(() => {}),
  },
  {
    name: 'days.promotion-notices',
    every: 'frequent',
    run: (env, at) => sendMissedPromotionNotices(getDb(env), env, at).then(() => {}),
  },
];
