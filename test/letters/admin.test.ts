import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizerCookie, postForm, request } from '../helpers';
import { emailsTo, makeLetter, press, sign, signAndConfirm, signatureFields } from './fixtures';

let cookie: string;
beforeAll(async () => {
  cookie = await organizerCookie();
});

const letterForm = (overrides: Record<string, string> = {}) => ({
  slug: 'county-trust-policy',
  status: 'draft',
  titleEn: 'Faith leaders ask the sheriff for a TRUST policy',
  titleEs: 'Líderes de fe piden al sheriff una política TRUST',
  bodyEn: 'Dear Sheriff,\n\nPlease **decline** ICE detainer requests.',
  bodyEs: 'Estimado Sheriff:\n\nLe pedimos **rechazar** las solicitudes de ICE.',
  addressees: 'Sheriff Dana Morales',
  deadline: '2099-12-31',
  goal: '250',
  ...overrides,
});

async function signerRow(email: string) {
  return env.DB.prepare('SELECT id, hidden_at, verified_at FROM letter_signatures WHERE email = ?')
    .bind(email)
    .first<{ id: string; hidden_at: number | null; verified_at: number | null }>();
}

describe('organizer routes need a session', () => {
  it.each([
    ['GET', '/admin/letters'],
    ['GET', '/admin/letters/new'],
    ['GET', '/admin/letters/x/signers'],
    ['GET', '/admin/letters/x/signers.csv'],
    ['GET', '/admin/letters/x/deliver'],
  ])('%s %s sends a person without a session to sign in', async (_method, path) => {
    const response = await request(path);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/sign-in');
  });

  it('refuses organizer posts without a session and changes nothing', async () => {
    const letter = await makeLetter();
    const { email } = await signAndConfirm(letter);
    const row = await signerRow(email);
    const paths = [
      '/admin/letters/new',
      `/admin/letters/${letter.id}/signers/${row!.id}/hide`,
      `/admin/letters/${letter.id}/deliver`,
    ];
    for (const path of paths) {
      const response = await postForm(path, {
        ...letterForm({ slug: 'sneaky' }),
        hidden: 'yes',
        recipients: 'a@b.org',
        lang: 'en',
      });
      expect(response.status).toBe(401);
    }
    expect((await signerRow(email))?.hidden_at).toBeNull();
    expect((await request('/letters/sneaky', { cookie })).status).toBe(404);
    expect(await emailsTo('a@b.org')).toHaveLength(0);
  });
});

describe('creating and editing letters', () => {
  it('creates a draft that only organizers can preview, then opens it', async () => {
    const created = await postForm('/admin/letters/new', letterForm(), { cookie });
    expect(created.status).toBe(303);
    const adminUrl = created.headers.get('location')!;
    expect(adminUrl).toMatch(/^\/admin\/letters\/[0-9a-f-]+$/);
    expect((await request('/letters/county-trust-policy')).status).toBe(404);
    const preview = await request('/letters/county-trust-policy', { cookie });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Preview of a draft');
    expect(html).not.toContain('name="firstName"');
    const refused = await sign('county-trust-policy', signatureFields());
    expect(refused.status).toBe(404);

    const opened = await postForm(adminUrl, letterForm({ status: 'open' }), { cookie });
    expect(opened.status).toBe(303);
    const open = await (await request('/letters/county-trust-policy', { lang: 'es' })).text();
    expect(open).toContain('Líderes de fe piden al sheriff una política TRUST');
    expect(open).toContain('<strong>rechazar</strong>');
    expect(open).toContain('name="firstName"');
    const list = await (await request('/admin/letters', { cookie })).text();
    expect(list).toContain('Faith leaders ask the sheriff for a TRUST policy');
    const edit = await (await request(adminUrl, { cookie })).text();
    expect(edit).toContain(
      '&lt;iframe src=&quot;https://welcome.test/letters/county-trust-policy/embed&quot;',
    );
  });

  it('refuses a taken slug and bad input with 422, keeping the input', async () => {
    await makeLetter({ slug: 'taken-slug' });
    const taken = await postForm('/admin/letters/new', letterForm({ slug: 'taken-slug' }), { cookie });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('Another letter already uses this web address.');
    const bad = await postForm(
      '/admin/letters/new',
      letterForm({ slug: 'Bad Slug', titleEn: '<b>Kept</b>' }),
      { cookie },
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('value="&lt;b&gt;Kept&lt;/b&gt;"');
    expect(html).toContain('Use lower-case letters, numbers and single hyphens only.');
  });
});

describe('signer table, hide and verify', () => {
  it('shows every signer with email to organizers, escaped, and filters them', async () => {
    const letter = await makeLetter();
    const xss = await signAndConfirm(letter, {
      firstName: '<script>alert(1)</script>',
      tradition: 'buddhist',
    });
    await sign(letter.slug, signatureFields({ firstName: 'Pending', tradition: 'hindu' }));
    const html = await (await request(`/admin/letters/${letter.id}/signers`, { cookie })).text();
    expect(html).toContain(xss.email);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Pending');
    expect(html).toContain('2 in all');
    const filtered = await (
      await request(`/admin/letters/${letter.id}/signers?tradition=hindu`, { cookie })
    ).text();
    expect(filtered).toContain('Pending');
    expect(filtered).not.toContain(xss.email);
  });

  it('hides a signer from the public list and count, and marks one verified', async () => {
    const letter = await makeLetter();
    const fake = await signAndConfirm(letter, { firstName: 'Fake', lastName: 'Name' });
    const real = await signAndConfirm(letter, { firstName: 'Real', lastName: 'Pastor' });
    const fakeRow = await signerRow(fake.email);
    const back = `/admin/letters/${letter.id}/signers?q=fake`;
    const hidden = await postForm(
      `/admin/letters/${letter.id}/signers/${fakeRow!.id}/hide`,
      { hidden: 'yes', back },
      { cookie },
    );
    expect(hidden.status).toBe(303);
    expect(hidden.headers.get('location')).toBe(back);
    const realRow = await signerRow(real.email);
    await postForm(
      `/admin/letters/${letter.id}/signers/${realRow!.id}/verify`,
      { verified: 'yes', back: '//evil.example' },
      { cookie },
    );
    expect((await signerRow(real.email))?.verified_at).not.toBeNull();
    const list = await (await request(`/letters/${letter.slug}/signers`)).text();
    expect(list).not.toContain('Fake Name');
    expect(list).toContain('Signed by 1 faith leader.');
    expect(list).toMatch(/Real Pastor<\/strong> <span class="badge verified-mark"/);
    await postForm(`/admin/letters/${letter.id}/signers/${fakeRow!.id}/hide`, { hidden: 'no' }, { cookie });
    expect(await (await request(`/letters/${letter.slug}/signers`)).text()).toContain('Fake Name');
  });
});

describe('GET /admin/letters/:id/signers.csv', () => {
  it('streams every signer as RFC 4180 CSV with formula cells neutralized', async () => {
    const letter = await makeLetter();
    await signAndConfirm(letter, { firstName: '=HYPERLINK("http://evil.example")', lastName: 'Smith, Jr.' });
    await sign(letter.slug, signatureFields({ firstName: '@SUM(1)', comment: 'line one\nline "two"' }));
    const response = await request(`/admin/letters/${letter.id}/signers.csv`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(`signers-${letter.slug}.csv`);
    const text = await response.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'honorific,honorific_code,first_name,last_name,role,role_code,tradition,tradition_code,denomination,congregation,city,state,email,comment,show_publicly,keep_informed,language,signed_at,confirmed_at,hidden,verified,demo',
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")","Smith, Jr."`);
    expect(text).toContain(`'@SUM(1)`);
    expect(text).toContain('"line one\nline ""two"""');
    expect(lines.filter((line) => line.startsWith('Rev.,rev,'))).toHaveLength(2);
    expect(lines[1]).toContain(',Clergy,clergy,Mainline Protestant,mainline,');
  });

  it('writes titles, roles and traditions in the organizer’s language, codes beside them', async () => {
    const letter = await makeLetter();
    await signAndConfirm(letter, { honorific: 'rabbi', role: 'lay', tradition: 'jewish' });
    const text = await (
      await request(`/admin/letters/${letter.id}/signers.csv`, { cookie, lang: 'es' })
    ).text();
    const [header, row] = text.split('\r\n');
    expect(header).toContain(
      'honorific,honorific_code,first_name,last_name,role,role_code,tradition,tradition_code,',
    );
    expect(row?.startsWith('Rabino/a,rabbi,Ana,Reyes,Líder laico/a,lay,Judía,jewish,')).toBe(true);
  });
});

describe('delivery', () => {
  it('prints the letter with shown signers, and emails the addressees through the outbox', async () => {
    const letter = await makeLetter();
    await signAndConfirm(letter, { firstName: '<b>Bold</b>', lastName: 'Signer' });
    await signAndConfirm(letter, { firstName: 'Private', lastName: 'Signer', showPublicly: '' });
    const page = await (await request(`/admin/letters/${letter.id}/deliver`, { cookie })).text();
    expect(page).toContain('class="no-print"');
    expect(page).toContain('data-print');
    expect(page).toContain('&lt;b&gt;Bold&lt;/b&gt; Signer');
    expect(page).not.toContain('Private Signer');
    expect(page).toContain('Signed by 2 faith leaders; 1 of them asked not to be named.');

    const bad = await postForm(
      `/admin/letters/${letter.id}/deliver`,
      { recipients: 'nope', lang: 'en' },
      { cookie },
    );
    expect(bad.status).toBe(422);

    const sent = await postForm(
      `/admin/letters/${letter.id}/deliver`,
      { recipients: `sheriff-${letter.id}@county.example, clerk-${letter.id}@county.example`, lang: 'es' },
      { cookie },
    );
    expect(sent.status).toBe(303);
    const [email] = await emailsTo(`sheriff-${letter.id}@county.example`);
    expect(email?.template).toBe('letters-delivery');
    expect(email?.lang).toBe('es');
    expect(email?.subject).toContain('Adopte una política TRUST');
    expect(email?.html).toContain('<strong>rechazar</strong>');
    expect(email?.html).toContain('&lt;b&gt;Bold&lt;&#x2F;b&gt; Signer');
    expect(email?.html).not.toContain('<b>Bold</b>');
    expect(email?.text).toContain('<b>Bold</b> Signer');
    expect(email?.text).not.toContain('Private Signer');
    expect(email?.text).toContain(
      'Firmada por 2 líderes religiosos; 1 de ellos pidió no aparecer con su nombre.',
    );
    expect(await emailsTo(`clerk-${letter.id}@county.example`)).toHaveLength(1);
    const after = await (await request(sent.headers.get('location')!, { cookie })).text();
    expect(after).toContain('Deliveries so far');
    expect(after).toContain(`sheriff-${letter.id}@county.example`);
    const recorded = await env.DB.prepare(
      'SELECT recipient_count, signer_count FROM letter_deliveries WHERE letter_id = ?',
    )
      .bind(letter.id)
      .first<{ recipient_count: number; signer_count: number }>();
    expect(recorded).toEqual({ recipient_count: 2, signer_count: 2 });
  });
});

describe('closed letters and embeds', () => {
  it('a closed or past-deadline letter says so and refuses signatures', async () => {
    for (const letter of [
      await makeLetter({ status: 'closed' }),
      await makeLetter({ deadline: '2021-03-01' }),
    ]) {
      const page = await (await request(`/letters/${letter.slug}`)).text();
      expect(page).toMatch(/no longer takes signatures/);
      expect(page).not.toContain('name="firstName"');
      const fields = signatureFields();
      const response = await sign(letter.slug, fields);
      expect(response.status).toBe(409);
      expect(await response.text()).toMatch(/no longer takes signatures/);
      expect(await emailsTo(fields.email!)).toHaveLength(0);
    }
  });

  it('the embed may be framed by other sites; the letter page may not', async () => {
    const letter = await makeLetter();
    const embed = await request(`/letters/${letter.slug}/embed`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const html = await embed.text();
    expect(html).toContain(`action="/letters/${letter.slug}/embed"`);
    expect(html).not.toContain('site-header');
    const page = await request(`/letters/${letter.slug}`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const fields = signatureFields();
    const signed = await sign(letter.slug, fields, { path: `/letters/${letter.slug}/embed` });
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(await signed.text()).toContain('Please check your email');
    expect(await emailsTo(fields.email!)).toHaveLength(1);
  });

  it('confirming on a closed letter does not work', async () => {
    const letter = await makeLetter();
    const fields = signatureFields();
    await sign(letter.slug, fields);
    await env.DB.prepare("UPDATE letters SET status = 'closed' WHERE id = ?").bind(letter.id).run();
    const { linksIn } = await import('./fixtures');
    const links = linksIn((await emailsTo(fields.email!))[0]!.text);
    expect((await press(links.confirm)).status).toBe(410);
  });
});

describe('addressees from the officials directory', () => {
  it('adds an official to a letter, shows them on the letter, and offers their email for delivery', async () => {
    const at = Date.now();
    await env.DB.prepare(
      "INSERT INTO officials (id, name, state, chamber, title, jurisdiction_name, email, source, created_at, updated_at) VALUES ('manual-sheriff-test', 'Dana Morales', 'ga', 'sheriff', 'Sheriff', 'Alder County', 'sheriff@alder.example', 'manual', ?, ?)",
    )
      .bind(at, at)
      .run();
    const letter = await makeLetter({ addressees: '' });
    const search = await (await request(`/admin/letters/${letter.id}?official=Morales`, { cookie })).text();
    expect(search).toContain('Sheriff, Dana Morales, Alder County');
    const added = await postForm(
      `/admin/letters/${letter.id}/officials`,
      { officialId: 'manual-sheriff-test' },
      { cookie },
    );
    expect(added.status).toBe(303);
    const page = await (await request(`/letters/${letter.slug}`)).text();
    // The letter page names its addressees on one "To" line at the top (issue 19).
    expect(page).toContain('To: Sheriff, Dana Morales, Alder County');
    const deliver = await (await request(`/admin/letters/${letter.id}/deliver`, { cookie })).text();
    expect(deliver).toContain('sheriff@alder.example</textarea>');
    await postForm(
      `/admin/letters/${letter.id}/officials/remove`,
      { officialId: 'manual-sheriff-test' },
      { cookie },
    );
    expect(await (await request(`/letters/${letter.slug}`)).text()).not.toContain('Dana Morales');
    const unknown = await postForm(
      `/admin/letters/${letter.id}/officials`,
      { officialId: 'nobody' },
      { cookie },
    );
    expect(unknown.status).toBe(400);
  });
});

describe('home page', () => {
  it('lists open letters, but not drafts, closed or past-deadline ones', async () => {
    await makeLetter({ titleEn: 'Open letter for the home page' });
    await makeLetter({ titleEn: 'Draft letter for the home page', status: 'draft' });
    await makeLetter({ titleEn: 'Closed letter for the home page', status: 'closed' });
    await makeLetter({ titleEn: 'Late letter for the home page', deadline: '2020-02-02' });
    const html = await (await request('/')).text();
    expect(html).toContain('Open letter for the home page');
    expect(html).not.toContain('Draft letter for the home page');
    expect(html).not.toContain('Closed letter for the home page');
    expect(html).not.toContain('Late letter for the home page');
  });
});
