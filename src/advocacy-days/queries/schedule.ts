// The figures of a day's scheduled emails (reminders, debrief invitations) for the outbox page.
import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { noEmails } from '../../email/schedule';
import { outbox } from '../../email/schema';
import type { OutboxStatus } from '../../email/queries';
import { DAY } from '../../lib/time';
import { dayRegistrations, type AdvocacyDay } from '../schema';

/** For one scheduled email of a day: whom it is for, how many were handled, its outbox rows. */
export interface DaySendFigures {
  recipients: number;
  handled: number;
  emails: Record<OutboxStatus, number>;
}

/**
 * The figures of a day's scheduled emails: the 7-day and 1-day reminders (for people who held
 * their seat before the reminder's point) and the debrief invitations (for people checked in).
 * Outbox rows are found by their fixed ids (`days-reminder-7:<registrationId>`, …).
 */
export async function daySendFigures(
  db: Db,
  day: Pick<AdvocacyDay, 'id' | 'startsAt'>,
): Promise<{ reminder7: DaySendFigures; reminder1: DaySendFigures; debrief: DaySendFigures }> {
  const seatBefore = (days: number) =>
    sql`coalesce(${dayRegistrations.promotedAt}, ${dayRegistrations.createdAt}) < ${day.startsAt - days * DAY}`;
  const registered = and(eq(dayRegistrations.dayId, day.id), eq(dayRegistrations.status, 'registered'));
  const [people] = await db
    .select({
      r7: sql<number>`coalesce(sum(case when ${seatBefore(7)} then 1 else 0 end), 0)`,
      r7done: sql<number>`coalesce(sum(case when ${dayRegistrations.reminder7SentAt} is not null then 1 else 0 end), 0)`,
      r1: sql<number>`coalesce(sum(case when ${seatBefore(1)} then 1 else 0 end), 0)`,
      r1done: sql<number>`coalesce(sum(case when ${dayRegistrations.reminder1SentAt} is not null then 1 else 0 end), 0)`,
      debrief: sql<number>`coalesce(sum(case when ${dayRegistrations.checkedInAt} is not null then 1 else 0 end), 0)`,
      debriefDone: sql<number>`coalesce(sum(case when ${dayRegistrations.debriefInviteSentAt} is not null then 1 else 0 end), 0)`,
    })
    .from(dayRegistrations)
    .where(registered);
  const emailsWithPrefix = async (prefix: string) => {
    const rows = await db
      .select({ status: outbox.status, n: count() })
      .from(dayRegistrations)
      .innerJoin(outbox, sql`${outbox.id} = ${prefix} || ${dayRegistrations.id}`)
      .where(eq(dayRegistrations.dayId, day.id))
      .groupBy(outbox.status);
    const emails = noEmails();
    for (const row of rows) emails[row.status] = row.n;
    return emails;
  };
  const [e7, e1, eDebrief] = await Promise.all([
    emailsWithPrefix('days-reminder-7:'),
    emailsWithPrefix('days-reminder-1:'),
    emailsWithPrefix('days-debrief:'),
  ]);
  const n = (value: number | undefined) => Number(value ?? 0);
  return {
    reminder7: { recipients: n(people?.r7), handled: n(people?.r7done), emails: e7 },
    reminder1: { recipients: n(people?.r1), handled: n(people?.r1done), emails: e1 },
    debrief: { recipients: n(people?.debrief), handled: n(people?.debriefDone), emails: eDebrief },
  };
}
