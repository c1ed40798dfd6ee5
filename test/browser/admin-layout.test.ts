// The organizer area's layout (issue 22, item 13), in a real browser against `wrangler dev` with the
// demo content: every organizer page at 1280×800 and on a phone (390×844) fits the screen, marks
// where the organizer is, keeps every choice of a select readable and passes axe; the dashboard's
// sections are cards that wrap; the signer table's row actions stay on screen even with a long
// email address in the table; an official's page names the legislature's site once. A full-page
// screenshot of each page at each size is saved in test-results/admin-layout/ (not committed).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrivedAt, followLinkInNewestMail, useBrowser } from './harness';

// Functions passed to page.evaluate run inside Chromium. The project compiles without the DOM
// library, so the browser globals they use are declared here, for this file only.
declare const window: {
  innerWidth: number;
  scrollX: number;
  scrollY: number;
  scrollTo(x: number, y: number): void;
};
declare const document: any;
declare function getComputedStyle(element: unknown): any;

const browser = useBrowser();
const ORGANIZER = 'organizer@example.org';
// Screenshots go in test-results/ at the repository root (made on the first run).
const SHOTS = join(resolve(__dirname, '../..'), 'test-results', 'admin-layout');
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
// A Georgia representative whose Open States record lists www.legis.ga.gov three times.
const LEGISLATOR = 'ocd-person/cba2f06c-773c-49d3-949c-b1a2db377c21';
// A real-world long address with nowhere to break a line: with it, the signer table is wider than
// a 1280 px screen.
const LONG_EMAIL = 'reverend.mariaguadalupe.hernandezvillanueva@iglesiametodistasanmarcosevangelista.org';

/** Every kind of organizer page (one of each, with the demo content's ids). */
const PAGES = [
  '/admin',
  '/admin/letters',
  '/admin/letters/new',
  '/admin/letters/demo-letter-trust',
  '/admin/letters/demo-letter-trust/signers',
  '/admin/letters/demo-letter-trust/deliver',
  '/admin/letters/demo-letter-trust/updates',
  '/admin/letters/demo-letter-municipal-id/updates/demo-update-municipal-id-vote',
  '/admin/days',
  '/admin/days/new',
  '/admin/days/demo-day-georgia',
  '/admin/days/demo-day-georgia/edit',
  '/admin/days/demo-day-georgia/teams',
  '/admin/days/demo-day-georgia/teams/team-demo-day-georgia-upper-2/packet',
  '/admin/days/demo-day-georgia/packets',
  '/admin/days/demo-day-georgia/check-in',
  '/admin/days/demo-day-georgia/email',
  '/admin/days/demo-day-georgia/report',
  '/admin/officials',
  '/admin/officials/new',
  `/admin/officials/view?id=${encodeURIComponent(LEGISLATOR)}`,
  '/admin/meetings',
  '/admin/meetings/view?id=demo-meeting-held',
  '/admin/meetings/templates',
  '/admin/meetings/templates/request/en',
  '/admin/bills',
  '/admin/bills/new',
  '/admin/bills/demo-bill-ga-sb-220',
  '/admin/campaigns',
  '/admin/campaigns/new',
  '/admin/campaigns/demo-campaign-alder-trust',
  '/admin/campaigns/demo-campaign-alder-trust/tactics/new',
  '/admin/campaigns/demo-campaign-alder-trust/chart',
  '/admin/outbox',
  '/admin/privacy',
  '/admin/webhooks',
];

/** Printable views: bare pages, without the site's header and so without the navigation. */
const PRINT_VIEWS = new Set([
  '/admin/days/demo-day-georgia/teams/team-demo-day-georgia-upper-2/packet',
  '/admin/days/demo-day-georgia/packets',
]);

/** The organizer section a page belongs to: the link the navigation marks. */
function sectionOf(path: string): string {
  const match = /^\/admin\/[a-z]+/.exec(path);
  return match ? match[0] : '/admin';
}

/** A file name for a page's screenshot. */
function shotName(path: string, size: string): string {
  return `${path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-')}-${size}.png`;
}

/** How far the page reaches past the right edge of the window (0 when nothing sticks out). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/**
 * Selects whose shown choice does not fit inside them ("Makes th…"), with `widest` also their
 * longest choice: text measured in the select's own font against its box less its padding.
 */
function clippedSelects(page: Page, options: { selector?: string; widest?: boolean } = {}) {
  return page.evaluate(
    ({ selector, widest }) => {
      const context = document.createElement('canvas').getContext('2d')!;
      const clipped: string[] = [];
      for (const select of document.querySelectorAll(selector) as any[]) {
        if (select.getClientRects().length === 0) continue;
        const style = getComputedStyle(select);
        context.font = style.font;
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const texts = widest
          ? [...select.options].map((option: { text: string }) => option.text)
          : [select.selectedOptions[0]?.text ?? ''];
        for (const text of texts) {
          const needed = context.measureText(text).width;
          if (needed > room + 1) clipped.push(`${select.name}: "${text}" needs ${needed} px, has ${room} px`);
        }
      }
      return clipped;
    },
    { selector: options.selector ?? 'select', widest: options.widest ?? false },
  );
}

/** Scrolls the window (only the window, never a table's scroller) so that an element is in view. */
async function scrollWindowTo(page: Page, selector: string, index: number) {
  await page.evaluate(
    ({ selector, index }) => {
      const element = document.querySelectorAll(selector)[index]!;
      window.scrollTo(window.scrollX, element.getBoundingClientRect().top + window.scrollY - 100);
    },
    { selector, index },
  );
}

/** Row-action buttons that are off the screen or covered by something else. */
async function hiddenRowActions(page: Page): Promise<string[]> {
  const selector = 'td.row-actions button';
  const count = await page.locator(selector).count();
  const hidden: string[] = [];
  for (let index = 0; index < count; index++) {
    await scrollWindowTo(page, selector, index);
    const problem = await page.evaluate(
      ({ selector, index }) => {
        const button = document.querySelectorAll(selector)[index]!;
        const box = button.getBoundingClientRect();
        const label = button.textContent?.trim();
        if (box.left < 0 || box.right > window.innerWidth)
          return `${label} spans ${box.left}–${box.right} px of ${window.innerWidth}`;
        const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return onTop && button.contains(onTop) ? null : `${label} is covered by ${onTop?.tagName}`;
      },
      { selector, index },
    );
    if (problem) hidden.push(problem);
  }
  return hidden;
}

async function signIn(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('Your email address').fill(ORGANIZER);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor({ timeout: 30_000 });
  await followLinkInNewestMail(page, ORGANIZER, '/sign-in/');
  await page.getByRole('button', { name: 'Sign me in' }).click();
  await page.waitForURL((url) => url.pathname === '/admin', { timeout: 30_000 });
}

/** Signs the demo trust letter as a person with a long email address (left unconfirmed). */
async function signWithLongEmail(page: Page) {
  await page.goto('/letters/alder-county-trust-policy');
  await page.getByLabel(/^Title/).selectOption({ label: 'Rev.' });
  await page.getByLabel('First name', { exact: true }).fill('María Guadalupe');
  await page.getByLabel('Last name', { exact: true }).fill('Hernández Villanueva');
  await page.getByLabel('Clergy', { exact: true }).check();
  await page.getByLabel(/^Faith tradition/).selectOption({ label: 'Mainline Protestant' });
  await page.getByLabel(/^Congregation or organization/).fill('Iglesia Metodista San Marcos Evangelista');
  await page.getByLabel('City', { exact: true }).fill('Alder');
  await page.getByLabel(/^State/).selectOption('GA');
  await page.getByLabel(/^Email/).fill(LONG_EMAIL);
  await page.getByRole('button', { name: 'Sign the letter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor({ timeout: 30_000 });
}

describe('the organizer area’s layout at 1280×800 and 390×844', () => {
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    page = await browser().newPage();
    await signWithLongEmail(page);
    await signIn(page);
  }, 180_000);

  it.each(PAGES)(
    '%s fits both screens, marks its section, shows every select’s choice and passes axe',
    async (path) => {
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        const response = await page.goto(path);
        expect(response?.status(), `${path} answered`).toBe(200);
        await page.screenshot({ path: join(SHOTS, shotName(path, size.name)), fullPage: true });

        expect(await horizontalOverflow(page), `${path} at ${size.name} reaches past the screen by`).toBe(0);
        expect(await clippedSelects(page), `${path} at ${size.name}`).toEqual([]);

        if (!PRINT_VIEWS.has(path)) {
          const nav = page.getByRole('navigation', { name: 'Organizer area' });
          const current = nav.locator('a[aria-current]');
          expect(await current.count(), `${path}: links marked current`).toBe(1);
          expect(await current.getAttribute('href')).toBe(sectionOf(path));
          expect(await current.getAttribute('aria-current')).toBe(path === sectionOf(path) ? 'page' : 'true');
        }

        // Once per page (axe is slow on a busy machine), on the phone, where tables scroll.
        if (size.name !== 'phone') continue;
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        expect(
          axe.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`),
          `${path} at ${size.name}`,
        ).toEqual([]);
      }
    },
    120_000,
  );

  it('lays the dashboard’s sections out as cards at least 240 px wide, below the heading', async () => {
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/admin');
      const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
      const cards = page.locator('main .card-grid > li');
      // The demo organizer is an owner: ten sections (campaigns first, gatherings among them), "Webhooks"
      // and "Organizers and roles".
      expect(await cards.count()).toBe(12);
      for (const card of await cards.all()) {
        const box = (await card.boundingBox())!;
        expect(box.width, `a card at ${size.name}`).toBeGreaterThanOrEqual(240);
        expect(box.y).toBeGreaterThan(heading!.y + heading!.height);
      }
      // Sign out is a button in the organizer navigation, not a bar across the page.
      const signOut = (await page.getByRole('button', { name: 'Sign out' }).boundingBox())!;
      expect(signOut.width).toBeLessThan(size.width / 2);
    }
  });

  it('keeps the signer table’s row actions on screen, even beside a long email address', async () => {
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/admin/letters/demo-letter-trust/signers');
      await expect.poll(() => page.getByText(LONG_EMAIL).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Hide' }).count()).toBeGreaterThan(1);
      expect(await page.getByRole('button', { name: 'Mark verified' }).count()).toBeGreaterThan(1);
      expect(await hiddenRowActions(page), `at ${size.name}`).toEqual([]);
    }
  });

  it('shows every team role in full in the team builder', async () => {
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/admin/days/demo-day-georgia/teams');
      expect(await page.locator('select[name^="role:"]').count()).toBeGreaterThan(1);
      expect(await clippedSelects(page, { selector: 'select[name^="role:"]', widest: true })).toEqual([]);
    }
  });

  it('names the legislature’s site once on an official’s page', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/admin/officials/view?id=${encodeURIComponent(LEGISLATOR)}`);
    await page.getByRole('link', { name: 'Public page' }).click();
    await arrivedAt(page, `/officials/${LEGISLATOR}`);
    const site = page.locator('main a[href^="https://www.legis.ga.gov/"]');
    expect(await site.count()).toBe(1);
    expect(await site.textContent()).toBe('www.legis.ga.gov');
    expect(await page.getByText('www.legis.ga.gov').count()).toBe(1);
  });
});
