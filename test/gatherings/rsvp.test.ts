// A gathering's public side: its page and RSVP (no address, no districts, nothing sent to the
// geocoder), the waitlist, the calendar file, the private page, and where old links lead.
import { afterEach, describe, expect, it } from 'vitest';
import { checkCalendar } from '../checks/ical';
import { postForm, request, stubFetch } from '../helpers';
import { createDay, outboxRows, registrationsOf, tokenMailedTo } from '../advocacy-days/fixtures';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => stub?.restore());

/** A published vigil (a day of kind `vigil`) with its own title. */
function createVigil(overrides: Parameters<typeof createDay>[0] = {}) {
  return createDay({
    kind: 'vigil',
    title: 'Interfaith vigil for Alder County families',
    titleEs: 'Vigilia interreligiosa por las familias del condado de Alder',
    summary: 'Candles and prayer on the church lawn.',
    placeName: 'Alder Street Baptist Church',
    address: '412 Alder St, Alder, GA 30601',
    talkingPoints: '',
    leaveBehind: '',
    ...overrides,
  });
}

function rsvp(slug: string, fields: Record<string, string>, ip = '198.51.100.7', lang?: string) {
  return postForm(
    `/gatherings/${slug}/register`,
    {
      name: 'Marisol Fuentes',
      email: 'marisol@example.org',
      phone: '',
      language: 'en',
      website: '',
      ...fields,
    },
    { headers: { 'cf-connecting-ip': ip }, lang },
  );
}

describe('GET /gatherings/:slug', () => {
  it('shows the kind and an RSVP that asks only a name, an email, a phone and the language', async () => {
    const vigil = await createVigil();
    const response = await request(`/gatherings/${vigil.slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Vigil');
    expect(html).toContain('RSVP');
    expect(html).toContain('10 of 10 places left');
    expect(html).toContain('RSVPs close');
    expect(html).not.toContain('Register');
    expect(html).not.toContain('district');
    const names = [...html.matchAll(/<(?:input|select|textarea)[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(
      new Set(['lang', 'back', 'name', 'email', 'phone', 'language', 'website']),
    );
  });

  it('speaks Spanish on a Spanish page', async () => {
    const vigil = await createVigil();
    const html = await (await request(`/gatherings/${vigil.slug}`, { lang: 'es' })).text();
    expect(html).toContain('Vigilia interreligiosa por las familias del condado de Alder');
    expect(html).toContain('Confirmar asistencia');
    expect(html).toContain('Quedan 10 de 10 lugares');
  });

  it('sends an old /days link of a gathering to its page, and a /gatherings link of a day to the day', async () => {
    const vigil = await createVigil();
    const day = await createDay();
    const toVigil = await request(`/days/${vigil.slug}`, { redirect: 'manual' });
    expect(toVigil.status).toBe(301);
    expect(new URL(toVigil.headers.get('location')!, 'https://x').pathname).toBe(`/gatherings/${vigil.slug}`);
    const toDay = await request(`/gatherings/${day.slug}`, { redirect: 'manual' });
    expect(toDay.status).toBe(301);
    expect(new URL(toDay.headers.get('location')!, 'https://x').pathname).toBe(`/days/${day.slug}`);
  });

  it('lists gatherings at /gatherings and keeps them off the advocacy days list', async () => {
    const vigil = await createVigil({ title: 'A vigil only the gatherings list shows' });
    const gatherings = await (await request('/gatherings')).text();
    expect(gatherings).toContain('A vigil only the gatherings list shows');
    expect(gatherings).toContain(`href="/gatherings/${vigil.slug}"`);
    expect(await (await request('/days')).text()).not.toContain('A vigil only the gatherings list shows');
  });
});

describe('POST /gatherings/:slug/register', () => {
  it('takes an RSVP without any address: nothing goes to the geocoder, the email is in the chosen language', async () => {
    const vigil = await createVigil();
    const calls: string[] = [];
    stub = stubFetch((req) => {
      calls.push(req.url);
      return new Response('unexpected', { status: 599 });
    });
    const response = await rsvp(vigil.slug, { language: 'es', phone: '404-555-0177' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/gatherings/${vigil.slug}/check-email`);
    expect(calls.filter((url) => url.includes('geocoding'))).toEqual([]);
    const [row] = await registrationsOf(vigil.id);
    expect(row).toMatchObject({
      status: 'registered',
      name: 'Marisol Fuentes',
      lang: 'es',
      address: null,
      districtStatus: 'pending',
      teamId: null,
    });
    const [email] = await outboxRows(`days-seat:${row!.id}`);
    expect(email!.subject).toBe(
      'Vigilia: su asistencia está confirmada: Vigilia interreligiosa por las familias del condado de Alder',
    );
    expect(email!.text).not.toMatch(/equipo|distrito/);
    const page = await (await request(`/gatherings/${vigil.slug}/check-email`)).text();
    expect(page).toContain('Back to the gathering');
  });

  it('refuses a missing name and a bad email with clear messages and stores nothing', async () => {
    const vigil = await createVigil();
    for (const lang of ['en', 'es']) {
      const response = await rsvp(vigil.slug, { name: '', email: 'not-an-email' }, '198.51.100.8', lang);
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain('href="#field-name"');
      expect(html).toContain('href="#field-email"');
      expect(html).toContain('value="not-an-email"');
    }
    expect(await registrationsOf(vigil.id)).toEqual([]);
  });

  it('puts people on the waitlist once the places are taken, and tells them so', async () => {
    const vigil = await createVigil({ capacity: 1 });
    await rsvp(vigil.slug, { email: 'first@example.org' });
    await rsvp(vigil.slug, { email: 'second@example.org' }, '198.51.100.9');
    const [first, second] = await registrationsOf(vigil.id);
    expect(first!.status).toBe('registered');
    expect(second!.status).toBe('waitlisted');
    const [waiting] = await outboxRows(`days-waitlisted:${second!.id}`);
    expect(waiting!.text).toContain('Your place on the waitlist: 1.');
    const html = await (await request(`/gatherings/${vigil.slug}`)).text();
    expect(html).toContain('Every place is taken');
    expect(html).toContain('Join the waitlist');
  });
});

describe('a gathering in people’s calendars and on their private page', () => {
  it('attaches and serves a calendar file that ical.js reads, named for a gathering', async () => {
    const vigil = await createVigil();
    await rsvp(vigil.slug, { email: 'calendar@example.org' }, '198.51.100.10');
    const [row] = await registrationsOf(vigil.id);
    const [email] = await outboxRows(`days-seat:${row!.id}`);
    const [attachment] = JSON.parse(email!.attachments!) as { filename: string; content: string }[];
    expect(attachment!.filename).toBe('gathering.ics');
    const attached = checkCalendar(
      new TextDecoder().decode(Uint8Array.from(atob(attachment!.content), (c) => c.charCodeAt(0))),
    );
    expect(attached.events[0]!.summary).toBe('Interfaith vigil for Alder County families');

    const token = await tokenMailedTo('calendar@example.org');
    const download = await request(`/days/r/${token}/calendar.ics`);
    expect(download.headers.get('content-type')).toContain('text/calendar');
    expect(download.headers.get('content-disposition')).toContain('gathering.ics');
    const ics = await download.text();
    expect(checkCalendar(ics).events).toHaveLength(1);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('LOCATION:Alder Street Baptist Church\\, 412 Alder St\\, Alder\\, GA 30601');
    expect(unfolded).toContain(`/gatherings/${vigil.slug}`);
  });

  it('shows the place and check-in without teams or districts, and changes only name, phone and language', async () => {
    const vigil = await createVigil();
    await rsvp(vigil.slug, { email: 'private@example.org' }, '198.51.100.11');
    const token = await tokenMailedTo('private@example.org');
    const page = await (await request(`/days/r/${token}`)).text();
    expect(page).toContain('You have a place');
    expect(page).toContain('Check-in');
    expect(page).not.toContain('Your team');
    expect(page).toContain('Cancel my RSVP');

    const form = await (await request(`/days/r/${token}/change`)).text();
    const names = [...form.matchAll(/<(?:input|select|textarea)[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(['lang', 'back', 'name', 'phone', 'language']));
    const refused = await postForm(`/days/r/${token}/change`, { name: '', phone: '12', language: 'en' });
    expect(refused.status).toBe(422);
    const saved = await postForm(`/days/r/${token}/change`, { name: 'Owen G.', phone: '', language: 'es' });
    expect(saved.status).toBe(200);
    const [row] = await registrationsOf(vigil.id);
    expect(row).toMatchObject({ name: 'Owen G.', lang: 'es', phone: null, address: null });
  });
});

describe('the pages only advocacy days have', () => {
  it('answer 404 for a gathering: teams, packets and the report for organizers, the debrief link for people', async () => {
    const { organizerCookie } = await import('../helpers');
    const cookie = await organizerCookie();
    const vigil = await createVigil();
    await rsvp(vigil.slug, { email: 'teamless@example.org' }, '198.51.100.40');
    const base = `/admin/days/${vigil.id}`;
    for (const path of [
      `${base}/teams`,
      `${base}/packets`,
      `${base}/teams/any-team/packet`,
      `${base}/report`,
    ])
      expect([path, (await request(path, { cookie })).status]).toEqual([path, 404]);
    for (const path of [
      `${base}/teams/propose`,
      `${base}/teams/move`,
      `${base}/teams/add`,
      `${base}/report/send`,
      `${base}/debriefs/any/follow-up-done`,
    ])
      expect([path, (await postForm(path, {}, { cookie })).status]).toEqual([path, 404]);
    const token = await tokenMailedTo('teamless@example.org');
    expect((await request(`/days/r/${token}/debrief`)).status).toBe(404);
    expect((await postForm(`/days/r/${token}/debrief`, {})).status).toBe(404);
    // The gathering's own organizer and private pages still open.
    expect((await request(base, { cookie })).status).toBe(200);
    expect((await request(`/days/r/${token}`)).status).toBe(200);
    // An advocacy day keeps its teams page.
    const day = await createDay({ title: 'A day with teams' });
    expect((await request(`/admin/days/${day.id}/teams`, { cookie })).status).toBe(200);
  });
});
