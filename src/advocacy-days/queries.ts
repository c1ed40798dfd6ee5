// Typed reads and simple writes of advocacy days. The capacity-sensitive writes (register, cancel,
// promote) live in registration.ts because each must be one conditional statement.
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { officials, type Official } from '../officials/schema';
import { REGISTRATION_LINK_GRACE_MS } from './decisions';
import { runBatch } from '../db/batch';
import { noEmails } from '../email/schedule';
import { outbox } from '../email/schema';
import type { OutboxStatus } from '../email/queries';
import { DAY } from '../lib/time';
import { newId } from '../lib/tokens';
import { organizers } from '../organizers/schema';
import {
  advocacyDays,
  dayCheckInLog,
  dayDebriefs,
  dayRegistrationLinks,
  dayRegistrations,
  dayTeams,
} from './schema';

/** A day as the app reads it. */
export type AdvocacyDay = typeof advocacyDays.$inferSelect;
/** A registration as the app reads it. */
export type Registration = typeof dayRegistrations.$inferSelect;
/** A team as the app reads it. */
export type Team = typeof dayTeams.$inferSelect;
/** A debrief as the app reads it. */
export type Debrief = typeof dayDebriefs.$inferSelect;

/** A published or draft day by its public slug. */
export async function getDayBySlug(db: Db, slug: string): Promise<AdvocacyDay | undefined> {
  const [row] = await db.select().from(advocacyDays).where(eq(advocacyDays.slug, slug)).limit(1);
  return row;
}

/** A day by id. */
export async function getDay(db: Db, id: string): Promise<AdvocacyDay | undefined> {
  const [row] = await db.select().from(advocacyDays).where(eq(advocacyDays.id, id)).limit(1);
  return row;
}

/** Published days that have not started yet, soonest first (the public list and the home page). */
export async function listUpcomingDays(db: Db, at: number): Promise<AdvocacyDay[]> {
  return db
    .select()
    .from(advocacyDays)
    .where(and(eq(advocacyDays.status, 'published'), gt(advocacyDays.endsAt, at)))
    .orderBy(asc(advocacyDays.startsAt));
}

/** Every day, newest first (the organizer list). */
export async function listAllDays(db: Db): Promise<AdvocacyDay[]> {
  return db.select().from(advocacyDays).orderBy(desc(advocacyDays.startsAt));
}

/** Registered, waitlisted, cancelled and checked-in counts of a day. */
export interface DayCounts {
  registered: number;
  waitlisted: number;
  cancelled: number;
  checkedIn: number;
}

/** The counts shown on the day page, the check-in page and the report. */
export async function countRegistrations(db: Db, dayId: string): Promise<DayCounts> {
  const [row] = await db
    .select({
      registered: sql<number>`coalesce(sum(case when ${dayRegistrations.status} = 'registered' then 1 else 0 end), 0)`,
      waitlisted: sql<number>`coalesce(sum(case when ${dayRegistrations.status} = 'waitlisted' then 1 else 0 end), 0)`,
      cancelled: sql<number>`coalesce(sum(case when ${dayRegistrations.status} = 'cancelled' then 1 else 0 end), 0)`,
      checkedIn: sql<number>`coalesce(sum(case when ${dayRegistrations.status} = 'registered' and ${dayRegistrations.checkedInAt} is not null then 1 else 0 end), 0)`,
    })
    .from(dayRegistrations)
    .where(eq(dayRegistrations.dayId, dayId));
  return {
    registered: Number(row?.registered ?? 0),
    waitlisted: Number(row?.waitlisted ?? 0),
    cancelled: Number(row?.cancelled ?? 0),
    checkedIn: Number(row?.checkedIn ?? 0),
  };
}

/** A registration by id. */
export async function getRegistration(db: Db, id: string): Promise<Registration | undefined> {
  const [row] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, id)).limit(1);
  return row;
}

/**
 * The registration behind a private link (by the token's hash), with its day; none once the link
 * has ended (REGISTRATION_LINK_GRACE_MS after the day), even before the clean-up deletes it.
 */
export async function findRegistrationByTokenHash(
  db: Db,
  tokenHash: string,
  at = Date.now(),
): Promise<{ registration: Registration; day: AdvocacyDay } | undefined> {
  const [row] = await db
    .select({ registration: dayRegistrations, day: advocacyDays })
    .from(dayRegistrationLinks)
    .innerJoin(dayRegistrations, eq(dayRegistrations.id, dayRegistrationLinks.registrationId))
    .innerJoin(advocacyDays, eq(advocacyDays.id, dayRegistrations.dayId))
    .where(
      and(
        eq(dayRegistrationLinks.tokenHash, tokenHash),
        gt(advocacyDays.endsAt, at - REGISTRATION_LINK_GRACE_MS),
      ),
    )
    .limit(1);
  return row;
}

/** Deletes the private links of days that ended more than REGISTRATION_LINK_GRACE_MS ago. */
export async function deleteEndedRegistrationLinks(db: Db, at: number): Promise<number> {
  const ended = db
    .select({ id: dayRegistrations.id })
    .from(dayRegistrations)
    .innerJoin(advocacyDays, eq(advocacyDays.id, dayRegistrations.dayId))
    .where(lt(advocacyDays.endsAt, at - REGISTRATION_LINK_GRACE_MS));
  const result = await db
    .delete(dayRegistrationLinks)
    .where(inArray(dayRegistrationLinks.registrationId, ended));
  return result.meta.changes;
}

/** The active (not cancelled) registration of an email for a day. */
export async function findActiveRegistrationByEmail(
  db: Db,
  dayId: string,
  email: string,
): Promise<Registration | undefined> {
  const [row] = await db
    .select()
    .from(dayRegistrations)
    .where(
      and(
        eq(dayRegistrations.dayId, dayId),
        eq(dayRegistrations.email, email),
        sql`${dayRegistrations.status} <> 'cancelled'`,
      ),
    )
    .limit(1);
  return row;
}

/** A waitlisted person's place: 1 + everyone waiting who arrived before them. */
export async function waitlistPlace(
  db: Db,
  registration: Pick<Registration, 'dayId' | 'seq'>,
): Promise<number> {
  const [row] = await db
    .select({ ahead: sql<number>`count(*)` })
    .from(dayRegistrations)
    .where(
      and(
        eq(dayRegistrations.dayId, registration.dayId),
        eq(dayRegistrations.status, 'waitlisted'),
        lt(dayRegistrations.seq, registration.seq),
      ),
    );
  return 1 + Number(row?.ahead ?? 0);
}

/** Registrations of a day in arrival order, optionally one status and a name search. */
export async function listRegistrations(
  db: Db,
  dayId: string,
  filter: { status?: Registration['status']; nameContains?: string; limit?: number } = {},
): Promise<Registration[]> {
  const conditions = [eq(dayRegistrations.dayId, dayId)];
  if (filter.status) conditions.push(eq(dayRegistrations.status, filter.status));
  if (filter.nameContains?.trim()) {
    const escaped = filter.nameContains.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`);
    conditions.push(sql`${dayRegistrations.name} like ${`%${escaped}%`} escape '\\'`);
  }
  return db
    .select()
    .from(dayRegistrations)
    .where(and(...conditions))
    .orderBy(asc(dayRegistrations.seq))
    .limit(filter.limit ?? 5000);
}

/** One page of a day's registrations after a sequence number (the streamed CSV). */
export async function registrationsPage(
  db: Db,
  dayId: string,
  afterSeq: number,
  size: number,
): Promise<Registration[]> {
  return db
    .select()
    .from(dayRegistrations)
    .where(and(eq(dayRegistrations.dayId, dayId), gt(dayRegistrations.seq, afterSeq)))
    .orderBy(asc(dayRegistrations.seq))
    .limit(size);
}

/** A registration by its check-in code within a day. */
export async function findByCheckInCode(
  db: Db,
  dayId: string,
  code: string,
): Promise<Registration | undefined> {
  const [row] = await db
    .select()
    .from(dayRegistrations)
    .where(and(eq(dayRegistrations.dayId, dayId), eq(dayRegistrations.checkInCode, code)))
    .limit(1);
  return row;
}

/** Who did what at the door, and when (the check-in page's "recent" list). */
export interface CheckInEvent {
  id: string;
  registrationId: string;
  name: string;
  action: 'check_in' | 'undo';
  organizerName: string | null;
  at: number;
  /** Whether the person is checked in now. */
  checkedInNow: boolean;
}

/** The registration a check-in (or its undo) changes, only while it is in the state the action changes. */
function checkInTarget(dayId: string, registrationId: string, action: 'check_in' | 'undo') {
  const state =
    action === 'check_in'
      ? [eq(dayRegistrations.status, 'registered'), isNull(dayRegistrations.checkedInAt)]
      : [isNotNull(dayRegistrations.checkedInAt)];
  return and(eq(dayRegistrations.id, registrationId), eq(dayRegistrations.dayId, dayId), ...state)!;
}

/** Checks in or undoes, and logs who did it, in one batch; false when nothing was there to change. */
async function changeCheckIn(
  db: Db,
  dayId: string,
  registrationId: string,
  action: 'check_in' | 'undo',
  organizerId: string | null,
  at: number,
): Promise<boolean> {
  const target = checkInTarget(dayId, registrationId, action);
  const results = await runBatch(db, [
    // Logged only when the change will happen: read before the update in the same batch.
    db.run(sql`insert into ${dayCheckInLog} (id, day_id, registration_id, action, organizer_id, at)
      select ${newId()}, ${dayId}, ${registrationId}, ${action}, ${organizerId}, ${at}
      where exists (select 1 from ${dayRegistrations} where ${target})`),
    db
      .update(dayRegistrations)
      .set({ checkedInAt: action === 'check_in' ? at : null })
      .where(target),
  ]);
  return (results[1]?.meta.changes ?? 0) > 0;
}

/**
 * Checks a registered person in (once), recording who did it. False when they were already
 * checked in (another phone at the door got there first) or are not registered.
 */
export function checkIn(
  db: Db,
  dayId: string,
  registrationId: string,
  at: number,
  organizerId: string | null = null,
) {
  return changeCheckIn(db, dayId, registrationId, 'check_in', organizerId, at);
}

/** Undoes a check-in made by mistake, recording who undid it. False when there was none. */
export function undoCheckIn(
  db: Db,
  dayId: string,
  registrationId: string,
  at: number,
  organizerId: string | null = null,
) {
  return changeCheckIn(db, dayId, registrationId, 'undo', organizerId, at);
}

/** The latest check-ins and undos of a day, newest first. */
export async function recentCheckInEvents(db: Db, dayId: string, limit = 10): Promise<CheckInEvent[]> {
  const rows = await db
    .select({
      id: dayCheckInLog.id,
      registrationId: dayCheckInLog.registrationId,
      name: dayRegistrations.name,
      action: dayCheckInLog.action,
      organizerName: organizers.name,
      at: dayCheckInLog.at,
      checkedInAt: dayRegistrations.checkedInAt,
    })
    .from(dayCheckInLog)
    .innerJoin(dayRegistrations, eq(dayRegistrations.id, dayCheckInLog.registrationId))
    .leftJoin(organizers, eq(organizers.id, dayCheckInLog.organizerId))
    .where(eq(dayCheckInLog.dayId, dayId))
    .orderBy(desc(dayCheckInLog.at), desc(dayCheckInLog.id))
    .limit(limit);
  return rows.map(({ checkedInAt, ...row }) => ({ ...row, checkedInNow: checkedInAt !== null }));
}

/** The teams of a day with their legislator from the directory, when it is there. */
export async function listTeams(db: Db, dayId: string): Promise<{ team: Team; official: Official | null }[]> {
  return db
    .select({ team: dayTeams, official: officials })
    .from(dayTeams)
    .leftJoin(officials, eq(officials.id, dayTeams.officialId))
    .where(eq(dayTeams.dayId, dayId))
    .orderBy(desc(dayTeams.chamber), sql`cast(${dayTeams.district} as integer)`, asc(dayTeams.district));
}

/** One team of a day with its legislator. */
export async function getTeam(
  db: Db,
  dayId: string,
  teamId: string,
): Promise<{ team: Team; official: Official | null } | undefined> {
  const [row] = await db
    .select({ team: dayTeams, official: officials })
    .from(dayTeams)
    .leftJoin(officials, eq(officials.id, dayTeams.officialId))
    .where(and(eq(dayTeams.dayId, dayId), eq(dayTeams.id, teamId)))
    .limit(1);
  return row;
}

/** The legislators of a state's chamber seats, keyed "upper:36", for naming teams. */
export async function legislatorsBySeat(
  db: Db,
  state: string,
  seats: readonly { chamber: 'upper' | 'lower'; district: string }[],
): Promise<Map<string, Official>> {
  const result = new Map<string, Official>();
  if (seats.length === 0) return result;
  const rows = await db
    .select()
    .from(officials)
    .where(
      and(
        eq(officials.state, state.toLowerCase()),
        eq(officials.inOffice, true),
        inArray(officials.chamber, ['upper', 'lower']),
      ),
    );
  for (const row of rows) if (row.district) result.set(`${row.chamber}:${row.district}`, row);
  return result;
}

/** Debriefs of a day, newest first. */
export async function listDebriefs(db: Db, dayId: string): Promise<Debrief[]> {
  return db
    .select()
    .from(dayDebriefs)
    .where(eq(dayDebriefs.dayId, dayId))
    .orderBy(desc(dayDebriefs.createdAt));
}

/** Registrations of a day whose districts are still unknown (organizers set them by hand). */
export async function listPendingDistricts(db: Db, dayId: string): Promise<Registration[]> {
  return db
    .select()
    .from(dayRegistrations)
    .where(
      and(
        eq(dayRegistrations.dayId, dayId),
        eq(dayRegistrations.districtStatus, 'pending'),
        or(eq(dayRegistrations.status, 'registered'), eq(dayRegistrations.status, 'waitlisted')),
      ),
    )
    .orderBy(asc(dayRegistrations.seq));
}

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

/** Published or draft days whose scheduled emails are not all behind them (ended at most 3 days ago). */
export async function listDaysWithScheduledSends(db: Db, at: number): Promise<AdvocacyDay[]> {
  return db
    .select()
    .from(advocacyDays)
    .where(gt(advocacyDays.endsAt, at - 3 * DAY))
    .orderBy(asc(advocacyDays.startsAt));
}
