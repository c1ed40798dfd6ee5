// Shared setup for the advocacy-day tests: a day row, registration fields, reading the outbox.
import { env } from 'cloudflare:workers';
import { getDb } from '../../src/db';
import { DAY, HOUR } from '../../src/lib/time';
import { eq } from 'drizzle-orm';
import { advocacyDays, dayRegistrations } from '../../src/advocacy-days/schema';
import type { RegistrationInput } from '../../src/advocacy-days/validation';
import { recordedResponses, noMatchResponse } from '../../src/officials/geocoder-recordings';
import { stubFetch } from '../helpers';

export const db = getDb(env);

let counter = 0;

/** Inserts a published day; returns it. Each call gets its own id and slug. */
export async function createDay(overrides: Partial<typeof advocacyDays.$inferInsert> = {}) {
  counter += 1;
  const now = Date.now();
  const values: typeof advocacyDays.$inferInsert = {
    id: `test-day-${counter}-${crypto.randomUUID().slice(0, 8)}`,
    slug: `test-day-${counter}-${crypto.randomUUID().slice(0, 8)}`,
    title: 'Georgia Faith Advocacy Day',
    summary: 'Meet your legislators with neighbors of faith.',
    startsAt: now + 30 * DAY,
    endsAt: now + 30 * DAY + 8 * HOUR,
    timeZone: 'America/New_York',
    placeName: 'Georgia State Capitol',
    address: '206 Washington St SW, Atlanta, GA 30334',
    state: 'ga',
    agenda: '8:30 Training\n11:00 Rally\n13:00 Legislator visits\n15:30 Debrief',
    whatToBring: 'Photo ID for the capitol entrance.',
    accessibility: 'The capitol has step-free entrances.',
    capacity: 10,
    registrationDeadline: now + 20 * DAY,
    talkingPoints: 'Vote no on SB 6.',
    leaveBehind: 'Our congregations ask you to stand with immigrant families.',
    status: 'published',
    createdAt: now,
    ...overrides,
  };
  // Read back, so that the column defaults (the empty Spanish texts) are there as the app sees them.
  const [row] = await db.insert(advocacyDays).values(values).returning();
  return row!;
}

/** A day's registrations in arrival order. */
export async function registrationsOf(dayId: string) {
  return db
    .select()
    .from(dayRegistrations)
    .where(eq(dayRegistrations.dayId, dayId))
    .orderBy(dayRegistrations.seq);
}

/** A valid registration form. */
/** A registration as the form gives it to registerForDay: the name from the address, nothing optional. */
export function registrationInput(email: string, over: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    name: email.split('@')[0]!,
    email,
    phone: null,
    address: '206 Washington St SW, Atlanta, GA 30334',
    congregation: null,
    faithRole: 'lay',
    languages: null,
    needsInterpretation: false,
    accessibilityNeeds: null,
    dietaryNeeds: null,
    firstTime: false,
    willingToShareStory: false,
    ride: 'none',
    rideSeats: null,
    photoConsent: false,
    ...over,
  };
}

export function registrationFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Ana Pérez',
    email: 'ana@example.org',
    phone: '404-555-0100',
    address: '206 Washington St SW, Atlanta, GA 30334',
    congregation: 'St. Mark UMC',
    faithRole: 'lay',
    languages: 'English, Spanish',
    accessibilityNeeds: '',
    dietaryNeeds: 'Vegetarian',
    firstTime: 'on',
    willingToShareStory: 'on',
    ride: 'none',
    rideSeats: '',
    photoConsent: 'on',
    website: '',
    ...overrides,
  };
}

/** Answers the Census geocoder with the recorded Atlanta response (or a failure). */
export function stubGeocoder(mode: 'atlanta' | 'down' | 'no-match' = 'atlanta') {
  return stubFetch((request) => {
    if (!request.url.startsWith('https://geocoding.geo.census.gov/'))
      return new Response('unexpected', { status: 599 });
    if (mode === 'down') return new Response('Service Unavailable', { status: 503 });
    const body =
      mode === 'no-match' ? noMatchResponse : recordedResponses['206 washington st sw atlanta ga 30334'];
    return Response.json(body);
  });
}

/** Outbox rows, optionally those whose id starts with a prefix. */
export async function outboxRows(prefix = '') {
  const { results } = await env.DB.prepare(
    'select id, template, to_address as "to", subject, text_body as text, attachments, unsubscribe_url as unsubscribeUrl from outbox where substr(id, 1, ?) = ? order by created_at',
  )
    .bind(prefix.length, prefix)
    .all<{
      id: string;
      template: string;
      to: string;
      subject: string;
      text: string;
      attachments: string | null;
      unsubscribeUrl: string | null;
    }>();
  return results;
}

/** The private-link token in a page or email text. */
export function tokenFrom(text: string): string {
  const match = /\/days\/r\/([A-Za-z0-9_-]{20,})/.exec(text);
  if (!match) throw new Error('No private link found');
  return match[1]!;
}

/** The private-link token in the newest email sent to an address (the page after the form has none). */
export async function tokenMailedTo(email: string): Promise<string> {
  const row = await env.DB.prepare(
    'select text_body as text from outbox where to_address = ? order by created_at desc, rowid desc limit 1',
  )
    .bind(email)
    .first<{ text: string }>();
  if (!row) throw new Error('No email sent to this address');
  return tokenFrom(row.text);
}
