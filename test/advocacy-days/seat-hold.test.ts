// Fake registrations cannot keep a day full: a seat (or waitlist place) is held for 6 hours until
// the person confirms it from the emailed link, then released to the first person waiting.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEAT_HOLD_MS } from '../../src/advocacy-days/decisions';
import { registerForDay } from '../../src/advocacy-days/registration';
import { dayRegistrations } from '../../src/advocacy-days/schema';
import { FREQUENT_CRON, runScheduled } from '../../src/jobs';
import { HOUR, MINUTE } from '../../src/lib/time';
import { postForm, request, stubFetch } from '../helpers';
import { createDay, db, outboxRows } from './fixtures';

const atlanta = { status: 'found' as const, state: 'ga', upperDistrict: '36', lowerDistrict: '58' };
let outside: ReturnType<typeof stubFetch>;
beforeAll(() => {
  outside = stubFetch(() => new Response('offline in tests', { status: 503 }));
});
afterAll(() => outside.restore());

function input(email: string) {
  return {
    name: email.split('@')[0]!,
    email,
    phone: null,
    address: '206 Washington St SW, Atlanta, GA 30334',
    congregation: null,
    faithRole: 'lay' as const,
    languages: null,
    needsInterpretation: false,
    accessibilityNeeds: null,
    dietaryNeeds: null,
    firstTime: false,
    willingToShareStory: false,
    ride: 'none' as const,
    rideSeats: null,
    photoConsent: false,
  };
}

async function statusOf(id: string) {
  const [row] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, id));
  return row!.status;
}

describe('an unconfirmed seat', () => {
  it('is held for 6 hours, then goes to the first person waiting; a confirmed one stays', async () => {
    const day = await createDay({ capacity: 2 });
    const t0 = Date.now();
    const fake = await registerForDay(db, env, day, input('fake@example.org'), 'en', atlanta, t0);
    const real = await registerForDay(db, env, day, input('real@example.org'), 'en', atlanta, t0);
    const waiting = await registerForDay(db, env, day, input('waiting@example.org'), 'en', atlanta, t0);
    if (fake.kind !== 'registered' || real.kind !== 'registered' || waiting.kind !== 'waitlisted')
      throw new Error('expected two seats and one waiting');

    // The seat email says to confirm, and by when.
    const [seatMail] = (await outboxRows(`days-seat:${fake.registration.id}`)) ?? [];
    expect(seatMail!.text).toMatch(/Please confirm your seat/);

    // The real person and the one waiting confirm from their private pages (a POST: scanners only GET).
    const page = await (await request(`/days/r/${real.token}`)).text();
    expect(page).toContain('Confirm my place');
    const confirmed = await postForm(`/days/r/${real.token}/confirm`, {});
    expect(await confirmed.text()).toContain('your place is confirmed');
    await postForm(`/days/r/${waiting.token}/confirm`, {});

    // Before the hold ends nothing moves.
    await runScheduled(FREQUENT_CRON, env, t0 + SEAT_HOLD_MS - MINUTE);
    expect(await statusOf(fake.registration.id)).toBe('registered');
    expect(await statusOf(waiting.registration.id)).toBe('waitlisted');

    await runScheduled(FREQUENT_CRON, env, t0 + SEAT_HOLD_MS + MINUTE);
    expect(await statusOf(fake.registration.id)).toBe('cancelled');
    expect(await statusOf(real.registration.id)).toBe('registered');
    expect(await statusOf(waiting.registration.id)).toBe('registered');
    expect(await outboxRows(`days-promoted:${waiting.registration.id}`)).toHaveLength(1);
    expect(await (await request(`/days/r/${fake.token}`)).text()).toContain(
      'was not confirmed within 6 hours',
    );

    // A second run changes nothing (still two seats, nobody else released).
    await runScheduled(FREQUENT_CRON, env, t0 + SEAT_HOLD_MS + 2 * HOUR);
    const rows = await db.select().from(dayRegistrations).where(eq(dayRegistrations.dayId, day.id));
    expect(rows.filter((row) => row.status === 'registered')).toHaveLength(2);
  });
});

describe('the registration form', () => {
  it('says, in English and Spanish, that a seat is held 6 hours until confirmed', async () => {
    const day = await createDay();
    expect(await (await request(`/days/${day.slug}`)).text()).toContain(
      'We hold your seat (or waitlist place) for 6 hours',
    );
    expect(await (await request(`/days/${day.slug}`, { lang: 'es' })).text()).toContain(
      'durante 6 horas después de enviar este formulario',
    );
  });
});
