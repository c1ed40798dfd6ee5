import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { htmlForFrame } from '../../src/email/views/mailbox';
import { ORIGIN, request } from '../helpers';
import { row, runQueue, storeEmail } from './support';

const app = buildApp();
const development = { ...env, ENVIRONMENT: 'development' } as Env;

/** `wrangler dev` on this computer: the only place the mailbox is served. */
const LOCAL = 'http://localhost:8787';

async function get(path: string, bindings: Env = development, lang = 'en', origin = LOCAL) {
  return app.fetch(
    new Request(`${origin}${path}`, { headers: { accept: 'text/html', 'accept-language': lang } }),
    bindings,
  );
}

describe('the development mailbox', () => {
  it('lists a delivered email, newest first, and shows it with headers, text and HTML parts', async () => {
    const older = await storeEmail({ to: 'first@example.org' });
    await runQueue([older], development);
    const id = await storeEmail({
      to: 'maria@example.org',
      replyTo: 'organizer@example.org',
      cc: ['pastor@example.org'],
      unsubscribeUrl: 'https://welcome.test/bills/unsub/tok/one-click-unsubscribe',
      attachments: [
        {
          filename: 'advocacy-day.ics',
          content: btoa('BEGIN:VCALENDAR\r\nEND:VCALENDAR'),
          contentType: 'text/calendar',
        },
      ],
    });
    await runQueue([id], development);
    expect((await row(id)).providerId).toBe('local-mailbox');

    const list = await get('/dev/mail');
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain('Development mailbox');
    expect(listHtml).toContain('maria@example.org');
    expect(listHtml.indexOf(`/dev/mail/${id}`)).toBeGreaterThan(-1);
    expect(listHtml.indexOf(`/dev/mail/${id}`)).toBeLessThan(listHtml.indexOf(`/dev/mail/${older}`));
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.headers.get('referrer-policy')).toBe('no-referrer');

    const message = await get(`/dev/mail/${id}`);
    expect(message.status).toBe(200);
    const html = await message.text();
    expect(html).toContain('organizer@example.org');
    expect(html).toContain('pastor@example.org');
    expect(html).toContain('&lt;https://welcome.test/bills/unsub/tok/one-click-unsubscribe&gt;');
    // The sign-in link in the text part is a link a person can click.
    expect(html).toContain('<a href="https://welcome.test/sign-in/abc">https://welcome.test/sign-in/abc</a>');
    // The HTML part is shown in a sandbox without scripts.
    expect(html).toMatch(/<iframe[^>]*sandbox="allow-popups allow-popups-to-escape-sandbox"/);
    expect(html).not.toMatch(/sandbox="[^"]*allow-scripts/);
    expect(html).toContain(`/dev/mail/${id}/html`);
    expect(html).toContain(`/dev/mail/${id}/attachments/0`);

    const htmlPart = await get(`/dev/mail/${id}/html`);
    expect(htmlPart.status).toBe(200);
    // Mustache writes "/" as &#x2F; in HTML, which the browser reads back as "/".
    expect((await htmlPart.text()).replaceAll('&#x2F;', '/')).toContain(
      'href="https://welcome.test/sign-in/abc"',
    );
    expect(htmlPart.headers.get('content-security-policy')).toContain("default-src 'self'");

    const attachment = await get(`/dev/mail/${id}/attachments/0`);
    expect(attachment.status).toBe(200);
    expect(attachment.headers.get('content-type')).toBe('text/calendar');
    expect(attachment.headers.get('content-disposition')).toBe('attachment; filename="advocacy-day.ics"');
    expect(await attachment.text()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR');
    expect((await get(`/dev/mail/${id}/attachments/1`)).status).toBe(404);
  });

  it('speaks Spanish', async () => {
    const html = await (await get('/dev/mail', development, 'es')).text();
    expect(html).toContain('Buzón de desarrollo');
  });

  it('answers 404 for an email that is not in the mailbox', async () => {
    expect((await get('/dev/mail/no-such-id')).status).toBe(404);
  });

  it('does not exist outside development', async () => {
    const id = await storeEmail();
    await runQueue([id], development);
    for (const path of [
      '/dev/mail',
      `/dev/mail/${id}`,
      `/dev/mail/${id}/html`,
      `/dev/mail/${id}/attachments/0`,
    ]) {
      expect((await get(path, { ...env, ENVIRONMENT: 'production' } as Env)).status).toBe(404);
      // The test bindings themselves say ENVIRONMENT=test.
      expect((await request(path)).status).toBe(404);
    }
  });

  it('is served in development only to this computer (localhost, 127.0.0.1, [::1])', async () => {
    const id = await storeEmail();
    await runQueue([id], development);
    for (const origin of ['http://localhost:8787', 'http://127.0.0.1:41234', 'http://[::1]:8787']) {
      expect((await get('/dev/mail', development, 'en', origin)).status, origin).toBe(200);
    }
    for (const origin of [
      ORIGIN,
      'https://action.example.org',
      'http://192.168.1.20:8787',
      'http://localhost.evil.example',
    ]) {
      for (const path of ['/dev/mail', `/dev/mail/${id}`, `/dev/mail/${id}/html`]) {
        expect((await get(path, development, 'en', origin)).status, `${origin}${path}`).toBe(404);
      }
    }
  });
});

describe('htmlForFrame', () => {
  it('makes links open outside the frame', () => {
    expect(htmlForFrame('<html><head><meta charset="utf-8"></head><body>x</body></html>')).toBe(
      '<html><head><base target="_blank"><meta charset="utf-8"></head><body>x</body></html>',
    );
    expect(htmlForFrame('<p>x</p>')).toBe('<base target="_blank"><p>x</p>');
  });
});
