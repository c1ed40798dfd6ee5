import { describe, expect, it } from 'vitest';
import { validateValues } from '../../src/web/form';
import { deliverySchema, letterSchema, signatureSchema } from '../../src/letters/validation';
import { emailsTo, makeLetter, sign, signatureFields } from './fixtures';
import { env } from 'cloudflare:workers';

function check(overrides: Record<string, string>) {
  const { website: _website, ...fields } = signatureFields(overrides);
  return validateValues(signatureSchema, fields);
}

function errorKey(overrides: Record<string, string>, field: string) {
  const result = check(overrides);
  return result.status === 'invalid' ? result.errors[field]?.key : undefined;
}

describe('signatureSchema', () => {
  it('accepts a complete signature and trims, lower-cases and upper-cases where it should', () => {
    const result = check({ firstName: '  Ana ', email: ' Ana@Example.ORG ', state: 'ga' });
    expect(result.status).toBe('valid');
    if (result.status !== 'valid') return;
    expect(result.data.firstName).toBe('Ana');
    expect(result.data.email).toBe('ana@example.org');
    expect(result.data.state).toBe('GA');
    expect(result.data.showPublicly).toBe(true);
    expect(result.data.comment).toBeNull();
  });

  it('treats unchecked boxes as explicit "no"', () => {
    const { showPublicly: _s, keepInformed: _k, website: _w, ...fields } = signatureFields();
    const result = validateValues(signatureSchema, fields);
    expect(result.status === 'valid' && result.data.showPublicly).toBe(false);
    expect(result.status === 'valid' && result.data.keepInformed).toBe(false);
  });

  it.each([
    ['honorific', '', 'form.error.choose'],
    ['honorific', 'king', 'form.error.choose'],
    ['firstName', '', 'form.error.required'],
    ['firstName', 'Ana\nReyes', 'form.error.oneLine'],
    ['firstName', 'x'.repeat(81), 'form.error.tooLong'],
    ['lastName', '   ', 'form.error.required'],
    ['lastName', 'Re\ryes', 'form.error.oneLine'],
    ['lastName', 'R\u0000eyes', 'form.error.controlChars'],
    ['role', 'pope', 'form.error.choose'],
    ['tradition', 'jedi', 'form.error.choose'],
    ['tradition', '', 'form.error.choose'],
    ['denomination', 'x'.repeat(121), 'form.error.tooLong'],
    ['congregation', 'Grace\nChurch', 'form.error.oneLine'],
    ['congregation', 'x'.repeat(161), 'form.error.tooLong'],
    ['city', '', 'form.error.required'],
    ['city', 'x'.repeat(81), 'form.error.tooLong'],
    ['state', 'ZZ', 'form.error.state'],
    ['state', '', 'form.error.state'],
    ['state', 'Georgia', 'form.error.state'],
    ['email', 'not-an-email', 'form.error.email'],
    ['email', 'a@b', 'form.error.email'],
    ['email', 'ana@example.org\nBcc: x@evil.example', 'form.error.email'],
    ['email', '', 'form.error.required'],
    ['comment', 'x'.repeat(501), 'form.error.tooLong'],
  ])('refuses %s = %j with %s', (field, value, key) => {
    expect(errorKey({ [field]: value }, field)).toBe(key);
  });

  it('keeps HTML in a name as text (escaped when shown), since names may hold any character', () => {
    const result = check({ firstName: '<script>alert(1)</script>' });
    expect(result.status).toBe('valid');
  });

  it('accepts a comment with line breaks up to the limit', () => {
    const result = check({ comment: `Line one\r\nLine two ${'x'.repeat(400)}` });
    expect(result.status === 'valid' && result.data.comment).toContain('Line one\nLine two');
  });

  it('needs the free-text title when "other" is chosen, and drops it otherwise', () => {
    expect(errorKey({ honorific: 'other', honorificOther: '' }, 'honorificOther')).toBe(
      'letters.error.honorificOther',
    );
    expect(errorKey({ honorific: 'other', honorificOther: 'x'.repeat(41) }, 'honorificOther')).toBe(
      'form.error.tooLong',
    );
    const other = check({ honorific: 'other', honorificOther: 'Bishop' });
    expect(other.status === 'valid' && other.data.honorificOther).toBe('Bishop');
    const rev = check({ honorific: 'rev', honorificOther: 'Bishop' });
    expect(rev.status === 'valid' && rev.data.honorificOther).toBeNull();
  });
});

describe('letterSchema', () => {
  const letter = {
    slug: 'sheriff-trust',
    status: 'open',
    titleEn: 'Title',
    titleEs: 'Título',
    bodyEn: 'Body',
    bodyEs: 'Cuerpo',
    addressees: '',
    deadline: '',
    goal: '',
  };

  it('accepts a letter without deadline or goal', () => {
    const result = validateValues(letterSchema, letter);
    expect(result.status === 'valid' && result.data).toMatchObject({
      deadline: null,
      goal: null,
      addressees: '',
    });
  });

  it.each([
    ['slug', 'Has Spaces', 'letters.error.slug'],
    ['slug', '-dash-first', 'letters.error.slug'],
    ['status', 'published', 'form.error.choose'],
    ['titleEs', '', 'form.error.required'],
    ['deadline', '2027-13-45', 'form.error.date'],
    ['goal', 'many', 'form.error.number'],
  ])('refuses %s = %j', (field, value, key) => {
    const result = validateValues(letterSchema, { ...letter, [field]: value });
    expect(result.status === 'invalid' && result.errors[field]?.key).toBe(key);
  });
});

describe('deliverySchema', () => {
  it('splits, lower-cases and de-duplicates addresses', () => {
    const result = validateValues(deliverySchema, { recipients: 'A@x.org, a@x.org\nb@y.org', lang: 'en' });
    expect(result.status === 'valid' && result.data.recipients).toEqual(['a@x.org', 'b@y.org']);
  });

  it('refuses a bad address and too many addresses', () => {
    const bad = validateValues(deliverySchema, { recipients: 'a@x.org, nope', lang: 'en' });
    expect(bad.status === 'invalid' && bad.errors.recipients?.key).toBe('letters.error.recipients');
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@x.org`).join(',');
    const tooMany = validateValues(deliverySchema, { recipients: many, lang: 'en' });
    expect(tooMany.status === 'invalid' && tooMany.errors.recipients?.key).toBe(
      'letters.error.recipientsMax',
    );
  });
});

describe('POST /letters/:slug/sign with bad input', () => {
  it('answers 422 in the person language, keeps their input, and writes nothing', async () => {
    const letter = await makeLetter();
    const fields = signatureFields({ state: 'ZZ', firstName: 'Ana <b>bold</b>' });
    const response = await sign(letter.slug, fields, { lang: 'es' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Hay un problema');
    expect(html).toContain('Elija un estado de EE. UU.');
    expect(html).toContain('value="Ana &lt;b&gt;bold&lt;/b&gt;"');
    expect(html).toContain(`value="${fields.email}"`);
    const row = await env.DB.prepare('SELECT count(*) AS n FROM letter_signatures WHERE letter_id = ?')
      .bind(letter.id)
      .first<{ n: number }>();
    expect(row?.n).toBe(0);
    expect(await emailsTo(fields.email!)).toHaveLength(0);
  });
});
