// The organizers' power map (issue 22, item 10): dates that make sense, entries that can be corrected
// or deleted with the change kept in the map's history, and meeting outcomes that move the map.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { recordHeldMeeting, recordMeetingOutcome } from '../../src/meetings/lifecycle';
import { meetings } from '../../src/meetings/schema';
import { latestNoteDay } from '../../src/officials/validation';
import { officials, powerMapChanges, powerMapEntries } from '../../src/officials/schema';
import { organizerCookie, postForm, request } from '../helpers';

const db = getDb(env);
let cookie: string;
const OFFICIAL = 'ocd-person/power-map-test';
const page = `/admin/officials/view?id=${encodeURIComponent(OFFICIAL)}`;
const mapPath = (what = '') => `/admin/officials/power-map${what}?id=${encodeURIComponent(OFFICIAL)}`;

beforeAll(async () => {
  cookie = await organizerCookie();
  const at = Date.now();
  await db.insert(officials).values({
    id: OFFICIAL,
    name: 'Alan Powell',
    familyName: 'Powell',
    state: 'ga',
    chamber: 'lower',
    title: 'Representative',
    district: '33',
    source: 'openstates',
    createdAt: at,
    updatedAt: at,
  });
});

const currentStance = async (lang?: string) => {
  const html = await (await request(page, { cookie, lang })).text();
  return /(?:Current stance|Postura actual):\s*<strong>([^<]+)<\/strong>/.exec(html)?.[1];
};
const entries = () => db.select().from(powerMapEntries).where(eq(powerMapEntries.officialId, OFFICIAL));

describe('power-map dates', () => {
  it('refuses a date in the future or before 1970, in the organizer’s language, and stores nothing', async () => {
    const future = await postForm(
      mapPath(),
      { stance: 'champion', notedOn: '2099-01-01', note: '' },
      { cookie },
    );
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('The date cannot be in the future');
    const tomorrow = new Date(Date.parse(`${latestNoteDay()}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(
      (await postForm(mapPath(), { stance: 'champion', notedOn: tomorrow, note: '' }, { cookie })).status,
    ).toBe(422);
    const old = await postForm(
      mapPath(),
      { stance: 'ally', notedOn: '1066-10-14', note: '' },
      { cookie, lang: 'es' },
    );
    expect(old.status).toBe(422);
    expect(await old.text()).toContain('La fecha es demasiado antigua');
    expect(await entries()).toHaveLength(0);
    expect(await currentStance()).toBe('Unknown');
  });

  it('accepts today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await postForm(mapPath(), { stance: 'undecided', notedOn: today, note: 'First visit' }, { cookie }))
        .status,
    ).toBe(303);
    expect(await currentStance()).toBe('Undecided');
  });
});

describe('editing and deleting power-map entries', () => {
  it('corrects an entry and deletes another, each change kept in the history with who made it', async () => {
    expect(
      (
        await postForm(
          mapPath(),
          { stance: 'opposed', notedOn: '2026-01-10', note: 'Typo stance' },
          { cookie },
        )
      ).status,
    ).toBe(303);
    const [wrong] = (await entries()).filter((e) => e.note === 'Typo stance');
    const edit = `${mapPath('/edit')}&entry=${encodeURIComponent(wrong!.id)}`;

    // The edit form opens prefilled, and a bad date is refused there too.
    const form = await (await request(`${page}&edit=${encodeURIComponent(wrong!.id)}`, { cookie })).text();
    expect(form).toContain('Editing the note of 2026-01-10');
    expect(
      (await postForm(edit, { stance: 'ally', notedOn: '2099-05-05', note: 'x' }, { cookie })).status,
    ).toBe(422);

    expect(
      (await postForm(edit, { stance: 'ally', notedOn: '2026-01-10', note: 'Fixed stance' }, { cookie }))
        .status,
    ).toBe(303);
    const [fixed] = (await entries()).filter((e) => e.id === wrong!.id);
    expect(fixed).toMatchObject({ stance: 'ally', note: 'Fixed stance' });

    const remove = `${mapPath('/delete')}&entry=${encodeURIComponent(wrong!.id)}`;
    expect((await postForm(remove, {}, { cookie })).status).toBe(303);
    expect((await entries()).some((e) => e.id === wrong!.id)).toBe(false);

    const changes = await db.select().from(powerMapChanges).where(eq(powerMapChanges.entryId, wrong!.id));
    expect(changes.map((c) => c.action).sort()).toEqual(['delete', 'edit']);
    expect(changes.find((c) => c.action === 'edit')!.before).toMatchObject({
      stance: 'opposed',
      note: 'Typo stance',
    });
    expect(changes.find((c) => c.action === 'delete')!.before).toMatchObject({
      stance: 'ally',
      note: 'Fixed stance',
    });
    const html = await (await request(page, { cookie })).text();
    expect(html).toContain('History of changes');
    expect(html).toContain('the note of 2026-01-10 (Opposed) was edited');
    expect(html).toContain('the note of 2026-01-10 (Ally) was deleted');
    expect(html).toContain('by Test Organizer');
    const es = await (await request(page, { cookie, lang: 'es' })).text();
    expect(es).toContain('Historial de cambios');
  });

  it('does not touch another official’s entry', async () => {
    const response = await postForm(`${mapPath('/delete')}&entry=nope`, {}, { cookie });
    expect(response.status).toBe(404);
  });
});

describe('meeting outcomes feed the map', () => {
  it('makes a held meeting’s perceived stance the current one, and follows a correction', async () => {
    const heldOn = new Date().toISOString().slice(0, 10);
    const { meetingId } = await recordHeldMeeting(db, env, {
      officialId: OFFICIAL,
      senderName: 'Ana Morales',
      senderEmail: 'ana-map@example.org',
      senderLang: 'en',
      groupName: 'St. Paul',
      city: 'Hartwell',
      purpose: 'Driver’s licenses for all',
      source: 'advocacy_day',
      originRef: 'advocacy-day:map-test:team-1',
      heldOn,
      stancePerceived: 'ally',
      nextSteps: null,
      debriefNotes: null,
      commitments: [],
    });
    expect(await currentStance()).toBe('Ally');
    expect(await currentStance('es')).not.toBe('Desconocida');
    const html = await (await request(page, { cookie })).text();
    expect(html).toContain('from a meeting’s recorded outcome');

    // Corrected after the debrief: the same entry follows, no second one.
    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
    await recordMeetingOutcome(db, meeting!, {
      heldOn,
      stancePerceived: 'champion',
      nextSteps: null,
      debriefNotes: null,
      commitments: [],
    });
    expect(await currentStance()).toBe('Champion');
    expect((await entries()).filter((e) => e.meetingId === meetingId)).toHaveLength(1);
  });
});

describe('the official’s email language on the organizer page', () => {
  const langPath = `/admin/officials/lang?id=${encodeURIComponent(OFFICIAL)}`;
  const langOf = async () =>
    (await db.select({ lang: officials.lang }).from(officials).where(eq(officials.id, OFFICIAL)))[0]?.lang;

  it('refuses an empty or unknown choice with the page and an error summary, and changes nothing', async () => {
    const before = await langOf();
    for (const lang of ['', 'fr']) {
      const refused = await postForm(langPath, { lang }, { cookie, lang: 'es' });
      expect(refused.status).toBe(422);
      const html = await refused.text();
      expect(html).toContain('class="error-summary"');
      expect(html).toContain('<h1>Alan Powell</h1>');
    }
    expect(await langOf()).toBe(before);
  });

  it('saves a valid choice', async () => {
    const saved = await postForm(langPath, { lang: 'es' }, { cookie });
    expect(saved.status).toBe(303);
    expect(await langOf()).toBe('es');
  });
});
