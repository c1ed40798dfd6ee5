// A gathering for organizers and other systems: creating one (and bad input), its overview without
// teams, emails whose words fit the kind in both languages, the picker query, and the API's events.
import { eq } from 'drizzle-orm';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { reminderEmail, seatEmail } from '../../src/advocacy-days/emails';
import { sendDebriefInvites } from '../../src/advocacy-days/jobs';
import { listDaysForPicker } from '../../src/advocacy-days/queries/days';
import { registerForDay } from '../../src/advocacy-days/registration';
import { advocacyDays, type AdvocacyDay } from '../../src/advocacy-days/schema';
import { renderTemplate } from '../../src/email/render';
import type { Lang } from '../../src/lib/i18n';
import { HOUR } from '../../src/lib/time';
import { adminPermission } from '../../src/organizers/roles';
import { organizerCookie, postForm, request } from '../helpers';
import { createDay, db, outboxRows, registrationInput } from '../advocacy-days/fixtures';
import { allPages, getJson, makeKey } from '../api/fixtures';

/** A valid gathering form. */
function gatheringFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'vigil',
    slug: 'alder-vigil',
    title: 'Interfaith vigil for Alder County families',
    titleEs: 'Vigilia interreligiosa por las familias del condado de Alder',
    summary: 'Candles and prayer on the church lawn.',
    status: 'published',
    startsAt: '2031-03-05T18:30',
    endsAt: '2031-03-05T20:00',
    registrationDeadline: '2031-03-05T16:00',
    timeZone: 'America/New_York',
    placeName: 'Alder Street Baptist Church',
    address: '412 Alder St, Alder, GA 30601',
    state: 'GA',
    capacity: '120',
    ...overrides,
  };
}

/** An email of a day for one recipient, rendered as it is sent. */
function rendered(request: ReturnType<typeof seatEmail>) {
  return renderTemplate(request.template!, request.lang, request.data ?? {}, {
    orgName: 'Welcome Table',
    publicUrl: 'https://welcome.test',
  });
}

function recipient(lang: Lang) {
  return {
    id: `r-${lang}`,
    name: 'Ana',
    email: 'ana@example.org',
    lang,
    checkInCode: 'AB2345',
    teamRole: null,
  };
}

describe('/admin/gatherings', () => {
  it('lets an organizer create a vigil that opens at /gatherings/:slug, and lists it apart from the days', async () => {
    const cookie = await organizerCookie();
    const form = await (await request('/admin/gatherings/new', { cookie })).text();
    expect(form).toContain('Kind of gathering');
    expect(form).not.toContain('name="talkingPoints"');
    const created = await postForm('/admin/gatherings/new', gatheringFields(), { cookie });
    expect(created.status).toBe(303);
    const [vigil] = await db.select().from(advocacyDays).where(eq(advocacyDays.slug, 'alder-vigil'));
    expect(vigil).toMatchObject({ kind: 'vigil', talkingPoints: '', leaveBehind: '', capacity: 120 });
    expect(created.headers.get('location')).toBe(`/admin/days/${vigil!.id}`);

    const overview = await (await request(`/admin/days/${vigil!.id}`, { cookie })).text();
    expect(overview).toContain('href="/gatherings/alder-vigil"');
    expect(overview).not.toContain('/teams"');
    expect(overview).not.toContain('/packets"');
    expect(await (await request('/admin/gatherings', { cookie })).text()).toContain(vigil!.title);
    expect(await (await request('/admin/days', { cookie })).text()).not.toContain(vigil!.title);
    expect((await request('/gatherings/alder-vigil')).status).toBe(200);

    const edit = await (await request(`/admin/days/${vigil!.id}/edit`, { cookie })).text();
    expect(edit).toContain('Edit the gathering');
    expect(edit).not.toContain('name="talkingPoints"');
    const moved = await postForm(`/admin/days/${vigil!.id}/edit`, gatheringFields({ kind: 'rally' }), {
      cookie,
    });
    expect(moved.status).toBe(303);
    const [rally] = await db.select().from(advocacyDays).where(eq(advocacyDays.id, vigil!.id));
    expect(rally!.kind).toBe('rally');
  });

  it('refuses bad input with clear messages, in Spanish too, and stores nothing', async () => {
    const cookie = await organizerCookie();
    const before = (await db.select().from(advocacyDays)).length;
    const bad = gatheringFields({ kind: 'advocacy_day', slug: 'Bad Slug', capacity: '0' });
    const response = await postForm('/admin/gatherings/new', bad, { cookie });
    expect(response.status).toBe(422);
    const html = await response.text();
    for (const field of ['kind', 'slug', 'capacity']) expect(html).toContain(`href="#field-${field}"`);
    expect(html).toContain('Places: Enter a whole number.');
    const backwards = gatheringFields({ slug: 'backwards-vigil', endsAt: '2031-03-05T17:00' });
    const refused = await postForm('/admin/gatherings/new', backwards, { cookie });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('The end must be after the start.');
    const spanish = await (await postForm('/admin/gatherings/new', backwards, { cookie, lang: 'es' })).text();
    expect(spanish).toContain('El fin debe ser posterior al inicio.');
    await postForm('/admin/gatherings/new', gatheringFields({ slug: 'taken-vigil' }), { cookie });
    const taken = await postForm('/admin/gatherings/new', gatheringFields({ slug: 'taken-vigil' }), {
      cookie,
    });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('Another day already uses this web address.');
    expect((await db.select().from(advocacyDays)).length).toBe(before + 1);
  });

  it('is read by every role and changed only by those who run things', async () => {
    expect(adminPermission('GET', '/gatherings')).toEqual({ permission: 'read', sensitive: false });
    expect(adminPermission('POST', '/gatherings/new')).toEqual({ permission: 'run', sensitive: false });
    const viewer = await organizerCookie('viewer@gatherings.example.org', 'viewer');
    expect((await request('/admin/gatherings', { cookie: viewer })).status).toBe(200);
    const refused = await postForm('/admin/gatherings/new', gatheringFields({ slug: 'viewer-vigil' }), {
      cookie: viewer,
    });
    expect(refused.status).toBe(403);
  });
});

describe('the emails of a gathering', () => {
  it('speak of an RSVP and a place, never of teams or districts, in English and Spanish', async () => {
    const vigil = await createDay({ kind: 'vigil', title: 'Alder vigil', titleEs: 'Vigilia de Alder' });
    const seatEn = rendered(seatEmail(env, vigil, recipient('en'), 'token-en-0000000000000', { id: 'x' }));
    expect(seatEn.subject).toBe('Vigil: your RSVP is in: Alder vigil');
    expect(seatEn.text).toContain('Your RSVP for Alder vigil (Vigil) is in.');
    expect(seatEn.text).not.toMatch(/team|district/i);
    const seatEs = rendered(seatEmail(env, vigil, recipient('es'), 'token-es-0000000000000', { id: 'y' }));
    expect(seatEs.subject).toBe('Vigilia: su asistencia está confirmada: Vigilia de Alder');
    expect(seatEs.text).toContain('Recibimos su confirmación de asistencia a Vigilia de Alder (Vigilia).');
    expect(seatEs.text).not.toMatch(/equipo|distrito/i);

    const reminderEn = rendered(
      reminderEmail(env, vigil, recipient('en'), null, 'token-en-0000000000000', 1),
    );
    expect(reminderEn.subject).toBe('Tomorrow: Alder vigil (Vigil)');
    expect(reminderEn.text).not.toMatch(/team/i);
    const reminderEs = rendered(
      reminderEmail(env, vigil, recipient('es'), null, 'token-es-0000000000000', 7),
    );
    expect(reminderEs.subject).toBe('En una semana: Vigilia de Alder (Vigilia)');
    expect(reminderEs.text).not.toMatch(/equipo/i);
  });

  it('leaves an advocacy day’s emails as they were', async () => {
    const day = await createDay();
    const seat = rendered(seatEmail(env, day, recipient('en'), 'token-en-0000000000000', { id: 'z' }));
    expect(seat.subject).toBe('You have a seat: Georgia Faith Advocacy Day');
    expect(seat.text).toContain('an organizer will place you on a team by hand');
  });

  it('sends no debrief invitation after a gathering', async () => {
    const now = Date.now();
    const vigil = await createDay({
      kind: 'vigil',
      startsAt: now - 3 * HOUR,
      endsAt: now - 2 * HOUR,
      registrationDeadline: now - 4 * HOUR,
    });
    const { results } = await env.DB.prepare(
      `insert into day_registrations (id, day_id, seq, status, name, email, faith_role, lang, check_in_code, checked_in_at, created_at)
       values ('vigil-came', ?, 1, 'registered', 'Came', 'came@example.org', 'lay', 'en', 'CM2345', ?, ?) returning id`,
    )
      .bind(vigil.id, now - 2.5 * HOUR, now - 10 * HOUR)
      .all();
    expect(results).toHaveLength(1);
    await sendDebriefInvites(db, env, now);
    expect(await outboxRows('days-debrief:vigil-came')).toEqual([]);
  });
});

describe('gatherings for the rest of the app', () => {
  it('lists days and gatherings for a picker, drafts too, newest first', async () => {
    const draft = await createDay({
      kind: 'training',
      status: 'draft',
      startsAt: Date.UTC(2040, 0, 1),
    });
    const items = await listDaysForPicker(db);
    expect(items[0]).toEqual({
      id: draft.id,
      title: draft.title,
      kind: 'training',
      startsAt: draft.startsAt,
      status: 'draft',
    });
    expect(new Set(items.map((item) => item.kind))).toContain('advocacy_day');
  });

  it('shows a published gathering as an OSDI event with its public page and its attendances', async () => {
    const key = await makeKey();
    const vigil: AdvocacyDay = await createDay({ kind: 'vigil', title: 'Vigil for the API' });
    const outcome = await registerForDay(
      db,
      env,
      vigil,
      registrationInput('api-rsvp@example.org', { address: null }),
      'en',
      { status: 'pending' },
    );
    expect(outcome.kind).toBe('registered');
    const event = await getJson(`/events/${vigil.id}`, key);
    expect(event).toMatchObject({
      title: 'Vigil for the API',
      browser_url: `https://welcome.test/gatherings/${vigil.slug}`,
    });
    const attendances = await allPages(`/events/${vigil.id}/attendances`, key, 'attendances');
    expect(attendances).toHaveLength(1);
    const events = await allPages('/events', key, 'events');
    expect(events.map((item) => item.title)).toContain('Vigil for the API');
  });
});
