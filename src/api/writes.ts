// What the three helpers do: the person signup helper, the record signature helper and the record
// attendance helper. Dedupe is by email; a person is merged, never replaced.
import type { Db } from '../db';
import { getDay } from '../advocacy-days/queries/days';
import { findActiveRegistrationByEmail } from '../advocacy-days/queries/registrations';
import { confirmRegistration, registerForDay } from '../advocacy-days/registration';
import { minimalRegistration } from '../advocacy-days/gathering-validation';
import { AppError } from '../lib/errors';
import { isLang } from '../lib/i18n';
import { findPerson, mergePerson, tagPerson, type PersonChanges } from '../people/queries';
import type { Person } from '../people/schema';
import { isLetterOpen, recordSignature } from './queries/writes';
import { organizerTagNames } from './tags';
import type { AttendanceBody, PersonInput, SignatureBody } from './validation';

type MailEnv = Pick<Env, 'PUBLIC_URL' | 'ORG_NAME' | 'MAIL_FROM' | 'EMAIL_QUEUE'>;

/** Who is writing, and when. */
export interface WriteContext {
  /** The client's origin_system, or the API key's name. */
  origin: string;
  at: number;
}

/** The custom fields we read, by their name in `custom_fields`. */
const CUSTOM_FIELDS = {
  clergy_title: 'clergyTitle',
  tradition: 'tradition',
  denomination: 'denomination',
  congregation: 'congregation',
} as const;

/** The person's primary address (or first, when none is marked). */
export function primaryEmail(input: PersonInput): string {
  return (input.email_addresses.find((entry) => entry.primary) ?? input.email_addresses[0]!).address;
}

/** What an OSDI person says, as changes to ours: only the fields it carries. */
export function personChangesFrom(input: PersonInput): PersonChanges {
  const email = input.email_addresses.find((entry) => entry.address === primaryEmail(input));
  const place = input.postal_addresses?.find((entry) => entry.primary) ?? input.postal_addresses?.[0];
  const language = input.languages_spoken?.find(isLang);
  const changes: PersonChanges = {
    givenName: input.given_name,
    familyName: input.family_name,
    locality: place?.locality,
    region: place?.region?.toUpperCase(),
    postalCode: place?.postal_code,
    lang: language,
    identifiers: input.identifiers,
  };
  if (email?.status === 'subscribed' || email?.status === 'unsubscribed') changes.emailStatus = email.status;
  for (const [name, column] of Object.entries(CUSTOM_FIELDS)) {
    const value = input.custom_fields?.[name];
    if (value !== undefined) changes[column] = String(value);
  }
  return changes;
}

/**
 * The person signup helper: creates or merges the person with this address, and gives them the
 * organizer tags named in `addTags` (made by name when new; a tag they have stays as it is).
 */
export async function signUpPerson(
  db: Db,
  input: PersonInput,
  write: WriteContext,
  addTags: readonly string[] = [],
): Promise<Person> {
  const originSystem = input.origin_system ?? write.origin;
  const person = await mergePerson(db, primaryEmail(input), personChangesFrom(input), {
    originSystem,
    at: write.at,
  });
  await tagPerson(db, person.id, organizerTagNames(addTags), { originSystem, at: write.at });
  return person;
}

/** The id at the end of a `…/people/{id}` link. */
export function personIdFromHref(href: string): string | null {
  const match = /\/people\/([^/?#]+)\/?(?:[?#].*)?$/.exec(href);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The person a helper's body names: inline (merged), or by link to an existing person. */
async function personOf(db: Db, body: SignatureBody | AttendanceBody, write: WriteContext): Promise<Person> {
  if (body.person) return signUpPerson(db, body.person, write);
  const href = body._links?.['osdi:person']?.href;
  const id = href ? personIdFromHref(href) : null;
  const person = id ? await findPerson(db, id) : null;
  if (!person) throw new AppError('bad_request');
  return person;
}

/** The record signature helper: the person, and their signature on an open letter. */
export async function recordSignatureFor(
  db: Db,
  letterId: string,
  body: SignatureBody,
  write: WriteContext,
): Promise<{ signatureId: string; person: Person }> {
  if (!(await isLetterOpen(db, letterId))) throw new AppError('not_found');
  const person = await personOf(db, body, write);
  const signatureId = await recordSignature(db, {
    letterId,
    email: person.email,
    firstName: person.givenName ?? '',
    lastName: person.familyName ?? '',
    city: person.locality ?? '',
    state: (person.region ?? '').toLowerCase(),
    comment: body.comments ?? null,
    keepInformed: person.emailStatus === 'subscribed',
    lang: person.lang && isLang(person.lang) ? person.lang : 'en',
    origin: body.origin_system ?? write.origin,
    at: write.at,
  });
  return { signatureId, person };
}

/**
 * The record attendance helper: registers the person for a day as our own form does (a seat or the
 * waitlist, one conditional statement; the confirmation email with their private link), with the
 * seat confirmed at once since the client vouches for them. An address already registered keeps its
 * registration.
 */
export async function recordAttendanceFor(
  db: Db,
  env: MailEnv,
  dayId: string,
  body: AttendanceBody,
  write: WriteContext,
): Promise<{ registrationId: string; person: Person }> {
  const day = await getDay(db, dayId);
  if (!day || day.status !== 'published') throw new AppError('not_found');
  const person = await personOf(db, body, write);
  const name = [person.givenName, person.familyName].filter(Boolean).join(' ') || person.email;
  const outcome = await registerForDay(
    db,
    env,
    day,
    minimalRegistration({
      name,
      email: person.email,
      congregation: person.congregation,
      clergy: Boolean(person.clergyTitle),
    }),
    person.lang && isLang(person.lang) ? person.lang : 'en',
    { status: 'pending' },
    write.at,
  );
  if (outcome.kind === 'closed') throw new AppError('not_found');
  if (outcome.kind === 'already_registered') {
    const existing = await findActiveRegistrationByEmail(db, day.id, person.email);
    if (!existing) throw new AppError('unavailable');
    return { registrationId: existing.id, person };
  }
  await confirmRegistration(db, outcome.registration.id, write.at);
  return { registrationId: outcome.registration.id, person };
}
