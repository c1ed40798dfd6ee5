// Action first (issue 19), in a real browser against `wrangler dev` with the demo content and
// JavaScript off: on the letter, advocacy-day and bill pages the primary button and the live status
// are inside the first screen at 1280×800 and 390×844, in English and Spanish; the button moves
// focus to the form; the home page shows one card per open action with its status and one button;
// nothing moves once the page has loaded (the counts are in the HTML); axe finds nothing. A
// screenshot of the first screen and of the whole page, for each page, language and size, is saved
// in test-results/action-first/ (not committed).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

// Functions passed to page.evaluate run inside Chromium; the project compiles without the DOM
// library, so the browser globals they use are declared here, for this file only.
declare const document: { activeElement: { id: string } | null };
declare class PerformanceObserver {
  constructor(callback: (list: { getEntries(): { value: number; hadRecentInput: boolean }[] }) => void);
  observe(options: { type: string; buffered: boolean }): void;
}

const browser = useBrowser();
const SHOTS = join(resolve(__dirname, '../..'), 'test-results', 'action-first');
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const LANGS = ['en', 'es'] as const;

/** Each action page of the demo: its primary button (a link to the form) in each language. */
const ACTION_PAGES = [
  {
    name: 'letter',
    path: '/letters/alder-county-trust-policy',
    button: { en: 'Sign the letter', es: 'Firmar la carta' },
    status: { en: '36 signed', es: '36 firmas' },
    form: 'sign',
  },
  {
    // The demo's Georgia day is full: the button says what a person gets, a place on the waitlist.
    name: 'day-full',
    path: '/days/georgia-faith-advocacy-day',
    button: { en: 'Join the waitlist', es: 'Anotarme en la lista de espera' },
    status: {
      en: 'The day is full: you would be number 6 on the waitlist.',
      es: 'El día está lleno: usted sería el número 6 en la lista de espera.',
    },
    form: 'register',
  },
  {
    name: 'day',
    path: '/days/south-carolina-faith-advocacy-day',
    button: { en: 'Register', es: 'Inscribirme' },
    status: { en: '1 of 2 seats left.', es: 'Queda 1 de 2 lugares.' },
    form: 'register',
  },
  {
    name: 'bill',
    path: '/bills/ga/hb-1105',
    button: { en: 'Get alerts', es: 'Recibir alertas' },
    status: { en: 'Current stage: In committee', es: 'Etapa actual: En comisión' },
    form: 'subscribe',
    // A short form: on a wide screen it fits beside the page whole, its button included.
    submit: { en: 'Subscribe', es: 'Suscribirme' },
  },
] as const;

/** A page at one size and language, JavaScript off (everything shown must be in the HTML). */
async function openAt(
  size: (typeof SIZES)[number],
  lang: (typeof LANGS)[number],
  javaScript = false,
): Promise<{ page: Page; context: BrowserContext }> {
  const harness = browser();
  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    viewport: { width: size.width, height: size.height },
    javaScriptEnabled: javaScript,
  });
  await context.addCookies([{ name: 'wt_lang', value: lang, url: harness.baseUrl }]);
  return { page: await context.newPage(), context };
}

/** Where an element is against the first screen: fully inside it (to the rounding of a pixel), or why not. */
async function inFirstScreen(locator: Locator, size: { width: number; height: number }): Promise<string> {
  const box = await locator.boundingBox();
  if (!box) return 'not shown';
  const inside =
    box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
  return inside ? 'inside' : `at x=${box.x} y=${box.y} (${box.width}×${box.height})`;
}

/** Saves the first screen and the whole page. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}-first-screen.png`) });
  await page.screenshot({ path: join(SHOTS, `${name}-full.png`), fullPage: true });
}

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

describe('action pages put the action and its status in the first screen', () => {
  for (const lang of LANGS) {
    for (const size of SIZES) {
      it(`in ${lang} at ${size.width}×${size.height}, without JavaScript`, async () => {
        const { page, context } = await openAt(size, lang);
        try {
          for (const action of ACTION_PAGES) {
            await page.goto(action.path);
            expect(await page.locator('html').getAttribute('lang')).toBe(lang);
            await shoot(page, `${action.name}-${lang}-${size.name}`);
            const where = `${action.path} in ${lang} at ${size.name}`;
            const button = page.getByRole('link', { name: action.button[lang], exact: true });
            expect(await inFirstScreen(button, size), `the button on ${where}`).toBe('inside');
            const status = page.locator('.status-count').first();
            expect((await status.textContent())?.trim(), `the status on ${where}`).toBe(action.status[lang]);
            expect(await inFirstScreen(status, size), `the status on ${where}`).toBe('inside');

            // The button takes the person to the form, and focus with them.
            await button.click();
            await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(action.form);
            expect(
              await inFirstScreen(page.locator(`#${action.form} h2`), size),
              `the form of ${where}`,
            ).toBe('inside');
            if ('submit' in action && size.name === 'desktop') {
              const submit = page.getByRole('button', { name: action.submit[lang], exact: true });
              expect(await inFirstScreen(submit, size), `the form's button on ${where}`).toBe('inside');
            }
          }

          await page.goto('/');
          await shoot(page, `home-${lang}-${size.name}`);
          const cards = page.locator('.action-cards > li');
          expect(await cards.count()).toBeGreaterThanOrEqual(4);
          expect(await inFirstScreen(cards.first().locator('a'), size), `the first card's button`).toBe(
            'inside',
          );
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('the home page', () => {
  it('shows a card per open action with its live status and one button, in English and Spanish', async () => {
    for (const lang of LANGS) {
      const { page, context } = await openAt(SIZES[0], lang);
      try {
        await page.goto('/');
        const cards = page.locator('.action-cards > li');
        const count = await cards.count();
        const kinds = new Set<string>();
        for (let i = 0; i < count; i += 1) {
          const card = cards.nth(i);
          kinds.add((await card.locator('.card-kind').textContent())?.trim() ?? '');
          expect((await card.locator('.card-status').textContent())?.trim()).not.toBe('');
          expect(await card.locator('a').count()).toBe(1);
        }
        expect([...kinds].sort()).toEqual(
          lang === 'en'
            ? ['Advocacy day', 'Bill', 'Clergy letter', 'Vigil']
            : ['Carta de líderes religiosos', 'Día de incidencia', 'Proyecto de ley', 'Vigilia'],
        );
        const letter = cards.filter({ has: page.locator('a[href="/letters/alder-county-trust-policy"]') });
        expect(await letter.locator('.card-status').textContent()).toMatch(
          lang === 'en'
            ? /^36 signed of a goal of 100 · \d+ days left$/
            : /^36 firmas de una meta de 100 · Quedan \d+ días$/,
        );
        expect(await letter.locator('progress').getAttribute('value')).toBe('36');
      } finally {
        await context.close();
      }
    }
  });
});

describe('nothing moves once a page has loaded, and axe finds nothing', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}`, async () => {
      const { page, context } = await openAt(size, 'es', true);
      try {
        for (const path of ['/', ...ACTION_PAGES.map((action) => action.path)]) {
          await page.goto(path, { waitUntil: 'load' });
          const shift = await page.evaluate(
            () =>
              new Promise<number>((done) => {
                let total = 0;
                new PerformanceObserver((list) => {
                  for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
                }).observe({ type: 'layout-shift', buffered: true });
                setTimeout(() => done(total), 500);
              }),
          );
          expect(shift, `layout shift on ${path}`).toBe(0);
          const axe = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          expect(
            axe.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`),
            `${path} at ${size.name}`,
          ).toEqual([]);
        }
      } finally {
        await context.close();
      }
    });
  }
});
