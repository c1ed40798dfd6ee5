// Organizer-written texts of a day in English and (optionally) Spanish: the fallback rule, the
// public pages in each language with the right `lang` attributes, the emails in each registrant's
// stored language, the day form and the announcement.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { debriefInviteEmail, reminderEmail } from '../../src/advocacy-days/emails';
import { announcementFor } from '../../src/advocacy-days/outreach';
import { renderRequest } from '../../src/email/outbox';
import { registerForDay } from '../../src/advocacy-days/registration';
import { advocacyDays, dayTeams } from '../../src/advocacy-days/schema';
import { langAttribute, pick } from '../../src/lib/bilingual';
import { localizedDay } from '../../src/advocacy-days/texts';
import { registrationSchema } from '../../src/advocacy-days/validation';
import { organizerCookie, postForm, request } from '../helpers';
import { createDay, db, outboxRows, registrationFields, tokenFrom } from './fixtures';

const SPANISH = {
  titleEs: 'Día de Incidencia de Fe en Georgia',
  summaryEs: 'Reúnase con sus legisladores junto a vecinos de fe.',
  agendaEs: '8:30 Capacitación\n11:00 Concentración\n13:00 Visitas a legisladores',
  // whatToBring and accessibility are left in English only: Spanish readers get them, marked lang="en".
};
const pending = { status: 'pending' } as const;
const input = (email: string) => registrationSchema.parse(registrationFields({ email }));

let cookie: string;
beforeAll(async () => {
  cookie = await organizerCookie();
});

describe("pick on a day's texts", () => {
  const day = {
    title: 'Main title',
    titleEs: 'Título',
    summary: 'Summary',
    summaryEs: '',
    agenda: '',
    agendaEs: '9:00 Capacitación',
    whatToBring: '',
    whatToBringEs: '',
    accessibility: 'Ramps',
    accessibilityEs: '  ',
    talkingPoints: '',
    talkingPointsEs: '',
    leaveBehind: '',
    leaveBehindEs: '',
  };

  it('gives each reader their language, else the other one, and says which it is', () => {
    expect(pick(day, 'title', 'es')).toEqual({ text: 'Título', lang: 'es' });
    expect(pick(day, 'title', 'en')).toEqual({ text: 'Main title', lang: 'en' });
    expect(pick(day, 'summary', 'es')).toEqual({ text: 'Summary', lang: 'en' });
    expect(pick(day, 'accessibility', 'es')).toEqual({ text: 'Ramps', lang: 'en' });
    // Only the Spanish agenda was written: English readers get it rather than nothing.
    expect(pick(day, 'agenda', 'en')).toEqual({ text: '9:00 Capacitación', lang: 'es' });
    expect(pick(day, 'whatToBring', 'es')).toEqual({ text: '', lang: 'en' });
  });

  it('marks a block only when it is not in the page language', () => {
    expect(langAttribute({ text: 'x', lang: 'en' }, 'en')).toBeUndefined();
    expect(langAttribute({ text: 'x', lang: 'en' }, 'es')).toBe('en');
    expect(localizedDay(day, 'es')).toMatchObject({ title: 'Título', summary: 'Summary' });
  });

  it('sends the Spanish announcement only when its message was written', () => {
    const message = { subject: 'Parking', body: 'Park here.', subjectEs: '', bodyEs: 'Estacione aquí.' };
    expect(announcementFor(message, 'es')).toEqual({ subject: 'Parking', body: 'Estacione aquí.' });
    expect(announcementFor(message, 'en')).toEqual({ subject: 'Parking', body: 'Park here.' });
    expect(announcementFor({ ...message, subjectEs: 'Estacionamiento', bodyEs: null }, 'es')).toEqual({
      subject: 'Parking',
      body: 'Park here.',
    });
  });
});

describe('the day page in each language', () => {
  it('shows the Spanish texts to Spanish readers, and the English fallbacks marked lang="en"', async () => {
    const day = await createDay(SPANISH);
    const es = await (await request(`/days/${day.slug}`, { lang: 'es' })).text();
    expect(es).toContain('<h1>Día de Incidencia de Fe en Georgia</h1>');
    expect(es).toContain('<p>Reúnase con sus legisladores junto a vecinos de fe.</p>');
    expect(es).toMatch(/<ul><li>8:30 Capacitación<\/li>/);
    expect(es).toContain('<p lang="en">Photo ID for the capitol entrance.</p>');
    expect(es).toContain('<p lang="en">The capitol has step-free entrances.</p>');
    expect(es).toContain('<title>Día de Incidencia de Fe en Georgia');
    expect(es).not.toContain('8:30 Training');

    const en = await (await request(`/days/${day.slug}`, { lang: 'en' })).text();
    expect(en).toContain('<h1>Georgia Faith Advocacy Day</h1>');
    expect(en).toContain('<li>8:30 Training</li>');
    expect(en).not.toContain('Capacitación');
    // (The header's "Español" switch carries lang="es"; the day's own content does not.)
    expect(en.slice(en.indexOf('<main'))).not.toContain(' lang=');
  });

  it('marks Spanish-only texts lang="es" on the English page', async () => {
    const day = await createDay({ agenda: '', agendaEs: '9:00 Oración' });
    const en = await (await request(`/days/${day.slug}`, { lang: 'en' })).text();
    expect(en).toContain('<ul lang="es"><li>9:00 Oración</li></ul>');
  });

  it('lists the day under its Spanish title on /days and the home page', async () => {
    const day = await createDay({ ...SPANISH, titleEs: 'Un día solo en español para la lista' });
    for (const path of ['/days', '/']) {
      const html = await (await request(path, { lang: 'es' })).text();
      expect(html, path).toContain('Un día solo en español para la lista');
    }
    expect(await (await request('/days', { lang: 'en' })).text()).not.toContain(
      'Un día solo en español para la lista',
    );
    expect(day.titleEs).toBe('Un día solo en español para la lista');
  });
});

describe('emails in the registrant’s stored language', () => {
  it('confirms and announces with the texts of each person’s language', async () => {
    const day = await createDay({ ...SPANISH, capacity: 5 });
    const ana = await registerForDay(db, env, day, input('ana-es@example.org'), 'es', pending);
    const bob = await registerForDay(db, env, day, input('bob-en@example.org'), 'en', pending);
    if (ana.kind !== 'registered' || bob.kind !== 'registered') throw new Error('expected seats');

    const [spanish] = await outboxRows(`days-seat:${ana.registration.id}`);
    expect(spanish!.subject).toBe('Tiene su lugar: Día de Incidencia de Fe en Georgia');
    expect(spanish!.text).toContain('- 8:30 Capacitación');
    expect(spanish!.text).toContain('Photo ID for the capitol entrance.');
    // The add-to-calendar links carry the Spanish title too.
    expect(spanish!.text).toContain('text=D%C3%ADa+de+Incidencia');
    const ics = atob(JSON.parse(spanish!.attachments!)[0].content);
    expect(new TextDecoder().decode(Uint8Array.from(ics, (c) => c.charCodeAt(0)))).toContain(
      'SUMMARY:Día de Incidencia de Fe en Georgia',
    );
    const html = await env.DB.prepare('select html_body from outbox where id = ?')
      .bind(`days-seat:${ana.registration.id}`)
      .first<{ html_body: string }>();
    expect(html!.html_body).toContain('<ul lang="es"><li>8:30 Capacitación</li>');
    expect(html!.html_body).toContain('<span lang="en">Photo ID for the capitol entrance.</span>');

    const [english] = await outboxRows(`days-seat:${bob.registration.id}`);
    expect(english!.subject).toBe('You have a seat: Georgia Faith Advocacy Day');
    expect(english!.text).toContain('- 8:30 Training');
    expect(english!.text).not.toContain('Capacitación');

    // The organizer's announcement, written in both languages, reaches each in theirs.
    const sent = await postForm(
      `/admin/days/${day.id}/email`,
      {
        audience: 'registered',
        subject: 'Parking update',
        body: 'Park on Mitchell St.',
        subjectEs: 'Estacionamiento',
        bodyEs: 'Estacione en la calle Mitchell.',
      },
      { cookie },
    );
    expect(sent.status).toBe(200);
    const announcements = (await outboxRows()).filter((row) =>
      ['Parking update', 'Estacionamiento'].includes(row.subject),
    );
    const byTo = Object.fromEntries(announcements.map((row) => [row.to, row]));
    expect(byTo['ana-es@example.org']!.subject).toBe('Estacionamiento');
    expect(byTo['ana-es@example.org']!.text).toContain('Estacione en la calle Mitchell.');
    expect(byTo['ana-es@example.org']!.text).toContain('Sobre Día de Incidencia de Fe en Georgia.');
    expect(byTo['bob-en@example.org']!.subject).toBe('Parking update');
    expect(byTo['bob-en@example.org']!.text).toContain('About Georgia Faith Advocacy Day.');

    // The private page in Spanish shows the Spanish title.
    const page = await (await request(`/days/r/${tokenFrom(spanish!.text)}`, { lang: 'es' })).text();
    expect(page).toContain('<h1>Día de Incidencia de Fe en Georgia</h1>');
  });
});

describe('reminder and debrief emails', () => {
  it('carry the day’s title in the registrant’s language', async () => {
    const day = await createDay(SPANISH);
    const person = { id: 'r1', name: 'Ana', email: 'ana@example.org', checkInCode: 'ABC123', teamRole: null };
    const es = renderRequest(
      env,
      reminderEmail(env, day, { ...person, lang: 'es' }, null, 'x'.repeat(40), 1),
    );
    expect(es.subject).toBe('Mañana: Día de Incidencia de Fe en Georgia');
    const en = renderRequest(
      env,
      reminderEmail(env, day, { ...person, lang: 'en' }, null, 'x'.repeat(40), 7),
    );
    expect(en.subject).toBe('In one week: Georgia Faith Advocacy Day');
    const debrief = renderRequest(
      env,
      debriefInviteEmail(env, day, { ...person, lang: 'es' }, 'x'.repeat(40)),
    );
    expect(debrief.text).toContain('Día de Incidencia de Fe en Georgia');
  });
});

describe('the organizer’s day form', () => {
  it('stores the Spanish versions, shows them again, and prints the Spanish packet texts', async () => {
    const fields = {
      title: 'Bilingual Day',
      slug: 'bilingual-day-test',
      summary: 'Meet your legislators.',
      status: 'published',
      startsAt: '2031-03-10T08:30',
      endsAt: '2031-03-10T16:00',
      registrationDeadline: '2031-03-03T23:59',
      timeZone: 'America/New_York',
      placeName: 'Georgia State Capitol',
      address: '206 Washington St SW, Atlanta, GA 30334',
      state: 'GA',
      capacity: '40',
      agenda: '9:00 Training',
      whatToBring: 'ID',
      accessibility: '',
      talkingPoints: 'Vote no.',
      leaveBehind: 'Stand with families.',
      titleEs: 'Día bilingüe',
      summaryEs: 'Reúnase con sus legisladores.',
      agendaEs: '9:00 Capacitación',
      whatToBringEs: '',
      accessibilityEs: 'Entradas sin escalones.',
      talkingPointsEs: 'Vote en contra.',
      leaveBehindEs: '',
    };
    const form = await (await request('/admin/days/new', { cookie })).text();
    for (const name of ['titleEs', 'summaryEs', 'agendaEs', 'talkingPointsEs', 'leaveBehindEs'])
      expect(form).toContain(`name="${name}"`);
    expect((await postForm('/admin/days/new', fields, { cookie })).status).toBe(303);
    const [day] = await db.select().from(advocacyDays).where(eq(advocacyDays.slug, 'bilingual-day-test'));
    expect(day).toMatchObject({
      titleEs: 'Día bilingüe',
      agendaEs: '9:00 Capacitación',
      whatToBringEs: '',
      talkingPointsEs: 'Vote en contra.',
    });
    const edit = await (await request(`/admin/days/${day!.id}/edit`, { cookie })).text();
    expect(edit).toContain('value="Día bilingüe"');
    expect(edit).toContain('Vote en contra.');
    // A packet printed with the site in Spanish: Spanish talking points, English leave-behind marked.
    await db.insert(dayTeams).values({
      id: 'bilingual-team',
      dayId: day!.id,
      chamber: 'upper',
      district: '36',
      label: 'Sen. Test',
      createdAt: Date.now(),
    });
    const packet = await (
      await request(`/admin/days/${day!.id}/teams/bilingual-team/packet`, { cookie, lang: 'es' })
    ).text();
    expect(packet).toContain('<div><p>Vote en contra.</p></div>');
    expect(packet).toContain('<div lang="en"><p>Stand with families.</p></div>');
  });
});
