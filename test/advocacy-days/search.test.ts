import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { registerForDay } from '../../src/advocacy-days/registration';
import {
  getRegistration,
  listRegistrations,
  updateRegistrationDetails,
} from '../../src/advocacy-days/queries/registrations';
import { eraseEverything } from '../../src/privacy/erasure';
import { createDay, db, registrationInput } from './fixtures';

const atlanta = { status: 'found' as const, state: 'ga', upperDistrict: '36', lowerDistrict: '58' };

async function found(dayId: string, search: string) {
  return (await listRegistrations(db, dayId, { search })).map((r) => r.name).sort();
}

async function register(dayId: string, email: string, name: string, congregation: string) {
  const day = days.get(dayId)!;
  const result = await registerForDay(
    db,
    env,
    day,
    registrationInput(email, { name, congregation }),
    'en',
    atlanta,
  );
  if (result.kind !== 'registered' && result.kind !== 'waitlisted') throw new Error(result.kind);
  return result.registration;
}

const days = new Map<string, Awaited<ReturnType<typeof createDay>>>();

describe("a day's registration search, through the terms index", () => {
  it('finds people by the start of a word of their name, email or congregation', async () => {
    const day = await createDay();
    days.set(day.id, day);
    await register(day.id, 'rosa.diaz@example.org', 'Rosa Díaz', 'Iglesia Bautista Emanuel');
    await register(day.id, 'tom@firstpres.org', 'Tom Marsh', 'First Presbyterian');
    expect(await found(day.id, 'diaz')).toEqual(['Rosa Díaz']);
    expect(await found(day.id, 'ros emanuel')).toEqual(['Rosa Díaz']);
    expect(await found(day.id, 'firstpres')).toEqual(['Tom Marsh']);
    expect(await found(day.id, 'tom@first')).toEqual(['Tom Marsh']);
    expect(await found(day.id, 'ar')).toEqual([]);
    expect(await found(day.id, 'nobody')).toEqual([]);
  });

  it('finds an edited person under the new name and not the old', async () => {
    const day = await createDay();
    days.set(day.id, day);
    const registration = await register(day.id, 'lee@example.org', 'Lee Chambers', 'Grace Church');
    const current = (await getRegistration(db, registration.id))!;
    await updateRegistrationDetails(db, current, { name: 'Leigh Chalmers' });
    expect(await found(day.id, 'chalmers')).toEqual(['Leigh Chalmers']);
    expect(await found(day.id, 'chambers')).toEqual([]);
    // What the edit did not change is still found.
    expect(await found(day.id, 'grace')).toEqual(['Leigh Chalmers']);
  });

  it('finds an erased person no more, though the row stays for the counts', async () => {
    const day = await createDay();
    days.set(day.id, day);
    const registration = await register(day.id, 'gone@example.org', 'Gwendolyn Gone', 'Erased Chapel');
    expect(await found(day.id, 'gwendolyn')).toEqual(['Gwendolyn Gone']);
    await eraseEverything(db, 'gone@example.org', {
      includeOrganizer: false,
      organizerId: null,
      at: Date.now(),
    });
    expect(await found(day.id, 'gwendolyn')).toEqual([]);
    expect(await found(day.id, 'gone')).toEqual([]);
    expect(await found(day.id, 'chapel')).toEqual([]);
    const terms = await env.DB.prepare('SELECT count(*) AS n FROM search_terms WHERE owner_id = ?')
      .bind(registration.id)
      .first<{ n: number }>();
    expect(terms!.n).toBe(0);
    expect(await getRegistration(db, registration.id)).toBeDefined();
  });
});
