// Conformance (issue 14): every public and organizer page, in English and Spanish, including the
// pages a failed form submit shows, checked by tools nobody here wrote: the W3C Nu HTML checker
// (vnu-jar, run once over all pages), axe-core (WCAG 2.1 A and AA) in Chromium, Mozilla's ical.js on
// every calendar file (the download and the seat email's attachment), a strict XML parser and
// RFC 4287's rules on every feed, and the headers (Vary, caching, security). It fails on the first
// error and prints one line: `[conformance] N pages, 0 HTML errors, 0 axe violations, K calendars, F feeds`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { checkAtomFeed } from '../checks/atom';
import { checkCalendar } from '../checks/ical';
import { arrivedAt, followLinkInNewestMail, openNewestMail, useBrowser } from './harness';

const require = createRequire(import.meta.url);
const VNU_JAR = String(require('vnu-jar'));
const AXE_SOURCE: string = require('axe-core').source;
const browser = useBrowser();

/** Where the crawl starts in each language; everything linked from there is followed. */
const PUBLIC_START = [
  '/',
  '/letters',
  '/days',
  '/officials',
  '/officials/find',
  '/bills',
  '/privacy',
  '/sign-in',
  '/no-such-page',
];
/** At most this many pages of one shape (e.g. `/officials/*`): the shape is what is checked. */
const PER_SHAPE = 2;
/** Answers not checked: the mailbox's list and messages (a development tool), read for their links and attachments. */
const NOT_CHECKED = /^\/dev\/mail(\/[^/]+)?$/;

type Kind = 'html' | 'calendar' | 'feed' | 'other';

interface Fetched {
  label: string;
  url: string;
  status: number;
  headers: Headers;
  body: string;
  kind: Kind;
}

function kindOf(contentType: string): Kind {
  if (contentType.includes('text/html')) return 'html';
  if (contentType.includes('text/calendar')) return 'calendar';
  if (contentType.includes('application/atom+xml')) return 'feed';
  return 'other';
}

/** `/officials/ga-123` and `/officials/ga-456` have one shape; so do two days' private pages. */
function shapeOf(path: string): string {
  const [pathname = '', query = ''] = path.split('?');
  const parts = pathname.split('/').filter(Boolean);
  const shape = parts.map((part, i) =>
    i === 0 || /^(new|edit|find|feed\.xml|calendar\.ics)$/.test(part) ? part : '*',
  );
  return `/${shape.join('/')}${query ? `?${query.replace(/=[^&]*/g, '=*')}` : ''}`;
}

function fail(message: string): never {
  throw new Error(`[conformance] ${message}`);
}

/** The header rules every answer of the app keeps. */
function checkHeaders(page: Fetched, organizer: boolean): void {
  const h = page.headers;
  const where = `${page.label} (${page.status})`;
  const csp = h.get('content-security-policy') ?? '';
  if (!csp.includes("default-src 'self'")) fail(`${where}: no Content-Security-Policy`);
  if (h.get('x-content-type-options') !== 'nosniff') fail(`${where}: no X-Content-Type-Options: nosniff`);
  if (!h.get('referrer-policy')) fail(`${where}: no Referrer-Policy`);
  if (!/max-age=\d+/.test(h.get('strict-transport-security') ?? ''))
    fail(`${where}: no Strict-Transport-Security`);
  if (!h.get('x-frame-options') && !csp.includes('frame-ancestors')) fail(`${where}: can be framed`);
  const vary = (h.get('vary') ?? '').toLowerCase();
  if (page.kind !== 'other' && !(vary.includes('cookie') && vary.includes('accept-language')))
    fail(`${where}: in a negotiated language without Vary: Cookie, Accept-Language (Vary: ${vary})`);
  const cacheControl = (h.get('cache-control') ?? '').toLowerCase();
  if (organizer && !cacheControl.includes('no-store')) fail(`${where}: organizer page without no-store`);
  if (/\/(r|confirm|subscriptions)\/[A-Za-z0-9_-]{20,}/.test(page.url) && !cacheControl.includes('no-store'))
    fail(`${where}: private link without no-store`);
  if (h.get('set-cookie') && /public|s-maxage/.test(cacheControl))
    fail(`${where}: sets a cookie yet is publicly cacheable`);
  if (page.kind === 'feed' && (!h.get('etag') || !h.get('last-modified')))
    fail(`${where}: feed without ETag and Last-Modified`);
}

/** The links and feed announcements of an HTML page, as paths of this site. */
function linksOf(html: string, base: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<(?:a|link)\b[^>]*\shref="([^"]+)"[^>]*>/g)) {
    const tag = match[0];
    if (tag.startsWith('<link') && !tag.includes('application/atom+xml')) continue;
    const href = match[1]!.replace(/&amp;/g, '&');
    if (href.startsWith('#') || /^(mailto|tel|sms|javascript):/.test(href)) continue;
    const url = new URL(href, base);
    if (url.origin !== new URL(base).origin) continue;
    url.hash = '';
    found.push(url.pathname + url.search);
  }
  return found;
}

/** The forms of a page that have a required field: submitting them empty must fail validation. */
function formsToFail(html: string): { action: string; hidden: [string, string][] }[] {
  const forms: { action: string; hidden: [string, string][] }[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = match[1]!;
    const inner = match[2]!;
    if (!/method="post"/i.test(attrs) || !/\srequired[\s>=]/.test(inner)) continue;
    const action = /action="([^"]+)"/.exec(attrs)?.[1]?.replace(/&amp;/g, '&');
    if (!action) continue;
    const hidden: [string, string][] = [];
    for (const input of inner.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name) hidden.push([name, value.replace(/&amp;/g, '&').replace(/&quot;/g, '"')]);
    }
    forms.push({ action, hidden });
  }
  return forms;
}

async function register(page: Page, email: string) {
  await page.goto('/days/south-carolina-faith-advocacy-day');
  await page.getByLabel('Name', { exact: true }).fill('Conformance Person');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Home address or ZIP code').fill('1100 Gervais St, Columbia, SC 29201');
  await page.getByLabel('Lay', { exact: true }).check();
  await page.getByRole('button', { name: /Register|Join the waitlist/ }).click();
  await openNewestMail(page, email);
}

async function organizerCookie(page: Page): Promise<string> {
  await page.goto('/sign-in');
  await page.getByRole('textbox').first().fill('organizer@example.org');
  await page.locator('main form button[type="submit"]').click();
  await followLinkInNewestMail(page, 'organizer@example.org', '/sign-in/');
  await page.locator('main form button[type="submit"]').click();
  await arrivedAt(page, '/admin');
  const cookies = await page.context().cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

it('every page, calendar and feed passes the validators people use, in English and Spanish', async () => {
  const harness = browser();
  const base = harness.baseUrl;
  const setup = await harness.newPage();
  // A seat (its email carries the .ics; its private page links the download) and an organizer.
  await register(setup, 'conformance.seat@example.org');
  const organizer = await organizerCookie(setup);

  const fetched: Fetched[] = [];
  let ip = 0;
  /** Each request from its own address, so the public rate limits never answer instead. */
  const send = async (path: string, init: RequestInit & { cookie?: string; lang: string }) => {
    ip += 1;
    const headers = new Headers(init.headers);
    headers.set('accept', 'text/html,application/xhtml+xml,*/*');
    headers.set('accept-language', init.lang);
    headers.set('cookie', [`wt_lang=${init.lang}`, init.cookie].filter(Boolean).join('; '));
    headers.set('cf-connecting-ip', `10.77.${Math.floor(ip / 250)}.${(ip % 250) + 1}`);
    return fetch(new URL(path, base), { ...init, headers, redirect: 'manual' });
  };

  for (const lang of ['en', 'es']) {
    for (const who of ['public', 'organizer'] as const) {
      const cookie = who === 'organizer' ? organizer : undefined;
      const start = who === 'organizer' ? ['/admin'] : [...PUBLIC_START, '/dev/mail'];
      const queue = [...start];
      const seen = new Set<string>(queue);
      const shapes = new Map<string, number>();
      const failedForms = new Set<string>();
      while (queue.length) {
        const path = queue.shift()!;
        const shape = shapeOf(path);
        // Every message of the (small) mailbox is read: the seat email among them.
        if ((shapes.get(shape) ?? 0) >= PER_SHAPE && !path.startsWith('/dev/mail')) continue;
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
        const response = await send(path, { lang, cookie });
        const body = await response.text();
        if (response.status >= 300 && response.status < 400) {
          const location = response.headers.get('location');
          const next = location ? new URL(location, base) : null;
          if (next && next.origin === new URL(base).origin && !seen.has(next.pathname + next.search)) {
            seen.add(next.pathname + next.search);
            queue.push(next.pathname + next.search);
          }
          continue;
        }
        const page: Fetched = {
          label: `${who} ${lang} GET ${path}`,
          url: path,
          status: response.status,
          headers: response.headers,
          body,
          kind: kindOf(response.headers.get('content-type') ?? ''),
        };
        // The made-up address is a 404; a private link from the mailbox already used (a sign-in
        // link) is a 410 "this link has expired" page. Anything else but 200 is a broken link.
        const expected =
          (path === '/no-such-page' && response.status === 404) ||
          (response.status === 410 && /\/[A-Za-z0-9_-]{30,}/.test(path));
        if (response.status !== 200 && !expected)
          fail(`${page.label} answered ${response.status} (a broken link)`);
        if (who === 'organizer' && !path.startsWith('/admin')) {
          // Organizers' links to public pages are crawled as the public.
        } else if (!NOT_CHECKED.test(path)) {
          checkHeaders(page, who === 'organizer');
          fetched.push(page);
        }
        if (page.kind !== 'html') continue;
        for (const link of linksOf(body, new URL(path, base).toString())) {
          if (seen.has(link) || /\/sign-out$/.test(link) || /\/dev\/mail\/[^/]+\/html$/.test(link)) continue;
          if (who === 'organizer' && !link.startsWith('/admin')) continue;
          seen.add(link);
          queue.push(link);
        }
        if (NOT_CHECKED.test(path)) continue;
        // The page a failed submit shows: every form with a required field, sent with them empty.
        for (const form of formsToFail(body)) {
          const key = shapeOf(form.action);
          if (failedForms.has(key)) continue;
          failedForms.add(key);
          const posted = await send(form.action, {
            lang,
            cookie,
            method: 'POST',
            body: new URLSearchParams(form.hidden),
            headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
          });
          const label = `${who} ${lang} POST ${form.action} (empty, from ${path})`;
          if (posted.status !== 422) fail(`${label} answered ${posted.status}, not 422`);
          const failedPage: Fetched = {
            label,
            url: form.action,
            status: posted.status,
            headers: posted.headers,
            body: await posted.text(),
            kind: 'html',
          };
          if (!/role="alert"|error-summary/.test(failedPage.body)) fail(`${label} shows no error summary`);
          checkHeaders(failedPage, who === 'organizer');
          fetched.push(failedPage);
        }
      }
    }
  }

  const pages = fetched.filter((page) => page.kind === 'html');
  const calendars = fetched.filter((page) => page.kind === 'calendar');
  const feeds = fetched.filter((page) => page.kind === 'feed');
  expect(pages.filter((page) => page.url.startsWith('/admin')).length).toBeGreaterThan(10);
  expect(pages.filter((page) => page.status === 422).length).toBeGreaterThan(5);

  // ---- Calendars: the download (private page) and the seat email's attachment (mailbox) -------
  if (!calendars.some((c) => c.url.includes('/attachments/'))) fail('no seat email attachment was found');
  if (!calendars.some((c) => c.url.endsWith('/calendar.ics'))) fail('no calendar download was found');
  for (const calendar of calendars) checkCalendar(calendar.body, calendar.label);

  // ---- Feeds: strict XML and RFC 4287, one id per language, conditional GET ------------------
  if (feeds.length < 4) fail(`only ${feeds.length} feeds were announced`);
  const idsByLang = new Map<string, string>();
  for (const feed of feeds) {
    const checked = checkAtomFeed(feed.body, feed.label);
    const other = idsByLang.get(checked.id);
    if (other && other !== checked.lang)
      fail(`${feed.label}: the ${other} and ${checked.lang} feeds share the id ${checked.id}`);
    idsByLang.set(checked.id, checked.lang);
    const again = await send(feed.url, {
      lang: checked.lang,
      headers: { 'if-none-match': feed.headers.get('etag')! },
    });
    if (again.status !== 304) fail(`${feed.label}: a conditional GET with its ETag answered ${again.status}`);
  }

  // ---- HTML: the W3C Nu checker, once over every page -------------------------------------
  const dir = mkdtempSync(join(tmpdir(), 'wt-conformance-'));
  try {
    const files = pages.map((page, i) => {
      const file = join(dir, `page-${i}.html`);
      writeFileSync(file, page.body);
      return file;
    });
    const { stderr } = await promisify(execFile)(
      'java',
      ['-Xss8m', '-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const messages = (
      JSON.parse(stderr) as {
        messages: { type: string; url?: string; message: string; extract?: string; lastLine?: number }[];
      }
    ).messages;
    const error = messages.find((m) => m.type === 'error' || m.type === 'non-document-error');
    if (error) {
      const index = Number(/page-(\d+)\.html/.exec(error.url ?? '')?.[1]);
      fail(
        `HTML error on ${pages[index]?.label ?? error.url} line ${error.lastLine}: ${error.message} ${error.extract ?? ''}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // ---- Accessibility: axe-core, WCAG 2.1 A and AA, on the very HTML checked above -----------
  const view = await harness.newPage();
  let current = '';
  await view.route('**/__conformance__', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: current }),
  );
  for (const page of pages) {
    current = page.body;
    await view.goto('/__conformance__');
    await view.addScriptTag({ content: AXE_SOURCE });
    // A string, evaluated in the page (this file is type-checked without the DOM library).
    const violations = (await view.evaluate(`(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map(
        (v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')',
      );
    })()`)) as string[];
    if (violations.length) fail(`axe on ${page.label}: ${violations[0]}`);
  }

  console.log(
    `[conformance] ${pages.length} pages, 0 HTML errors, 0 axe violations, ${calendars.length} calendars, ${feeds.length} feeds`,
  );
}, 600_000);
