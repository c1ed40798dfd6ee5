import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerForDay } from '../../src/advocacy-days/registration';
import { dayCheckInLog, dayRegistrations } from '../../src/advocacy-days/schema';
import { organizerCookie, postForm, request } from '../helpers';
import { createDay, db, registrationInput } from './fixtures';

let cookie: string;
beforeAll(async () => {
  cookie = await organizerCookie();
});

const found = { status: 'found' as const, state: 'ga', upperDistrict: '36', lowerDistrict: '58' };

async function seatFor(day: Awaited<ReturnType<typeof createDay>>, email: string, name: string) {
  const result = await registerForDay(db, env, day, registrationInput(email, { name }), 'en', found);
  if (result.kind !== 'registered') throw new Error('expected a seat');
  const [row] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.email, email));
  return row!;
}

const counts = async (dayId: string, lang?: string) =>
  (await request(`/admin/days/${dayId}/counts`, {
    cookie,
    lang,
    headers: { accept: 'application/json' },
  })) as Response;

describe('GET /admin/days/:id/counts', () => {
  it('answers the current counts and their sentence, for the check-in page to refresh itself', async () => {
    const day = await createDay({ capacity: 5 });
    const ana = await seatFor(day, 'counts-ana@example.org', 'Ana Counts');
    const first = await counts(day.id);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toContain('no-store');
    expect(await first.json()).toMatchObject({ registered: 1, checkedIn: 0, capacity: 5 });

    await postForm(`/admin/days/${day.id}/check-in`, { registrationId: ana.id }, { cookie });
    const after = (await (await counts(day.id)).json()) as { checkedIn: number; text: string };
    expect(after.checkedIn).toBe(1);
    // The same sentence as on the page, so the live update and a reload never disagree.
    const page = await (await request(`/admin/days/${day.id}/check-in`, { cookie })).text();
    expect(page).toContain(after.text);
    expect(page).toContain(`data-live-counts="/admin/days/${day.id}/counts"`);
    const es = (await (await counts(day.id, 'es')).json()) as { text: string };
    expect(es.text).toContain('1 llegó');
  });

  it('is for organizers only', async () => {
    const day = await createDay();
    const response = await request(`/admin/days/${day.id}/counts`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).not.toBe(200);
  });
});

describe('POST /admin/days/:id/check-in/undo', () => {
  it('undoes a check-in made by mistake and records both, with who did them', async () => {
    const day = await createDay();
    const ben = await seatFor(day, 'undo-ben@example.org', 'Ben Undo');
    const checked = await postForm(`/admin/days/${day.id}/check-in`, { registrationId: ben.id }, { cookie });
    const checkedHtml = await checked.text();
    expect(checkedHtml).toContain('Ben Undo is checked in.');
    // The notice offers the undo at once (a wrong tap at the door).
    expect(checkedHtml).toContain('Undo check-in of Ben Undo');

    const undone = await postForm(
      `/admin/days/${day.id}/check-in/undo`,
      { registrationId: ben.id },
      { cookie },
    );
    expect(undone.status).toBe(200);
    const html = await undone.text();
    expect(html).toContain('The check-in of Ben Undo was undone.');
    expect(html).toContain('Recent at the door');
    expect(html).toContain('check-in of Ben Undo undone · by Test Organizer');
    const [row] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, ben.id));
    expect(row!.checkedInAt).toBeNull();
    expect(await (await counts(day.id)).json()).toMatchObject({ checkedIn: 0 });

    // Undoing again changes nothing and records nothing more.
    const again = await postForm(
      `/admin/days/${day.id}/check-in/undo`,
      { registrationId: ben.id },
      { cookie },
    );
    expect(await again.text()).toContain('Ben Undo was not checked in.');
    const log = await db.select().from(dayCheckInLog).where(eq(dayCheckInLog.registrationId, ben.id));
    expect(log.map((entry) => entry.action).sort()).toEqual(['check_in', 'undo']);
    expect(log.every((entry) => entry.organizerId === 'organizer-organizer@example.org')).toBe(true);

    // Checked in again later: one more record, and the person is in.
    await postForm(`/admin/days/${day.id}/check-in`, { registrationId: ben.id }, { cookie });
    await postForm(`/admin/days/${day.id}/check-in`, { registrationId: ben.id }, { cookie });
    const final = await db.select().from(dayCheckInLog).where(eq(dayCheckInLog.registrationId, ben.id));
    expect(final).toHaveLength(3);
    expect(await (await counts(day.id)).json()).toMatchObject({ checkedIn: 1 });
  });

  it('only touches the day’s own registrations', async () => {
    const day = await createDay();
    const other = await createDay();
    const cara = await seatFor(other, 'undo-cara@example.org', 'Cara Other');
    await postForm(`/admin/days/${other.id}/check-in`, { registrationId: cara.id }, { cookie });
    const wrong = await postForm(
      `/admin/days/${day.id}/check-in/undo`,
      { registrationId: cara.id },
      { cookie },
    );
    expect(wrong.status).toBe(404);
    const [row] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, cara.id));
    expect(row!.checkedInAt).not.toBeNull();
  });

  it('speaks Spanish on a Spanish page', async () => {
    const day = await createDay();
    const dora = await seatFor(day, 'undo-dora@example.org', 'Dora Es');
    await postForm(`/admin/days/${day.id}/check-in`, { registrationId: dora.id }, { cookie });
    const undone = await postForm(
      `/admin/days/${day.id}/check-in/undo`,
      { registrationId: dora.id },
      { cookie, lang: 'es' },
    );
    expect(await undone.text()).toContain('Se deshizo la llegada de Dora Es.');
  });
});
