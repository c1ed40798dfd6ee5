import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { request } from '../helpers';
import { insertOfficial, outboxRows, postAs, requestFields, tokenFromConfirmation } from './helpers';

const OFFICIAL = 'ocd-person/bb48e87c-29db-4a4d-a278-fa299be2020e';
const NO_EMAIL = 'ocd-person/600e5c48-f5c0-4535-a219-60a5fd94c38f';

beforeAll(async () => {
  await insertOfficial(OFFICIAL);
  await insertOfficial(NO_EMAIL, {
    name: 'Brian Kemp',
    chamber: 'governor',
    title: 'Governor',
    email: null,
    district: null,
  });
});

async function countMeetings(): Promise<number> {
  return (await env.DB.prepare('select count(*) as n from meetings').first<{ n: number }>())!.n;
}

describe('GET /meetings/new', () => {
  it('shows the form for an official with a public email', async () => {
    const response = await request(`/meetings/new?official=${encodeURIComponent(OFFICIAL)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Request a meeting with Representative Powell');
    expect(html).toContain('name="groupName"');
    expect(html).toContain('name="website"');
  });

  it('answers 404 for unknown officials and officials without a public email', async () => {
    expect((await request('/meetings/new?official=ocd-person/nope')).status).toBe(404);
    expect((await request(`/meetings/new?official=${encodeURIComponent(NO_EMAIL)}`)).status).toBe(404);
    expect((await request('/meetings/new')).status).toBe(404);
  });

  it('is in Spanish when asked', async () => {
    const html = await (
      await request(`/meetings/new?official=${encodeURIComponent(OFFICIAL)}`, { lang: 'es' })
    ).text();
    expect(html).toContain('Pedir una reunión con');
  });
});

describe('POST /meetings/new (preview)', () => {
  it('shows the exact email from the template with the details merged, and stores nothing', async () => {
    const { subject, body, ...details } = requestFields(OFFICIAL);
    const response = await postAs('/meetings/new', details);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Meeting request from St. Paul Methodist Church (Hartwell)');
    expect(html).toContain('Dear Representative Powell,');
    expect(html).toContain('Pastor Luis Vega (luis@example.org)');
    expect(html).toContain('A family in our congregation');
    expect(html).toContain('alan.powell@house.ga.gov');
    expect(await countMeetings()).toBe(0);
    expect(await outboxRows()).toHaveLength(0);
  });

  it('uses the Spanish template when the official’s language is Spanish', async () => {
    const id = 'manual-sheriff-es';
    await insertOfficial(id, {
      name: 'Dana Morales',
      familyName: 'Morales',
      chamber: 'sheriff',
      title: 'Sheriff',
      source: 'manual',
      lang: 'es',
      email: 'sheriff@alder.example',
    });
    const { subject, body, ...details } = requestFields(id);
    const html = await (await postAs('/meetings/new', details)).text();
    expect(html).toContain('Solicitud de reunión de St. Paul Methodist Church (Hartwell)');
    expect(html).toContain('Estimado(a) Sheriff Morales:');
  });

  it('refuses missing fields with 422 and keeps what was typed', async () => {
    const { subject, body, ...details } = requestFields(OFFICIAL, { purpose: '' });
    const response = await postAs('/meetings/new', details);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain('St. Paul Methodist Church');
  });

  it('refuses badly written attendee lines', async () => {
    const { subject, body, ...details } = requestFields(OFFICIAL, {
      attendees: `${'x'.repeat(120)}, a@b.org`,
    });
    const response = await postAs('/meetings/new', details);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('one person per line');
  });
});

describe('header injection', () => {
  for (const [field, value] of [
    ['senderName', 'Ana\r\nBcc: victim@example.org'],
    ['senderName', 'Ana\nBcc: victim@example.org'],
    ['groupName', 'Church\r\nX-Evil: 1'],
    ['city', 'Atlanta\u2028Bcc: victim@example.org'],
    ['subject', 'Hello\r\nBcc: victim@example.org'],
    ['subject', 'Hello\nContent-Type: text/html'],
    ['senderEmail', 'ana@example.org\r\nBcc: victim@example.org'],
  ] as const) {
    it(`refuses a line break in ${field} (422), storing and sending nothing`, async () => {
      const response = await postAs('/meetings/new/send', requestFields(OFFICIAL, { [field]: value }));
      expect(response.status).toBe(422);
      expect(await countMeetings()).toBe(0);
      expect(
        (await outboxRows()).some(
          (row) => row.text_body.includes('victim') || row.subject.includes('victim'),
        ),
      ).toBe(false);
    });
  }
});

describe('confirm before send', () => {
  let token = '';

  it('stores the request and emails only the sender a confirmation link', async () => {
    const response = await postAs(
      '/meetings/new/send',
      requestFields(OFFICIAL, { senderEmail: 'confirm@example.org' }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Check your email');
    const rows = await outboxRows();
    expect(rows.map((row) => row.to_address)).toEqual(['confirm@example.org']);
    expect(rows[0]!.template).toBe('meetings-confirm');
    token = await tokenFromConfirmation('confirm@example.org');
    const meeting = await env.DB.prepare(
      "select status, token_hash from meetings where sender_email = 'confirm@example.org'",
    ).first<{ status: string; token_hash: string }>();
    expect(meeting!.status).toBe('unconfirmed');
    expect(meeting!.token_hash).not.toContain(token);
  });

  it('shows a button on GET and sends nothing (mail scanners open links)', async () => {
    const response = await request(`/meetings/m/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toContain(`action="/meetings/m/${token}/confirm"`);
    expect((await outboxRows()).filter((row) => row.to_address === 'alan.powell@house.ga.gov')).toHaveLength(
      0,
    );
  });

  it('sends the request as edited on POST, Reply-To the sender and a copy to them; once', async () => {
    const response = await postAs(`/meetings/m/${token}/confirm`, {});
    expect(response.status).toBe(303);
    const toOfficial = (await outboxRows()).filter((row) => row.to_address === 'alan.powell@house.ga.gov');
    expect(toOfficial).toHaveLength(1);
    expect(toOfficial[0]).toMatchObject({
      reply_to: 'confirm@example.org',
      subject: 'Meeting request from St. Paul Methodist Church (Hartwell)',
      lang: 'en',
    });
    expect(JSON.parse(toOfficial[0]!.cc!)).toEqual(['confirm@example.org']);
    expect(toOfficial[0]!.text_body).toContain('We would like to meet with you about driver’s licenses.');

    await postAs(`/meetings/m/${token}/confirm`, {});
    expect((await outboxRows()).filter((row) => row.to_address === 'alan.powell@house.ga.gov')).toHaveLength(
      1,
    );
    const html = await (await request(`/meetings/m/${token}`)).text();
    expect(html).toContain('Did they agree to meet?');
  });

  it('answers with the same refusal for wrong, malformed and missing tokens', async () => {
    const wrong = 'A'.repeat(43);
    for (const path of [`/meetings/m/${wrong}`, '/meetings/m/short', `/meetings/m/${token.slice(0, -1)}x`]) {
      const response = await request(path);
      expect(response.status).toBe(410);
      expect(await response.text()).toContain('This link does not work');
    }
    expect((await postAs(`/meetings/m/${wrong}/confirm`, {})).status).toBe(410);
    expect(
      (await postAs(`/meetings/m/${wrong}/schedule`, { scheduledFor: '2027-01-12T10:00', place: 'x' }))
        .status,
    ).toBe(410);
    expect((await request('/meetings/m/')).status).toBe(404);
  });

  it('does nothing for a bot that fills the honeypot, answering as on success', async () => {
    const before = (await outboxRows()).length;
    const response = await postAs(
      '/meetings/new/send',
      requestFields(OFFICIAL, { senderEmail: 'bot@example.org', website: 'spam' }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Check your email');
    expect((await outboxRows()).length).toBe(before);
  });
});
