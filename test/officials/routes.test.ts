import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { officials } from '../../src/schema';
import { noMatchResponse, recordedResponses } from '../../src/officials/geocoder-recordings';
import { organizerCookie, postForm, request, stubFetch } from '../helpers';

const SENATOR = 'ocd-person/11111111-1111-4111-8111-111111111111';
const REPRESENTATIVE = 'ocd-person/22222222-2222-4222-8222-222222222222';
const GOVERNOR = 'ocd-person/33333333-3333-4333-8333-333333333333';

beforeAll(async () => {
  const at = Date.now();
  const base = {
    state: 'ga',
    source: 'openstates' as const,
    createdAt: at,
    updatedAt: at,
    jurisdiction: 'ocd-jurisdiction/country:us/state:ga/government',
  };
  await getDb(env)
    .insert(officials)
    .values([
      {
        ...base,
        id: SENATOR,
        name: 'Sam Senator',
        familyName: 'Senator',
        chamber: 'upper',
        title: 'Senator',
        district: '36',
        party: 'Democratic',
        email: 'sam.senator@senate.ga.gov',
        offices: [
          {
            classification: 'capitol',
            address: '121 State Capitol, Atlanta, GA 30334',
            voice: '404-656-0000',
          },
        ],
      },
      {
        ...base,
        id: REPRESENTATIVE,
        name: 'Rita Rep',
        familyName: 'Rep',
        chamber: 'lower',
        title: 'Representative',
        district: '58',
        email: null,
      },
      {
        ...base,
        id: GOVERNOR,
        name: 'Gail Governor',
        familyName: 'Governor',
        chamber: 'governor',
        title: 'Governor',
        email: null,
      },
    ]);
});

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe('GET /officials', () => {
  it('finds officials by name, state, chamber and district', async () => {
    const html = await (await request('/officials?name=rita&state=GA&chamber=lower&district=058')).text();
    expect(html).toContain('Rita Rep');
    expect(html).not.toContain('Sam Senator');
    expect(html).toContain(`href="/officials/${REPRESENTATIVE}"`);
  });

  it('treats LIKE wildcards in the name as characters', async () => {
    const html = await (await request('/officials?name=%25')).text();
    expect(html).not.toContain('Rita Rep');
  });
});

describe('GET /officials/:id', () => {
  it('shows office, phone, public email and the meeting request link', async () => {
    const response = await request(`/officials/${SENATOR}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('121 State Capitol, Atlanta, GA 30334');
    expect(html).toContain('href="tel:4046560000"');
    expect(html).toContain('sam.senator@senate.ga.gov');
    expect(html).toContain(`/meetings/new?official=${encodeURIComponent(SENATOR)}`);
  });

  it('says to call when the office has no public email', async () => {
    const html = await (await request(`/officials/${GOVERNOR}`)).text();
    expect(html).not.toContain('/meetings/new');
    expect(html).toContain('Call the office');
  });

  it('lists letters addressed to them and tracked bills they sponsor, drafts excluded', async () => {
    const at = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "insert into letters (id, slug, status, title_en, title_es, body_en, body_es, created_at, updated_at) values ('l1', 'trust-act', 'open', 'Pass the TRUST Act', 'Aprueben la Ley TRUST', 'b', 'b', ?, ?), ('l2', 'secret-draft', 'draft', 'Draft letter', 'Borrador', 'b', 'b', ?, ?)",
      ).bind(at, at, at, at),
      env.DB.prepare(
        'insert into letter_addressee_officials (letter_id, official_id, created_at) values (?, ?, ?), (?, ?, ?)',
      ).bind('l1', SENATOR, at, 'l2', SENATOR, at),
      env.DB.prepare(
        "insert into bills (id, state, session, identifier, slug, title, created_at, updated_at) values ('b1', 'GA', '2027', 'SB 6', 'sb-6', 'Driver licenses for all', ?, ?)",
      ).bind(at, at),
      env.DB.prepare(
        "insert into bill_sponsors (bill_id, name, person_id, \"primary\") values ('b1', 'Sam Senator', ?, 1)",
      ).bind(SENATOR),
    ]);
    const html = await (await request(`/officials/${SENATOR}`)).text();
    expect(html).toContain('href="/letters/trust-act"');
    expect(html).toContain('Pass the TRUST Act');
    expect(html).not.toContain('Draft letter');
    expect(html).toContain('href="/bills/ga/sb-6"');
    expect(html).toContain('SB 6: Driver licenses for all');
    const es = await (await request(`/officials/${SENATOR}`, { lang: 'es' })).text();
    expect(es).toContain('Aprueben la Ley TRUST');
  });

  it('answers 404 for an unknown official', async () => {
    expect((await request('/officials/ocd-person/99999999-9999-4999-8999-999999999999')).status).toBe(404);
  });

  it('is in Spanish when asked', async () => {
    const html = await (await request(`/officials/${SENATOR}`, { lang: 'es' })).text();
    expect(html).toContain('Senador(a) estatal');
    expect(html).toContain('Pedir una reunión');
    // The title, party and the way to address them, in Spanish too (not "Senator", "Democratic").
    expect(html).toContain('<dd>Demócrata</dd>');
    expect(html).toContain('Pedir una reunión: Senador(a) Senator');
    expect(html).not.toContain('Democratic');
  });
});

describe('POST /officials/find', () => {
  it("lists the address's legislators and the governor", async () => {
    restore = stubFetch(() =>
      Response.json(recordedResponses['206 washington st sw atlanta ga 30334']),
    ).restore;
    const response = await postForm('/officials/find', {
      address: '206 Washington St SW, Atlanta, GA 30334',
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Sam Senator');
    expect(html).toContain('Rita Rep');
    expect(html).toContain('Gail Governor');
  });

  it('says so when the address is not found', async () => {
    restore = stubFetch(() => Response.json(noMatchResponse)).restore;
    const html = await (await postForm('/officials/find', { address: '1 Nowhere Lane, Nowhere' })).text();
    expect(html).toContain('could not find that address');
  });

  it('answers 503 with a way forward when the geocoder is down', async () => {
    restore = stubFetch(() => new Response('down', { status: 502 })).restore;
    const response = await postForm('/officials/find', {
      address: '206 Washington St SW, Atlanta, GA 30334',
    });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('not answering right now');
  });

  it('never shows the districts of another address than the one typed', async () => {
    // The geocoder answers with a different address (as the offline recordings once did by ZIP).
    restore = stubFetch(() =>
      Response.json(recordedResponses['206 washington st sw atlanta ga 30334']),
    ).restore;
    const response = await postForm('/officials/find', { address: '100 Peachtree St, Atlanta, GA 30303' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain('206 WASHINGTON');
    expect(html).not.toContain('Sam Senator');
    expect(html).toContain('could not find that address');
    expect(html).toContain('<a href="#district-search">');
  });

  it('offers the district search it promises, and that search finds the legislator', async () => {
    restore = stubFetch(() => new Response('down', { status: 502 })).restore;
    const html = await (
      await postForm('/officials/find', { address: '100 Peachtree St, Atlanta, GA 30303' }, { lang: 'es' })
    ).text();
    expect(html).toContain('busque por distrito más abajo');
    const form = /<section id="district-search"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(form).toContain('<form method="get" action="/officials" role="search"');
    for (const name of ['state', 'chamber', 'district', 'name']) expect(form).toContain(`name="${name}"`);
    const found = await (await request('/officials?state=ga&chamber=upper&district=036')).text();
    expect(found).toContain('Sam Senator');
    expect(found).not.toContain('Rita Rep');
  });

  it('refuses an empty address with 422 and keeps the form', async () => {
    const response = await postForm('/officials/find', { address: '  ' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Enter your street address');
  });
});

describe('/admin/officials', () => {
  it('needs an organizer', async () => {
    const response = await request('/admin/officials');
    expect([302, 303, 401, 403]).toContain(response.status);
  });

  it('adds a sheriff by hand, shown publicly', async () => {
    const cookie = await organizerCookie();
    const response = await postForm(
      '/admin/officials/new',
      {
        name: 'Dana Morales',
        state: 'GA',
        chamber: 'sheriff',
        title: 'Sheriff of Alder County',
        jurisdictionName: 'Alder County',
        lang: 'es',
        inOffice: 'on',
        email: 'sheriff@alder.example',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    const id = decodeURIComponent(/id=([^&]+)/.exec(response.headers.get('location')!)![1]!);
    expect(id).toMatch(/^manual-/);
    const html = await (await request(`/officials/${id}`)).text();
    expect(html).toContain('Dana Morales');
    expect(html).toContain('Sheriff');
  });

  it('refuses a name with a line break (422), storing nothing', async () => {
    const cookie = await organizerCookie();
    const response = await postForm(
      '/admin/officials/new',
      { name: 'Evil\r\nBcc: x@example.org', state: 'GA', chamber: 'judge', title: 'Judge', lang: 'en' },
      { cookie },
    );
    expect(response.status).toBe(422);
    const { results } = await env.DB.prepare("select id from officials where name like 'Evil%'").all();
    expect(results).toHaveLength(0);
  });

  it('keeps power-map notes organizer-only', async () => {
    const cookie = await organizerCookie();
    const response = await postForm(
      `/admin/officials/power-map?id=${encodeURIComponent(SENATOR)}`,
      { stance: 'champion', notedOn: '2026-11-20', note: 'Promised to whip votes quietly' },
      { cookie },
    );
    expect(response.status).toBe(303);
    const adminHtml = await (
      await request(`/admin/officials/view?id=${encodeURIComponent(SENATOR)}`, { cookie })
    ).text();
    expect(adminHtml).toContain('Promised to whip votes quietly');
    expect(adminHtml).toContain('Champion');
    const publicHtml = await (await request(`/officials/${SENATOR}`)).text();
    expect(publicHtml).not.toContain('whip votes');
    expect(publicHtml).not.toContain('Champion');
  });
});
