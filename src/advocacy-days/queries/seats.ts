// The capacity-sensitive statements: register, cancel, confirm, release and promote. D1 has no
// transactions or locks, so each capacity decision is ONE statement that reads the counts and writes
// the row: SQLite runs one statement at a time, so two concurrent registrations can never both see
// the last free seat. registration.ts puts these in batches with the emails they cause.
import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { recordEventsFor } from '../../webhooks/queries';
import { outbox } from '../../email/schema';
import type { Lang } from '../../lib/i18n';
import { SEAT_HOLD_MS } from '../decisions';
import { advocacyDays, dayRegistrations, type AdvocacyDay, type Registration } from '../schema';
import type { RegistrationDistricts, RegistrationInput } from '../validation';

/** A new registration's values, for `insertRegistrationStatement`. */
export interface NewRegistration {
  id: string;
  dayId: string;
  input: RegistrationInput;
  lang: Lang;
  districts: RegistrationDistricts;
  checkInCode: string;
  /** The phone and address as stored: sealed by `sealRegistrationContacts` (contact-fields.ts). */
  sealedContacts: { phone: string | null; address: string | null };
  at: number;
  isDemo?: boolean;
}

/**
 * The one conditional INSERT of a registration: `registered` while fewer than `capacity` people hold
 * a seat and nobody is waiting, else `waitlisted`; `seq` is the next arrival number. Nothing is
 * inserted when the day is closed or the email already has an active registration. The seat is
 * held for SEAT_HOLD_MS until the person confirms it (see releaseExpiredHolds).
 */
export function insertRegistrationStatement(db: Db, values: NewRegistration) {
  const { id, dayId, input, lang, districts, checkInCode, sealedContacts, at } = values;
  const found = districts.status === 'pending' ? null : districts;
  const districtStatus = districts.status === 'chosen' ? 'manual' : found ? 'found' : 'pending';
  return db.run(sql`
    insert into day_registrations (
      id, day_id, seq, status, name, email, phone, address, congregation, faith_role, languages,
      needs_interpretation, accessibility_needs, dietary_needs, first_time, willing_to_share_story,
      ride, ride_seats, photo_consent, lang, district_status, home_state, upper_district,
      lower_district, check_in_code, hold_expires_at, is_demo, created_at
    )
    select
      ${id}, d.id,
      (select coalesce(max(r.seq), 0) + 1 from day_registrations r where r.day_id = d.id),
      case
        when (select count(*) from day_registrations r where r.day_id = d.id and r.status = 'registered') < d.capacity
          and not exists (select 1 from day_registrations r where r.day_id = d.id and r.status = 'waitlisted')
        then 'registered' else 'waitlisted'
      end,
      ${input.name}, ${input.email}, ${sealedContacts.phone}, ${sealedContacts.address}, ${input.congregation},
      ${input.faithRole}, ${input.languages}, ${input.needsInterpretation ? 1 : 0},
      ${input.accessibilityNeeds}, ${input.dietaryNeeds}, ${input.firstTime ? 1 : 0},
      ${input.willingToShareStory ? 1 : 0}, ${input.ride}, ${input.rideSeats},
      ${input.photoConsent ? 1 : 0}, ${lang}, ${districtStatus}, ${found?.state ?? null},
      ${found?.upperDistrict ?? null}, ${found?.lowerDistrict ?? null}, ${checkInCode},
      ${values.isDemo ? null : at + SEAT_HOLD_MS}, ${values.isDemo ? 1 : 0}, ${at}
    from advocacy_days d
    where d.id = ${dayId} and d.status = 'published' and d.registration_deadline > ${at} and d.starts_at > ${at}
    on conflict do nothing`);
}

/** Deletes a queued email again unless the registration ended up in `status` (same batch). */
export function keepEmailOnlyIfStatement(
  db: Db,
  outboxId: string,
  registrationId: string,
  status: Registration['status'],
) {
  return db.run(sql`
    delete from ${outbox} where id = ${outboxId} and not exists (
      select 1 from day_registrations where id = ${registrationId} and status = ${status})`);
}

/**
 * Stands in for the waitlist place in the waitlist email until the batch knows it. The page after
 * the form cannot say the place (it answers the same for everyone, see CheckEmailPage), so the
 * email must; but the place is decided by the INSERT in the same batch, which no other statement's
 * parameters can read. Letters and digits only, so HTML escaping leaves it as it is.
 */
export const WAITLIST_PLACE_MARK = 'WTWAITLISTPLACE0MARK';

/**
 * Writes the waitlist place into a queued waitlist email (same batch, after the INSERT): the
 * number of people waiting who arrived up to and including this registration.
 */
export function fillWaitlistPlaceStatement(db: Db, outboxId: string, registrationId: string) {
  const place = sql`(select cast(count(*) as text) from day_registrations w
    where w.day_id = (select day_id from day_registrations where id = ${registrationId})
      and w.status = 'waitlisted'
      and w.seq <= (select seq from day_registrations where id = ${registrationId}))`;
  return db.run(sql`
    update ${outbox} set
      text_body = replace(text_body, ${WAITLIST_PLACE_MARK}, ${place}),
      html_body = replace(html_body, ${WAITLIST_PLACE_MARK}, ${place})
    where id = ${outboxId}`);
}

/**
 * Gives free seats to the first people waiting, in arrival order, in one UPDATE: the number promoted
 * is the capacity minus the seats taken, computed inside the statement. Promoted rows get
 * `promotedAt`; `notifyPromotions` emails them.
 */
export function promoteFromWaitlistStatement(db: Db, dayId: string, at: number) {
  return db.run(sql`
    update day_registrations set status = 'registered', promoted_at = ${at}
    where id in (
      select id from day_registrations
      where day_id = ${dayId} and status = 'waitlisted'
      order by seq
      limit max(0,
        (select capacity from advocacy_days where id = ${dayId})
        - (select count(*) from day_registrations where day_id = ${dayId} and status = 'registered'))
    )`);
}

/** Cancels a registration still holding a seat or a place (it leaves its team), as a statement. */
export function cancelRegistrationStatement(db: Db, registrationId: string, at: number) {
  return db
    .update(dayRegistrations)
    .set({ status: 'cancelled', cancelledAt: at, teamId: null, teamRole: null })
    .where(
      and(
        eq(dayRegistrations.id, registrationId),
        inArray(dayRegistrations.status, ['registered', 'waitlisted']),
      ),
    );
}

/**
 * Ends the hold on a seat or waitlist place: the place is the person's. False when there was no
 * hold to confirm (already confirmed, or released).
 */
export async function endHold(db: Db, registrationId: string, at: number): Promise<boolean> {
  const confirmed = await db
    .update(dayRegistrations)
    .set({ holdExpiresAt: null })
    .where(
      and(
        eq(dayRegistrations.id, registrationId),
        inArray(dayRegistrations.status, ['registered', 'waitlisted']),
        isNotNull(dayRegistrations.holdExpiresAt),
        gt(dayRegistrations.holdExpiresAt, at),
      ),
    )
    .returning({ id: dayRegistrations.id });
  return confirmed.length > 0;
}

/** Seats and waitlist places whose hold ran out unconfirmed at `at`. */
function holdExpired(at: number) {
  return and(
    inArray(dayRegistrations.status, ['registered', 'waitlisted']),
    isNotNull(dayRegistrations.holdExpiresAt),
    lte(dayRegistrations.holdExpiresAt, at),
  );
}

/** The days with a seat or place whose hold ran out unconfirmed. */
export async function listDaysWithExpiredHolds(db: Db, at: number): Promise<AdvocacyDay[]> {
  const rows = await db
    .selectDistinct({ day: advocacyDays })
    .from(dayRegistrations)
    .innerJoin(advocacyDays, eq(advocacyDays.id, dayRegistrations.dayId))
    .where(holdExpired(at));
  return rows.map(({ day }) => day);
}

/** Cancels a day's seats and places whose hold ran out, as a statement (its changes are the count). */
export function releaseExpiredHoldsStatement(db: Db, dayId: string, at: number) {
  return db
    .update(dayRegistrations)
    .set({ status: 'cancelled', cancelledAt: at, teamId: null, teamRole: null })
    .where(and(eq(dayRegistrations.dayId, dayId), holdExpired(at)));
}

/** Marks a promoted person as told, once, as a statement for the batch that queues the email. */
export function markPromotionToldStatement(db: Db, registrationId: string, at: number) {
  return db
    .update(dayRegistrations)
    .set({ promotionNotifiedAt: at })
    .where(and(eq(dayRegistrations.id, registrationId), isNull(dayRegistrations.promotionNotifiedAt)));
}

/**
 * Claims the "you are already registered" email: a compare-and-set on `alreadyRegisteredEmailAt`
 * from the value read (`previous`), as a statement whose changes say whether this request won.
 */
export function claimAlreadyRegisteredEmailStatement(
  db: Db,
  registrationId: string,
  previous: number | null,
  at: number,
) {
  return db
    .update(dayRegistrations)
    .set({ alreadyRegisteredEmailAt: at })
    .where(
      and(
        eq(dayRegistrations.id, registrationId),
        previous === null
          ? isNull(dayRegistrations.alreadyRegisteredEmailAt)
          : eq(dayRegistrations.alreadyRegisteredEmailAt, previous),
      ),
    );
}

/**
 * The `registration.changed` webhook events of the registrations a change touched at `at`, for the
 * change's own batch (after its statements): the new registration, those cancelled, released or
 * promoted at `at`. One event per registration and change (the id ends with `:<at>`).
 */
export function registrationChangedEvents(
  db: Db,
  touched: { registrationId?: string; dayId?: string },
  at: number,
) {
  const byId = touched.registrationId
    ? sql`(id = ${touched.registrationId} and (created_at = ${at} or cancelled_at = ${at}))`
    : sql`0`;
  const byDay = touched.dayId
    ? sql`(day_id = ${touched.dayId} and (promoted_at = ${at} or cancelled_at = ${at}))`
    : sql`0`;
  return recordEventsFor(
    db,
    'registration.changed',
    sql`select id from day_registrations where ${byId} or ${byDay}`,
    at,
    `:${at}`,
  );
}
