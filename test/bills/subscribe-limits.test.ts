// The subscribe form cannot flood an inbox: one email per address and bill (or state) per 10 minutes,
// the newest confirmation the only one pending, and at most 10 such emails to an address a day. The
// person always sees the same "check your email" page.
import { env } from 'cloudflare:workers';
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { billSubscriptionLinks, billSubscriptions } from '../../src/bills/schema';
import { SUBSCRIBE_EMAILS_PER_DAY, SUBSCRIBE_EMAIL_INTERVAL_MS } from '../../src/bills/subscriptions';
import { getDb } from '../../src/db';
import { outbox } from '../../src/email/schema';
import { postForm, request } from '../helpers';
import { seedBill } from './seed';

const db = getDb(env);
const BILLS = 12;

beforeAll(async () => {
  for (let i = 1; i <= BILLS; i++) await seedBill(db, { id: `limit-bill-${i}`, identifier: `SB ${600 + i}` });
});

let clients = 0;
function subscribe(email: string, slug = 'sb-601', scope: 'bill' | 'state' = 'bill') {
  clients += 1;
  return postForm(
    `/bills/ga/${slug}/subscribe`,
    { email, scope, lang: 'en', frequency: 'immediate' },
    { headers: { 'cf-connecting-ip': `198.51.100.${clients % 250}` } },
  );
}

/** What the person is shown: the subscribe POST redirects (post/redirect/get) to this page. */
async function shownAfter(response: Response): Promise<string> {
  expect(response.status).toBe(303);
  const location = response.headers.get('location');
  expect(location).toMatch(/^\/bills\/ga\/[a-z0-9-]+\/check-email/);
  return `${location}\n${await (await request(location!)).text()}`;
}

async function emailsTo(address: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.toAddress, address));
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

async function confirmLinks(address: string) {
  return db
    .select({ tokenHash: billSubscriptionLinks.tokenHash })
    .from(billSubscriptionLinks)
    .innerJoin(billSubscriptions, eq(billSubscriptions.id, billSubscriptionLinks.subscriptionId))
    .where(and(eq(billSubscriptions.email, address), eq(billSubscriptionLinks.purpose, 'confirm')));
}

function confirmPath(text: string): string {
  const match = /https:\/\/welcome\.test(\/bills\/subscriptions\/confirm\/[A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error('no confirm link');
  return match[1];
}

/** Moves an address's subscription emails and links back in time, as if sent `ms` ago. */
async function age(address: string, ms: number) {
  const sent = await emailsTo(address);
  for (const row of sent)
    await db
      .update(outbox)
      .set({ createdAt: row.createdAt - ms })
      .where(eq(outbox.id, row.id));
  for (const link of await confirmLinks(address))
    await env.DB.prepare(
      'UPDATE bill_subscription_links SET created_at = created_at - ? WHERE token_hash = ?',
    )
      .bind(ms, link.tokenHash)
      .run();
}

describe('POST /bills/:state/:slug/subscribe, asked again and again', () => {
  it('sends one confirmation for four requests, with the same page each time', async () => {
    const pages: string[] = [];
    for (let i = 0; i < 4; i++) {
      pages.push(await shownAfter(await subscribe('flooded@example.org')));
    }
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]).toContain('Please check your email');
    const sent = await emailsTo('flooded@example.org');
    expect(sent.map((e) => e.template)).toEqual(['bills-confirm']);
    expect(await confirmLinks('flooded@example.org')).toHaveLength(1);
  });

  it('sends one confirmation for four requests at the same moment', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => subscribe('at-once@example.org')));
    expect(answers.map((r) => r.status)).toEqual([303, 303, 303, 303]);
    expect(new Set(answers.map((r) => r.headers.get('location'))).size).toBe(1);
    expect(await emailsTo('at-once@example.org')).toHaveLength(1);
    expect(await confirmLinks('at-once@example.org')).toHaveLength(1);
  });

  it('after 10 minutes sends a fresh confirmation that replaces the old one (one pending link)', async () => {
    await subscribe('later@example.org');
    const [first] = await emailsTo('later@example.org');
    await age('later@example.org', SUBSCRIBE_EMAIL_INTERVAL_MS);
    await subscribe('later@example.org');
    const sent = await emailsTo('later@example.org');
    expect(sent).toHaveLength(2);
    expect(await confirmLinks('later@example.org')).toHaveLength(1);
    // The older link no longer works; the newer one confirms.
    expect((await postForm(confirmPath(first!.textBody), {})).status).toBe(410);
    expect((await postForm(confirmPath(sent[1]!.textBody), {})).status).toBe(303);
  });

  it('sends one manage-link email for repeated requests of a confirmed subscription', async () => {
    await subscribe('confirmed@example.org');
    const [confirmation] = await emailsTo('confirmed@example.org');
    expect((await postForm(confirmPath(confirmation!.textBody), {})).status).toBe(303);
    for (let i = 0; i < 3; i++)
      expect(await shownAfter(await subscribe('confirmed@example.org'))).toContain('check your email');
    const sent = await emailsTo('confirmed@example.org');
    expect(sent.map((e) => e.template)).toEqual(['bills-confirm', 'bills-already-subscribed']);
  });

  it('sends an address at most 10 such emails a day, whatever it follows; others are not affected', async () => {
    let capped = '';
    for (let i = 1; i <= BILLS; i++) {
      capped = await shownAfter(await subscribe('many-bills@example.org', `sb-${600 + i}`));
    }
    expect(await emailsTo('many-bills@example.org')).toHaveLength(SUBSCRIBE_EMAILS_PER_DAY);
    // The same request from another address gets its email, and the very same page.
    const other = await subscribe('someone-else@example.org', `sb-${600 + BILLS}`);
    expect(await shownAfter(other)).toBe(capped);
    expect(await emailsTo('someone-else@example.org')).toHaveLength(1);
    // A day later the address can ask again.
    await age('many-bills@example.org', 24 * 60 * 60 * 1000);
    await subscribe('many-bills@example.org', 'sb-612');
    expect(await emailsTo('many-bills@example.org')).toHaveLength(SUBSCRIBE_EMAILS_PER_DAY + 1);
    // No email is left behind for a request that was held back.
    const stray = await db.select().from(outbox).where(like(outbox.id, 'bills-%'));
    expect(stray.every((row) => row.status === 'pending' || row.status === 'sent')).toBe(true);
  });
});
