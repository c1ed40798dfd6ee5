// Typed reads and writes of the days themselves.
import { and, asc, desc, eq, gt, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { runBatch } from '../../db/batch';
import { DAY } from '../../lib/time';
import type { DaySection } from '../kinds';
import { advocacyDays, dayRegistrations, type AdvocacyDay, type DayKind, type DayValues } from '../schema';
import { promoteFromWaitlistStatement } from './seats';
import { findRow, listRows } from '../../db/find';
import { pickColumns } from '../../db/pick';

/** A published or draft day by its public slug. */
export async function getDayBySlug(db: Db, slug: string): Promise<AdvocacyDay | undefined> {
  return findRow(db, advocacyDays, eq(advocacyDays.slug, slug));
}

/** A day by id. */
export async function getDay(db: Db, id: string): Promise<AdvocacyDay | undefined> {
  return findRow(db, advocacyDays, eq(advocacyDays.id, id));
}

/** The days of one public section: advocacy days, or gatherings. */
function inSection(section: DaySection): SQL {
  return section === 'days' ? eq(advocacyDays.kind, 'advocacy_day') : ne(advocacyDays.kind, 'advocacy_day');
}

/** Published days of a section that have not ended yet, soonest first (the public lists and the home page). */
export async function listUpcomingDays(
  db: Db,
  at: number,
  section: DaySection = 'days',
): Promise<AdvocacyDay[]> {
  return listRows(
    db,
    advocacyDays,
    and(eq(advocacyDays.status, 'published'), gt(advocacyDays.endsAt, at), inSection(section)),
    { orderBy: asc(advocacyDays.startsAt) },
  );
}

/** Upcoming published days of a section as listUpcomingDays, each with its registered and waitlisted counts (the home page). */
export async function listUpcomingDaysWithCounts(
  db: Db,
  at: number,
  section: DaySection = 'days',
): Promise<(AdvocacyDay & { registered: number; waitlisted: number })[]> {
  const countOf = (status: 'registered' | 'waitlisted') =>
    sql<number>`coalesce(sum(case when ${dayRegistrations.status} = ${status} then 1 else 0 end), 0)`.mapWith(
      Number,
    );
  const rows = await db
    .select({ day: advocacyDays, registered: countOf('registered'), waitlisted: countOf('waitlisted') })
    .from(advocacyDays)
    .leftJoin(dayRegistrations, eq(dayRegistrations.dayId, advocacyDays.id))
    .where(and(eq(advocacyDays.status, 'published'), gt(advocacyDays.endsAt, at), inSection(section)))
    .groupBy(advocacyDays.id)
    .orderBy(asc(advocacyDays.startsAt));
  return rows.map(({ day, ...counts }) => ({ ...day, ...counts }));
}

/** Every day of a section, newest first (the organizer lists). */
export async function listAllDays(db: Db, section: DaySection = 'days'): Promise<AdvocacyDay[]> {
  return db.select().from(advocacyDays).where(inSection(section)).orderBy(desc(advocacyDays.startsAt));
}

/** A day or gathering as a picker shows it (a campaign's tactic links to one by its id). */
export interface DayPickerItem {
  id: string;
  title: string;
  kind: DayKind;
  startsAt: number;
  status: AdvocacyDay['status'];
}

/** Every advocacy day and gathering, drafts too, newest first, for choosing one in a form. */
export async function listDaysForPicker(db: Db): Promise<DayPickerItem[]> {
  return db
    .select(pickColumns(advocacyDays, 'id', 'title', 'kind', 'startsAt', 'status'))
    .from(advocacyDays)
    .orderBy(desc(advocacyDays.startsAt));
}

/** Published or draft days whose scheduled emails are not all behind them (ended at most 3 days ago). */
export async function listDaysWithScheduledSends(db: Db, at: number): Promise<AdvocacyDay[]> {
  return listRows(db, advocacyDays, gt(advocacyDays.endsAt, at - 3 * DAY), {
    orderBy: asc(advocacyDays.startsAt),
  });
}

/** Published days starting after `at` and before `at + within` (whose reminders may be due). */
export async function listDaysStartingWithin(db: Db, at: number, within: number): Promise<AdvocacyDay[]> {
  return listRows(
    db,
    advocacyDays,
    and(
      eq(advocacyDays.status, 'published'),
      gt(advocacyDays.startsAt, at),
      lt(advocacyDays.startsAt, at + within),
    ),
  );
}

/** Days that ended before `at`, at most `within` ago (whose debrief invitations may be due). */
export async function listDaysEndedWithin(db: Db, at: number, within: number): Promise<AdvocacyDay[]> {
  return listRows(db, advocacyDays, and(lt(advocacyDays.endsAt, at), gt(advocacyDays.endsAt, at - within)));
}

/** Whether a day takes registrations at `at` (published, before its deadline and its start). */
export async function isOpenForRegistration(db: Db, dayId: string, at: number): Promise<boolean> {
  const row = await db.get<{ open: number }>(sql`
    select count(*) as open from advocacy_days
    where id = ${dayId} and status = 'published' and registration_deadline > ${at} and starts_at > ${at}`);
  return Number(row?.open ?? 0) > 0;
}

/**
 * Runs a write of a day's details: `slug_taken` when the database refuses it for the unique slug
 * (the message names the column), `saved` otherwise; any other error is thrown.
 */
async function saveUnlessSlugTaken(write: () => Promise<unknown>): Promise<'saved' | 'slug_taken'> {
  try {
    await write();
    return 'saved';
  } catch (error) {
    const message = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
    if (/UNIQUE constraint failed/i.test(message)) return 'slug_taken';
    throw error;
  }
}

/** Stores a new day; `slug_taken` when another day has its slug. */
export async function insertDay(
  db: Db,
  id: string,
  values: DayValues,
  at: number,
): Promise<'saved' | 'slug_taken'> {
  return saveUnlessSlugTaken(() => db.insert(advocacyDays).values({ id, ...values, createdAt: at }));
}

/**
 * Changes a day's details and, in the same batch, gives seats a raised capacity opened to the
 * people waiting (they are emailed by `notifyPromotions`); `slug_taken` when another day has its slug.
 */
export async function updateDay(
  db: Db,
  id: string,
  values: DayValues,
  at: number,
): Promise<'saved' | 'slug_taken'> {
  return saveUnlessSlugTaken(() =>
    runBatch(db, [
      db.update(advocacyDays).set(values).where(eq(advocacyDays.id, id)),
      promoteFromWaitlistStatement(db, id, at),
    ]),
  );
}
