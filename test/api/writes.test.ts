import { env } from 'cloudflare:workers';
import { createMessageBatch } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { consumeApiBatch, type ApiWrite } from '../../src/api/background';
import { createDay } from '../advocacy-days/fixtures';
import { makeLetter } from '../letters/fixtures';
import { api, getJson, makeKey, postJson } from './fixtures';

const person = (email: string, extra: Record<string, unknown> = {}) => ({
  person: { given_name: 'Dana', family_name: 'Lee', email_addresses: [{ address: email }], ...extra },
});

describe('POST /api/v2/people (person signup helper)', () => {
  it('creates a person and answers it with identifiers and dates', async () => {
    const key = await makeKey('write', 'Our CRM');
    const response = await postJson('/people', key, {
      ...person('dana@example.org', {
        identifiers: ['crm:42'],
        postal_addresses: [{ postal_code: '30303' }],
      }),
      add_tags: ['volunteer'],
    });
    expect(response.status).toBe(200);
    const body = await response.json<Record<string, any>>();
    expect(body.identifiers).toEqual([expect.stringMatching(/^welcome_table:/), 'crm:42']);
    expect(body).toMatchObject({
      origin_system: 'Our CRM',
      given_name: 'Dana',
      email_addresses: [{ address: 'dana@example.org', status: 'unsubscribed' }],
      postal_addresses: [{ postal_code: '30303' }],
    });
    expect(body.created_date).toBe(body.modified_date);
  });

  it('dedupes on email and merges: sent fields replace, others stay, identifiers add up', async () => {
    const key = await makeKey('write');
    const first = await (
      await postJson('/people', key, person('merge@example.org', { identifiers: ['a:1'] }))
    ).json<any>();
    const second = await (
      await postJson('/people', key, {
        person: {
          family_name: 'Lee-Park',
          email_addresses: [{ address: 'MERGE@example.org', status: 'subscribed' }],
          identifiers: ['b:2'],
        },
      })
    ).json<any>();
    expect(second.identifiers[0]).toBe(first.identifiers[0]);
    expect(second.identifiers).toEqual([first.identifiers[0], 'a:1', 'b:2']);
    expect(second).toMatchObject({
      given_name: 'Dana',
      family_name: 'Lee-Park',
      email_addresses: [{ status: 'subscribed' }],
    });
    expect(Date.parse(second.modified_date)).toBeGreaterThan(Date.parse(first.modified_date));
  });

  it('reads JSON sent without a Content-Type or as text/plain', async () => {
    const key = await makeKey('write');
    expect((await postJson('/people', key, person('plain@example.org'), null)).status).toBe(200);
    expect((await postJson('/people', key, person('text@example.org'), 'text/plain')).status).toBe(200);
  });

  it('answers 400 naming the field for a body without an email', async () => {
    const key = await makeKey('write');
    const response = await postJson('/people', key, { person: { given_name: 'X', email_addresses: [] } });
    expect(response.status).toBe(400);
    expect((await response.json<{ error: string }>()).error).toContain('person.email_addresses');
  });

  it('refuses a read-only key with 403, and stores nothing', async () => {
    const key = await makeKey('read');
    const response = await postJson('/people', key, person('nope@example.org'));
    expect(response.status).toBe(403);
    const found = await getJson(
      `/people?filter=${encodeURIComponent("email_address eq 'nope@example.org'")}`,
      key,
    );
    expect(found.total_records).toBe(0);
  });
});

describe('POST /api/v2/petitions/:id/signatures (record signature helper)', () => {
  it('records a confirmed signature marked with its origin, once per address', async () => {
    const key = await makeKey('write', 'Partner site');
    const letter = await makeLetter();
    const first = await postJson(`/petitions/${letter.id}/signatures`, key, {
      ...person('signer@example.org'),
      comments: 'Yes',
    });
    expect(first.status).toBe(200);
    const signature = await first.json<Record<string, any>>();
    expect(signature).toMatchObject({
      origin_system: 'Partner site',
      comments: 'Yes',
      'welcome_table:show_publicly': false,
    });
    const again = await (
      await postJson(`/petitions/${letter.id}/signatures`, key, person('Signer@example.org'))
    ).json<any>();
    expect(again.identifiers[0]).toBe(signature.identifiers[0]);
    const list = await getJson(`/petitions/${letter.id}/signatures`, key);
    expect(list.total_records).toBe(1);
    const row = await env.DB.prepare(
      'SELECT origin, keep_informed FROM letter_signatures WHERE letter_id = ?',
    )
      .bind(letter.id)
      .first();
    expect(row).toEqual({ origin: 'Partner site', keep_informed: 0 });
  });

  it('accepts a person by the last segment of a …/people/{id} link', async () => {
    const key = await makeKey('write');
    const letter = await makeLetter();
    const made = await (await postJson('/people', key, person('linked@example.org'))).json<any>();
    const response = await postJson(`/petitions/${letter.id}/signatures`, key, {
      _links: {
        'osdi:person': {
          href: `https://elsewhere.example/api/v2/people/${made.identifiers[0].split(':')[1]}`,
        },
      },
    });
    expect(response.status).toBe(200);
    expect((await response.json<any>())._links['osdi:person'].href).toBe(made._links.self.href);
  });

  it('answers 404 for a letter that is not open', async () => {
    const key = await makeKey('write');
    const letter = await makeLetter({ status: 'closed' });
    expect(
      (await postJson(`/petitions/${letter.id}/signatures`, key, person('late@example.org'))).status,
    ).toBe(404);
  });
});

describe('POST /api/v2/events/:id/attendances (record attendance helper)', () => {
  it('registers the person with a confirmed seat, and keeps one registration per address', async () => {
    const key = await makeKey('write');
    const day = await createDay({ capacity: 1 });
    const first = await (
      await postJson(`/events/${day.id}/attendances`, key, person('guest@example.org'))
    ).json<any>();
    expect(first.status).toBe('registered');
    const second = await (
      await postJson(`/events/${day.id}/attendances`, key, person('guest2@example.org'))
    ).json<any>();
    expect(second.status).toBe('waitlisted');
    const again = await (
      await postJson(`/events/${day.id}/attendances`, key, person('guest@example.org'))
    ).json<any>();
    expect(again.identifiers[0]).toBe(first.identifiers[0]);
    const hold = await env.DB.prepare(
      "SELECT hold_expires_at FROM day_registrations WHERE email = 'guest@example.org'",
    ).first();
    expect(hold).toEqual({ hold_expires_at: null });
    expect((await getJson(`/events/${day.id}/attendances`, key)).total_records).toBe(2);
  });
});

describe('?background_processing=true', () => {
  it('answers {} at once and does the work from the queue', async () => {
    const key = await makeKey('write');
    const letter = await makeLetter();
    const sent: ApiWrite[] = [];
    const original = env.API_QUEUE.send.bind(env.API_QUEUE);
    env.API_QUEUE.send = async (body: unknown) => {
      sent.push(body as ApiWrite);
      return { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } } as unknown as QueueSendResponse;
    };
    try {
      const response = await postJson(
        `/petitions/${letter.id}/signatures?background_processing=true`,
        key,
        person('later@example.org'),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({});
    } finally {
      env.API_QUEUE.send = original;
    }
    expect((await getJson(`/petitions/${letter.id}/signatures`, key)).total_records).toBe(0);
    const batch = createMessageBatch(
      'welcome-table-api',
      sent.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
    );
    const acked: string[] = [];
    for (const message of batch.messages)
      Object.defineProperty(message, 'ack', { value: () => acked.push(message.id) });
    await consumeApiBatch(batch, env);
    // Run twice (a redelivery): still one signature.
    await consumeApiBatch(batch, env);
    expect(acked).toEqual(['m0', 'm0']);
    expect((await getJson(`/petitions/${letter.id}/signatures`, key)).total_records).toBe(1);
  });
});

describe('keys', () => {
  it('records every use in the audit log with the key id, never the query string', async () => {
    const key = await makeKey('read');
    await api(`/people?filter=${encodeURIComponent("email_address eq 'who@example.org'")}`, key);
    const rows = await env.DB.prepare(
      "SELECT event, path, detail FROM audit_events WHERE event LIKE 'api_%'",
    ).all();
    expect(rows.results.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows.results)).not.toContain('who@example.org');
    const used = await env.DB.prepare(
      'SELECT count(*) AS n FROM api_keys WHERE last_used_at IS NOT NULL',
    ).first<{ n: number }>();
    expect(used!.n).toBeGreaterThan(0);
  });

  it('a revoked key answers 401', async () => {
    const key = await makeKey('read');
    await env.DB.prepare('UPDATE api_keys SET revoked_at = 1').run();
    expect((await api('/', key)).status).toBe(401);
  });
});
