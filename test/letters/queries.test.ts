import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expireUnconfirmedSignatures } from '../../src/letters/jobs';
import {
  confirmSignature,
  deleteUnconfirmedBefore,
  exportSignersPage,
  getLetterForSigning,
  listPublicSigners,
  readSignerTable,
  setSignerHidden,
  setSignerVerified,
  withdrawSignature,
  updateLetter,
  type ExportCursor,
} from '../../src/letters/queries';
import { letterSignatures, letters, type LetterSignature } from '../../src/letters/schema';
import { signerFilterSchema } from '../../src/letters/validation';
import { DAY } from '../../src/lib/time';
import { request } from '../helpers';
import { addSignature, db, makeLetter, signerPage, signerTally } from './fixtures';

describe('listPublicSigners', () => {
  it('lists only confirmed, shown, not hidden signers, grouped by tradition, never with emails', async () => {
    const letter = await makeLetter();
    const shown = await addSignature(letter.id, { tradition: 'muslim', lastName: 'Shown' });
    const first = await addSignature(letter.id, { tradition: 'catholic', lastName: 'Catholic' });
    await addSignature(letter.id, { lastName: 'Unconfirmed', confirmedAt: null });
    await addSignature(letter.id, { lastName: 'Private', showPublicly: false });
    await addSignature(letter.id, { lastName: 'Hidden', hiddenAt: Date.now() });
    const { rows, shownTotal } = await listPublicSigners(db, letter.id, 1, 100);
    expect(rows.map((row) => row.lastName)).toEqual([first.lastName, shown.lastName]);
    expect(shownTotal).toBe(2);
    expect(Object.keys(rows[0]!)).not.toContain('email');
  });

  it('pages the list', async () => {
    const letter = await makeLetter();
    for (let i = 0; i < 5; i++) await addSignature(letter.id, { lastName: `P${i}` });
    const page2 = await listPublicSigners(db, letter.id, 2, 2);
    expect(page2.rows.map((row) => row.lastName)).toEqual(['P2', 'P3']);
    expect(page2.shownTotal).toBe(5);
  });
});

describe('GET /letters/:slug/signers', () => {
  it('shows counts, chart and table, is noindex, and shows neither emails nor unconfirmed names', async () => {
    const letter = await makeLetter();
    await addSignature(letter.id, {
      firstName: 'Shown',
      lastName: 'Person',
      tradition: 'sikh',
      email: 'shown@example.org',
    });
    await addSignature(letter.id, {
      firstName: 'Private',
      lastName: 'Person',
      showPublicly: false,
      state: 'CA',
    });
    await addSignature(letter.id, { firstName: 'Pending', lastName: 'Person', confirmedAt: null });
    await addSignature(letter.id, { firstName: 'Fake', lastName: 'Name', hiddenAt: Date.now() });
    await addSignature(letter.id, { firstName: 'Checked', lastName: 'Person', verifiedAt: Date.now() });
    const html = await (await request(`/letters/${letter.slug}/signers`)).text();
    expect(html).toContain('<meta name="robots" content="noindex"');
    expect(html).toContain('Shown Person');
    expect(html).not.toContain('Private Person');
    expect(html).not.toContain('Pending Person');
    expect(html).not.toContain('Fake Name');
    expect(html).not.toContain('shown@example.org');
    expect(html).toContain('Signed by 3 faith leaders; 1 of them asked not to be named.');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<title id="tradition-chart-title">Signatures by faith tradition</title>');
    expect(html).toContain('<th scope="row">Sikh</th>');
    expect(html).toContain('<th scope="row">CA</th>');
    expect(html).toMatch(/Checked Person<\/strong> <span class="badge verified-mark"/);
  });

  it('escapes HTML in names on the public list', async () => {
    const letter = await makeLetter();
    await addSignature(letter.id, {
      firstName: '<img src=x onerror=alert(1)>',
      congregation: '"><script>x()</script>',
    });
    const html = await (await request(`/letters/${letter.slug}/signers`)).text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>x()');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('confirmSignature and withdrawSignature', () => {
  it('confirms once, then says already; unknown links are invalid', async () => {
    const letter = await makeLetter();
    const row = await addSignature(letter.id, { confirmedAt: null });
    expect(await confirmSignature(db, letter.id, row.confirmTokenHash, Date.now())).toBe('confirmed');
    expect(await confirmSignature(db, letter.id, row.confirmTokenHash, Date.now())).toBe('already');
    expect(await confirmSignature(db, letter.id, 'nope', Date.now())).toBe('invalid');
    // A link works only on its own letter.
    const other = await makeLetter();
    expect(await confirmSignature(db, other.id, row.confirmTokenHash, Date.now())).toBe('invalid');
  });

  it('refuses a confirm link older than 7 days, even before the clean-up job has run', async () => {
    const letter = await makeLetter();
    const eightDaysAgo = Date.now() - 8 * 24 * 3600 * 1000;
    const row = await addSignature(letter.id, { confirmedAt: null, lastConfirmationAt: eightDaysAgo });
    expect(await confirmSignature(db, letter.id, row.confirmTokenHash, Date.now())).toBe('invalid');
  });

  it('withdraws by deleting the row, once', async () => {
    const letter = await makeLetter();
    const row = await addSignature(letter.id);
    expect(await withdrawSignature(db, letter.id, row.withdrawTokenHash)).toBe(true);
    expect(await withdrawSignature(db, letter.id, row.withdrawTokenHash)).toBe(false);
  });
});

describe('expiry of unconfirmed signatures', () => {
  it('deletes signatures unconfirmed 7 days after their last link, keeps the rest, and is safe to run twice', async () => {
    const letter = await makeLetter();
    const now = Date.now();
    const old = await addSignature(letter.id, {
      confirmedAt: null,
      createdAt: now - 8 * DAY,
      lastConfirmationAt: now - 8 * DAY,
    });
    const recent = await addSignature(letter.id, {
      confirmedAt: null,
      createdAt: now - 6 * DAY,
      lastConfirmationAt: now - 6 * DAY,
    });
    // Signed 9 days ago, but asked for a new link 2 days ago: the new link keeps its week.
    const resent = await addSignature(letter.id, {
      confirmedAt: null,
      createdAt: now - 9 * DAY,
      lastConfirmationAt: now - 2 * DAY,
    });
    const confirmedOld = await addSignature(letter.id, {
      createdAt: now - 30 * DAY,
      lastConfirmationAt: now - 30 * DAY,
    });
    await expireUnconfirmedSignatures.run(env, now);
    await expireUnconfirmedSignatures.run(env, now);
    const ids = (
      await env.DB.prepare('SELECT id FROM letter_signatures WHERE letter_id = ?')
        .bind(letter.id)
        .all<{ id: string }>()
    ).results.map((r) => r.id);
    expect(ids).not.toContain(old.id);
    expect(ids).toContain(recent.id);
    expect(ids).toContain(resent.id);
    expect(ids).toContain(confirmedOld.id);
    expect(await deleteUnconfirmedBefore(db, now - 7 * DAY)).toBe(0);
  });
});

describe('organizer queries', () => {
  it('filters by search, tradition, state, confirmed and shown, and tallies', async () => {
    const letter = await makeLetter();
    const a = await addSignature(letter.id, {
      firstName: 'Maria',
      lastName: 'Lopez',
      tradition: 'catholic',
      state: 'TX',
    });
    const b = await addSignature(letter.id, {
      firstName: 'Sam',
      lastName: 'Green',
      confirmedAt: null,
      state: 'TX',
    });
    const c = await addSignature(letter.id, {
      firstName: 'Noor',
      lastName: 'Khan',
      tradition: 'muslim',
      showPublicly: false,
    });
    const filter = (query: Record<string, string>) => signerFilterSchema.parse(query);
    const names = async (query: Record<string, string>) =>
      (await signerPage(letter.id, filter(query), 50)).rows.map((row) => row.id).sort();
    expect(await names({ q: 'maria lo' })).toEqual([a.id]);
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ tradition: 'muslim' })).toEqual([c.id]);
    expect(await names({ state: 'tx' })).toEqual([a.id, b.id].sort());
    expect(await names({ confirmed: 'no' })).toEqual([b.id]);
    expect(await names({ shown: 'no' })).toEqual([c.id]);
    expect(await names({ tradition: 'not-a-tradition' })).toHaveLength(3);
    await setSignerHidden(db, letter.id, a.id, true, Date.now());
    await setSignerVerified(db, letter.id, c.id, true, Date.now());
    expect(await names({ shown: 'hidden' })).toEqual([a.id]);
    expect(await signerTally(letter.id)).toEqual({
      all: 3,
      confirmed: 2,
      unconfirmed: 1,
      signed: 1,
      named: 0,
      hidden: 1,
      verified: 1,
    });
    expect(await setSignerHidden(db, letter.id, 'no-such-id', true, Date.now())).toBe(false);
  });

  it('reads the whole signer table in one batch: the letter, its tally, a page and the count', async () => {
    const letter = await makeLetter();
    const at = Date.now();
    const maria = await addSignature(letter.id, { firstName: 'Maria', lastName: 'Lopez', createdAt: at });
    const marian = await addSignature(letter.id, {
      firstName: 'Marian',
      lastName: 'Green',
      confirmedAt: null,
      createdAt: at + 1,
    });
    await addSignature(letter.id, { firstName: 'Noor', lastName: 'Khan', createdAt: at + 2 });
    const search = signerFilterSchema.parse({ q: 'mari' });
    const table = await readSignerTable(db, letter.id, search, 1);
    expect(table?.letter.id).toBe(letter.id);
    expect(table?.tally).toEqual({
      all: 3,
      confirmed: 2,
      unconfirmed: 1,
      signed: 2,
      named: 2,
      hidden: 0,
      verified: 0,
    });
    expect(table).toMatchObject({ matching: 2, more: false });
    // Newest first: the page of one holds the later of the two matches.
    expect(table?.rows.map((row) => row.id)).toEqual([marian.id]);
    // The table never carries the private links' token hashes.
    expect(Object.keys(table!.rows[0]!)).not.toContain('confirmTokenHash');
    const filtered = await readSignerTable(db, letter.id, signerFilterSchema.parse({ confirmed: 'yes' }), 50);
    expect(filtered?.matching).toBe(2);
    expect(filtered?.rows.map((row) => row.id)).toContain(maria.id);
    expect(await readSignerTable(db, 'no-such-letter', search, 50)).toBeUndefined();
  });

  it('pages the export by (created_at, id) without skipping or repeating rows', async () => {
    const letter = await makeLetter();
    const at = Date.now();
    for (let i = 0; i < 7; i++) await addSignature(letter.id, { createdAt: at + (i % 3) });
    const seen: string[] = [];
    let cursor: ExportCursor | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await exportSignersPage(db, letter.id, cursor, 3);
      seen.push(...page.rows.map((row) => row.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});

describe('getLetterForSigning', () => {
  it('reuses the letter it read for a few seconds, forgets it after an organizer edit, and reads anew without reuse', async () => {
    const letter = await makeLetter();
    const now = Date.now();
    const first = await getLetterForSigning(db, letter.slug, { reuse: true, now });
    expect(first?.status).toBe('open');
    // Changed behind the app's back: this isolate still signs against what it read…
    await db.update(letters).set({ status: 'closed' }).where(eq(letters.id, letter.id));
    expect((await getLetterForSigning(db, letter.slug, { reuse: true, now: now + 1_000 }))?.status).toBe(
      'open',
    );
    // …until the few seconds are over, or when asked not to reuse.
    expect((await getLetterForSigning(db, letter.slug, { reuse: false, now }))?.status).toBe('closed');
    expect((await getLetterForSigning(db, letter.slug, { reuse: true, now: now + 6_000 }))?.status).toBe(
      'closed',
    );
    // An organizer's edit in this isolate is seen at once.
    const { id: _id, isDemo: _demo, createdAt: _c, updatedAt: _u, closedAt: _cl, ...input } = letter;
    await updateLetter(db, letter.id, { ...input, status: 'open' }, Date.now());
    expect((await getLetterForSigning(db, letter.slug, { reuse: true, now: now + 7_000 }))?.status).toBe(
      'open',
    );
  });
});
