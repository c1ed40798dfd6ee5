// The hourly clean-up of subscription links: expired confirm and manage links go, live ones stay,
// never-confirmed subscriptions go once their confirm link has expired, and an expired manage link
// no longer opens the page.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { billSubscriptionLinks, billSubscriptions } from '../../src/bills/schema';
import {
  CONFIRM_LINK_MS,
  MANAGE_LINK_MS,
  cleanUpSubscriptionLinks,
  newManageLink,
} from '../../src/bills/subscriptions';
import { getDb } from '../../src/db';
import { HOURLY_CRON, runScheduled } from '../../src/jobs';
import { hashToken, newToken } from '../../src/lib/tokens';
import { request } from '../helpers';
import { seedBill, subscriptionRow } from './seed';

const db = getDb(env);
const now = Date.now();
const DAY = 86_400_000;
const ga = { billId: 'c-bill', state: 'GA' };

async function link(subscriptionId: string, purpose: 'confirm' | 'manage', createdAt: number) {
  const token = newToken();
  await db.insert(billSubscriptionLinks).values({
    tokenHash: await hashToken(token),
    subscriptionId,
    purpose,
    createdAt,
  });
  return token;
}

async function linksOf(subscriptionId: string) {
  const rows = await db
    .select()
    .from(billSubscriptionLinks)
    .where(eq(billSubscriptionLinks.subscriptionId, subscriptionId));
  return rows.map((r) => `${r.purpose}:${Math.round((now - r.createdAt) / DAY)}d`).sort();
}

const tokens: Record<string, string> = {};

beforeAll(async () => {
  await seedBill(db, { id: 'c-bill', identifier: 'SB 55' });
  const old = now - 30 * DAY;
  await db.insert(billSubscriptions).values([
    subscriptionRow('c-active', 'active@example.org', ga, { createdAt: now - 400 * DAY }),
    subscriptionRow('c-never', 'never@example.org', ga, {
      status: 'pending',
      confirmedAt: null,
      createdAt: old,
    }),
    subscriptionRow('c-fresh', 'fresh@example.org', ga, { status: 'pending', confirmedAt: null }),
    // Unsubscribed long ago, asked for again yesterday: pending with an old createdAt and a new link.
    subscriptionRow('c-again', 'again@example.org', ga, { status: 'pending', createdAt: now - 400 * DAY }),
  ]);
  tokens.oldManage = await link('c-active', 'manage', now - MANAGE_LINK_MS - DAY);
  tokens.recentManage = await link('c-active', 'manage', now - 100 * DAY);
  await link('c-active', 'confirm', now - 400 * DAY);
  await link('c-never', 'confirm', old);
  await link('c-fresh', 'confirm', now - DAY);
  await link('c-again', 'confirm', now - DAY);
  await link('c-again', 'confirm', now - 400 * DAY);
});

describe('subscription link clean-up', () => {
  it('an expired manage link no longer opens the manage page; a recent one does', async () => {
    expect((await request(`/bills/subscriptions/${tokens.oldManage}`)).status).toBe(410);
    expect((await request(`/bills/subscriptions/${tokens.recentManage}`)).status).toBe(200);
  });

  it('the hourly job deletes expired links and never-confirmed subscriptions, and keeps the rest', async () => {
    await runScheduled(HOURLY_CRON, { ...env, ALERT_QUEUE: { send: async () => {} } } as unknown as Env, now);
    expect(await linksOf('c-active')).toEqual(['manage:100d']);
    expect(await linksOf('c-fresh')).toEqual(['confirm:1d']);
    expect(await linksOf('c-again')).toEqual(['confirm:1d']);
    const left = await db.select({ id: billSubscriptions.id }).from(billSubscriptions);
    expect(left.map((r) => r.id).sort()).toEqual(['c-active', 'c-again', 'c-fresh']);
    expect((await request(`/bills/subscriptions/${tokens.recentManage}`)).status).toBe(200);
  });

  it('changes nothing when run again, and works through more links than one statement deletes', async () => {
    expect(await cleanUpSubscriptionLinks(db, now)).toEqual({ links: 0, unconfirmed: 0 });
    const expired = await Promise.all(
      Array.from({ length: 1100 }, () => newManageLink('c-active', now - MANAGE_LINK_MS - 2 * DAY)),
    );
    for (let i = 0; i < expired.length; i += 25)
      await db.insert(billSubscriptionLinks).values(expired.slice(i, i + 25).map((l) => l.row));
    expect(await cleanUpSubscriptionLinks(db, now)).toEqual({ links: 1100, unconfirmed: 0 });
    expect(await linksOf('c-active')).toEqual(['manage:100d']);
    // The confirm window is the one the confirm page uses.
    expect(CONFIRM_LINK_MS).toBe(7 * DAY);
  });
});
