// Registering, cancelling, confirming and promoting from the waitlist, each with the email it
// causes in the same batch. The capacity decisions themselves are single statements in
// queries/seats.ts (D1 has no transactions or locks).
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { runBatch } from '../db/batch';
import { dispatchEmails, queueEmail } from '../email/outbox';
import { dispatchWebhooks } from '../webhooks/delivery';
import { newId } from '../lib/tokens';
import { logEvent } from '../lib/log';
import type { Lang } from '../lib/i18n';
import { mayEmailAlreadyRegistered, newCheckInCode, SEAT_HOLD_MS } from './decisions';
import { sealRegistrationContacts } from './contact-fields';
import { alreadyRegisteredEmail, seatEmail, waitlistEmail } from './emails';
import { newLinkStatement } from './queries/links';
import { registrationTermsStatement } from './queries/search';
import {
  findActiveRegistrationByEmail,
  getRegistration,
  listUntoldPromotions,
  waitlistPlace,
} from './queries/registrations';
import { isOpenForRegistration } from './queries/days';
import {
  cancelRegistrationStatement,
  claimAlreadyRegisteredEmailStatement,
  endHold,
  fillWaitlistPlaceStatement,
  insertRegistrationStatement,
  keepEmailOnlyIfStatement,
  listDaysWithExpiredHolds,
  markPromotionToldStatement,
  promoteFromWaitlistStatement,
  registrationChangedEvents,
  releaseExpiredHoldsStatement,
  WAITLIST_PLACE_MARK,
} from './queries/seats';
import type { AdvocacyDay, Registration } from './schema';
import type { RegistrationDistricts, RegistrationInput } from './validation';

type MailEnv = Pick<Env, 'PUBLIC_URL' | 'ORG_NAME' | 'MAIL_FROM' | 'EMAIL_QUEUE'> &
  Partial<Pick<Env, 'WEBHOOK_QUEUE'>>;

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
    const sealedContacts = await sealRegistrationContacts(db, id, {
      phone: input.phone,
      address: input.address,
    });
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
      insertRegistrationStatement(db, {
        id,
        dayId: day.id,
        input,
        lang,
        districts,
        checkInCode,
        sealedContacts,
        at,
      }),
      registrationTermsStatement(db, { id, dayId: day.id, ...input }),
      link.statement,
      seat.statement,
      waiting.statement,
      keepEmailOnlyIfStatement(db, seat.id, id, 'registered'),
      keepEmailOnlyIfStatement(db, waiting.id, id, 'waitlisted'),
      fillWaitlistPlaceStatement(db, waiting.id, id),
      ...registrationChangedEvents(db, { registrationId: id }, at),
    ]);
    const registration = await getRegistration(db, id);
    if (registration) {
      await dispatchWebhooks(db, env, at);
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
    claimAlreadyRegisteredEmailStatement(db, registration.id, previous, at),
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
    cancelRegistrationStatement(db, registrationId, at),
    promoteFromWaitlistStatement(db, day.id, at),
    ...registrationChangedEvents(db, { registrationId, dayId: day.id }, at),
  ]);
  const changed = (cancel?.meta.changes ?? 0) > 0;
  if (changed) await dispatchWebhooks(db, env, at);
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
  const promoted = await listUntoldPromotions(db, day.id);
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
      markPromotionToldStatement(db, person.id, at),
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
  const confirmed = await endHold(db, registrationId, at);
  if (confirmed) logEvent('info', 'days.confirmed', { registrationId });
  return confirmed;
}

/**
 * Releases seats and waitlist places whose hold ran out unconfirmed, and in the same batch gives
 * each freed seat to the first person waiting (one conditional UPDATE per day, so no overbooking
 * under concurrency); the promoted are emailed. Safe to run twice. Returns the number released.
 */
export async function releaseExpiredHolds(db: Db, env: MailEnv, at = Date.now()): Promise<number> {
  let released = 0;
  for (const day of await listDaysWithExpiredHolds(db, at)) {
    const [release] = await runBatch(db, [
      releaseExpiredHoldsStatement(db, day.id, at),
      promoteFromWaitlistStatement(db, day.id, at),
      ...registrationChangedEvents(db, { dayId: day.id }, at),
    ]);
    const count = release?.meta.changes ?? 0;
    if (count > 0) await dispatchWebhooks(db, env, at);
    released += count;
    logEvent('info', 'days.holds_released', { dayId: day.id, count });
    await notifyPromotions(db, env, day, at);
  }
  return released;
}
