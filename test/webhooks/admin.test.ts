// /admin/webhooks: owners only; adding an endpoint shows its secret once; bad addresses are refused
// in the owner's language; the delivery log's "send again" goes back through the queue.
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/db/batch';
import { recordEventWithItem } from '../../src/webhooks/queries';
import { organizerCookie, postForm, request, stubFetch } from '../helpers';
import { db, deliveriesOf } from './support';

let owner: string;
let organizer: string;
const received: { id: string | null; body: string }[] = [];
// The queue consumer of this Worker posts to the endpoint: answered here, never sent out.
const network = stubFetch(async (req) => {
  received.push({ id: req.headers.get('webhook-id'), body: await req.text() });
  return new Response(null, { status: 204 });
});
afterAll(() => network.restore());

beforeAll(async () => {
  owner = await organizerCookie('hook-owner@example.org', 'owner');
  organizer = await organizerCookie('hook-organizer@example.org', 'organizer');
});

async function endpointIds(): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT id FROM webhook_endpoints ORDER BY created_at').all<{
    id: string;
  }>();
  return results.map((row) => row.id);
}

describe('/admin/webhooks', () => {
  it('is refused to organizers who are not owners, reading or adding', async () => {
    expect((await request('/admin/webhooks', { cookie: organizer })).status).toBe(403);
    const added = await postForm(
      '/admin/webhooks',
      { url: 'https://hooks.example.org/x', events: 'signature.confirmed' },
      { cookie: organizer },
    );
    expect(added.status).toBe(403);
    expect(await endpointIds()).toEqual([]);
  });

  it('refuses a non-HTTPS or private address with a clear message, in English and Spanish', async () => {
    const plain = await postForm(
      '/admin/webhooks',
      { url: 'http://hooks.example.org/x', events: 'signature.confirmed' },
      { cookie: owner },
    );
    expect(plain.status).toBe(422);
    expect(await plain.text()).toContain('The address must start with https://');
    const local = await postForm(
      '/admin/webhooks',
      { url: 'https://192.168.1.10/hook', events: 'signature.confirmed' },
      { cookie: owner, lang: 'es' },
    );
    expect(local.status).toBe(422);
    const html = await local.text();
    expect(html).toContain('Esta dirección apunta a una red privada o local.');
    expect(html).toContain('https://192.168.1.10/hook');
    const noEvents = await postForm(
      '/admin/webhooks',
      { url: 'https://hooks.example.org/x' },
      { cookie: owner },
    );
    expect(await noEvents.text()).toContain('Choose at least one event.');
    expect(await endpointIds()).toEqual([]);
  });

  it('adds an endpoint and shows its secret once', async () => {
    const added = await postForm(
      '/admin/webhooks',
      { url: 'https://hooks.example.org/welcome', events: ['signature.confirmed', 'person.erased'] },
      { cookie: owner },
    );
    expect(added.status).toBe(200);
    expect(added.headers.get('cache-control')).toContain('no-store');
    const page = await added.text();
    const secret = /data-webhook-secret[^>]*>(whsec_[A-Za-z0-9+/=]+)</.exec(page)?.[1];
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [id] = await endpointIds();
    const list = await (await request('/admin/webhooks', { cookie: owner })).text();
    const detail = await (await request(`/admin/webhooks/${id}`, { cookie: owner })).text();
    expect(list).toContain('hooks.example.org');
    expect(list).not.toContain(secret!);
    expect(detail).not.toContain(secret!);
  });

  it('pauses an endpoint and changes its events', async () => {
    const [id] = await endpointIds();
    const saved = await postForm(
      `/admin/webhooks/${id}`,
      { events: 'person.erased', paused: 'on' },
      { cookie: owner },
    );
    expect(saved.status).toBe(303);
    const row = await env.DB.prepare('SELECT events, active FROM webhook_endpoints WHERE id = ?')
      .bind(id)
      .first<{ events: string; active: number }>();
    expect(row).toEqual({ events: '["person.erased"]', active: 0 });
    await postForm(
      `/admin/webhooks/${id}`,
      { events: ['person.erased', 'signature.confirmed'] },
      { cookie: owner },
    );
  });

  it('lists deliveries and sends a failed one again through the queue, with the same id and item', async () => {
    const [id] = await endpointIds();
    const at = Date.now();
    const item = { identifiers: ['welcome_table:erasure-admin'] };
    await runBatch(
      db,
      recordEventWithItem(
        db,
        { id: 'person.erased:erasure-admin', type: 'person.erased', subjectId: 'erasure-admin', item },
        at,
      ),
    );
    const deliveryId = `person.erased:erasure-admin>${id}`;
    await db.run(
      sql`update webhook_deliveries set status = 'failed', attempts = 10, last_status_code = 500 where id = ${deliveryId}`,
    );
    const log = await (await request(`/admin/webhooks/${id}`, { cookie: owner })).text();
    expect(log).toContain('Person erased');
    expect(log).toContain('Failed');
    const again = await postForm(
      `/admin/webhooks/${id}/deliveries/${encodeURIComponent(deliveryId)}/send-again`,
      {},
      { cookie: owner },
    );
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/admin/webhooks/${id}?saved=queued`);
    await expect
      .poll(async () => (await deliveriesOf('person.erased:erasure-admin'))[0]?.status, { timeout: 10_000 })
      .toBe('delivered');
    const sent = received.filter((r) => r.id === deliveryId);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.body)).toEqual([
      {
        'welcome_table:erasure': item,
        'welcome_table:event': 'person.erased',
        idempotency_key: 'person.erased:erasure-admin',
      },
    ]);
  });

  it('removes an endpoint with its log', async () => {
    const [id] = await endpointIds();
    const removed = await postForm(`/admin/webhooks/${id}/remove`, {}, { cookie: owner });
    expect(removed.headers.get('location')).toBe('/admin/webhooks?saved=removed');
    expect(await endpointIds()).toEqual([]);
    expect(await deliveriesOf('person.erased:erasure-admin')).toEqual([]);
  });
});
