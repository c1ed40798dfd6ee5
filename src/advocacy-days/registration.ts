// Registering, cancelling and promoting from the waitlist. D1 has no transactions or locks, so
// each capacity decision is ONE statement that reads the counts and writes the row: SQLite runs one
// statement at a time, so two concurrent registrations can never both see the last free seat.
import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { dispatchEmails, queueEmail } from '../email/outbox';
import { outbox } from '../email/schema';
import { hashToken, newId, newToken } from '../lib/tokens';
import { logEvent } from '../lib/log';
import type { Lang } from '../lib/i18n';
import { mayEmailAlreadyRegistered, newCheckInCode, SEAT_HOLD_MS } from './decisions';
import { alreadyRegisteredEmail, seatEmail, waitlistEmail } from './emails';
import {
  findActiveRegistrationByEmail,
  getRegistration,
  waitlistPlace,
  type AdvocacyDay,
  type Registration,
} from './queries';
import { advocacyDays, dayRegistrationLinks, dayRegistrations } from './schema';
import type { RegistrationInput } from './validation';
import { runBatch } from '../db/batch';

type MailEnv = Pick<Env, 'PUBLIC_URL' | 'ORG_NAME' | 'MAIL_FROM' | 'EMAIL_QUEUE'>;

/** The districts found for the address, or `pending` when the geocoder could not answer. */
export type RegistrationDistricts =
  | {
      /** `found` by the geocoder, or `chosen` by the person on the form (nothing sent anywhere). */
      status: 'found' | 'chosen';
      state: string;
      upperDistrict: string | null;
      lowerDistrict: string | null;
    }
  | { status: 'pending' };

/** What happened to a registration attempt. */
export type RegisterOutcome =
  | { kind: 'registered'; registration: Registration; token: string }
  | { kind: 'waitlisted'; registration: Registration; token: string; position: number }
  /**
   * The email already had a registration: it was emailed its status and a fresh private link
   * (`emailed`), or not because one such email went out a few minutes ago. The person on the page
   * is answered exactly as for a new registration either way.
   */
  | { kind: 'already_registered'; emailed: boolean }
  /** The deadline passed (or the day was unpublished) between showing the form and sending it. */
  | { kind: 'closed' };

/** A new private link for a registration, as a statement for the same batch as its email. */
export async function newLinkStatement(db: Db, registrationId: string, at: number) {
  const token = newToken();
  // INSERT … SELECT: inserts nothing (instead of failing the batch) when the registration is absent.
  const statement = db.run(sql`
    insert into day_registration_links (token_hash, registration_id, created_at)
    select ${await hashToken(token)}, id, ${at} from day_registrations where id = ${registrationId}`);
  return { token, statement };
}

/**
 * The one conditional INSERT of a registration: `registered` while fewer than `capacity` people hold
 * a seat and nobody is waiting, else `waitlisted`; `seq` is the next arrival number. Nothing is
 * inserted when the day is closed or the email already has an active registration. The seat is
 * held for SEAT_HOLD_MS until the person confirms it (see releaseExpiredHolds).
 */
function insertRegistrationStatement(
  db: Db,
  values: {
    id: string;
    dayId: string;
    input: RegistrationInput;
    lang: Lang;
    districts: RegistrationDistricts;
    checkInCode: string;
    at: number;
    isDemo?: boolean;
  },
) {
  const { id, dayId, input, lang, districts, checkInCode, at } = values;
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
      ${input.name}, ${input.email}, ${input.phone}, ${input.address}, ${input.congregation},
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
function keepEmailOnlyIf(db: Db, outboxId: string, registrationId: string, status: Registration['status']) {
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
const WAITLIST_PLACE_MARK = 'WTWAITLISTPLACE0MARK';

/**
 * Writes the waitlist place into a queued waitlist email (same batch, after the INSERT): the
 * number of people waiting who arrived up to and including this registration.
 */
function fillWaitlistPlaceStatement(db: Db, outboxId: string, registrationId: string) {
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
 * Registers a person. The registration, its private link and its confirmation email are written in
 * one batch: both possible emails (seat or waitlist) are queued and the one that does not match the
 * status the INSERT chose is deleted by the same batch, so exactly one is stored, or none when
 * nothing was inserted.
 */
export async function registerForDay(
  db: Db,
  env: MailEnv,
  day: AdvocacyDay,
  input: RegistrationInput,
  lang: Lang,
  districts: RegistrationDistricts,
  at = Date.now(),
): Promise<RegisterOutcome> {
  // A check-in code can collide with another one of the same day (1 in ~10^9): then try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = newId();
    const checkInCode = newCheckInCode();
    const link = await newLinkStatement(db, id, at);
    const recipient = { id, name: input.name, email: input.email, lang, checkInCode };
    const seat = queueEmail(
      db,
      env,
      seatEmail(env, day, recipient, link.token, { id: `days-seat:${id}`, holdExpiresAt: at + SEAT_HOLD_MS }),
      at,
    );
    const waiting = queueEmail(
      db,
      env,
      waitlistEmail(env, day, recipient, link.token, {
        id: `days-waitlisted:${id}`,
        position: WAITLIST_PLACE_MARK,
        holdExpiresAt: at + SEAT_HOLD_MS,
      }),
      at,
    );
    await runBatch(db, [
      insertRegistrationStatement(db, { id, dayId: day.id, input, lang, districts, checkInCode, at }),
      link.statement,
      seat.statement,
      waiting.statement,
      keepEmailOnlyIf(db, seat.id, id, 'registered'),
      keepEmailOnlyIf(db, waiting.id, id, 'waitlisted'),
      fillWaitlistPlaceStatement(db, waiting.id, id),
    ]);
    const registration = await getRegistration(db, id);
    if (registration) {
      await dispatchEmails(env, [registration.status === 'registered' ? seat.id : waiting.id]);
      logEvent('info', 'days.registered', { dayId: day.id, registrationId: id, status: registration.status });
      if (registration.status === 'registered')
        return { kind: 'registered', registration, token: link.token };
      return {
        kind: 'waitlisted',
        registration,
        token: link.token,
        position: await waitlistPlace(db, registration),
      };
    }
    const existing = await findActiveRegistrationByEmail(db, day.id, input.email);
    if (existing) {
      const sent = await emailAlreadyRegistered(db, env, day, existing, at);
      return { kind: 'already_registered', emailed: sent === 'sent' };
    }
    if (!(await isOpenForRegistration(db, day.id, at))) return { kind: 'closed' };
  }
  throw new Error('Could not store the registration');
}

async function isOpenForRegistration(db: Db, dayId: string, at: number): Promise<boolean> {
  const row = await db.get<{ open: number }>(sql`
    select count(*) as open from advocacy_days
    where id = ${dayId} and status = 'published' and registration_deadline > ${at} and starts_at > ${at}`);
  return Number(row?.open ?? 0) > 0;
}

/**
 * Emails the holder of an address someone entered again: "you are already registered", with their
 * status and a fresh private link, in their stored language. Nothing about the registration
 * changes. At most one such email per ALREADY_REGISTERED_EMAIL_EVERY_MS: the claim is a
 * compare-and-set on `alreadyRegisteredEmailAt`, and the outbox id is derived from the value read,
 * so two simultaneous requests store one email between them.
 */
export async function emailAlreadyRegistered(
  db: Db,
  env: MailEnv,
  day: AdvocacyDay,
  registration: Registration,
  at = Date.now(),
): Promise<'sent' | 'rate_limited'> {
  const previous = registration.alreadyRegisteredEmailAt;
  if (!mayEmailAlreadyRegistered(previous, at)) {
    logEvent('info', 'days.already_registered_limited', { dayId: day.id, registrationId: registration.id });
    return 'rate_limited';
  }
  const position = registration.status === 'waitlisted' ? await waitlistPlace(db, registration) : null;
  const link = await newLinkStatement(db, registration.id, at);
  const email = queueEmail(
    db,
    env,
    alreadyRegisteredEmail(env, day, registration, link.token, {
      id: `days-already:${registration.id}:${previous ?? 0}`,
      position,
    }),
    at,
  );
  const [claim] = await runBatch(db, [
    db
      .update(dayRegistrations)
      .set({ alreadyRegisteredEmailAt: at })
      .where(
        and(
          eq(dayRegistrations.id, registration.id),
          previous === null
            ? isNull(dayRegistrations.alreadyRegisteredEmailAt)
            : eq(dayRegistrations.alreadyRegisteredEmailAt, previous),
        ),
      ),
    // A request that loses the claim adds a link nobody ever receives (harmless) and an email whose
    // id the winner already stored (ignored).
    link.statement,
    email.statement,
  ]);
  if ((claim?.meta.changes ?? 0) === 0) return 'rate_limited';
  await dispatchEmails(env, [email.id]);
  logEvent('info', 'days.already_registered_emailed', { dayId: day.id, registrationId: registration.id });
  return 'sent';
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

/**
 * Cancels a registration (from the person's private page) and, in the same batch, gives the seat
 * to the first person waiting. Returns false when it was already cancelled.
 */
export async function cancelRegistration(
  db: Db,
  env: MailEnv,
  day: AdvocacyDay,
  registrationId: string,
  at = Date.now(),
): Promise<boolean> {
  const [cancel] = await runBatch(db, [
    db
      .update(dayRegistrations)
      .set({ status: 'cancelled', cancelledAt: at, teamId: null, teamRole: null })
      .where(
        and(
          eq(dayRegistrations.id, registrationId),
          inArray(dayRegistrations.status, ['registered', 'waitlisted']),
        ),
      ),
    promoteFromWaitlistStatement(db, day.id, at),
  ]);
  const changed = (cancel?.meta.changes ?? 0) > 0;
  if (changed) logEvent('info', 'days.cancelled', { dayId: day.id, registrationId });
  await notifyPromotions(db, env, day, at);
  return changed;
}

/**
 * Emails everyone promoted and not yet told: a fresh private link, the "a seat opened for you"
 * email and the mark that it was sent, in one batch per person. Also run by the frequent job, so a
 * failure after the promotion never leaves someone untold; the outbox id makes a repeat harmless.
 */
export async function notifyPromotions(
  db: Db,
  env: MailEnv,
  day: AdvocacyDay,
  at = Date.now(),
): Promise<number> {
  const promoted = await db
    .select()
    .from(dayRegistrations)
    .where(
      and(
        eq(dayRegistrations.dayId, day.id),
        eq(dayRegistrations.status, 'registered'),
        isNotNull(dayRegistrations.promotedAt),
        isNull(dayRegistrations.promotionNotifiedAt),
      ),
    );
  const ids: string[] = [];
  for (const person of promoted) {
    const link = await newLinkStatement(db, person.id, at);
    const email = queueEmail(
      db,
      env,
      seatEmail(env, day, person, link.token, {
        id: `days-promoted:${person.id}:${person.promotedAt}`,
        promoted: true,
        holdExpiresAt: person.holdExpiresAt,
      }),
      at,
    );
    const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
      link.statement,
      email.statement,
      db
        .update(dayRegistrations)
        .set({ promotionNotifiedAt: at })
        .where(and(eq(dayRegistrations.id, person.id), isNull(dayRegistrations.promotionNotifiedAt))),
    ];
    await runBatch(db, statements);
    ids.push(email.id);
    logEvent('info', 'days.promoted', { dayId: day.id, registrationId: person.id });
  }
  await dispatchEmails(env, ids);
  return ids.length;
}

/**
 * The person confirmed their seat or waitlist place from the emailed link: the hold ends and the
 * place is theirs. Returns false when there was no hold to confirm (already confirmed, or released).
 */
export async function confirmRegistration(db: Db, registrationId: string, at = Date.now()): Promise<boolean> {
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
  if (confirmed.length) logEvent('info', 'days.confirmed', { registrationId });
  return confirmed.length > 0;
}

/**
 * Releases seats and waitlist places whose hold ran out unconfirmed, and in the same batch gives
 * each freed seat to the first person waiting (one conditional UPDATE per day, so no overbooking
 * under concurrency); the promoted are emailed. Safe to run twice. Returns the number released.
 */
export async function releaseExpiredHolds(db: Db, env: MailEnv, at = Date.now()): Promise<number> {
  const expired = and(
    inArray(dayRegistrations.status, ['registered', 'waitlisted']),
    isNotNull(dayRegistrations.holdExpiresAt),
    lte(dayRegistrations.holdExpiresAt, at),
  );
  const days = await db
    .selectDistinct({ day: advocacyDays })
    .from(dayRegistrations)
    .innerJoin(advocacyDays, eq(advocacyDays.id, dayRegistrations.dayId))
    .where(expired);
  let released = 0;
  for (const { day } of days) {
    const [release] = await runBatch(db, [
      db
        .update(dayRegistrations)
        .set({ status: 'cancelled', cancelledAt: at, teamId: null, teamRole: null })
        .where(and(eq(dayRegistrations.dayId, day.id), expired)),
      promoteFromWaitlistStatement(db, day.id, at),
    ]);
    const count = release?.meta.changes ?? 0;
    released += count;
    logEvent('info', 'days.holds_released', { dayId: day.id, count });
    await notifyPromotions(db, env, day, at);
  }
  return released;
}
