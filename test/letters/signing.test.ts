import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { countSignatures, findSignatureByEmail, letterCounts } from '../../src/letters/queries';
import { signLetter } from '../../src/letters/signing';
import { RESEND_AFTER_MS } from '../../src/letters/status';
import { signatureSchema, type SignatureInput } from '../../src/letters/validation';
import { DAY, MINUTE } from '../../src/lib/time';
import { db, emailsTo, linksIn, makeLetter, press, sign, signatureFields } from './fixtures';

function input(overrides: Record<string, string> = {}): SignatureInput {
  const { website: _w, ...fields } = signatureFields(overrides);
  return signatureSchema.parse(fields);
}

async function signatureRows(letterId: string) {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM letter_signatures WHERE letter_id = ?')
    .bind(letterId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('signLetter', () => {
  it('keeps one signature when the same email signs twice, and re-sends only after 10 minutes', async () => {
    const letter = await makeLetter();
    const person = input();
    const at = Date.now();
    expect(await signLetter(db, env, letter, person, 'en', at)).toBe('new');
    expect(await signLetter(db, env, letter, { ...person, firstName: 'Other' }, 'en', at + MINUTE)).toBe(
      'rate-limited',
    );
    expect(await emailsTo(person.email)).toHaveLength(1);
    expect(await signLetter(db, env, letter, person, 'en', at + RESEND_AFTER_MS + 1)).toBe('resent');
    expect(await signatureRows(letter.id)).toBe(1);
    const emails = await emailsTo(person.email);
    expect(emails).toHaveLength(2);
    // The re-sent email carries new links; the old confirm link no longer works.
    const first = linksIn(emails[0]!.text);
    const second = linksIn(emails[1]!.text);
    expect(second.confirm).not.toBe(first.confirm);
    expect((await press(first.confirm)).status).toBe(410);
    expect((await press(second.confirm)).status).toBe(303);
    expect(await countSignatures(db, letter.id)).toBe(1);
    // The row keeps the details first given.
    expect((await findSignatureByEmail(db, letter.id, person.email))?.firstName).toBe('Ana');
  });

  it('tells an already confirmed signer so when they sign again', async () => {
    const letter = await makeLetter();
    const person = input();
    const at = Date.now();
    await signLetter(db, env, letter, person, 'en', at);
    await press(linksIn((await emailsTo(person.email))[0]!.text).confirm);
    expect(await signLetter(db, env, letter, person, 'en', at + RESEND_AFTER_MS)).toBe('resent');
    const emails = await emailsTo(person.email);
    expect(emails[1]!.text).toContain('already confirmed');
    expect(await countSignatures(db, letter.id)).toBe(1);
  });

  it('refuses signatures on closed, draft and past-deadline letters', async () => {
    const closed = await makeLetter({ status: 'closed' });
    const draft = await makeLetter({ status: 'draft' });
    const past = await makeLetter({ deadline: '2020-01-01' });
    for (const letter of [closed, draft, past]) {
      const person = input();
      expect(await signLetter(db, env, letter, person, 'en', Date.now())).toBe('closed');
      expect(await signatureRows(letter.id)).toBe(0);
      expect(await emailsTo(person.email)).toHaveLength(0);
    }
  });

  it('counts 50 concurrent signatures from different emails once each', async () => {
    const letter = await makeLetter();
    const people = Array.from({ length: 50 }, (_, i) =>
      input({ email: `crowd-${i}-${letter.id}@example.org` }),
    );
    const outcomes = await Promise.all(
      people.map((person) => signLetter(db, env, letter, person, 'en', Date.now())),
    );
    expect(outcomes.every((outcome) => outcome === 'new')).toBe(true);
    expect(await signatureRows(letter.id)).toBe(50);
    await env.DB.prepare('UPDATE letter_signatures SET confirmed_at = ? WHERE letter_id = ?')
      .bind(Date.now(), letter.id)
      .run();
    expect(await countSignatures(db, letter.id)).toBe(50);
    const outbox = await env.DB.prepare(
      "SELECT count(*) AS n FROM outbox WHERE id LIKE 'letters-confirm:%' AND to_address LIKE ?",
    )
      .bind(`crowd-%-${letter.id}@example.org`)
      .first<{ n: number }>();
    expect(outbox?.n).toBe(50);
  });

  it('keeps one signature and at most one email for 20 concurrent submissions of one email', async () => {
    const letter = await makeLetter();
    const person = input();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => signLetter(db, env, letter, person, 'en', Date.now())),
    );
    expect(outcomes.filter((outcome) => outcome === 'new')).toHaveLength(1);
    expect(await signatureRows(letter.id)).toBe(1);
    expect(await emailsTo(person.email)).toHaveLength(1);
  });

  it('sends at most one email when 20 concurrent re-sends race after the wait', async () => {
    const letter = await makeLetter();
    const person = input();
    const at = Date.now();
    await signLetter(db, env, letter, person, 'en', at);
    const later = at + RESEND_AFTER_MS + 1;
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => signLetter(db, env, letter, person, 'en', later)),
    );
    expect(outcomes.filter((outcome) => outcome === 'resent')).toHaveLength(1);
    const emails = await emailsTo(person.email);
    expect(emails).toHaveLength(2);
    // The one email queued carries the links stored in the row.
    expect((await press(linksIn(emails[1]!.text).confirm)).status).toBe(303);
  });
});

describe('POST /letters/:slug/sign concurrency through the Worker', () => {
  it('counts 50 concurrent signers once each', async () => {
    const letter = await makeLetter();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sign(letter.slug, signatureFields({ email: `route-${i}-${letter.id}@example.org` })),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(303));
    expect(await signatureRows(letter.id)).toBe(50);
  });

  it('answers 20 concurrent same-email posts identically, with one signature and one email', async () => {
    const letter = await makeLetter();
    const fields = signatureFields();
    const responses = await Promise.all(Array.from({ length: 20 }, () => sign(letter.slug, fields)));
    const locations = new Set(
      responses.map((response) => `${response.status} ${response.headers.get('location')}`),
    );
    expect([...locations]).toEqual([`303 /letters/${letter.slug}/check-email`]);
    expect(await signatureRows(letter.id)).toBe(1);
    expect(await emailsTo(fields.email!)).toHaveLength(1);
  });
});

describe('letterCounts', () => {
  it('counts by tradition and state only confirmed, not hidden signatures', async () => {
    const letter = await makeLetter();
    const at = Date.now() - DAY;
    const people = [
      input({ tradition: 'jewish', state: 'NY' }),
      input({ tradition: 'jewish', state: 'GA' }),
      input({ tradition: 'muslim', state: 'GA', showPublicly: '' }),
      input({ tradition: 'catholic', state: 'TX' }),
    ];
    for (const person of people) await signLetter(db, env, letter, person, 'en', at);
    await env.DB.prepare(
      "UPDATE letter_signatures SET confirmed_at = ? WHERE letter_id = ? AND tradition IN ('jewish', 'muslim')",
    )
      .bind(at, letter.id)
      .run();
    await env.DB.prepare('UPDATE letter_signatures SET hidden_at = ? WHERE letter_id = ? AND state = ?')
      .bind(at, letter.id, 'NY')
      .run();
    const counts = await letterCounts(db, letter.id);
    expect(counts.total).toBe(2);
    expect(counts.byTradition).toEqual([
      { tradition: 'jewish', count: 1 },
      { tradition: 'muslim', count: 1 },
    ]);
    expect(counts.byState).toEqual([{ state: 'GA', count: 2 }]);
  });
});
