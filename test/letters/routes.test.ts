import { describe, expect, it } from 'vitest';
import { request } from '../helpers';
import { emailsTo, linksIn, makeLetter, press, sign, signAndConfirm, signatureFields } from './fixtures';

describe('GET /letters/:slug', () => {
  it('shows the letter, its addressees, count, goal and the form, with Open Graph tags', async () => {
    const letter = await makeLetter({
      bodyEn: 'Dear Sheriff, <script>alert(1)</script> [x](javascript:alert(1))',
    });
    const response = await request(`/letters/${letter.slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Adopt a TRUST policy');
    expect(html).toContain('Sheriff Dana Morales, Alder County');
    expect(html).toContain('0 signed');
    expect(html).toContain('of a goal of 100');
    expect(html).toContain('property="og:title"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('name="firstName"');
    expect(html).toContain('name="website"');
  });

  it('is in Spanish for a Spanish reader', async () => {
    const letter = await makeLetter();
    const html = await (await request(`/letters/${letter.slug}`, { lang: 'es' })).text();
    expect(html).toContain('Adopte una política TRUST');
    expect(html).toContain('Firmar la carta');
  });

  it('hides drafts from the public', async () => {
    const letter = await makeLetter({ status: 'draft' });
    expect((await request(`/letters/${letter.slug}`)).status).toBe(404);
  });
});

describe('POST /letters/:slug/sign', () => {
  it('stores an unconfirmed signature and emails a confirmation in the signer language', async () => {
    const letter = await makeLetter();
    const fields = signatureFields();
    const response = await sign(letter.slug, fields, { lang: 'es' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/letters/${letter.slug}/check-email`);
    const [email] = await emailsTo(fields.email!);
    expect(email?.lang).toBe('es');
    expect(email?.subject).toContain('Adopte una política TRUST');
    const links = linksIn(email!.text);
    expect(email!.html).toContain(links.confirm.split('/').pop()!);
    expect(await (await request(`/letters/${letter.slug}`)).text()).toContain('0 signed');
  });

  it('confirms with a button: the GET changes nothing, the POST counts the signature', async () => {
    const letter = await makeLetter();
    const fields = signatureFields({
      firstName: 'Miriam',
      lastName: 'Cohen',
      tradition: 'jewish',
      honorific: 'rabbi',
    });
    await sign(letter.slug, fields);
    const links = linksIn((await emailsTo(fields.email!))[0]!.text);
    const page = await request(links.confirm);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('Confirm my signature');
    expect(await (await request(`/letters/${letter.slug}`)).text()).toContain('0 signed');
    const confirmed = await press(links.confirm);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`/letters/${letter.slug}/thanks`);
    expect(await (await request(`/letters/${letter.slug}`)).text()).toContain('1 signed');
    const list = await (await request(`/letters/${letter.slug}/signers`)).text();
    expect(list).toContain('Rabbi Miriam Cohen');
    expect(list).toMatch(/<h2>Jewish<\/h2>/);
    // Pressing the button twice is not an error.
    expect((await press(links.confirm)).status).toBe(303);
  });

  it('starts the required title select empty, so a signer who skips it is asked, not recorded as "Rev."', async () => {
    const letter = await makeLetter();
    for (const [lang, choose, error] of [
      ['en', 'Choose…', 'Choose one of the options.'],
      ['es', 'Elija…', 'Elija una de las opciones.'],
    ] as const) {
      const html = await (await request(`/letters/${letter.slug}`, { lang })).text();
      const select = /<select[^>]*name="honorific"[^>]*>([\s\S]*?)<\/select>/.exec(html);
      expect(select?.[0]).toContain('required');
      // The first option is the empty choice and nothing else is selected.
      expect(select?.[1]).toMatch(new RegExp(`^<option value="">${choose}</option>`));
      expect(select?.[1]).not.toContain('selected');
      const fields = signatureFields({ honorific: '' });
      const response = await sign(letter.slug, fields, { lang });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain(error);
      expect(await emailsTo(fields.email!)).toHaveLength(0);
    }
  });

  it('answers a bot (honeypot filled) like a person and stores nothing', async () => {
    const letter = await makeLetter();
    const fields = signatureFields({ website: 'http://spam.example' });
    const response = await sign(letter.slug, fields);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/letters/${letter.slug}/check-email`);
    expect(await emailsTo(fields.email!)).toHaveLength(0);
  });
});

describe('GET /letters/:slug/thanks', () => {
  it('offers copy, email and text-message sharing', async () => {
    const letter = await makeLetter();
    const html = await (await request(`/letters/${letter.slug}/thanks`)).text();
    expect(html).toContain(`data-copy="https://welcome.test/letters/${letter.slug}"`);
    expect(html).toContain('href="mailto:?subject=');
    expect(html).toContain('href="sms:?&amp;body=');
    expect(html).toContain(`value="https://welcome.test/letters/${letter.slug}"`);
  });
});

describe('withdrawal', () => {
  it('removes the signer from the count and the list', async () => {
    const letter = await makeLetter();
    const { withdraw } = await signAndConfirm(letter, { firstName: 'Yusuf', lastName: 'Ali' });
    expect(await (await request(`/letters/${letter.slug}/signers`)).text()).toContain('Yusuf Ali');
    const page = await request(withdraw);
    expect(await page.text()).toContain('Withdraw my signature');
    const done = await press(withdraw);
    expect(done.status).toBe(200);
    const list = await (await request(`/letters/${letter.slug}/signers`)).text();
    expect(list).not.toContain('Yusuf Ali');
    expect(await (await request(`/letters/${letter.slug}`)).text()).toContain('0 signed');
    expect((await press(withdraw)).status).toBe(410);
  });
});

describe('GET /letters', () => {
  it('lists open and closed letters, never drafts', async () => {
    await makeLetter({ titleEn: 'Index open letter' });
    await makeLetter({ titleEn: 'Index closed letter', status: 'closed' });
    await makeLetter({ titleEn: 'Index draft letter', status: 'draft' });
    const html = await (await request('/letters')).text();
    expect(html).toContain('Index open letter');
    expect(html).toMatch(/Index closed letter<\/a> <span class="badge">Closed<\/span>/);
    expect(html).not.toContain('Index draft letter');
  });
});

describe('counts in Spanish', () => {
  it('says "1 firma" and "2 firmas"', async () => {
    const letter = await makeLetter();
    await signAndConfirm(letter);
    expect(await (await request(`/letters/${letter.slug}`, { lang: 'es' })).text()).toContain('1 firma<');
    await signAndConfirm(letter);
    expect(await (await request(`/letters/${letter.slug}`, { lang: 'es' })).text()).toContain('2 firmas<');
  });
});

describe('confirmation email', () => {
  it('escapes HTML a signer typed, and has both parts', async () => {
    const letter = await makeLetter({ titleEn: 'Title with <i>markup</i>' });
    const fields = signatureFields({ firstName: '<img src=x onerror=alert(1)>' });
    await sign(letter.slug, fields);
    const [email] = await emailsTo(fields.email!);
    expect(email!.html).not.toContain('<img src=x');
    expect(email!.html).toContain('Hello &lt;img src');
    expect(email!.html).not.toContain('<i>markup</i>');
    expect(email!.text).toContain('Hello <img src=x onerror=alert(1)>,');
    expect(email!.subject).toBe('Please confirm your signature: Title with <i>markup</i>');
  });
});
