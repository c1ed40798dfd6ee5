// One alert per person per movement, even when the person follows a bill and its state and changes
// what they follow while the fan-out is under way (a resumed or redelivered page must not pick the
// other subscription and send a second alert).
import { env } from 'cloudflare:workers';
import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertOutboxId, processAlertPage } from '../../src/bills/alerts';
import { postBillUpdate } from '../../src/bills/movements';
import { getBill } from '../../src/bills/queries';
import { billMovements, billSubscriptions } from '../../src/bills/schema';
import { getDb } from '../../src/db';
import { outbox } from '../../src/email/schema';
import { seedBill, subscriptionsTo } from './seed';

const db = getDb(env);
const hourAgo = Date.now() - 3_600_000;

/** A subscription to p-bill (TN); `{ billId: null }` in overrides makes it the whole state. */
const subscription = subscriptionsTo({ billId: 'p-bill', state: 'TN' });

beforeAll(async () => {
  await seedBill(db, { id: 'p-bill', identifier: 'SB 900', state: 'TN' });
  await db
    .insert(billSubscriptions)
    .values([
      subscription('p-1-bill', 'twice@example.org'),
      subscription('p-2-state', 'twice@example.org', { scopeKey: 'state:TN', billId: null }),
      subscription('p-3-alone', 'alone@example.org', { scopeKey: 'state:TN', billId: null }),
    ]);
});

async function alertsOf(movementId: string) {
  return db
    .select()
    .from(outbox)
    .where(like(outbox.id, `alert:${movementId}:%`));
}

describe('alerts per person', () => {
  it('keys each alert by address, showing no address in the id', async () => {
    const id = await alertOutboxId('movement-1', 'twice@example.org');
    expect(id).toMatch(/^alert:movement-1:[0-9a-f]{32}$/);
    expect(id).toBe(await alertOutboxId('movement-1', 'twice@example.org'));
    expect(id).not.toBe(await alertOutboxId('movement-2', 'twice@example.org'));
    expect(id).not.toBe(await alertOutboxId('movement-1', 'alone@example.org'));
  });

  it('sends one alert to a person following a bill and its state, even when they switch mid-way and the page runs again', async () => {
    const bill = (await getBill(db, 'p-bill'))!;
    const movementId = await postBillUpdate(db, bill, {
      headlineEn: 'Floor vote Monday',
      headlineEs: 'Votación el lunes',
      detailEn: null,
      detailEs: null,
    });
    expect((await processAlertPage(env, { movementId, page: 0, after: '' })).status).toBe('done');
    expect((await alertsOf(movementId)).map((a) => a.toAddress).sort()).toEqual([
      'alone@example.org',
      'twice@example.org',
    ]);

    // The person stops following the bill (keeping the state), and the fan-out's page is handled
    // again (a resumed fan-out whose cursor had not moved on): the state row now stands for them.
    await db
      .update(billSubscriptions)
      .set({ status: 'unsubscribed', unsubscribedAt: Date.now() })
      .where(eq(billSubscriptions.id, 'p-1-bill'));
    await db
      .update(billMovements)
      .set({ fanoutStatus: 'pending', fanoutPage: 0, fanoutAfter: '' })
      .where(eq(billMovements.id, movementId));
    expect((await processAlertPage(env, { movementId, page: 0, after: '' })).status).toBe('done');

    const alerts = await alertsOf(movementId);
    expect(alerts.filter((a) => a.toAddress === 'twice@example.org')).toHaveLength(1);
    expect(alerts).toHaveLength(2);
  });
});
