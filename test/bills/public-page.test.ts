// The bill page reads in one round trip and is served from the edge cache
// (src/web/edge-cache.ts); organizers and form errors always get a fresh page.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { listActions, listBillMovements, listSponsors, readBillPage } from '../../src/bills/queries';
import { bills } from '../../src/bills/schema';
import { setEdgeCacheInTests } from '../../src/web/edge-cache';
import { organizerCookie, postForm, request } from '../helpers';
import { seedBill } from './seed';

const db = getDb(env);

describe('readBillPage', () => {
  it('reads what the separate queries read, by state and slug in any case', async () => {
    const id = await seedBill(db, { id: 'bill-read-page', state: 'AL', identifier: 'HB 12' });
    const page = await readBillPage(db, 'al', 'HB-12');
    expect(page?.bill.id).toBe(id);
    expect(page?.actions).toEqual(await listActions(db, id));
    expect(page?.sponsors).toEqual(await listSponsors(db, id));
    expect(page?.movements).toEqual(await listBillMovements(db, id));
    expect(await readBillPage(db, 'AL', 'hb-13')).toBeNull();
  });
});

describe('the bill page from the edge cache', () => {
  beforeEach(() => setEdgeCacheInTests(true));
  afterEach(() => setEdgeCacheInTests(false));

  it('is served from the cache to anonymous readers, never to organizers, and never stores form errors', async () => {
    const id = await seedBill(db, { id: 'bill-memo', state: 'TX', identifier: 'SB 5' });
    const first = await request('/bills/tx/sb-5');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(first.headers.get('cache-control')).toBe('private, max-age=5');
    expect(await first.text()).toContain('Test bill SB 5');
    await db.update(bills).set({ title: 'Renamed bill' }).where(eq(bills.id, id));
    const second = await request('/bills/tx/sb-5');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toContain('Test bill SB 5');
    const organizer = await request('/bills/tx/sb-5', { cookie: await organizerCookie() });
    expect(organizer.headers.get('cache-control')).toBe('no-store');
    expect(await organizer.text()).toContain('Renamed bill');
    const invalid = await postForm(
      '/bills/tx/sb-5/subscribe',
      { email: 'not-an-email', scope: 'bill', lang: 'en', frequency: 'immediate', website: '' },
      { headers: { 'cf-connecting-ip': '10.9.9.9' } },
    );
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('Renamed bill');
    expect(await (await request('/bills/tx/sb-5')).text()).toContain('Test bill SB 5');
    expect((await request('/bills/tx/sb-6')).status).toBe(404);
    expect((await request('/bills/tx/sb-6')).headers.get('x-cache')).toBe('bypass');
  });

  it('is purged when an organizer changes the bill', async () => {
    const id = await seedBill(db, { id: 'bill-memo-edit', state: 'TX', identifier: 'SB 7' });
    expect(await (await request('/bills/tx/sb-7')).text()).not.toContain('Notes from the hearing');
    expect((await request('/bills/tx/sb-7')).headers.get('x-cache')).toBe('hit');
    const posted = await postForm(
      `/admin/bills/${id}/stage`,
      { stage: 'in_committee', noteEn: 'Notes from the hearing', noteEs: 'Notas de la audiencia' },
      { headers: { cookie: await organizerCookie() } },
    );
    expect(posted.status).toBe(303);
    expect(await (await request('/bills/tx/sb-7')).text()).toContain('Notes from the hearing');
  });
});
