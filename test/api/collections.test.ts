import { env } from 'cloudflare:workers';
import { and } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerForDay } from '../../src/advocacy-days/registration';
import { eraseEverything } from '../../src/privacy/erasure';
import { afterCondition, filterConditions, keysetOrder } from '../../src/api/queries/keyset';
import { parseFilter } from '../../src/api/filter';
import { people } from '../../src/people/schema';
import { createDay, registrationInput } from '../advocacy-days/fixtures';
import { addSignature, makeLetter } from '../letters/fixtures';
import { allPages, api, db, getJson, makeKey } from './fixtures';

describe('GET /api/v2/people', () => {
  it('lists each address once, from signatures and registrations, with OSDI fields', async () => {
    const key = await makeKey();
    const letter = await makeLetter();
    await addSignature(letter.id, {
      email: 'ana@example.org',
      firstName: 'Ana',
      lastName: 'Ruiz',
      honorific: 'rev',
    });
    const day = await createDay();
    await registerForDay(db, env, day, registrationInput('ana@example.org', { name: 'Ana Ruiz' }), 'es', {
      status: 'pending',
    });
    await registerForDay(db, env, day, registrationInput('ben@example.org', { name: 'Ben van Dyke' }), 'en', {
      status: 'pending',
    });
    const people = await allPages('/people', key, 'people');
    const ana = people.filter((person) => person.email_addresses[0].address === 'ana@example.org');
    expect(ana).toHaveLength(1);
    expect(ana[0]!).toMatchObject({
      given_name: 'Ana',
      family_name: 'Ruiz',
      origin_system: 'Welcome Table',
      email_addresses: [{ address: 'ana@example.org', primary: true, status: 'unsubscribed' }],
      postal_addresses: [{ locality: 'Macon', region: 'GA', country: 'US' }],
      custom_fields: { clergy_title: 'rev', tradition: 'mainline', congregation: 'Grace Church' },
    });
    expect(ana[0]?.identifiers[0]).toMatch(/^welcome_table:/);
    const ben = people.find((person) => person.email_addresses[0].address === 'ben@example.org');
    expect(ben).toMatchObject({ given_name: 'Ben van', family_name: 'Dyke' });
    // Nothing /privacy keeps to an advocacy day goes out: no phone, no street address.
    expect(JSON.stringify(people)).not.toMatch(/phone_numbers|Washington St|address_lines/);
  });

  it('finds one person by email_address eq, and rejects a filter it cannot answer with 400 naming it', async () => {
    const key = await makeKey();
    const letter = await makeLetter();
    await addSignature(letter.id, { email: 'carla@example.org' });
    const page = await getJson(
      `/people?filter=${encodeURIComponent("email_address eq 'Carla@example.org'")}`,
      key,
    );
    expect(page.total_records).toBe(1);
    expect(page._embedded['osdi:people'][0].email_addresses[0].address).toBe('carla@example.org');
    const response = await api(`/people?filter=${encodeURIComponent("given_name eq 'Carla'")}`, key);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "unsupported filter: given_name eq 'Carla'" });
    const onSignatures = await api(
      `/petitions/${letter.id}/signatures?filter=${encodeURIComponent("email_address eq 'carla@example.org'")}`,
      key,
    );
    expect(onSignatures.status).toBe(400);
  });
});

describe('paging', () => {
  it('pages by next links, the records first in _embedded, an empty 200 page past the end', async () => {
    const key = await makeKey();
    const letter = await makeLetter();
    for (let i = 0; i < 7; i++)
      await addSignature(letter.id, { email: `pager${i}@example.org`, confirmedAt: 1000 + i });
    const first = await getJson(`/petitions/${letter.id}/signatures?per_page=3`, key);
    expect(Object.keys(first._embedded)[0]).toBe('osdi:signatures');
    expect(first).toMatchObject({ page: 1, per_page: 3, total_pages: 3, total_records: 7 });
    expect(first._links.next.href).toContain('page=2');
    const all = await allPages(`/petitions/${letter.id}/signatures?per_page=3`, key, 'signatures');
    expect(all).toHaveLength(7);
    const past = await getJson(`/petitions/${letter.id}/signatures?per_page=3&page=9`, key);
    expect(past._embedded['osdi:signatures']).toEqual([]);
    expect(past._links.next).toBeUndefined();
    const capped = await getJson(`/petitions/${letter.id}/signatures?per_page=500`, key);
    expect(capped.per_page).toBe(25);
  });

  it('never skips or repeats a row when rows are added between pages', async () => {
    const key = await makeKey();
    const letter = await makeLetter();
    for (let i = 0; i < 5; i++)
      await addSignature(letter.id, { email: `sync${i}@example.org`, confirmedAt: 2000 + i });
    const seen: string[] = [];
    let page = await getJson(`/petitions/${letter.id}/signatures?per_page=2`, key);
    seen.push(...page._embedded['osdi:signatures'].map((s: { identifiers: string[] }) => s.identifiers[0]));
    // Two new signatures (they sort last) and one that sorts before the cursor arrive mid-sync.
    await addSignature(letter.id, { email: 'late1@example.org', confirmedAt: 9000 });
    await addSignature(letter.id, { email: 'early@example.org', confirmedAt: 1500 });
    await addSignature(letter.id, { email: 'late2@example.org', confirmedAt: 9001 });
    while (page._links.next) {
      page = await getJson(page._links.next.href, key);
      seen.push(...page._embedded['osdi:signatures'].map((s: { identifiers: string[] }) => s.identifiers[0]));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(7); // the 5, then the 2 late ones; "early" is before where we were
  });

  it('filters on modified_date with gt, ge, lt, le and eq, combined with and', async () => {
    const key = await makeKey();
    const letter = await makeLetter();
    for (const at of [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2), Date.UTC(2026, 0, 3)]) {
      await addSignature(letter.id, { confirmedAt: at });
    }
    const count = async (filter: string) =>
      (await getJson(`/petitions/${letter.id}/signatures?filter=${encodeURIComponent(filter)}`, key))
        .total_records;
    expect(await count("modified_date gt '2026-01-01T00:00:00Z'")).toBe(2);
    expect(await count("modified_date ge '2026-01-01T00:00:00Z'")).toBe(3);
    expect(await count("modified_date lt '2026-01-02T00:00:00Z'")).toBe(1);
    expect(await count("modified_date le '2026-01-02T00:00:00Z'")).toBe(2);
    expect(await count("modified_date eq '2026-01-03T00:00:00Z'")).toBe(1);
    expect(
      await count("modified_date gt '2026-01-01T00:00:00Z' and modified_date lt '2026-01-03T00:00:00Z'"),
    ).toBe(1);
  });
});

describe('privacy', () => {
  it('an erased person vanishes from people, signatures and attendances', async () => {
    const key = await makeKey();
    const letter = await makeLetter();
    await addSignature(letter.id, { email: 'gone@example.org' });
    const day = await createDay();
    await registerForDay(db, env, day, registrationInput('gone@example.org'), 'en', { status: 'pending' });
    const before = await getJson(
      `/people?filter=${encodeURIComponent("email_address eq 'gone@example.org'")}`,
      key,
    );
    expect(before.total_records).toBe(1);
    const personId = before._embedded['osdi:people'][0].identifiers[0].split(':')[1];
    await eraseEverything(db, 'gone@example.org', {
      includeOrganizer: false,
      organizerId: null,
      at: Date.now(),
    });
    const after = await getJson(
      `/people?filter=${encodeURIComponent("email_address eq 'gone@example.org'")}`,
      key,
    );
    expect(after.total_records).toBe(0);
    expect((await api(`/people/${personId}`, key)).status).toBe(404);
    const attendances = await allPages(`/events/${day.id}/attendances`, key, 'attendances');
    const signatures = await allPages(`/petitions/${letter.id}/signatures`, key, 'signatures');
    expect([...attendances, ...signatures].map((a) => a._links['osdi:person'].href)).not.toContain(
      expect.stringContaining(personId),
    );
  });
});

describe('the totals on petitions and events', () => {
  it('count a letter’s confirmed, shown signatures and a day’s registered seats, not other rows', async () => {
    const key = await makeKey();
    const letter = await makeLetter({ status: 'open' });
    await addSignature(letter.id, { email: 'one@totals.example.org' });
    await addSignature(letter.id, { email: 'two@totals.example.org' });
    await addSignature(letter.id, { email: 'waiting@totals.example.org', confirmedAt: null });
    await addSignature(letter.id, { email: 'hidden@totals.example.org', hiddenAt: Date.now() });
    const petition = await getJson(`/petitions/${letter.id}`, key);
    expect(petition.total_signatures).toBe(2);

    const day = await createDay({ capacity: 2, status: 'published' });
    for (const email of ['a@totals.example.org', 'b@totals.example.org', 'c@totals.example.org']) {
      await registerForDay(db, env, day, registrationInput(email), 'en', { status: 'pending' });
    }
    const statuses = (await allPages(`/events/${day.id}/attendances`, key, 'attendances')).map(
      (attendance) => attendance.status,
    );
    const event = await getJson(`/events/${day.id}`, key);
    expect(event.total_accepted).toBe(statuses.filter((status) => status === 'registered').length);
    expect(event.total_accepted).toBeGreaterThan(0);
  });
});

describe('a page after a token, with a modified_date filter', () => {
  it("reads the index from the token's row on, not from the filter's bound", async () => {
    const keyset = { modified: people.modifiedAt, id: people.id };
    const filter = parseFilter("modified_date gt '2000-01-01T00:00:00Z'", true);
    const position = { page: 1, perPage: 25, after: { modified: Date.now(), id: 'person-x' } };
    const query = db
      .select()
      .from(people)
      .where(and(...filterConditions(keyset, filter, true), afterCondition(keyset, position)))
      .orderBy(...keysetOrder(keyset))
      .limit(25)
      .toSQL();
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .bind(...query.params)
      .all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail).join('\n');
    // One range of the (modified, id) index starting at the token's row: the last page of a long
    // sync costs what the first does.
    expect(details).toMatch(/SEARCH people USING INDEX \S+ \(\(modified_at,id\)>\(\?,\?\)\)/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
