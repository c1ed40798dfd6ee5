import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { letterSignatures } from '../../src/letters/schema';
import { organizerCookie, postForm, request } from '../helpers';
import { addSignature, db, emailsTo, makeLetter, signerTally } from './fixtures';

let cookie: string;
beforeAll(async () => {
  cookie = await organizerCookie();
});

/** The text of a page with its tags dropped and its spaces squeezed, to read numbers in sentences. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('one count of signatures on every page and email', () => {
  it('the organizer list, signer table, public pages, print page and delivery email agree', async () => {
    const letter = await makeLetter({ titleEn: `Counted letter ${Date.now()}` });
    // 5 named, 2 signed without their name, 2 hidden by an organizer, 3 not confirmed.
    for (let i = 0; i < 5; i += 1) await addSignature(letter.id);
    for (let i = 0; i < 2; i += 1) await addSignature(letter.id, { showPublicly: false });
    await addSignature(letter.id, { hiddenAt: Date.now() });
    await addSignature(letter.id, { hiddenAt: Date.now(), showPublicly: false });
    for (let i = 0; i < 3; i += 1) await addSignature(letter.id, { confirmedAt: null });

    const list = textOf(await (await request('/admin/letters', { cookie })).text());
    const row = new RegExp(`${letter.titleEn} (?:\\S+ )*?(\\d+) `).exec(list);
    expect(row?.[1]).toBe('7');

    const table = textOf(await (await request(`/admin/letters/${letter.id}/signers`, { cookie })).text());
    expect(table).toContain(
      '12 in all · 9 confirmed · 3 not confirmed · 7 counted publicly · 5 on the public list · 2 hidden',
    );

    const page = textOf(await (await request(`/letters/${letter.slug}`)).text());
    expect(page).toContain('7 signed');

    const sentence = 'Signed by 7 faith leaders; 2 of them asked not to be named.';
    const signers = textOf(await (await request(`/letters/${letter.slug}/signers`)).text());
    expect(signers).toContain(sentence);
    const print = textOf(await (await request(`/admin/letters/${letter.id}/deliver`, { cookie })).text());
    expect(print).toContain(sentence);

    const to = `office-${letter.id}@capitol.example`;
    const sent = await postForm(
      `/admin/letters/${letter.id}/deliver`,
      { recipients: to, lang: 'en' },
      { cookie },
    );
    expect(sent.status).toBe(303);
    const [email] = await emailsTo(to);
    expect(email?.subject).toContain('a letter from 7 faith leaders');
    expect(email?.text).toContain(sentence);
    expect(textOf(email!.html)).toContain(sentence);
    // The names that follow the sentence are exactly the named ones.
    expect(email?.text.match(/Grace Church, Macon, GA/g)).toHaveLength(5);
  });

  it('uses the singular where the language has one', async () => {
    const letter = await makeLetter();
    await addSignature(letter.id);
    const es = textOf(await (await request(`/letters/${letter.slug}/signers`, { lang: 'es' })).text());
    expect(es).toContain('Firmada por 1 líder religioso.');
    expect(textOf(await (await request(`/letters/${letter.slug}`, { lang: 'es' })).text())).toContain(
      '1 firma',
    );
  });
});

describe('the tally row kept by the database', () => {
  // Counted here by hand, in the test's own words, over the letter's signature rows.
  async function recount(letterId: string) {
    const rows = await db.select().from(letterSignatures).where(eq(letterSignatures.letterId, letterId));
    const confirmed = rows.filter((r) => r.confirmedAt !== null);
    const signed = confirmed.filter((r) => r.hiddenAt === null);
    return {
      all: rows.length,
      unconfirmed: rows.length - confirmed.length,
      confirmed: confirmed.length,
      signed: signed.length,
      named: signed.filter((r) => r.showPublicly).length,
      hidden: confirmed.length - signed.length,
      verified: rows.filter((r) => r.verifiedAt !== null).length,
    };
  }

  it('follows every insert, change and delete of a signature, whoever makes it', async () => {
    const letter = await makeLetter();
    const other = await makeLetter();
    expect(await signerTally(letter.id)).toEqual(await recount(letter.id));
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1)
      ids.push(
        (await addSignature(letter.id, { confirmedAt: i % 3 ? Date.now() : null, showPublicly: i % 2 === 0 }))
          .id,
      );
    const s = letterSignatures;
    const steps = [
      () => db.update(s).set({ confirmedAt: Date.now() }).where(eq(s.id, ids[0]!)),
      () => db.update(s).set({ hiddenAt: Date.now() }).where(eq(s.id, ids[1]!)),
      () => db.update(s).set({ verifiedAt: Date.now() }).where(eq(s.id, ids[2]!)),
      () => db.update(s).set({ showPublicly: true }).where(eq(s.id, ids[3]!)),
      // A change that changes nothing counted, and one touching no counted column.
      () => db.update(s).set({ hiddenAt: null }).where(eq(s.id, ids[4]!)),
      () => db.update(s).set({ city: 'Savannah' }).where(eq(s.id, ids[4]!)),
      () => db.update(s).set({ hiddenAt: null }).where(eq(s.id, ids[1]!)),
      // Moved to another letter (an organizer's fix-up): both letters' rows follow.
      () => db.update(s).set({ letterId: other.id }).where(eq(s.id, ids[5]!)),
      () => db.delete(s).where(eq(s.id, ids[2]!)),
      () =>
        db.run(sql`delete from letter_signatures where letter_id = ${letter.id} and confirmed_at is null`),
    ];
    for (const [n, step] of steps.entries()) {
      await step();
      expect(await signerTally(letter.id), `after step ${n}`).toEqual(await recount(letter.id));
      expect(await signerTally(other.id), `after step ${n}`).toEqual(await recount(other.id));
    }
  });
});
