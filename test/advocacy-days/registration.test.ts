import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { dayRegistrations } from '../../src/advocacy-days/schema';
import { DAY } from '../../src/lib/time';
import { postForm, request } from '../helpers';
import { checkCalendar } from '../checks/ical';
import { env } from 'cloudflare:workers';
import { registerForDay } from '../../src/advocacy-days/registration';
import { registrationSchema } from '../../src/advocacy-days/validation';
import {
  createDay,
  db,
  outboxRows,
  registrationFields,
  stubGeocoder,
  tokenFrom,
  tokenMailedTo,
} from './fixtures';

/** Validated registration input, as the route hands it to registerForDay. */
function registrationInput(overrides: Record<string, string>) {
  return registrationSchema.parse(registrationFields(overrides));
}

let stub: ReturnType<typeof stubGeocoder> | undefined;
afterEach(() => stub?.restore());

async function registrationsOf(dayId: string) {
  return db
    .select()
    .from(dayRegistrations)
    .where(eq(dayRegistrations.dayId, dayId))
    .orderBy(dayRegistrations.seq);
}

function register(slug: string, fields: Record<string, string>, ip = '198.51.100.1', lang?: string) {
  return postForm(`/days/${slug}/register`, fields, { headers: { 'cf-connecting-ip': ip }, lang });
}

describe('GET /days/:slug', () => {
  it('shows the day, seats left, the deadline and exactly the fields of the issue', async () => {
    const day = await createDay();
    const html = await (await request(`/days/${day.slug}`)).text();
    expect(html).toContain(day.title);
    expect(html).toContain('10 of 10 seats left');
    expect(html).toContain('Registration closes');
    expect(html).toContain('Used only to find your state senate and house districts');
    expect(html).toContain('openstreetmap.org');
    const names = [...html.matchAll(/<(?:input|select|textarea)[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(
      new Set([
        'lang',
        'back',
        'name',
        'email',
        'phone',
        'address',
        // The alternative to the address that sends nothing to the geocoder (issue 15, item 3).
        'upperDistrict',
        'lowerDistrict',
        'congregation',
        'faithRole',
        'languages',
        'needsInterpretation',
        'accessibilityNeeds',
        'dietaryNeeds',
        'firstTime',
        'willingToShareStory',
        'ride',
        'rideSeats',
        'photoConsent',
        'website',
      ]),
    );
    expect(html.toLowerCase()).not.toContain('immigration status');
  });

  it('answers 404 for a draft day', async () => {
    const day = await createDay({ status: 'draft' });
    expect((await request(`/days/${day.slug}`)).status).toBe(404);
  });
});

describe('POST /days/:slug/register', () => {
  it('registers, stores the language and districts, and queues one confirmation with the .ics', async () => {
    stub = stubGeocoder('atlanta');
    const day = await createDay();
    const response = await register(
      day.slug,
      registrationFields({ email: 'Ana@Example.org' }),
      undefined,
      'es',
    );
    // The answer only says to check the email: the seat (or waitlist place) is told there.
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/days/${day.slug}/check-email`);
    const html = await (await request(`/days/${day.slug}/check-email`, { lang: 'es' })).text();
    expect(html).toContain('Revise su correo electrónico');
    expect(html).not.toContain('Tiene su lugar');
    expect(html).not.toContain('/days/r/');
    const [reg] = await registrationsOf(day.id);
    expect(reg).toMatchObject({
      status: 'registered',
      email: 'ana@example.org',
      lang: 'es',
      districtStatus: 'found',
      homeState: 'ga',
      upperDistrict: '36',
      lowerDistrict: '58',
      willingToShareStory: true,
    });
    const emails = await outboxRows(`days-seat:${reg!.id}`);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain('Tiene su lugar');
    expect(emails[0]!.text).toContain(reg!.checkInCode);
    expect(emails[0]!.text).toContain('calendar.google.com');
    const attachments = JSON.parse(emails[0]!.attachments!) as {
      filename: string;
      content: string;
      contentType: string;
    }[];
    expect(attachments[0]!.contentType).toContain('text/calendar');
    // The attachment opens in Mozilla's ical.js (Thunderbird), organizer address included.
    const ics = new TextDecoder().decode(
      Uint8Array.from(atob(attachments[0]!.content), (ch) => ch.charCodeAt(0)),
    );
    const { events } = checkCalendar(ics, 'seat email attachment');
    expect(events).toHaveLength(1);
    expect(events[0]!.organizer).toBe('mailto:no-reply@example.org');
    expect(await outboxRows(`days-waitlisted:${reg!.id}`)).toHaveLength(0);
    // The private link in the email opens the person's page.
    const page = await request(`/days/r/${tokenFrom(emails[0]!.text)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(reg!.checkInCode);
  });

  it('keeps the registration with districts pending when the geocoder is down or finds nothing', async () => {
    const day = await createDay();
    stub = stubGeocoder('down');
    expect((await register(day.slug, registrationFields({ email: 'down@example.org' }))).status).toBe(303);
    stub.restore();
    stub = stubGeocoder('no-match');
    expect(
      (await register(day.slug, registrationFields({ email: 'nomatch@example.org', address: '30000' })))
        .status,
    ).toBe(303);
    const rows = await registrationsOf(day.id);
    expect(rows.map((r) => [r.email, r.status, r.districtStatus, r.upperDistrict])).toEqual([
      ['down@example.org', 'registered', 'pending', null],
      ['nomatch@example.org', 'registered', 'pending', null],
    ]);
  });

  it('gives exactly 10 seats to 30 concurrent registrations and waitlists the other 20 in order', async () => {
    stub = stubGeocoder('down');
    const day = await createDay({ capacity: 10 });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        register(
          day.slug,
          registrationFields({ email: `person${i}@example.org`, name: `Person ${i}` }),
          `203.0.113.${i + 1}`,
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(303));
    const rows = await registrationsOf(day.id);
    expect(rows).toHaveLength(30);
    const registered = rows.filter((r) => r.status === 'registered');
    const waitlisted = rows.filter((r) => r.status === 'waitlisted');
    expect(registered).toHaveLength(10);
    expect(waitlisted).toHaveLength(20);
    // Seats went to the first ten arrivals; the waitlist is everyone after them, in arrival order.
    expect(registered.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(waitlisted.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 11));
    // Every answer is the same; each waitlist email tells its person their own place.
    expect(new Set(responses.map((r) => r.headers.get('location'))).size).toBe(1);
    for (const [index, row] of waitlisted.entries()) {
      const [mail] = await outboxRows(`days-waitlisted:${row.id}`);
      expect(mail!.text).toContain(`Your place on the waitlist: ${index + 1}.`);
      expect(mail!.text).not.toContain('WTWAITLISTPLACE');
    }
    // Exactly one confirmation per person, of the right kind.
    for (const row of rows) {
      const seat = await outboxRows(`days-seat:${row.id}`);
      const wait = await outboxRows(`days-waitlisted:${row.id}`);
      expect([seat.length, wait.length]).toEqual(row.status === 'registered' ? [1, 0] : [0, 1]);
    }
  }, 30_000);

  it('answers a repeat address exactly like a new one, and emails the holder instead', async () => {
    stub = stubGeocoder('atlanta');
    const day = await createDay();
    // The holder registered in Spanish; a stranger then types the address on the English page.
    const first = await register(
      day.slug,
      registrationFields({ email: 'twice@example.org' }),
      undefined,
      'es',
    );
    const fresh = await register(day.slug, registrationFields({ email: 'someone-new@example.org' }));
    const repeat = await register(
      day.slug,
      registrationFields({ email: 'TWICE@example.org', name: 'Other name' }),
      '198.51.100.9',
    );
    expect(first.status).toBe(303);
    expect(repeat.status).toBe(fresh.status);
    expect(repeat.headers.get('location')).toBe(fresh.headers.get('location'));
    expect(await repeat.text()).toBe(await fresh.text());
    const repeatHtml = await (await request(repeat.headers.get('location')!)).text();
    expect(repeatHtml).toContain('Check your email');
    expect(repeatHtml.toLowerCase()).not.toContain('already');
    const rows = await registrationsOf(day.id);
    expect(rows.filter((r) => r.email === 'twice@example.org')).toHaveLength(1);
    const holder = rows.find((r) => r.email === 'twice@example.org')!;
    expect(holder).toMatchObject({ name: 'Ana Pérez', status: 'registered', seq: 1, lang: 'es' });
    // Exactly one "already registered" email, in the holder's stored language, with their status.
    const already = await outboxRows(`days-already:${holder.id}:`);
    expect(already).toHaveLength(1);
    expect(already[0]!.to).toBe('twice@example.org');
    expect(already[0]!.template).toBe('days-already-registered');
    expect(already[0]!.subject).toContain('Ya está inscrito(a)');
    expect(already[0]!.text).toContain('Hola, Ana Pérez');
    expect(already[0]!.text).toContain('Tiene su lugar');
    expect(already[0]!.text).toContain(holder.checkInCode);
    expect(already[0]!.text).not.toContain('Other name');
    expect(await outboxRows(`days-seat:${holder.id}`)).toHaveLength(1);
    // Its fresh link opens the same registration, and the first link keeps working.
    const page = await (await request(`/days/r/${tokenFrom(already[0]!.text)}`)).text();
    expect(page).toContain(holder.checkInCode);
    const seatMail = (await outboxRows(`days-seat:${holder.id}`))[0]!;
    expect((await request(`/days/r/${tokenFrom(seatMail.text)}`)).status).toBe(200);
  });

  it('emails a repeat address at most once per ten minutes, even when asked at the same time', async () => {
    stub = stubGeocoder('down');
    const day = await createDay();
    await register(day.slug, registrationFields({ email: 'spam-target@example.org' }));
    const repeats = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        register(day.slug, registrationFields({ email: 'spam-target@example.org' }), `203.0.113.${50 + i}`),
      ),
    );
    expect(repeats.map((r) => r.status)).toEqual([303, 303, 303, 303, 303]);
    expect(await registrationsOf(day.id)).toHaveLength(1);
    const [holder] = await registrationsOf(day.id);
    expect(await outboxRows(`days-already:${holder!.id}:`)).toHaveLength(1);
    // Once ten minutes have passed, one more email; a minute after that, none.
    const later = holder!.alreadyRegisteredEmailAt! + 10 * 60_000;
    const input = registrationInput({ email: 'spam-target@example.org' });
    const pending = { status: 'pending' } as const;
    expect(await registerForDay(db, env, day, input, 'en', pending, later)).toEqual({
      kind: 'already_registered',
      emailed: true,
    });
    expect(await registerForDay(db, env, day, input, 'en', pending, later + 60_000)).toEqual({
      kind: 'already_registered',
      emailed: false,
    });
    expect(await outboxRows(`days-already:${holder!.id}:`)).toHaveLength(2);
    expect(await registrationsOf(day.id)).toHaveLength(1);
  });

  it('tells a waiting holder their unchanged place, and never moves them', async () => {
    stub = stubGeocoder('down');
    const day = await createDay({ capacity: 1 });
    await register(day.slug, registrationFields({ email: 'holder-seat@example.org' }));
    await register(day.slug, registrationFields({ email: 'waiting-1@example.org' }), '198.51.100.21');
    await register(day.slug, registrationFields({ email: 'waiting-2@example.org' }), '198.51.100.22');
    const waitMail = (await outboxRows('days-waitlisted:')).filter((r) => r.to === 'waiting-2@example.org');
    expect(waitMail[0]!.text).toContain('Your place on the waitlist: 2.');
    const before = await registrationsOf(day.id);
    const repeat = await register(
      day.slug,
      registrationFields({ email: 'waiting-2@example.org' }),
      '198.51.100.23',
    );
    expect(repeat.status).toBe(303);
    const after = await registrationsOf(day.id);
    const shape = (rows: typeof after) => rows.map((r) => [r.email, r.status, r.seq]);
    expect(shape(after)).toEqual(shape(before));
    const holder = after.find((r) => r.email === 'waiting-2@example.org')!;
    const [mail] = await outboxRows(`days-already:${holder.id}:`);
    expect(mail!.subject).toContain('You are already registered');
    expect(mail!.text).toContain('You are on the waitlist. Your place: 2.');
    expect(mail!.text).not.toContain('check-in code');
  });

  it('refuses bad input with 422, the person’s input and nothing written', async () => {
    const day = await createDay();
    const response = await register(
      day.slug,
      registrationFields({ email: 'not-an-email', name: '', ride: 'offers', rideSeats: '', phone: '12' }),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain('value="not-an-email"');
    expect(html).toContain('Say how many seats you can offer.');
    expect(html).toContain('Enter a phone number');
    expect(await registrationsOf(day.id)).toHaveLength(0);
  });

  it('closes registration at the deadline', async () => {
    const day = await createDay({ registrationDeadline: Date.now() - 1000 });
    const page = await (await request(`/days/${day.slug}`)).text();
    expect(page).toContain('Registration has closed');
    expect(page).not.toContain('name="email"');
    const response = await register(day.slug, registrationFields({ email: 'late@example.org' }));
    expect(response.status).toBe(422);
    expect(await registrationsOf(day.id)).toHaveLength(0);
  });

  it('stores nothing when the honeypot is filled', async () => {
    const day = await createDay();
    const response = await register(day.slug, registrationFields({ website: 'http://spam.example' }));
    // Answered exactly like a real registration.
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/days/${day.slug}/check-email`);
    expect(await registrationsOf(day.id)).toHaveLength(0);
  });
});

describe('private link /days/r/:token', () => {
  it('refuses unknown tokens and keeps real ones out of caches and referrers', async () => {
    expect((await request('/days/r/not-a-real-token-0123456789abcdef')).status).toBe(410);
    stub = stubGeocoder('atlanta');
    const day = await createDay();
    await register(day.slug, registrationFields({ email: 'private@example.org' }));
    const page = await request(`/days/r/${await tokenMailedTo('private@example.org')}`);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await page.text();
    expect(body).toContain('<img src="data:image/svg+xml;base64,');
    expect(body).toContain('Cancel my registration');
    // The GET showed a button and changed nothing.
    const [reg] = await registrationsOf(day.id);
    expect(reg!.status).toBe('registered');
  });

  it('serves the .ics download', async () => {
    stub = stubGeocoder('atlanta');
    const day = await createDay();
    await register(day.slug, registrationFields({ email: 'ics@example.org' }));
    const ics = await request(`/days/r/${await tokenMailedTo('ics@example.org')}/calendar.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const { events } = checkCalendar(await ics.text(), 'calendar download');
    expect(events[0]!.summary).toBe('Georgia Faith Advocacy Day');
    expect(events[0]!.organizer).toBe('mailto:no-reply@example.org');
  });
});

describe('POST /days/r/:token/cancel', () => {
  it('cancels, promotes the first person waiting and emails them', async () => {
    stub = stubGeocoder('down');
    const day = await createDay({ capacity: 1 });
    await register(day.slug, registrationFields({ email: 'seat@example.org' }));
    const first = await tokenMailedTo('seat@example.org');
    await register(day.slug, registrationFields({ email: 'wait1@example.org' }), '198.51.100.2');
    await register(day.slug, registrationFields({ email: 'wait2@example.org' }), '198.51.100.3');
    const response = await postForm(`/days/r/${first}/cancel`, {});
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Your registration is cancelled');
    const rows = await registrationsOf(day.id);
    expect(rows.map((r) => [r.email, r.status])).toEqual([
      ['seat@example.org', 'cancelled'],
      ['wait1@example.org', 'registered'],
      ['wait2@example.org', 'waitlisted'],
    ]);
    expect(rows[1]!.promotionNotifiedAt).not.toBeNull();
    const promoted = await outboxRows(`days-promoted:${rows[1]!.id}`);
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.to).toBe('wait1@example.org');
    expect(promoted[0]!.subject).toContain('A seat opened for you');
    expect(JSON.parse(promoted[0]!.attachments!)[0].filename).toBe('advocacy-day.ics');
    // The second waiting person is now first in line.
    const wait2 = await db
      .select()
      .from(dayRegistrations)
      .where(and(eq(dayRegistrations.dayId, day.id), eq(dayRegistrations.email, 'wait2@example.org')));
    expect(wait2[0]!.status).toBe('waitlisted');
    // The second person waiting leaves the waitlist from their own link, and is told so.
    const left = await postForm(`/days/r/${await tokenMailedTo('wait2@example.org')}/cancel`, {});
    expect(await left.text()).toContain('You have left the waitlist');
    // Cancelling twice changes nothing more.
    await postForm(`/days/r/${first}/cancel`, {});
    expect((await registrationsOf(day.id)).filter((r) => r.status === 'registered')).toHaveLength(1);
  });

  it('lets a cancelled person register again with the same email', async () => {
    stub = stubGeocoder('down');
    const day = await createDay({ capacity: 5, startsAt: Date.now() + 10 * DAY });
    await register(day.slug, registrationFields({ email: 'again@example.org' }));
    await postForm(`/days/r/${await tokenMailedTo('again@example.org')}/cancel`, {});
    const again = await register(day.slug, registrationFields({ email: 'again@example.org' }));
    expect(again.status).toBe(303);
    const rows = await registrationsOf(day.id);
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'registered']);
    // A new registration (a new seat email), not an "already registered" one.
    expect(await outboxRows(`days-seat:${rows[1]!.id}`)).toHaveLength(1);
    expect(await outboxRows(`days-already:${rows[0]!.id}:`)).toHaveLength(0);
  });
});

describe('GET /days/r/:token/change', () => {
  it('changes details without the email, and keeps the language of the page', async () => {
    stub = stubGeocoder('atlanta');
    const day = await createDay();
    await register(day.slug, registrationFields({ email: 'change@example.org' }));
    const token = await tokenMailedTo('change@example.org');
    const form = await (await request(`/days/r/${token}/change`)).text();
    expect(form).toContain('value="404-555-0100"');
    expect(form).not.toContain('name="email"');
    const response = await postForm(
      `/days/r/${token}/change`,
      registrationFields({ phone: '', dietaryNeeds: 'None', email: 'ignored@example.org' }),
    );
    expect(response.status).toBe(200);
    const [reg] = await registrationsOf(day.id);
    expect(reg).toMatchObject({ phone: null, dietaryNeeds: 'None', email: 'change@example.org' });
  });
});

describe('home page', () => {
  it('lists days taking registrations, not closed ones', async () => {
    const open = await createDay({ title: 'Open Day For Home' });
    await createDay({ title: 'Closed Day For Home', registrationDeadline: Date.now() - 1000 });
    const html = await (await request('/')).text();
    expect(html).toContain('Open Day For Home');
    expect(html).toContain(`/days/${open.slug}`);
    expect(html).not.toContain('Closed Day For Home');
  });
});
