// The public letter and signers pages read in one round trip, and are served from the edge cache
// (src/web/edge-cache.ts): these tests would fail if the one-batch reads disagreed with the plain
// queries, or if the cache hid a change someone must see at once.
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countSignatures,
  letterCounts,
  listPublicSigners,
  publicCountsOf,
  readLetterPage,
  readSignersPage,
  signersPageReads,
} from '../../src/letters/queries';
import { memoByText } from '../../src/web/memo';
import { FRESH_COOKIE, setEdgeCacheInTests } from '../../src/web/edge-cache';
import { letterBodyHtml } from '../../src/letters/views/public';
import { cookieFrom, organizerCookie, postForm, request } from '../helpers';
import { addSignature, db, emailsTo, linksIn, makeLetter, press, sign, signatureFields } from './fixtures';

describe('readSignersPage and readLetterPage (one round trip)', () => {
  it('agree with the separate queries on counts, order and pages', async () => {
    const letter = await makeLetter();
    const traditions = ['jewish', 'catholic', 'mainline', 'muslim', 'other', 'uu'];
    const states = ['GA', 'AL', 'TX', 'GA', 'FL'];
    for (let i = 0; i < 37; i++) {
      await addSignature(letter.id, {
        tradition: traditions[i % traditions.length]!,
        state: states[i % states.length]!,
        lastName: `Name${(i * 7) % 11}`,
        firstName: `F${i % 3}`,
        showPublicly: i % 5 !== 0,
        confirmedAt: i % 6 === 0 ? null : Date.now(),
        hiddenAt: i % 9 === 0 ? Date.now() : null,
      });
    }
    const expected = await letterCounts(db, letter.id);
    for (const page of [1, 2, 3, 4]) {
      const read = await readSignersPage(db, letter.slug, page, 8);
      const list = await listPublicSigners(db, letter.id, page, 8);
      expect(read?.letter.id).toBe(letter.id);
      expect(read?.counts).toEqual(expected);
      expect(read?.signers).toEqual(list.rows);
      expect(read?.shownTotal).toBe(list.shownTotal);
    }
    const letterPage = await readLetterPage(db, letter.slug);
    expect(letterPage?.count).toBe(await countSignatures(db, letter.id));
    expect(letterPage?.count).toBe(expected.total);
    expect(await readSignersPage(db, 'no-such-letter', 1, 8)).toBeUndefined();
    expect(await readLetterPage(db, 'no-such-letter')).toBeUndefined();
  });

  it('reads a page through the list index and the counts from the counts index, sorting nothing', async () => {
    const [, countsRead, pageRead] = signersPageReads(db, 'any-letter', 3, 100);
    const plan = async (query: { sql: string; params: unknown[] }) => {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
        .bind(...query.params)
        .all<{ detail: string }>();
      return results.map((row) => row.detail).join(' | ');
    };
    const pagePlan = await plan(pageRead.toSQL());
    expect(pagePlan).toContain('USING INDEX letter_signatures_list_idx');
    expect(pagePlan).not.toContain('TEMP B-TREE');
    const countsPlan = await plan(countsRead.toSQL());
    expect(countsPlan).toContain('USING COVERING INDEX letter_signatures_counts_idx');
    expect(countsPlan).not.toContain('TEMP B-TREE');
  });

  it('orders counts by tradition in the list order and by state most first', () => {
    const counts = publicCountsOf([
      { tradition: 'muslim', state: 'TX', shown: true, count: 2 },
      { tradition: 'catholic', state: 'GA', shown: false, count: 1 },
      { tradition: 'catholic', state: 'TX', shown: true, count: 3 },
      { tradition: 'zz-unknown', state: 'AL', shown: true, count: 5 },
    ]);
    expect(counts.byTradition).toEqual([
      { tradition: 'catholic', count: 4 },
      { tradition: 'muslim', count: 2 },
      { tradition: 'zz-unknown', count: 5 },
    ]);
    expect(counts.byState).toEqual([
      { state: 'AL', count: 5 },
      { state: 'TX', count: 5 },
      { state: 'GA', count: 1 },
    ]);
    expect(counts.total).toBe(11);
    expect(counts.shownTotal).toBe(10);
  });
});

describe('memoByText', () => {
  it('transforms each distinct text once, a changed text anew, and keeps the last few', () => {
    const calls: string[] = [];
    const upper = memoByText((text) => {
      calls.push(text);
      return text.toUpperCase();
    }, 2);
    expect([upper('a'), upper('a'), upper('b'), upper('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
    upper('c');
    upper('a');
    upper('b');
    expect(calls).toEqual(['a', 'b', 'c', 'a', 'b']);
    expect(letterBodyHtml('**Dear** <b>x</b>')).toBe('<p><strong>Dear</strong> &lt;b&gt;x&lt;/b&gt;</p>\n');
  });
});

describe('public letter pages from the edge cache', () => {
  beforeEach(() => setEdgeCacheInTests(true));
  afterEach(() => setEdgeCacheInTests(false));

  /** A signature confirmed behind the app's back, as in another data centre or by a job. */
  const confirmElsewhere = (letterId: string, lastName: string) =>
    addSignature(letterId, { lastName, firstName: 'Elsewhere' });

  it('serves the second request from the cache, per language, never to an organizer', async () => {
    const letter = await makeLetter();
    const first = await request(`/letters/${letter.slug}`);
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(first.headers.get('cache-control')).toBe('private, max-age=5');
    expect(first.headers.get('vary')).toContain('Accept-Language');
    expect(await first.text()).toContain('0 signed');
    await confirmElsewhere(letter.id, 'Hidalgo');
    const second = await request(`/letters/${letter.slug}`);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(second.headers.get('cache-control')).toBe('private, max-age=5');
    expect(second.headers.get('vary')).toContain('Accept-Language');
    expect(second.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await second.text()).toContain('0 signed');
    // Spanish is another entry, rendered now: it shows the new count…
    const spanish = await request(`/letters/${letter.slug}`, { lang: 'es' });
    expect(spanish.headers.get('x-cache')).toBe('miss');
    const spanishHtml = await spanish.text();
    expect(spanishHtml).toContain('1 firma');
    expect(spanishHtml).toContain('lang="es"');
    // …and is then served from the cache in Spanish, by cookie as by Accept-Language.
    const byCookie = await request(`/letters/${letter.slug}`, { cookie: 'wt_lang=es' });
    expect(byCookie.headers.get('x-cache')).toBe('hit');
    expect(await byCookie.text()).toContain('lang="es"');
    const organizer = await request(`/letters/${letter.slug}`, { cookie: await organizerCookie() });
    expect(organizer.headers.get('x-cache')).toBe('bypass');
    expect(organizer.headers.get('cache-control')).toBe('no-store');
    expect(await organizer.text()).toContain('1 signed');
    // The organizer's page was not stored for anyone else.
    expect(await (await request(`/letters/${letter.slug}`)).text()).toContain('0 signed');
  });

  it('shows a confirmed signature at once: the confirmation purges the letter pages', async () => {
    const letter = await makeLetter();
    expect(await (await request(`/letters/${letter.slug}/signers`)).text()).toContain(
      'No confirmed signatures yet',
    );
    expect(await (await request(`/letters/${letter.slug}`)).text()).toContain('0 signed');
    expect((await request(`/letters/${letter.slug}`, { lang: 'es' })).headers.get('x-cache')).toBe('miss');
    const fields = signatureFields({ firstName: 'Miriam', lastName: 'Cohen', tradition: 'jewish' });
    await sign(letter.slug, fields);
    const links = linksIn((await emailsTo(fields.email!))[0]!.text);
    const confirmed = await press(links.confirm);
    expect(confirmed.status).toBe(303);
    // Anonymous readers, in both languages, see it on the next request (purged in this data centre).
    expect(await (await request(`/letters/${letter.slug}/signers`)).text()).toContain('Miriam Cohen');
    expect(await (await request(`/letters/${letter.slug}`)).text()).toContain('1 signed');
    expect(await (await request(`/letters/${letter.slug}`, { lang: 'es' })).text()).toContain('1 firma');
    // Elsewhere the cache may still hold the old page: the confirmation's cookie skips it.
    const fresh = cookieFrom(confirmed, FRESH_COOKIE);
    expect(fresh).toBe(`${FRESH_COOKIE}=1`);
    expect(confirmed.headers.getSetCookie().join()).toContain(`Path=/letters/${letter.slug}`);
    await confirmElsewhere(letter.id, 'Zamora');
    const mine = await request(`/letters/${letter.slug}/signers`, { cookie: fresh });
    expect(mine.headers.get('x-cache')).toBe('bypass');
    expect(await mine.text()).toContain('Zamora');
    expect(await (await request(`/letters/${letter.slug}/signers`)).text()).not.toContain('Zamora');
  });

  it('purges a letter when an organizer hides or verifies a signer', async () => {
    const letter = await makeLetter();
    const cookie = await organizerCookie();
    const signer = await addSignature(letter.id, { lastName: 'Offensive' });
    expect(await (await request(`/letters/${letter.slug}/signers`)).text()).toContain('Offensive');
    const hidden = await postForm(
      `/admin/letters/${letter.id}/signers/${signer.id}/hide`,
      { hidden: 'yes' },
      { cookie },
    );
    expect(hidden.status).toBe(303);
    expect(await (await request(`/letters/${letter.slug}/signers`)).text()).not.toContain('Offensive');
    const other = await addSignature(letter.id, { lastName: 'Trusted' });
    expect(await (await request(`/letters/${letter.slug}/signers`)).text()).not.toContain('verified-mark');
    await postForm(`/admin/letters/${letter.id}/signers/${other.id}/verify`, { verified: 'yes' }, { cookie });
    expect(await (await request(`/letters/${letter.slug}/signers`)).text()).toContain('verified-mark');
  });

  it('keeps pages apart and leaves odd query strings out of the cache', async () => {
    const letter = await makeLetter();
    for (let i = 0; i < 101; i++)
      await addSignature(letter.id, { lastName: `P${String(i).padStart(3, '0')}` });
    const one = await (await request(`/letters/${letter.slug}/signers`)).text();
    const two = await request(`/letters/${letter.slug}/signers?page=2`);
    expect(two.headers.get('x-cache')).toBe('miss');
    const twoHtml = await two.text();
    expect(one).toContain('P000');
    expect(twoHtml).toContain('P100');
    expect(twoHtml).not.toContain('P000');
    expect((await request(`/letters/${letter.slug}/signers?page=2`)).headers.get('x-cache')).toBe('hit');
    for (const odd of [`/letters/${letter.slug}/signers?page=2&utm=x`, `/letters/${letter.slug}?anything=1`])
      expect((await request(odd)).headers.get('x-cache')).toBeNull();
  });

  it('caches the public page only: drafts stay 404, errors and form errors are never stored', async () => {
    const draft = await makeLetter({ status: 'draft' });
    expect((await request(`/letters/${draft.slug}`)).status).toBe(404);
    expect((await request(`/letters/${draft.slug}/signers`)).status).toBe(404);
    const preview = await request(`/letters/${draft.slug}`, { cookie: await organizerCookie() });
    expect(preview.status).toBe(200);
    expect((await request(`/letters/${draft.slug}`)).status).toBe(404);
    expect((await request('/letters/no-such-letter')).status).toBe(404);
    const letter = await makeLetter();
    const refused = await sign(letter.slug, signatureFields({ email: 'not-an-email', lastName: 'Typo' }));
    expect(refused.status).toBe(422);
    expect(refused.headers.get('x-cache')).toBeNull();
    const page = await request(`/letters/${letter.slug}`);
    expect(page.headers.get('x-cache')).toBe('miss');
    expect(await page.text()).not.toContain('not-an-email');
  });
});
