// Public pages never show a person's email, and log lines written during the public flows hold no
// email, phone, street address or private token.
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ORIGIN, stubFetch } from '../helpers';
import { signatureFields } from '../letters/fixtures';
import { registrationFields } from '../advocacy-days/fixtures';
import { requestFields } from '../meetings/helpers';
import { db, seedParents, seedPerson } from '../privacy/seed';
import { letterSignatures } from '../../src/letters/schema';
import { app, send } from './support';

let outside: ReturnType<typeof stubFetch>;

/** Public pages: every GET route without parameters, plus the pages of the seeded letter, day, official and bill. */
const publicPages = [
  ...new Set(
    app.routes
      .filter(
        (r) =>
          r.method === 'GET' &&
          !r.path.includes(':') &&
          !r.path.includes('*') &&
          !r.path.startsWith('/admin'),
      )
      .map((r) => r.path),
  ),
  '/letters/p-letter',
  '/letters/p-letter/signers',
  '/letters/p-letter/embed',
  '/letters/p-letter/thanks',
  '/days/p-day',
  '/officials/manual-p-official',
  '/bills/ga/sb-9',
  '/bills/GA/feed.xml',
];

function post(path: string, fields: Record<string, string>) {
  return send(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
  });
}

beforeAll(async () => {
  outside = stubFetch(() => new Response('offline in tests', { status: 503 }));
  await seedParents();
  await env.DB.prepare(
    "insert or ignore into officials (id, name, state, chamber, title, source, created_at, updated_at) values ('manual-p-official', 'Sheriff Dana Morales', 'ga', 'sheriff', 'Sheriff', 'manual', 1, 1)",
  ).run();
  await seedPerson('seeded-one@example.org', 'one');
  await seedPerson('seeded-two@example.org', 'two');
});
afterAll(() => outside.restore());

describe('no leaks', () => {
  it('no public page shows a person’s email', async () => {
    expect(publicPages.length).toBeGreaterThan(8);
    for (const path of publicPages) {
      const response = await send(path, { headers: { accept: 'text/html' } });
      expect(response.status, path).toBeLessThan(500);
      const text = await response.text();
      expect(text, path).not.toMatch(/[a-z0-9.+-]+@example\.org/i);
    }
    // The seeded signers are confirmed and public, so the list is not simply empty.
    const signers = await (
      await send('/letters/p-letter/signers', { headers: { accept: 'text/html' } })
    ).text();
    expect(signers).toContain('Firstone');
  });

  it('log lines of a full sign / register / subscribe / request flow hold no email, phone, address or token', async () => {
    const lines: string[] = [];
    let summary = '';
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      }),
    );
    try {
      const email = 'flow-person@example.org';
      expect((await post('/letters/p-letter/sign', signatureFields({ email }))).status).toBe(303);
      const confirmation = await env.DB.prepare(
        'select text_body from outbox where to_address = ? order by created_at desc',
      )
        .bind(email)
        .first<{ text_body: string }>();
      const token = /\/letters\/p-letter\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmation!.text_body)![1]!;
      expect((await post(`/letters/p-letter/confirm/${token}`, {})).status).toBe(303);
      expect(
        (await post('/letters/p-letter/sign', signatureFields({ email: 'not-an-address' }))).status,
      ).toBe(422);
      expect((await post('/days/p-day/register', registrationFields({ email }))).status).toBeLessThan(400);
      expect(
        (await post('/bills/ga/sb-9/subscribe', { email, scope: 'bill', lang: 'en', frequency: 'immediate' }))
          .status,
      ).toBe(303);
      expect(
        (await post('/meetings/new/send', requestFields('p-official', { senderEmail: email }))).status,
      ).toBe(200);
      // The geocoder is offline here: the page says to try again (503), which is what this flow does then.
      expect([200, 503]).toContain(
        (await post('/officials/find', { address: '206 Washington St SW, Atlanta, GA 30334' })).status,
      );

      const { results } = await env.DB.prepare('select text_body from outbox').all<{ text_body: string }>();
      const tokens = results.flatMap((r) =>
        [...r.text_body.matchAll(/\/([A-Za-z0-9_-]{32,})(?=[/\s?#]|$)/g)].map((m) => m[1]!),
      );
      expect(tokens.length).toBeGreaterThan(3);
      const forbidden = [email, '404-555-0100', '206 Washington St SW', 'Peachtree', ...tokens];
      const confirmed = await db.select({ id: letterSignatures.id }).from(letterSignatures);
      expect(confirmed.length).toBeGreaterThan(0);
      for (const line of lines) {
        for (const secret of forbidden) expect(line, 'a log line').not.toContain(secret);
        expect(line).not.toMatch(/@example\.org/);
      }
      summary = `no leaks: ${lines.length} log lines checked against ${forbidden.length} secrets`;
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    console.info(summary);
  });
});
