// The manage page of an address: everything it follows, stopping one item, switching between one
// bill and its whole state without a new opt-in, language and frequency for all, and bad input.
import { env } from 'cloudflare:workers';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { billSubscriptionLinks, billSubscriptions } from '../../src/bills/schema';
import { newManageLink } from '../../src/bills/subscriptions';
import { outbox } from '../../src/email/schema';
import { postForm, request } from '../helpers';
import { seedBill, subscriptionsTo } from './seed';

const db = getDb(env);
const hourAgo = Date.now() - 3_600_000;

/** A subscription to m-bill-1 (GA); `{ billId: null }` in overrides makes it the whole state. */
const subscription = subscriptionsTo({ billId: 'm-bill-1', state: 'GA' });

/** A manage link of a subscription, as an alert would carry it. */
async function manageLink(subscriptionId: string): Promise<string> {
  const { token, row } = await newManageLink(subscriptionId, Date.now());
  await db.insert(billSubscriptionLinks).values(row);
  return `/bills/subscriptions/${token}`;
}

async function rowsOf(email: string) {
  return db
    .select()
    .from(billSubscriptions)
    .where(eq(billSubscriptions.email, email))
    .orderBy(asc(billSubscriptions.scopeKey));
}

const statusByScope = async (email: string) =>
  Object.fromEntries((await rowsOf(email)).map((r) => [r.scopeKey, r.status]));

beforeAll(async () => {
  await seedBill(db, { id: 'm-bill-1', identifier: 'SB 101' });
  await seedBill(db, { id: 'm-bill-2', identifier: 'HB 202' });
  await seedBill(db, { id: 'm-bill-sc', identifier: 'HB 303', state: 'SC' });
  await db
    .insert(billSubscriptions)
    .values([
      subscription('m-1', 'follower@example.org'),
      subscription('m-2', 'follower@example.org', { scopeKey: 'state:SC', billId: null, state: 'SC' }),
      subscription('m-3', 'stranger@example.org'),
      subscription('m-4', 'switcher@example.org'),
      subscription('m-5', 'narrower@example.org', { scopeKey: 'state:GA', billId: null, frequency: 'daily' }),
      subscription('m-6', 'all@example.org'),
      subscription('m-7', 'all@example.org', { scopeKey: 'state:SC', billId: null, state: 'SC' }),
    ]);
});

describe('the manage page', () => {
  it('shows everything the address follows, each with its buttons, and no one else’s', async () => {
    const page = await request(await manageLink('m-1'));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    const html = await page.text();
    expect(html).toContain('GA SB 101');
    expect(html).toContain('Every bill we follow in SC');
    expect(html).toContain('Follow every bill in GA instead');
    expect(html).toContain('name="item" value="m-1"');
    expect(html).toContain('name="item" value="m-2"');
    expect(html).not.toContain('m-3');
    // SC is followed whole: its bills are offered to follow one instead.
    expect(html).toContain('SC HB 303');
    expect(html).not.toContain('follower@example.org');
  });

  it('answers in Spanish', async () => {
    const html = await (await request(await manageLink('m-1'), { lang: 'es' })).text();
    expect(html).toContain('Lo que usted sigue');
    expect(html).toContain('Seguir en su lugar todos los proyectos de GA');
    expect(html).toContain('Dejar de seguir');
  });

  it('stops following one item and leaves the others, and can follow it again', async () => {
    const base = await manageLink('m-1');
    const stopped = await postForm(`${base}/following`, { item: 'm-2', change: 'stop' });
    expect(stopped.status).toBe(303);
    expect(stopped.headers.get('location')).toBe(`${base}?notice=saved`);
    expect(await statusByScope('follower@example.org')).toEqual({
      'bill:m-bill-1': 'confirmed',
      'state:SC': 'unsubscribed',
    });
    const html = await (await request(`${base}?notice=saved`)).text();
    expect(html).toContain('Your choices are saved.');
    expect(html).toContain('Follow again');
    expect(html).toContain('You stopped following this.');

    expect((await postForm(`${base}/following`, { item: 'm-2', change: 'resume' })).status).toBe(303);
    expect(await statusByScope('follower@example.org')).toEqual({
      'bill:m-bill-1': 'confirmed',
      'state:SC': 'confirmed',
    });
  });

  it('switches from one bill to its whole state, and back, with no new opt-in', async () => {
    const base = await manageLink('m-4');
    const emailsBefore = (await db.select().from(outbox).where(eq(outbox.toAddress, 'switcher@example.org')))
      .length;
    expect((await postForm(`${base}/following`, { item: 'm-4', change: 'follow-state' })).status).toBe(303);
    const afterWiden = await rowsOf('switcher@example.org');
    expect(afterWiden.map((r) => [r.scopeKey, r.status])).toEqual([
      ['bill:m-bill-1', 'unsubscribed'],
      ['state:GA', 'confirmed'],
    ]);
    // The new scope keeps the person's choices and starts from now (no old movements re-sent).
    const state = afterWiden[1]!;
    expect(state).toMatchObject({ lang: 'en', frequency: 'immediate', billId: null });
    expect(state.confirmedAt).toBeGreaterThan(hourAgo);

    // The same link still works after its own row was stopped: back to one bill (another one).
    expect((await postForm(`${base}/follow-bill`, { bill: 'm-bill-2' })).status).toBe(303);
    expect(await statusByScope('switcher@example.org')).toEqual({
      'bill:m-bill-1': 'unsubscribed',
      'bill:m-bill-2': 'confirmed',
      'state:GA': 'unsubscribed',
    });
    // Back to the first bill through its state: the old row is taken up again, not duplicated.
    const items = await rowsOf('switcher@example.org');
    const two = items.find((r) => r.scopeKey === 'bill:m-bill-2')!;
    expect((await postForm(`${base}/following`, { item: two.id, change: 'follow-state' })).status).toBe(303);
    expect((await postForm(`${base}/follow-bill`, { bill: 'm-bill-1' })).status).toBe(303);
    expect(await statusByScope('switcher@example.org')).toEqual({
      'bill:m-bill-1': 'confirmed',
      'bill:m-bill-2': 'unsubscribed',
      'state:GA': 'unsubscribed',
    });
    expect(await rowsOf('switcher@example.org')).toHaveLength(3);
    // No confirmation email: the address was already confirmed.
    expect((await db.select().from(outbox).where(eq(outbox.toAddress, 'switcher@example.org'))).length).toBe(
      emailsBefore,
    );
  });

  it('narrows a whole state to one bill from the list', async () => {
    const base = await manageLink('m-5');
    expect((await postForm(`${base}/follow-bill`, { bill: 'm-bill-1' })).status).toBe(303);
    const rows = await rowsOf('narrower@example.org');
    expect(rows.map((r) => [r.scopeKey, r.status, r.frequency])).toEqual([
      ['bill:m-bill-1', 'confirmed', 'daily'],
      ['state:GA', 'unsubscribed', 'daily'],
    ]);
  });

  it('changes language and frequency of everything followed', async () => {
    const base = await manageLink('m-6');
    expect((await postForm(base, { lang: 'es', frequency: 'daily' })).status).toBe(303);
    const rows = await rowsOf('all@example.org');
    expect(rows.map((r) => [r.lang, r.frequency])).toEqual([
      ['es', 'daily'],
      ['es', 'daily'],
    ]);
    expect(rows.every((r) => r.digestSince! > hourAgo)).toBe(true);
  });
});

describe('bad input on the manage page', () => {
  async function refused(response: Response) {
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    return html;
  }

  it('refuses a bill of a state not followed whole, with the error beside the field, changing nothing', async () => {
    const before = await rowsOf('follower@example.org');
    const html = await refused(
      await postForm(`${await manageLink('m-1')}/follow-bill`, { bill: 'm-bill-2' }, { lang: 'es' }),
    );
    expect(html).toContain('Elija uno de los proyectos de la lista');
    expect(html).toContain('aria-invalid="true"');
    expect(await rowsOf('follower@example.org')).toEqual(before);
  });

  it('refuses an unknown bill and an empty choice', async () => {
    const base = await manageLink('m-1');
    await refused(await postForm(`${base}/follow-bill`, { bill: 'no-such-bill' }));
    await refused(await postForm(`${base}/follow-bill`, { bill: '' }));
  });

  it('refuses another address’s subscription, an unknown change, and a change that does not fit', async () => {
    const base = await manageLink('m-1');
    const stranger = await rowsOf('stranger@example.org');
    const follower = await rowsOf('follower@example.org');
    const html = await refused(await postForm(`${base}/following`, { item: 'm-3', change: 'stop' }));
    expect(html).toContain('That choice no longer fits what you follow');
    await refused(await postForm(`${base}/following`, { item: 'm-1', change: 'delete-everything' }));
    // A whole state cannot be widened to itself; a confirmed item cannot be resumed.
    await refused(await postForm(`${base}/following`, { item: 'm-2', change: 'follow-state' }));
    await refused(await postForm(`${base}/following`, { item: 'm-1', change: 'resume' }));
    await refused(await postForm(base, { lang: 'fr', frequency: 'daily' }));
    expect(await rowsOf('stranger@example.org')).toEqual(stranger);
    expect(await rowsOf('follower@example.org')).toEqual(follower);
  });

  it('refuses an unknown link', async () => {
    const response = await postForm('/bills/subscriptions/not-a-real-token-at-all-000/following', {
      item: 'm-1',
      change: 'stop',
    });
    expect(response.status).toBe(410);
    expect((await rowsOf('follower@example.org')).every((r) => r.status === 'confirmed')).toBe(true);
  });
});

describe('one-click unsubscribe', () => {
  it('a GET only shows the button; the POST (without cookies or Origin) stops everything the address follows', async () => {
    await db
      .insert(billSubscriptions)
      .values([
        subscription('m-8', 'everything@example.org'),
        subscription('m-9', 'everything@example.org', { scopeKey: 'state:GA', billId: null }),
      ]);
    const base = await manageLink('m-8');
    const page = await request(`${base}/one-click-unsubscribe`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Choose what to keep instead');
    expect(Object.values(await statusByScope('everything@example.org'))).toEqual(['confirmed', 'confirmed']);

    const response = await postForm(
      `${base}/one-click-unsubscribe`,
      { 'List-Unsubscribe': 'One-Click' },
      { origin: null },
    );
    expect(response.status).toBe(200);
    expect(Object.values(await statusByScope('everything@example.org'))).toEqual([
      'unsubscribed',
      'unsubscribed',
    ]);
    const html = await (await request(base)).text();
    expect(html).toContain('You follow nothing right now');
  });
});
