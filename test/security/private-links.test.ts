// Every private link (routes with a :token, found from the app's route table) refuses a missing or
// wrong token on GET and POST with nothing changed; links also refuse another letter's token, a
// token made for another purpose, and an expired one where links expire.
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayRegistrationLinks, dayRegistrations } from '../../src/advocacy-days/schema';
import { billSubscriptionLinks, billSubscriptions } from '../../src/bills/schema';
import { letterSignatures, letters } from '../../src/letters/schema';
import { meetings } from '../../src/meetings/schema';
import { DAY } from '../../src/lib/time';
import { hashToken, newToken } from '../../src/lib/tokens';
import { ORIGIN, stubFetch } from '../helpers';
import { db, seedParents } from '../privacy/seed';
import { app, countAllRows, send } from './support';

const now = Date.now();
const t = {
  confirmA: newToken(),
  withdrawA: newToken(),
  confirmB: newToken(),
  withdrawB: newToken(),
  confirmOld: newToken(),
  withdrawOld: newToken(),
  registration: newToken(),
  subConfirm: newToken(),
  subConfirmOld: newToken(),
  subManage: newToken(),
  meeting: newToken(),
  meetingOld: newToken(),
};
const SECRET_MARKERS = ['private-a@example.org', 'Privatename', '404-555-0142', 'Secret Street'];
let outside: ReturnType<typeof stubFetch>;
let tried = 0;

const tokenRoutes = app.routes
  .filter(
    (r) =>
      (r.method === 'GET' || r.method === 'POST') &&
      r.path.includes(':token') &&
      !r.path.startsWith('/admin'),
  )
  .map((r) => ({ method: r.method, path: r.path }))
  .filter((r, i, all) => all.findIndex((o) => o.method === r.method && o.path === r.path) === i);

function fill(pattern: string, token: string): string {
  return pattern.replace(/:([a-zA-Z]+)(\{[^}]*\})?/g, (_, name: string) => {
    if (name === 'token') return token;
    if (name === 'slug') return 'p-letter';
    return 'x';
  });
}

/** Everything a private link could change: row counts, and the state columns of the seeded rows. */
async function state(): Promise<string> {
  const rows = await env.DB.prepare(
    `select
      (select json_group_array(json_array(id, confirmed_at, withdraw_token_hash)) from letter_signatures) as signatures,
      (select json_group_array(json_array(id, status, name, email, phone, address, cancelled_at, announcements_opt_out)) from day_registrations) as registrations,
      (select json_group_array(json_array(id, status, frequency, lang, confirmed_at, unsubscribed_at)) from bill_subscriptions) as subscriptions,
      (select json_group_array(json_array(id, status, confirmed_at, scheduled_for, held_on, updated_at)) from meetings) as meetings`,
  ).first();
  return JSON.stringify([await countAllRows(), rows]);
}

function request(method: string, path: string): Promise<Response> {
  tried += 1;
  const body = new URLSearchParams({
    confirm: 'on',
    reason: 'x',
    scheduledFor: '2027-01-12T10:00',
    place: 'x',
    lang: 'en',
    frequency: 'daily',
  });
  return send(
    path,
    method === 'POST'
      ? {
          method,
          body: body.toString(),
          headers: {
            origin: ORIGIN,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'text/html',
          },
        }
      : { headers: { accept: 'text/html' } },
  );
}

async function expectRefused(method: string, path: string) {
  const before = await state();
  const response = await request(method, path);
  const html = await response.text();
  expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${method} ${path}`).toBeLessThan(500);
  for (const marker of SECRET_MARKERS) expect(html, `${method} ${path}`).not.toContain(marker);
  expect(await state(), `${method} ${path} changed something`).toBe(before);
}

function signature(id: string, letterId: string, confirm: string, withdraw: string, createdAt: number) {
  return {
    id,
    letterId,
    email: `${id}@example.org`,
    honorific: 'rev',
    firstName: 'Privatename',
    lastName: id,
    role: 'clergy' as const,
    tradition: 'mainline',
    city: 'Atlanta',
    state: 'GA',
    showPublicly: false,
    keepInformed: false,
    lang: 'en' as const,
    confirmTokenHash: confirm,
    withdrawTokenHash: withdraw,
    lastConfirmationAt: createdAt,
    createdAt,
  };
}

function meeting(id: string, tokenHash: string, createdAt: number) {
  return {
    id,
    officialId: 'p-official',
    status: 'unconfirmed' as const,
    tokenHash,
    senderName: 'Privatename',
    senderEmail: 'private-a@example.org',
    senderPhone: '404-555-0142',
    groupName: 'St. Paul',
    city: 'Hartwell',
    purpose: 'Licenses',
    requestSubject: 'Meeting request',
    requestText: 'Dear Rep. Powell',
    createdAt,
    updatedAt: createdAt,
  };
}

beforeAll(async () => {
  outside = stubFetch(() => new Response('offline in tests', { status: 503 }));
  await seedParents();
  const h = Object.fromEntries(
    await Promise.all(Object.entries(t).map(async ([k, v]) => [k, await hashToken(v)])),
  );
  await db.batch([
    db.insert(letters).values({
      id: 'p-letter-b',
      slug: 'p-letter-b',
      status: 'open',
      titleEn: 'B',
      titleEs: 'B',
      bodyEn: 'B',
      bodyEs: 'B',
      createdAt: now,
      updatedAt: now,
    }),
    db
      .insert(letterSignatures)
      .values([
        signature('sig-a', 'p-letter', h.confirmA!, h.withdrawA!, now),
        signature('sig-b', 'p-letter-b', h.confirmB!, h.withdrawB!, now),
        signature('sig-old', 'p-letter', h.confirmOld!, h.withdrawOld!, now - 8 * DAY),
      ]),
    db.insert(dayRegistrations).values({
      id: 'reg-a',
      dayId: 'p-day',
      seq: 1,
      status: 'registered',
      name: 'Privatename',
      email: 'private-a@example.org',
      phone: '404-555-0142',
      address: '1 Secret Street',
      faithRole: 'lay',
      checkInCode: 'code-a',
      createdAt: now,
    }),
    db
      .insert(dayRegistrationLinks)
      .values({ tokenHash: h.registration!, registrationId: 'reg-a', createdAt: now }),
    db.insert(billSubscriptions).values([
      {
        id: 'sub-a',
        email: 'private-a@example.org',
        scopeKey: 'bill:p-bill',
        billId: 'p-bill',
        state: 'GA',
        lang: 'en',
        frequency: 'immediate',
        status: 'pending',
        createdAt: now,
      },
      {
        id: 'sub-old',
        email: 'private-old@example.org',
        scopeKey: 'bill:p-bill',
        billId: 'p-bill',
        state: 'GA',
        lang: 'en',
        frequency: 'immediate',
        status: 'pending',
        createdAt: now - 8 * DAY,
      },
    ]),
    db.insert(billSubscriptionLinks).values([
      { tokenHash: h.subConfirm!, subscriptionId: 'sub-a', purpose: 'confirm', createdAt: now },
      { tokenHash: h.subManage!, subscriptionId: 'sub-a', purpose: 'manage', createdAt: now },
      {
        tokenHash: h.subConfirmOld!,
        subscriptionId: 'sub-old',
        purpose: 'confirm',
        createdAt: now - 8 * DAY,
      },
    ]),
    db
      .insert(meetings)
      .values([meeting('meet-a', h.meeting!, now), meeting('meet-old', h.meetingOld!, now - 8 * DAY)]),
  ]);
});

afterAll(() => {
  outside.restore();
  console.info(`private links: ${tokenRoutes.length} token routes, ${tried} refused requests checked`);
});

describe('private links', () => {
  it('are found from the app', () => {
    expect(tokenRoutes.length).toBeGreaterThan(15);
  });

  it('every token route refuses a missing, malformed or wrong token (GET and POST), changing nothing', async () => {
    for (const route of tokenRoutes) {
      for (const token of ['', 'x', newToken(), `${t.confirmA}x`]) {
        const path = fill(route.path, token);
        // GET pages of letter links only show a button (the POST checks the token), so they may
        // answer 200; they must still show nothing private and change nothing.
        if (route.method === 'GET' && /^\/letters\/:slug\/(confirm|withdraw)\/:token$/.test(route.path)) {
          const before = await state();
          const response = await request('GET', path);
          const html = await response.text();
          for (const marker of SECRET_MARKERS) expect(html).not.toContain(marker);
          expect(await state()).toBe(before);
          continue;
        }
        await expectRefused(route.method, path);
      }
    }
  }, 60_000);

  it('a letter link refuses another letter’s token and a token made for the other action', async () => {
    await expectRefused('POST', `/letters/p-letter/confirm/${t.confirmB}`);
    await expectRefused('POST', `/letters/p-letter-b/withdraw/${t.withdrawA}`);
    await expectRefused('POST', `/letters/p-letter/withdraw/${t.confirmA}`);
    await expectRefused('POST', `/letters/p-letter/confirm/${t.withdrawA}`);
  });

  it('a bill subscription link refuses an expired confirmation and a token made for the other purpose', async () => {
    await expectRefused('POST', `/bills/subscriptions/confirm/${t.subConfirmOld}`);
    await expectRefused('GET', `/bills/subscriptions/confirm/${t.subConfirmOld}`);
    await expectRefused('POST', `/bills/subscriptions/confirm/${t.subManage}`);
    await expectRefused('GET', `/bills/subscriptions/${t.subConfirm}`);
    await expectRefused('POST', `/bills/subscriptions/${t.subConfirm}`);
    await expectRefused('POST', `/bills/subscriptions/${t.subConfirm}/one-click-unsubscribe`);
  });

  it('a meeting link refuses an unconfirmed request older than its confirmation window', async () => {
    await expectRefused('GET', `/meetings/m/${t.meetingOld}`);
    await expectRefused('POST', `/meetings/m/${t.meetingOld}/confirm`);
  });

  it('an unconfirmed signature past its 7 days cannot be confirmed once the hourly job ran', async () => {
    // Letter confirmation links expire by deletion (src/letters/jobs.ts), within the hour.
    const { expireUnconfirmedSignatures } = await import('../../src/letters/jobs');
    await expireUnconfirmedSignatures.run(env, Date.now());
    await expectRefused('POST', `/letters/p-letter/confirm/${t.confirmOld}`);
    await expectRefused('POST', `/letters/p-letter/withdraw/${t.withdrawOld}`);
  });

  it('the right tokens work (the fixtures are real links)', async () => {
    expect((await request('POST', `/letters/p-letter/confirm/${t.confirmA}`)).status).toBe(303);
    expect((await request('GET', `/days/r/${t.registration}`)).status).toBe(200);
    expect((await request('GET', `/bills/subscriptions/confirm/${t.subConfirm}`)).status).toBe(200);
    expect((await request('GET', `/meetings/m/${t.meeting}`)).status).toBe(200);
  });
});
