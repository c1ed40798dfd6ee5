import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { backfillSignatureTermsPage } from '../../src/letters/queries';
import { newestSignaturesMatching } from '../../src/letters/queries/search';
import { letterSignatures } from '../../src/letters/schema';
import { COUNTED_MATCHES_MAX } from '../../src/db/search-terms';
import type { SignerFilter } from '../../src/letters/validation';
import { eraseEverything } from '../../src/privacy/erasure';
import { organizerCookie, request } from '../helpers';
import { addSignature, db, makeLetter, press, signAndConfirm, signerPage } from './fixtures';

const ALL: SignerFilter = { page: 1 };

async function found(letterId: string, q: string, filter: Partial<SignerFilter> = {}) {
  const { rows, matching } = await signerPage(letterId, { ...ALL, ...filter, q }, 50);
  expect(rows.length).toBe(Math.min(matching, 50));
  return rows.map((row) => `${row.firstName} ${row.lastName}`).sort();
}

async function termCount(ownerId: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM search_terms WHERE kind = 'signature' AND owner_id = ?",
  )
    .bind(ownerId)
    .first<{ n: number }>();
  return row!.n;
}

describe("the organizer's signer search, through the terms index", () => {
  it('finds words by their start, without accents or capitals, every word searched', async () => {
    const letter = await makeLetter();
    await addSignature(letter.id, {
      firstName: 'María',
      lastName: 'García',
      congregation: 'Iglesia San José',
      city: 'Macon',
    });
    await addSignature(letter.id, {
      firstName: 'Gary',
      lastName: 'Smith',
      congregation: 'First Baptist',
      city: 'Savannah',
    });
    await addSignature(letter.id, {
      firstName: 'Edgar',
      lastName: 'Nguyen',
      email: 'edgar.nguyen@stpauls.org',
      denomination: 'Episcopal Church',
      city: 'Athens',
    });
    const other = await makeLetter();
    await addSignature(other.id, { firstName: 'Garth', lastName: 'Brooks' });

    expect(await found(letter.id, 'gar')).toEqual(['Gary Smith', 'María García']);
    expect(await found(letter.id, 'GARCÍA')).toEqual(['María García']);
    expect(await found(letter.id, 'maria gar')).toEqual(['María García']);
    expect(await found(letter.id, 'jose')).toEqual(['María García']);
    expect(await found(letter.id, 'savann')).toEqual(['Gary Smith']);
    expect(await found(letter.id, 'episcopal')).toEqual(['Edgar Nguyen']);
    // The email: whole, by a word of it, or by its domain.
    expect(await found(letter.id, 'edgar.nguyen@stp')).toEqual(['Edgar Nguyen']);
    expect(await found(letter.id, 'stpauls')).toEqual(['Edgar Nguyen']);
    // The one change from a "contains" search: a match starts at a word's start.
    expect(await found(letter.id, 'arcia')).toEqual([]);
    expect(await found(letter.id, 'maria smith')).toEqual([]);
    expect(await found(letter.id, 'zzz')).toEqual([]);
    // Another letter's signers are not in this letter's search.
    expect(await found(other.id, 'gar')).toEqual(['Garth Brooks']);
    // Other filters still apply to the matches.
    expect(await found(letter.id, 'gar', { state: 'SC' })).toEqual([]);
    expect(await found(letter.id, 'gar', { tradition: 'mainline', confirmed: 'yes' })).toEqual([
      'Gary Smith',
      'María García',
    ]);
  });

  it('indexes a signature made through the form, and forgets it when withdrawn', async () => {
    const letter = await makeLetter();
    const signer = await signAndConfirm(letter, { firstName: 'Bartholomew', lastName: 'Okafor' });
    const cookie = await organizerCookie();
    const page = await (await request(`/admin/letters/${letter.id}/signers?q=barth`, { cookie })).text();
    expect(page).toContain('Okafor');
    expect(page).toContain('at the start of a word');
    const [row] = (await signerPage(letter.id, { ...ALL, q: 'okafor' }, 50)).rows;
    expect(await termCount(row!.id)).toBeGreaterThan(0);
    expect((await press(signer.withdraw)).status).toBeLessThan(400);
    expect(await found(letter.id, 'okafor')).toEqual([]);
    expect(await termCount(row!.id)).toBe(0);
  });

  it('finds rows stored before the index once the backfill has given them terms', async () => {
    const letter = await makeLetter();
    const template = await addSignature(letter.id);
    // Stored as before the index: the row alone, no terms.
    await db.insert(letterSignatures).values({
      ...template,
      id: `old-${letter.id}`,
      email: 'old@example.org',
      firstName: 'Olwen',
      lastName: 'Pryce',
      confirmTokenHash: `c-old-${letter.id}`,
      withdrawTokenHash: `w-old-${letter.id}`,
    });
    expect(await found(letter.id, 'olwen')).toEqual([]);
    let page = await backfillSignatureTermsPage(db, '', 1);
    while (page.next !== null) page = await backfillSignatureTermsPage(db, page.next, 1);
    expect(await found(letter.id, 'olwen')).toEqual(['Olwen Pryce']);
    // A second run finds nothing left to do.
    expect((await backfillSignatureTermsPage(db, '', 50)).written).toBe(0);
  });

  it('finds an erased person no more', async () => {
    const letter = await makeLetter();
    const row = await addSignature(letter.id, {
      firstName: 'Philippa',
      lastName: 'Erased',
      email: 'philippa@example.org',
    });
    expect(await found(letter.id, 'philippa')).toEqual(['Philippa Erased']);
    await eraseEverything(db, 'philippa@example.org', {
      includeOrganizer: false,
      organizerId: null,
      at: Date.now(),
    });
    expect(await found(letter.id, 'philippa')).toEqual([]);
    expect(await termCount(row.id)).toBe(0);
  });
});

describe('the count of a search alone, read from the terms index', () => {
  it('counts a signer once when several of their words start with the search, and agrees with the filtered count', async () => {
    const letter = await makeLetter();
    await addSignature(letter.id, { firstName: 'Garcia', lastName: 'Garcias', city: 'Garden City' });
    await addSignature(letter.id, { firstName: 'Ana', lastName: 'Garza', confirmedAt: null });
    await addSignature(letter.id, { firstName: 'Ben', lastName: 'Hill' });
    const alone = await signerPage(letter.id, { ...ALL, q: 'gar' }, 50);
    expect(alone.matching).toBe(2);
    expect(alone.rows).toHaveLength(2);
    // With another filter the rows themselves are counted.
    const confirmed = await signerPage(letter.id, { ...ALL, q: 'gar', confirmed: 'yes' }, 50);
    expect(confirmed.matching).toBe(1);
    expect((await signerPage(letter.id, { ...ALL, q: 'zzz' }, 50)).matching).toBe(0);
  });

  it(`stops counting past ${COUNTED_MATCHES_MAX} and says so on the page, in English and Spanish`, async () => {
    const letter = await makeLetter();
    // Signers named Garcia, stored straight in SQL with their terms: more than the count reads.
    const many = COUNTED_MATCHES_MAX + 5;
    await env.DB.batch([
      env.DB.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO letter_signatures (id, letter_id, email, honorific, first_name, last_name, role,
           tradition, city, state, show_publicly, keep_informed, lang, confirm_token_hash,
           withdraw_token_hash, last_confirmation_at, confirmed_at, created_at)
         SELECT ? || '-' || i, ?, 'g' || i || '@example.org', 'rev', 'Ana', 'Garcia', 'clergy',
           'catholic', 'Macon', 'GA', 1, 0, 'en', ? || '-c-' || i, ? || '-w-' || i, i, i, i FROM n`,
      ).bind(many, letter.id, letter.id, letter.id, letter.id),
      env.DB.prepare(
        `INSERT INTO search_terms (kind, scope_id, owner_id, term, sort_key)
         SELECT 'signature', letter_id, id, 'garcia', created_at FROM letter_signatures WHERE letter_id = ?`,
      ).bind(letter.id),
    ]);
    const page = await signerPage(letter.id, { ...ALL, q: 'garcia' }, 50);
    expect(page).toMatchObject({ matching: COUNTED_MATCHES_MAX, more: true });
    expect(page.rows).toHaveLength(50);
    // Any other filter counts the rows themselves, in full.
    const filtered = await signerPage(letter.id, { ...ALL, q: 'garcia', state: 'GA' }, 50);
    expect(filtered).toMatchObject({ matching: many, more: false });

    const cookie = await organizerCookie();
    const english = await (
      await request(`/admin/letters/${letter.id}/signers?q=garcia`, { headers: { cookie } })
    ).text();
    expect(english).toContain('More than 1000 match this search.');
    expect(english).toContain('Page 1 of 20');
    const spanish = await (
      await request(`/admin/letters/${letter.id}/signers?q=garcia`, {
        headers: { cookie, 'accept-language': 'es' },
      })
    ).text();
    expect(spanish).toContain('Más de 1000 coinciden con esta búsqueda.');
  });
});

describe('a page of a search alone, read from the terms index in order', () => {
  it('gives the newest matches first, page after page, as the filtered table orders them', async () => {
    const letter = await makeLetter();
    const start = Date.now() - 1_000_000;
    // 7 matches made in a shuffled order, two of them in the same millisecond, and others between.
    const made = [5, 1, 6, 3, 3, 0, 2];
    for (const [n, minutes] of made.entries()) {
      await addSignature(letter.id, {
        firstName: `Garcia${n}`,
        lastName: 'Garcias',
        createdAt: start + minutes * 60_000,
      });
      await addSignature(letter.id, {
        firstName: `Other${n}`,
        lastName: 'Hill',
        createdAt: start + minutes * 60_000 + 1,
      });
    }
    const pages = [];
    for (const page of [1, 2, 3]) {
      const { rows, matching } = await signerPage(letter.id, { page, q: 'garc' }, 3);
      expect(matching).toBe(7);
      pages.push(rows.map((row) => row.id));
    }
    // The same search with a filter that keeps every row reads the rows themselves: the same order.
    const filtered = [];
    for (const page of [1, 2, 3]) {
      const { rows } = await signerPage(letter.id, { page, q: 'garc', confirmed: 'yes' }, 3);
      filtered.push(rows.map((row) => row.id));
    }
    expect(pages).toEqual(filtered);
    expect(pages.map((ids) => ids.length)).toEqual([3, 3, 1]);
    const rows = await db.select().from(letterSignatures);
    const createdAt = new Map(rows.map((row) => [row.id, row.createdAt]));
    const flat = pages.flat().map((id) => createdAt.get(id)!);
    expect(flat).toEqual([...flat].sort((a, b) => b - a));
  });

  it('reads the page from the index without visiting every match', async () => {
    const letter = await makeLetter();
    for (let n = 0; n < 3; n += 1) await addSignature(letter.id, { lastName: 'Garcia' });
    const query = db
      .select()
      .from(letterSignatures)
      .where(newestSignaturesMatching(letter.id, ['garcia'], { limit: 50, offset: 0 }))
      .toSQL();
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .bind(...query.params)
      .all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail).join('\n');
    // The matches' ids and places come from the index; only the page's rows are read, by id.
    expect(details).toMatch(/search_terms USING COVERING INDEX search_terms_sort_idx/);
    expect(details).toMatch(
      /SEARCH letter_signatures USING INDEX sqlite_autoindex_letter_signatures_1 \(id=\?\)/,
    );
    expect(details).not.toMatch(/SCAN letter_signatures/);
  });
});
