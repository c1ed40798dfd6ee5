// Stored text comes out escaped: signatures carrying each OWASP payload as name, congregation and
// comment, one advocacy-day registration and one meeting request, checked on every page, export
// and email where they appear.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, afterAll } from 'vitest';
import { ORIGIN, organizerCookie, stubFetch } from '../helpers';
import { signatureFields } from '../letters/fixtures';
import { registrationFields } from '../advocacy-days/fixtures';
import { requestFields } from '../meetings/helpers';
import { seedParents } from '../privacy/seed';
import { XSS_PAYLOADS, dangerousMarkup, send } from './support';

const FORMULA = '=HYPERLINK("https://evil.example","click")';
let cookie: string;
let outside: ReturnType<typeof stubFetch>;

function post(path: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields);
  return send(path, {
    method: 'POST',
    body: body.toString(),
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
  });
}

function get(path: string, withCookie = true) {
  return send(path, { headers: { accept: 'text/html', ...(withCookie ? { cookie } : {}) } });
}

/** Asserts an HTML document holds none of the payloads raw and no injected executable markup. */
function expectEscaped(html: string, where: string) {
  expect(dangerousMarkup(html), where).toEqual([]);
  for (const payload of XSS_PAYLOADS) {
    if (/[<>"]/.test(payload)) expect(html.includes(payload), `${where} has raw ${payload}`).toBe(false);
  }
}

async function outboxBodies(where: string, value: string) {
  const { results } = await env.DB.prepare(`select subject, text_body, html_body from outbox where ${where}`)
    .bind(value)
    .all<{ subject: string; text_body: string; html_body: string }>();
  return results;
}

beforeAll(async () => {
  outside = stubFetch(() => new Response('offline in tests', { status: 503 }));
  await seedParents();
  cookie = await organizerCookie('xss-organizer@example.org');
});
afterAll(() => outside.restore());

describe('letters: every payload as name, congregation and comment', () => {
  it('is stored as typed and shown only escaped on pages, in the CSV and in emails', async () => {
    let index = 0;
    for (const payload of [...XSS_PAYLOADS, FORMULA]) {
      index += 1;
      const fits = (max: number) => (payload.length <= max ? payload : 'Long');
      const response = await post(
        '/letters/p-letter/sign',
        signatureFields({
          firstName: fits(80),
          lastName: fits(80),
          congregation: fits(160),
          comment: payload,
          email: `xss-${index}@example.org`,
        }),
      );
      expect(response.status, payload).toBe(303);
    }
    // Confirmed directly: the confirm flow itself is tested in test/letters.
    await env.DB.prepare("update letter_signatures set confirmed_at = ? where letter_id = 'p-letter'")
      .bind(Date.now())
      .run();
    const stored = await env.DB.prepare(
      "select count(*) as n from letter_signatures where letter_id = 'p-letter' and comment = ?",
    )
      .bind(XSS_PAYLOADS[0])
      .first<{ n: number }>();
    expect(stored!.n).toBe(1);

    for (const path of ['/letters/p-letter', '/letters/p-letter/signers', '/letters/p-letter/embed']) {
      const page = await get(path, false);
      expect(page.status, path).toBe(200);
      const html = await page.text();
      expectEscaped(html, path);
    }
    // The public list shows the payloads, as text.
    expect(await (await get('/letters/p-letter/signers', false)).text()).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    for (const path of ['/admin/letters/p-letter/signers', '/admin/letters/p-letter']) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expectEscaped(await page.text(), path);
    }
    const admin = await (await get('/admin/letters/p-letter/signers')).text();
    expect(admin).toContain('&lt;img src=x onerror=alert(1)&gt;');

    const csv = await get('/admin/letters/p-letter/signers.csv');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    // A CSV is not HTML: the payload is data. What must not happen is a spreadsheet formula.
    expect(text).toContain(`'${FORMULA.replaceAll('"', '""')}`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);

    const emails = await outboxBodies("template like 'letters-%' and to_address like ?", 'xss-%');
    expect(emails.length).toBeGreaterThanOrEqual(XSS_PAYLOADS.length);
    for (const email of emails) {
      expectEscaped(email.html_body, 'confirmation email html');
      expect(email.subject).not.toMatch(/[\r\n]/);
    }
  });
});

describe('advocacy days and meetings: a payload as the person’s name', () => {
  const payload = '<img src=x onerror=alert(1)>';

  it('registration: organizer roster, teams, check-in, CSV and emails escape it', async () => {
    const response = await post(
      '/days/p-day/register',
      registrationFields({
        name: payload,
        email: 'xss-day@example.org',
        congregation: FORMULA,
      }),
    );
    expect(response.status).toBeLessThan(400);
    const row = await env.DB.prepare(
      "select id from day_registrations where email = 'xss-day@example.org'",
    ).first();
    expect(row).not.toBeNull();
    for (const path of ['/admin/days/p-day', '/admin/days/p-day/teams', '/admin/days/p-day/check-in']) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expectEscaped(await page.text(), path);
    }
    expect(await (await get('/admin/days/p-day')).text()).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const csv = await (await get('/admin/days/p-day/registrations.csv')).text();
    expect(csv).toContain(payload);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    for (const email of await outboxBodies('to_address = ?', 'xss-day@example.org')) {
      expectEscaped(email.html_body, 'registration email');
    }
  });

  it('meeting request: organizer list, record and emails escape it', async () => {
    const response = await post(
      '/meetings/new/send',
      requestFields('p-official', {
        senderName: payload,
        senderEmail: 'xss-meeting@example.org',
        groupName: payload,
      }),
    );
    expect(response.status).toBe(200);
    const meeting = await env.DB.prepare(
      "select id from meetings where sender_email = 'xss-meeting@example.org'",
    ).first<{
      id: string;
    }>();
    expect(meeting).not.toBeNull();
    // Confirmed directly, so organizers see it (the confirm flow is tested in test/meetings).
    await env.DB.prepare("update meetings set status = 'requested', confirmed_at = ? where id = ?")
      .bind(Date.now(), meeting!.id)
      .run();
    for (const path of ['/admin/meetings', `/admin/meetings/view?id=${meeting!.id}`]) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      const html = await page.text();
      expect(html, path).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expectEscaped(html, path);
    }
    const emails = await outboxBodies('to_address = ?', 'xss-meeting@example.org');
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expectEscaped(email.html_body, 'meeting confirmation email');
  });
});
