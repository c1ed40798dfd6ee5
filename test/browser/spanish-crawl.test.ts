// Every page in Spanish, public and organizer: a crawl of the demo site (signed in as the demo
// organizer, language switched to Spanish) that fails on any sentence of the English dictionary
// showing on a page. Organizer- and signer-written content (demo letters, notes, names) is not in
// the dictionary, so it does not trip the check; strings the two languages share are skipped.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/messages';
import { arrivedAt, followLinkInNewestMail, switchLanguage, useBrowser } from './harness';

const browser = useBrowser();
const DEMO_ORGANIZER = 'organizer@example.org';

/** Where the crawl starts: every section's front page (the rest is found by following links). */
const START = ['/', '/letters', '/days', '/officials', '/officials/find', '/bills', '/privacy', '/admin'];
/** Links not to follow: leaving the session, the dev mailbox, downloads and files. */
const SKIP = /^\/(sign-out|dev\/)|\.(csv|ics|json|txt|xml|css|js|png|svg|ico|webmanifest)(\?|$)|\/embed\b/;
/**
 * Dictionary words that the demo content also uses inside names and imported data: congregations
 * ("St. Mary Catholic Church"), groups ("Ebenezer Interfaith Circle"), places ("South Carolina
 * State House"), Open States action texts ("Introduced", "Signed by Governor"), the demo
 * organizer's name. Where they show, they are that content, not our words.
 */
const CONTENT_WORDS = new Set([
  'Catholic',
  'Evangelical',
  'Buddhist',
  'Interfaith',
  'Unitarian Universalist',
  'State House',
  'Governor',
  'Introduced',
  'Organizer',
]);
/** At most this many pages of one shape of address (`/admin/letters/:id/signers` …). */
const PER_SHAPE = 2;
const MAX_PAGES = 400;

/** The shape of an address: segments with digits or long ids become `:id`. */
function shapeOf(path: string): string {
  const [pathname = '', query] = path.split('?');
  const shape = pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) || segment.length > 24 ? ':id' : segment))
    .join('/');
  return query ? `${shape}?` : shape;
}

const decode = (text: string) =>
  text
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a person reads or hears on a page: text, and labels in attributes. */
function readableText(html: string): string {
  const body = html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    // The language switch names the other language in that language, on purpose.
    .replace(/<form[^>]*class="language-switch"[\s\S]*?<\/form>/gi, ' ')
    // What the page itself marks as English (previews of English emails, English texts of a day).
    .replace(/<(\w+)\b[^>]*\slang="en"[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    // What people wrote, in the fields where they edit it.
    .replace(/<textarea[\s\S]*?<\/textarea>/gi, ' ');
  const attributes = [...body.matchAll(/\s(?:aria-label|placeholder|title|alt)="([^"]*)"/g)].map((m) => m[1]);
  return decode(`${body.replace(/<[^>]+>/g, ' ')} ${attributes.join(' ')}`).replace(/\s+/g, ' ');
}

/** The branches of `{n, plural, one {…} other {…}}` as separate texts, the number dropped. */
function withoutPlurals(text: string): string[] {
  const texts: string[] = [];
  const outer = text.replace(/\{\w+, plural,((?:[^{}]|\{[^{}]*\})*)\}/g, (_, branches: string) => {
    for (const m of branches.matchAll(/\{([^{}]*)\}/g)) texts.push(m[1]!.replace(/#/g, ' '));
    return '{}';
  });
  return [outer, ...texts];
}

/**
 * The English sentences to look for: each English message that differs from its Spanish one, cut
 * at its placeholders; pieces of at least two words and ten letters, or single words of eight or
 * more letters (short words like "Email" or "No" are too often shared or part of names).
 */
function englishPhrases(): { phrase: string; key: string }[] {
  const found = new Map<string, string>();
  const es = dictionaries.es as Record<string, string>;
  for (const [key, text] of Object.entries(dictionaries.en as Record<string, string>)) {
    if (es[key] === text) continue;
    const spanish = new Set(withoutPlurals(es[key] ?? '').flatMap((t) => t.split(/\{\w+\}/)));
    for (const piece of withoutPlurals(text).flatMap((t) => t.split(/\{\w*\}|\n/))) {
      const phrase = piece
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[\s,.;:()·–—-]+|[\s,.;:()·–—-]+$/g, '');
      const letters = phrase.replace(/[^\p{L}]/gu, '').length;
      const words = phrase.split(' ').length;
      if (spanish.has(piece) || [...spanish].some((s) => s.includes(phrase))) continue;
      if ((words >= 2 && letters >= 10) || (words === 1 && letters >= 8)) found.set(phrase, key);
    }
  }
  return [...found]
    .filter(([phrase]) => !CONTENT_WORDS.has(phrase))
    .map(([phrase, key]) => ({ phrase, key }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function signInInSpanish(page: Page): Promise<void> {
  await page.goto('/');
  await switchLanguage(page, 'es');
  await page.goto('/sign-in?next=/admin');
  await page.getByLabel('Su correo electrónico').fill(DEMO_ORGANIZER);
  await page.getByRole('button', { name: 'Enviarme un enlace para entrar' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Revise su correo');
  await followLinkInNewestMail(page, DEMO_ORGANIZER, '/sign-in/');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await arrivedAt(page, '/admin');
}

describe('every page in Spanish', () => {
  it('shows no sentence of the English dictionary, on public and organizer pages', async () => {
    const page = await browser().newPage();
    await signInInSpanish(page);
    const phrases = englishPhrases().map(({ phrase, key }) => ({
      key,
      phrase,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}])`, 'u'),
    }));
    const queue = [...START];
    const seen = new Set<string>(queue);
    const perShape = new Map<string, number>();
    const problems: string[] = [];
    let crawled = 0;
    while (queue.length && crawled < MAX_PAGES) {
      const path = queue.shift()!;
      const response = await page.context().request.get(browser().url(path), { maxRedirects: 0 });
      crawled += 1;
      if (response.status() >= 500) problems.push(`${path}: answered ${response.status()}`);
      if (!(response.headers()['content-type'] ?? '').includes('text/html')) continue;
      const html = await response.text();
      expect(html, path).toContain('<html lang="es"');
      const text = readableText(html);
      for (const { phrase, key, pattern } of phrases) {
        if (pattern.test(text)) problems.push(`${path}: "${phrase}" (${key})`);
      }
      for (const match of html.matchAll(/href="(\/[^"#]*)/g)) {
        const next = decode(match[1]!);
        if (seen.has(next) || SKIP.test(next)) continue;
        seen.add(next);
        const shape = shapeOf(next);
        const count = perShape.get(shape) ?? 0;
        if (count >= PER_SHAPE) continue;
        perShape.set(shape, count + 1);
        queue.push(next);
      }
    }
    console.log(`[spanish-crawl] ${crawled} pages, ${phrases.length} English phrases checked`);
    // Public and organizer pages were both reached.
    expect(crawled).toBeGreaterThan(40);
    expect([...seen].some((p) => p.startsWith('/admin/letters/'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
