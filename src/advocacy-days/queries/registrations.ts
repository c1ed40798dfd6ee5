// Typed reads and simple writes of registrations and their private links. The capacity-sensitive
// writes (register, cancel, promote) are in seats.ts because each must be one conditional statement.
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { runBatch } from '../../db/batch';
import { registrationSearchCondition, replaceRegistrationTermsStatements } from './search';
import { openRegistration, openRegistrations, sealRegistrationContacts } from '../contact-fields';
import {
  advocacyDays,
  dayRegistrations,
  dayTeams,
  type AdvocacyDay,
  type Registration,
  type Team,
} from '../schema';
import { findRow, listRows } from '../../db/find';

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

/** The registration where `condition` holds, its contacts opened; undefined when there is none. */
async function findRegistration(db: Db, condition: SQL | undefined): Promise<Registration | undefined> {
  const row = await findRow(db, dayRegistrations, condition);
  return row && openRegistration(db, row);
}

/** A registration by id. */
export async function getRegistration(db: Db, id: string): Promise<Registration | undefined> {
  return findRegistration(db, eq(dayRegistrations.id, id));
}

/** A registration by id, only when it belongs to the day (an organizer's posted row id). */
export async function getRegistrationOfDay(
  db: Db,
  dayId: string,
  id: string,
): Promise<Registration | undefined> {
  return findRegistration(db, and(eq(dayRegistrations.id, id), eq(dayRegistrations.dayId, dayId)));
}

/** The active (not cancelled) registration of an email for a day. */
export async function findActiveRegistrationByEmail(
  db: Db,
  dayId: string,
  email: string,
): Promise<Registration | undefined> {
  return findRegistration(
    db,
    and(
      eq(dayRegistrations.dayId, dayId),
      eq(dayRegistrations.email, email),
      sql`${dayRegistrations.status} <> 'cancelled'`,
    ),
  );
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

/** Registrations of a day in arrival order, optionally one status and a search (name, email, congregation). */
export async function listRegistrations(
  db: Db,
  dayId: string,
  filter: { status?: Registration['status']; search?: string; limit?: number } = {},
): Promise<Registration[]> {
  // Through the search terms index (name, email, congregation), never a scan of the day: with a
  // search, the unary plus keeps SQLite from walking the day's index instead of the matches.
  const matches = registrationSearchCondition(dayId, filter.search);
  const r = dayRegistrations;
  const conditions = matches ? [sql`+${r.dayId} = ${dayId}`, matches] : [eq(r.dayId, dayId)];
  if (filter.status)
    conditions.push(matches ? sql`+${r.status} = ${filter.status}` : eq(r.status, filter.status));
  const rows = await listRows(db, dayRegistrations, and(...conditions), {
    orderBy: asc(dayRegistrations.seq),
    limit: filter.limit ?? 5000,
  });
  return openRegistrations(db, rows);
}

/** One page of a day's registrations after a sequence number (the streamed CSV). */
export async function registrationsPage(
  db: Db,
  dayId: string,
  afterSeq: number,
  size: number,
): Promise<Registration[]> {
  const rows = await listRows(
    db,
    dayRegistrations,
    and(eq(dayRegistrations.dayId, dayId), gt(dayRegistrations.seq, afterSeq)),
    { orderBy: asc(dayRegistrations.seq), limit: size },
  );
  return openRegistrations(db, rows);
}

/** A registration by its check-in code within a day. */
export async function findByCheckInCode(
  db: Db,
  dayId: string,
  code: string,
): Promise<Registration | undefined> {
  return findRegistration(db, and(eq(dayRegistrations.dayId, dayId), eq(dayRegistrations.checkInCode, code)));
}

/** Registrations of a day whose districts are still unknown (organizers set them by hand). */
export async function listPendingDistricts(db: Db, dayId: string): Promise<Registration[]> {
  const rows = await listRows(
    db,
    dayRegistrations,
    and(
      eq(dayRegistrations.dayId, dayId),
      eq(dayRegistrations.districtStatus, 'pending'),
      or(eq(dayRegistrations.status, 'registered'), eq(dayRegistrations.status, 'waitlisted')),
    ),
    { orderBy: asc(dayRegistrations.seq) },
  );
  return openRegistrations(db, rows);
}

/** The people holding a seat on a day who also match `conditions` (the lists below share it). */
function registeredOn(dayId: string, ...conditions: SQL[]) {
  return and(eq(dayRegistrations.dayId, dayId), eq(dayRegistrations.status, 'registered'), ...conditions);
}

/** Whoever was promoted from the waitlist and not yet told. */
function untold() {
  return and(isNotNull(dayRegistrations.promotedAt), isNull(dayRegistrations.promotionNotifiedAt))!;
}

/** Registered people of a day with known districts in its state (or no state): the team builder's pool. */
export async function listTeamCandidates(
  db: Db,
  day: Pick<AdvocacyDay, 'id' | 'state'>,
): Promise<Registration[]> {
  const rows = await listRows(
    db,
    dayRegistrations,
    registeredOn(
      day.id,
      inArray(dayRegistrations.districtStatus, ['found', 'manual']),
      sql`(${dayRegistrations.homeState} = ${day.state} or ${dayRegistrations.homeState} is null)`,
    ),
  );
  return openRegistrations(db, rows);
}

/** People of a day promoted from the waitlist and not yet told (the "a seat opened" email). */
export async function listUntoldPromotions(db: Db, dayId: string): Promise<Registration[]> {
  return openRegistrations(db, await db.select().from(dayRegistrations).where(registeredOn(dayId, untold())));
}

/** The days where someone was promoted before `before` and not told (a failure after the promotion). */
export async function listDaysWithUntoldPromotions(db: Db, before: number): Promise<AdvocacyDay[]> {
  const rows = await db
    .selectDistinct({ day: advocacyDays })
    .from(dayRegistrations)
    .innerJoin(advocacyDays, eq(advocacyDays.id, dayRegistrations.dayId))
    .where(
      and(
        eq(dayRegistrations.status, 'registered'),
        untold(),
        sql`${dayRegistrations.promotedAt} < ${before}`,
      ),
    );
  return rows.map(({ day }) => day);
}

/** Registered people of a day still owed a reminder, with their team (shown in the reminder). */
export async function listReminderCandidates(
  db: Db,
  dayId: string,
): Promise<{ registration: Registration; team: Team | null }[]> {
  const rows = await db
    .select({ registration: dayRegistrations, team: dayTeams })
    .from(dayRegistrations)
    .leftJoin(dayTeams, eq(dayTeams.id, dayRegistrations.teamId))
    .where(
      registeredOn(
        dayId,
        or(isNull(dayRegistrations.reminder7SentAt), isNull(dayRegistrations.reminder1SentAt))!,
      ),
    );
  return Promise.all(
    rows.map(async (row) => ({ ...row, registration: await openRegistration(db, row.registration) })),
  );
}

/** Marks a reminder as sent, once, as a statement for the batch that queues it. */
export function markReminderSentStatement(db: Db, registrationId: string, daysBefore: 7 | 1, at: number) {
  const sentColumn = daysBefore === 7 ? dayRegistrations.reminder7SentAt : dayRegistrations.reminder1SentAt;
  return db
    .update(dayRegistrations)
    .set(daysBefore === 7 ? { reminder7SentAt: at } : { reminder1SentAt: at })
    .where(and(eq(dayRegistrations.id, registrationId), isNull(sentColumn)));
}

/** Registered people of a day who checked in and have not been asked for a debrief. */
export async function listDebriefInvitees(db: Db, dayId: string): Promise<Registration[]> {
  const rows = await listRows(
    db,
    dayRegistrations,
    registeredOn(
      dayId,
      isNotNull(dayRegistrations.checkedInAt),
      isNull(dayRegistrations.debriefInviteSentAt),
    ),
  );
  return openRegistrations(db, rows);
}

/** Marks a debrief invitation as sent, once, as a statement for the batch that queues it. */
export function markDebriefInvitedStatement(db: Db, registrationId: string, at: number) {
  return db
    .update(dayRegistrations)
    .set({ debriefInviteSentAt: at })
    .where(and(eq(dayRegistrations.id, registrationId), isNull(dayRegistrations.debriefInviteSentAt)));
}

/** The details a person changes from their private page (never the email, status or team). */
export type RegistrationChanges = Partial<
  Pick<
    Registration,
    | 'name'
    | 'phone'
    | 'address'
    | 'congregation'
    | 'faithRole'
    | 'languages'
    | 'needsInterpretation'
    | 'accessibilityNeeds'
    | 'dietaryNeeds'
    | 'firstTime'
    | 'willingToShareStory'
    | 'ride'
    | 'rideSeats'
    | 'photoConsent'
    | 'lang'
    | 'districtStatus'
    | 'homeState'
    | 'upperDistrict'
    | 'lowerDistrict'
  >
>;

/** Saves what a person changed on their private page, with the search terms of the new details. */
export async function updateRegistrationDetails(
  db: Db,
  registration: Pick<Registration, 'id' | 'dayId' | 'name' | 'email' | 'congregation'>,
  changes: RegistrationChanges,
): Promise<void> {
  await runBatch(db, [
    db
      .update(dayRegistrations)
      .set(await sealRegistrationContacts(db, registration.id, changes))
      .where(eq(dayRegistrations.id, registration.id)),
    ...replaceRegistrationTermsStatements(db, { ...registration, ...changes }),
  ]);
}

/** Districts an organizer set by hand for a registration of the day. */
export async function setDistrictsByHand(
  db: Db,
  dayId: string,
  registrationId: string,
  districts: { state: string; upperDistrict: string; lowerDistrict: string },
): Promise<void> {
  await db
    .update(dayRegistrations)
    .set({
      districtStatus: 'manual',
      homeState: districts.state,
      upperDistrict: districts.upperDistrict,
      lowerDistrict: districts.lowerDistrict,
    })
    .where(and(eq(dayRegistrations.id, registrationId), eq(dayRegistrations.dayId, dayId)));
}

/** Stops a person's announcements (the one-click unsubscribe). */
export async function optOutOfAnnouncements(db: Db, registrationId: string): Promise<void> {
  await db
    .update(dayRegistrations)
    .set({ announcementsOptOut: true })
    .where(eq(dayRegistrations.id, registrationId));
}

/** Deletes phone numbers and street addresses of days that ended before `endedBefore`; the count. */
export async function erasePhonesAndAddresses(db: Db, endedBefore: number, at: number): Promise<number> {
  const result = await db
    .update(dayRegistrations)
    .set({ phone: null, address: null, personalDataDeletedAt: at })
    .where(
      and(
        inArray(
          dayRegistrations.dayId,
          db.select({ id: advocacyDays.id }).from(advocacyDays).where(lt(advocacyDays.endsAt, endedBefore)),
        ),
        or(isNotNull(dayRegistrations.phone), isNotNull(dayRegistrations.address)),
      ),
    );
  return result.meta.changes;
}
