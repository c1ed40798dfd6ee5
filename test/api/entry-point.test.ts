import { describe, expect, it } from 'vitest';
import { api, getJson, makeKey } from './fixtures';

describe('GET /api/v2/', () => {
  it('answers the OSDI entry point as HAL+JSON', async () => {
    const key = await makeKey();
    const response = await api('/', key);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/hal\+json/);
    const body = await response.json<Record<string, any>>();
    expect(body).toMatchObject({ max_pagesize: 25, osdi_version: '1.1.1', product_name: 'Welcome Table' });
    expect(body._links.curies.map((curie: { name: string }) => curie.name)).toEqual([
      'osdi',
      'welcome_table',
    ]);
    for (const rel of [
      'self',
      'osdi:people',
      'osdi:petitions',
      'osdi:events',
      'osdi:forms',
      'osdi:tags',
      'osdi:person_signup_helper',
      'docs',
    ]) {
      expect(body._links[rel].href, rel).toMatch(/^https:\/\/welcome\.test\/api\/v2/);
    }
  });

  it('answers 401 JSON without a key, with a wrong key, and with a revoked one', async () => {
    for (const key of [null, 'wt_not-a-key']) {
      const response = await api('/', key);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.stringContaining('OSDI-API-Token') });
    }
  });

  it('accepts the key as ?osdi-api-token=', async () => {
    const key = await makeKey();
    const body = await getJson(`https://welcome.test/api/v2/?osdi-api-token=${encodeURIComponent(key)}`, '');
    expect(body.osdi_version).toBe('1.1.1');
  });

  it('serves the OpenAPI 3.1 document without a key', async () => {
    const response = await api('/openapi.json', null);
    expect(response.status).toBe(200);
    const doc = await response.json<Record<string, any>>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/people',
        '/people/{id}',
        '/petitions/{id}/signatures',
        '/events/{id}/attendances',
        '/forms/{id}/submissions',
        '/tags',
        '/tags/{id}',
        '/tags/{id}/taggings',
        '/tags/{parent}/taggings/{id}',
        '/people/{id}/taggings',
      ]),
    );
    expect(doc.components.schemas.Person.properties.email_addresses).toBeDefined();
    expect(doc.components.schemas.Tag.properties.name).toBeDefined();
    expect(doc.components.schemas.Tagging.properties.item_type).toBeDefined();
    expect(doc.components.schemas.TagsCollection).toBeDefined();
    expect(doc.components.schemas.TaggingsCollection).toBeDefined();
  });
});
