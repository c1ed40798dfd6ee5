// Home addresses and the U.S. Census Bureau geocoder: the pages say plainly where the address goes,
// only the street address is sent (never a name or email), and a person can choose their districts
// themselves so that nothing is sent at all. /privacy also states the meeting log's retention.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { dayRegistrations } from '../../src/advocacy-days/schema';
import { createDay, db, registrationFields } from '../advocacy-days/fixtures';
import { recordedResponses } from '../../src/officials/geocoder-recordings';
import { postForm, request, stubFetch } from '../helpers';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

let ip = 0;
function register(slug: string, fields: Record<string, string>) {
  ip += 1;
  return postForm(`/days/${slug}/register`, fields, { headers: { 'cf-connecting-ip': `10.9.0.${ip}` } });
}

function census() {
  return stubFetch(() => Response.json(recordedResponses['206 washington st sw atlanta ga 30334']));
}

describe('/privacy', () => {
  it('names the Census Bureau geocoder and the way that sends nothing, in English and Spanish', async () => {
    const en = await (await request('/privacy')).text();
    expect(en).toContain('U.S. Census Bureau');
    expect(en).toContain('never your name or email');
    expect(en).toContain('choose your districts yourself');
    const es = await (await request('/privacy', { lang: 'es' })).text();
    expect(es).toContain('Oficina del Censo de EE. UU.');
    expect(es).toContain('elija usted sus distritos');
  });

  it('states how long meeting data is kept', async () => {
    const en = await (await request('/privacy')).text();
    expect(en).toContain('Meeting requests never confirmed are deleted after 30 days');
    expect(en).toMatch(/90 days after a meeting is over[^.]*the phone number, the story/);
    const es = await (await request('/privacy', { lang: 'es' })).text();
    expect(es).toContain('Las solicitudes de reunión nunca confirmadas se borran a los 30 días');
  });
});

describe('/officials/find', () => {
  it('says where the address goes and offers the directory instead, in both languages', async () => {
    const en = await (await request('/officials/find')).text();
    expect(en).toContain('U.S. Census Bureau');
    expect(en).toContain('Prefer not to send your address?');
    expect(en).toMatch(/<a href="\/officials">Choose my district in the officials directory<\/a>/);
    const es = await (await request('/officials/find', { lang: 'es' })).text();
    expect(es).toContain('¿Prefiere no enviar su dirección?');
  });

  it('sends the geocoder the street address and nothing else', async () => {
    stub = census();
    await postForm('/officials/find', { address: '206 Washington St SW, Atlanta, GA 30334', website: '' });
    expect(stub.calls).toHaveLength(1);
    const url = new URL(stub.calls[0]!.url);
    expect(url.origin).toBe('https://geocoding.geo.census.gov');
    expect([...url.searchParams.keys()].sort()).toEqual([
      'address',
      'benchmark',
      'format',
      'layers',
      'vintage',
    ]);
    expect(url.searchParams.get('address')).toBe('206 Washington St SW, Atlanta, GA 30334');
  });
});

describe('advocacy-day registration', () => {
  it('says on the form where the address goes, and offers district numbers instead', async () => {
    const day = await createDay();
    const en = await (await request(`/days/${day.slug}`)).text();
    expect(en).toContain('U.S. Census Bureau');
    expect(en).toContain('Or choose your districts yourself (nothing is sent anywhere)');
    expect(en).toContain('name="upperDistrict"');
    const es = await (await request(`/days/${day.slug}`, { lang: 'es' })).text();
    expect(es).toContain('O elija usted sus distritos');
  });

  it('registers with chosen districts and no address without calling the geocoder', async () => {
    const day = await createDay();
    stub = census();
    const response = await register(
      day.slug,
      registrationFields({
        email: 'chooser@example.org',
        address: '',
        upperDistrict: '036',
        lowerDistrict: '58',
      }),
    );
    expect(response.status).toBe(303);
    expect(stub.calls).toHaveLength(0);
    const [row] = await db
      .select()
      .from(dayRegistrations)
      .where(eq(dayRegistrations.email, 'chooser@example.org'));
    expect(row).toMatchObject({
      address: null,
      districtStatus: 'manual',
      homeState: 'ga',
      upperDistrict: '36',
      lowerDistrict: '58',
    });
  });

  it('sends only the street address, never the name or email', async () => {
    const day = await createDay();
    stub = census();
    const response = await register(
      day.slug,
      registrationFields({ email: 'geocoded@example.org', name: 'Esperanza Quiet' }),
    );
    expect(response.status).toBe(303);
    expect(stub.calls).toHaveLength(1);
    const url = new URL(stub.calls[0]!.url);
    expect(url.searchParams.get('address')).toBe('206 Washington St SW, Atlanta, GA 30334');
    const sent = decodeURIComponent(url.search.replace(/\+/g, ' '));
    expect(sent).not.toContain('geocoded@example.org');
    expect(sent).not.toContain('Esperanza');
  });

  it('asks for an address or district numbers when neither is given, and stores nothing', async () => {
    const day = await createDay();
    const response = await register(
      day.slug,
      registrationFields({ email: 'neither@example.org', address: '' }),
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(
      'Enter your home address or ZIP code, or your district numbers below.',
    );
    expect(
      await db.select().from(dayRegistrations).where(eq(dayRegistrations.email, 'neither@example.org')),
    ).toHaveLength(0);
  });
});
