// Contact fields are sealed at rest (src/lib/sealed.ts): stored as `wt1.<key>.…`, opened for every
// reader (the private change page, the organizers' CSVs and pages, the privacy export), bound to
// their row, and re-sealed by the key rotation in resumable pages.
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getRegistration } from '../../src/advocacy-days/queries/registrations';
import { getDb } from '../../src/db';
import { newKeyEntry } from '../../src/lib/sealed';
import { getMeeting } from '../../src/meetings/queries';
import { rotateContactKeys } from '../../src/privacy/key-rotation';
import { findEverything } from '../../src/privacy/queries/registry';
import { webhookEndpoints } from '../../src/webhooks/schema';
import { signingSecret, storedSecret } from '../../src/webhooks/secrets';
import { createDay, registrationFields, stubGeocoder, tokenMailedTo } from '../advocacy-days/fixtures';
import { organizerCookie, postForm, request } from '../helpers';
import { insertOfficial, postAs, requestFields } from '../meetings/helpers';

/** CONTACT_KEYS of the Worker tests (vitest.config.ts). */
const TEST_KEY = 'test1:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc';
const OFFICIAL = 'ocd-person/sealed-official';
const PHONE = '404-555-0177';
const ADDRESS = '206 Washington St SW, Atlanta, GA 30334';
const STORY = 'Our neighbor waits every night for her husband to come home';
const ATTENDEE = 'luis.sealed@example.org';

let stub: ReturnType<typeof stubGeocoder> | undefined;
afterEach(() => stub?.restore());

/** The stored row, as a copied database file would show it. */
function rawRow(table: 'day_registrations' | 'meetings', id: string) {
  return env.DB.prepare(`select * from ${table} where id = ?`)
    .bind(id)
    .first<Record<string, string | null>>();
}

async function register(email: string): Promise<{ id: string; slug: string }> {
  const day = await createDay();
  stub = stubGeocoder();
  const response = await postForm(`/days/${day.slug}/register`, registrationFields({ email, phone: PHONE }), {
    headers: { 'cf-connecting-ip': `198.51.100.${Math.floor(Math.random() * 250)}` },
  });
  expect(response.status).toBeLessThan(400);
  stub.restore();
  const row = await env.DB.prepare('select id from day_registrations where email = ?')
    .bind(email)
    .first<{ id: string }>();
  return { id: row!.id, slug: day.slug };
}

async function requestMeeting(email: string): Promise<string> {
  const fields = requestFields(OFFICIAL, {
    senderEmail: email,
    senderPhone: PHONE,
    story: STORY,
    attendees: `Pastor Luis Vega, ${ATTENDEE}`,
  });
  const response = await postAs('/meetings/new/send', fields);
  expect(response.status).toBeLessThan(400);
  const row = await env.DB.prepare('select id from meetings where sender_email = ?')
    .bind(email)
    .first<{ id: string }>();
  return row!.id;
}

beforeAll(async () => {
  await insertOfficial(OFFICIAL);
});

describe('a registration’s phone and address', () => {
  it('are stored sealed with the current key, and the person’s change page shows them opened', async () => {
    const { id } = await register('sealed.person@example.org');
    const raw = await rawRow('day_registrations', id);
    for (const column of ['phone', 'address']) {
      expect(raw![column]).toMatch(/^wt1\.test1\./);
    }
    expect(JSON.stringify(raw)).not.toContain('555-0177');
    expect(JSON.stringify(raw)).not.toContain('Washington St');

    const token = await tokenMailedTo('sealed.person@example.org');
    const html = await (await request(`/days/r/${token}/change`)).text();
    expect(html).toContain(`value="${PHONE}"`);
    expect(html).toContain('206 Washington St SW');
  });

  it('come out opened in the organizers’ CSV and in the privacy export', async () => {
    const { id } = await register('sealed.export@example.org');
    const registration = await getRegistration(getDb(env), id);
    const cookie = await organizerCookie('sealing@example.org', 'owner');
    const csv = await (
      await request(`/admin/days/${registration!.dayId}/registrations.csv`, { cookie })
    ).text();
    expect(csv).toContain(PHONE);

    const exported = await postForm(
      '/admin/privacy/export',
      { email: 'sealed.export@example.org' },
      { cookie },
    );
    const data = (await exported.json()) as { tables: Record<string, Record<string, unknown>[]> };
    expect(data.tables.day_registrations![0]).toMatchObject({ phone: PHONE, address: ADDRESS });
  });

  it('do not open in another row, or once changed by a byte', async () => {
    const a = await register('sealed.a@example.org');
    const b = await register('sealed.b@example.org');
    const phoneOfA = (await rawRow('day_registrations', a.id))!.phone!;
    await env.DB.prepare('update day_registrations set phone = ? where id = ?').bind(phoneOfA, b.id).run();
    await expect(getRegistration(getDb(env), b.id)).rejects.toThrow();

    const tampered = phoneOfA.slice(0, -2) + (phoneOfA.endsWith('AA') ? 'BB' : 'AA');
    await env.DB.prepare('update day_registrations set phone = ? where id = ?').bind(tampered, a.id).run();
    await expect(getRegistration(getDb(env), a.id)).rejects.toThrow();
  });
});

describe('a meeting’s phone, story, request text and attendee contacts', () => {
  it('are stored sealed (attendee names in clear), and open for the organizers and the privacy lookup', async () => {
    const id = await requestMeeting('sealed.sender@example.org');
    const raw = await rawRow('meetings', id);
    for (const column of ['sender_phone', 'story', 'request_text']) {
      expect(raw![column]).toMatch(/^wt1\.test1\./);
    }
    const attendees = JSON.parse(raw!.attendees!) as { name: string; contact: string }[];
    expect(attendees).toEqual([
      { name: 'Pastor Luis Vega', contact: expect.stringMatching(/^wt1\.test1\./) },
    ]);
    expect(JSON.stringify(raw)).not.toContain(ATTENDEE);
    expect(JSON.stringify(raw)).not.toContain('waits every night');
    expect(raw!.attendee_email_hashes).toMatch(/^[\w-]{43}$/);

    const meeting = await getMeeting(getDb(env), id);
    expect(meeting).toMatchObject({
      senderPhone: PHONE,
      story: STORY,
      attendees: [{ name: 'Pastor Luis Vega', contact: ATTENDEE }],
    });

    // The attendee is found by the keyed hash of their address, and the export shows the opened row.
    const cookie = await organizerCookie('sealing@example.org', 'owner');
    const exported = await postForm('/admin/privacy/export', { email: ATTENDEE }, { cookie });
    const data = (await exported.json()) as { tables: Record<string, Record<string, unknown>[]> };
    expect(data.tables.meetings).toHaveLength(1);
    expect(data.tables.meetings![0]).toMatchObject({ id, story: STORY });
  });

  it('reads a row stored before sealing as it is', async () => {
    const id = await requestMeeting('sealed.legacy@example.org');
    await env.DB.prepare(
      `update meetings set sender_phone = '404-555-0123', story = 'plain story', attendees = '[{"name":"Old","contact":"old@example.org"}]' where id = ?`,
    )
      .bind(id)
      .run();
    expect(await getMeeting(getDb(env), id)).toMatchObject({
      senderPhone: '404-555-0123',
      story: 'plain story',
      attendees: [{ name: 'Old', contact: 'old@example.org' }],
    });
  });
});

describe('npm run contact-key:rotate (rotateContactKeys)', () => {
  it('re-seals everything with the new first key in pages, resumes after a stop, and the old key can go', async () => {
    const registration = await register('rotate.person@example.org');
    const meetingId = await requestMeeting('rotate.sender@example.org');
    // A row from before sealing: plain text, sealed by the rotation.
    await env.DB.prepare(`update day_registrations set phone = '404-555-0999' where id = ?`)
      .bind(registration.id)
      .run();

    // A webhook endpoint's signing secret, sealed with the old key like the contacts.
    const oldOnly = getDb({ DB: env.DB, CONTACT_KEYS: TEST_KEY });
    const hookSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    await oldOnly.insert(webhookEndpoints).values({
      id: 'hook-rotate',
      url: 'https://crm.example.org/hooks',
      secret: await storedSecret(oldOnly, 'hook-rotate', hookSecret),
      events: '[]',
      createdAt: 1,
      updatedAt: 1,
    });

    const newKey = newKeyEntry('test2');
    const both = getDb({ DB: env.DB, CONTACT_KEYS: `${newKey},${TEST_KEY}` });
    // Stopped after its first page (as a killed command would be).
    let pages = 0;
    await expect(
      rotateContactKeys(both, {
        pageSize: 1,
        onPage: () => {
          if (++pages === 1) throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    const resumed = await rotateContactKeys(both, { pageSize: 2 });
    // The two rows tampered with above cannot be opened: counted, and left as they are.
    expect(resumed.day_registrations.failed).toBe(2);
    expect(resumed.meetings.failed).toBe(0);
    await env.DB.prepare(
      `delete from day_registrations where email in ('sealed.a@example.org', 'sealed.b@example.org')`,
    ).run();
    expect(resumed.day_registrations.resealed).toBeGreaterThan(0);
    expect(resumed.meetings.resealed).toBeGreaterThan(0);
    // A second run finds nothing left.
    expect(await rotateContactKeys(both)).toEqual({
      day_registrations: { resealed: 0, changedMeanwhile: 0, failed: 0 },
      meetings: { resealed: 0, changedMeanwhile: 0, failed: 0 },
      webhook_endpoints: { resealed: 0, changedMeanwhile: 0, failed: 0 },
    });

    const { results } = await env.DB.prepare(
      `select phone as value from day_registrations where phone is not null
       union all select address from day_registrations where address is not null
       union all select sender_phone from meetings where sender_phone is not null
       union all select story from meetings where story is not null
       union all select secret from webhook_endpoints`,
    ).all<{ value: string }>();
    for (const row of results) expect(row.value).toMatch(/^wt1\.test2\./);

    const newOnly = getDb({ DB: env.DB, CONTACT_KEYS: newKey });
    expect(await getRegistration(newOnly, registration.id)).toMatchObject({
      phone: '404-555-0999',
      address: ADDRESS,
    });
    expect(await getMeeting(newOnly, meetingId)).toMatchObject({
      senderPhone: PHONE,
      story: STORY,
      attendees: [{ contact: ATTENDEE }],
    });
    expect(resumed.webhook_endpoints.resealed).toBe(1);
    const [hook] = await newOnly.select().from(webhookEndpoints);
    expect(await signingSecret(newOnly, hook!.id, hook!.secret)).toBe(hookSecret);
    // The attendee lookup works under the new key alone (the hashes were renewed too).
    const found = await findEverything(newOnly, ATTENDEE);
    expect(found.meetings!.map((row) => row.id)).toContain(meetingId);
  });
});
