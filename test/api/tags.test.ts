import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { registerForDay } from '../../src/advocacy-days/registration';
import { dayRegistrations } from '../../src/advocacy-days/schema';
import { runApiWrite } from '../../src/api/background';
import { DERIVED_TAGS } from '../../src/api/tags';
import { eraseEverything, exportEverything } from '../../src/privacy/erasure';
import { createDay, registrationInput } from '../advocacy-days/fixtures';
import { addSignature, makeLetter } from '../letters/fixtures';
import { allPages, api, db, getJson, makeKey, postJson } from './fixtures';

/** Signs someone up through the helper with these tags; answers their person id. */
async function signUp(key: string, email: string, addTags: string[]): Promise<string> {
  const response = await postJson('/people', key, {
    person: { given_name: 'Tam', email_addresses: [{ address: email }] },
    add_tags: addTags,
  });
  expect(response.status).toBe(200);
  return idOf(await response.json<Record<string, any>>());
}

/** Our id from a resource's identifiers. */
function idOf(resource: Record<string, any>): string {
  return (resource.identifiers[0] as string).slice('welcome_table:'.length);
}

/** The person id at the end of a tagging's `osdi:person` link. */
function personOf(tagging: Record<string, any>): string {
  return tagging._links['osdi:person'].href.split('/').at(-1);
}

/** The tag id at the end of a tagging's `osdi:tag` link. */
function tagOf(tagging: Record<string, any>): string {
  return tagging._links['osdi:tag'].href.split('/').at(-1);
}

/** The person id of an address, through the API. */
async function personIdOf(key: string, email: string): Promise<string> {
  const page = await getJson(`/people?filter=${encodeURIComponent(`email_address eq '${email}'`)}`, key);
  return idOf(page._embedded['osdi:people'][0]);
}

/** The organizer tag with this name, from the tags collection. */
async function tagNamed(key: string, name: string): Promise<Record<string, any> | undefined> {
  return (await allPages('/tags', key, 'tags')).find((tag) => tag.name === name);
}

describe('GET /api/v2/tags and /tags/{id}', () => {
  it('lists every faith tradition and team role as a read-only tag, and the organizer tags', async () => {
    const key = await makeKey('write');
    await signUp(key, 'lister@example.org', ['Choir']);
    const tags = await allPages('/tags', key, 'tags');
    const byId = new Map(tags.map((tag) => [idOf(tag), tag]));
    expect(byId.get('tradition-catholic')).toMatchObject({
      name: 'Faith tradition: Catholic',
      'welcome_table:kind': 'tradition',
      origin_system: 'Welcome Table',
    });
    expect(byId.get('role-facilitator')).toMatchObject({
      name: 'Team role: Facilitator',
      'welcome_table:kind': 'role',
    });
    const choir = tags.find((tag) => tag.name === 'Choir');
    expect(choir).toMatchObject({ 'welcome_table:kind': 'organizer', origin_system: 'Test client' });
    expect(tags).toHaveLength(DERIVED_TAGS.length + 1);
    const one = await getJson(`/tags/${idOf(choir!)}`, key);
    expect(one.name).toBe('Choir');
    expect(one._links['osdi:taggings'].href).toBe(
      `https://welcome.test/api/v2/tags/${idOf(choir!)}/taggings`,
    );
    expect((await getJson('/tags/role-ask', key)).name).toBe('Team role: Makes the ask');
  });

  it('answers 404 JSON for a tag that does not exist, and for its taggings', async () => {
    const key = await makeKey();
    for (const path of ['/tags/no-such-tag', '/tags/no-such-tag/taggings', '/tags/tradition-nope']) {
      const response = await api(path, key);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ error: 'Not found' });
    }
  });

  it('pages tags (derived and stored in one order) by next links and by page numbers alike', async () => {
    const key = await makeKey('write');
    for (let i = 0; i < 6; i++) await signUp(key, `pages${i}@example.org`, [`Pager ${i}`]);
    const followed = await allPages('/tags?per_page=7', key, 'tags');
    const first = await getJson('/tags?per_page=7', key);
    expect(Object.keys(first._embedded)[0]).toBe('osdi:tags');
    expect(followed).toHaveLength(first.total_records);
    expect(new Set(followed.map(idOf)).size).toBe(followed.length);
    const numbered: Record<string, any>[] = [];
    for (let page = 1; page <= first.total_pages; page++)
      numbered.push(...(await getJson(`/tags?per_page=7&page=${page}`, key))._embedded['osdi:tags']);
    expect(numbered.map(idOf)).toEqual(followed.map(idOf));
    const past = await getJson(`/tags?per_page=7&page=${first.total_pages + 1}`, key);
    expect(past._embedded['osdi:tags']).toEqual([]);
  });

  it('filters tags on modified_date', async () => {
    const key = await makeKey('write');
    await signUp(key, 'filter-tags@example.org', ['Filtered']);
    const derived = await getJson(
      `/tags?filter=${encodeURIComponent("modified_date eq '2026-12-01T00:00:00Z'")}`,
      key,
    );
    expect(derived.total_records).toBe(DERIVED_TAGS.length);
    const later = await allPages(
      `/tags?filter=${encodeURIComponent("modified_date gt '2026-12-01T00:00:00Z'")}`,
      key,
      'tags',
    );
    expect(later.map((tag) => tag['welcome_table:kind'])).not.toContain('tradition');
    expect(later.map((tag) => tag.name)).toContain('Filtered');
  });
});

describe('POST /api/v2/people add_tags', () => {
  it('stores organizer tags by name, merging case and spacing, never twice', async () => {
    const key = await makeKey('write');
    const personId = await signUp(key, 'tagged@example.org', ['Volunteer', ' volunteer ', 'Van  driver']);
    await signUp(key, 'TAGGED@example.org', ['VOLUNTEER', 'Choir', 'van driver']);
    const otherId = await signUp(key, 'also-tagged@example.org', ['volunteer']);
    const volunteer = await tagNamed(key, 'Volunteer');
    expect(volunteer).toBeDefined();
    const names = (await allPages('/tags', key, 'tags')).map((tag) => tag.name);
    expect(names.filter((name) => name.toLowerCase() === 'volunteer')).toEqual(['Volunteer']);
    expect(names.filter((name) => name.toLowerCase() === 'van driver')).toEqual(['Van driver']);
    const mine = await allPages(`/people/${personId}/taggings`, key, 'taggings');
    const organizerTags = mine.map(tagOf).filter((id) => !/^(tradition|role)-/.test(id));
    expect(organizerTags).toHaveLength(3);
    const volunteers = await allPages(`/tags/${idOf(volunteer!)}/taggings`, key, 'taggings');
    expect(volunteers.map(personOf).sort()).toEqual([personId, otherId].sort());
    expect(volunteers[0]).toMatchObject({ item_type: 'osdi:person' });
  });

  it('does not store the name of a derived tag, nor a blank one', async () => {
    const key = await makeKey('write');
    const before = (await getJson('/tags', key)).total_records;
    const personId = await signUp(key, 'derived-name@example.org', ['Faith tradition: Catholic', '  ']);
    expect((await getJson('/tags', key)).total_records).toBe(before);
    expect((await getJson(`/people/${personId}/taggings`, key)).total_records).toBe(0);
  });

  it('tags the person from the queue too, once however often the write runs', async () => {
    const key = await makeKey();
    const write = {
      kind: 'signup' as const,
      body: { person: { email_addresses: [{ address: 'queued@example.org' }] }, add_tags: ['Queued'] },
      origin: 'Queue client',
      at: Date.now(),
    };
    await runApiWrite(env, write);
    await runApiWrite(env, write);
    const personId = await personIdOf(key, 'queued@example.org');
    const taggings = await getJson(`/people/${personId}/taggings`, key);
    expect(taggings.total_records).toBe(1);
    expect((await tagNamed(key, 'Queued'))?.origin_system).toBe('Queue client');
  });
});

describe('taggings of faith traditions and team roles', () => {
  it('tags a person with each tradition they signed in, once, and with their team roles', async () => {
    const key = await makeKey();
    const [a, b, c] = [await makeLetter(), await makeLetter(), await makeLetter()];
    const email = 'deacon@example.org';
    await addSignature(a.id, { email, tradition: 'catholic', confirmedAt: Date.UTC(2026, 1, 1) });
    await addSignature(b.id, { email, tradition: 'catholic', confirmedAt: Date.UTC(2026, 1, 2) });
    await addSignature(c.id, { email, tradition: 'jewish', confirmedAt: Date.UTC(2026, 1, 3) });
    // A hidden signature and an unconfirmed one tag nobody.
    await addSignature(a.id, { email: 'hidden@example.org', tradition: 'sikh', hiddenAt: Date.now() });
    await addSignature(a.id, { email: 'unconfirmed@example.org', tradition: 'sikh', confirmedAt: null });
    const day = await createDay();
    const outcome = await registerForDay(db, env, day, registrationInput(email), 'en', { status: 'pending' });
    if (outcome.kind !== 'registered' && outcome.kind !== 'waitlisted') throw new Error(outcome.kind);
    await db
      .update(dayRegistrations)
      .set({ teamRole: 'storyteller' })
      .where(eq(dayRegistrations.id, outcome.registration.id));
    const personId = await personIdOf(key, email);

    const catholic = await allPages('/tags/tradition-catholic/taggings', key, 'taggings');
    expect(catholic.map(personOf)).toEqual([personId]);
    expect(catholic[0]!.modified_date).toBe('2026-02-01T00:00:00.000Z');
    expect(catholic[0]!.identifiers).toEqual([`welcome_table:tradition-catholic.${personId}`]);
    expect((await getJson('/tags/tradition-sikh/taggings', key)).total_records).toBe(0);
    const storytellers = await allPages('/tags/role-storyteller/taggings', key, 'taggings');
    expect(storytellers.map(personOf)).toEqual([personId]);

    const theirs = await allPages(`/people/${personId}/taggings`, key, 'taggings');
    expect(theirs.map(tagOf).sort()).toEqual(['role-storyteller', 'tradition-catholic', 'tradition-jewish']);
    const self = await getJson(catholic[0]!._links.self.href, key);
    expect(self).toEqual(catholic[0]);
    expect((await api(`/tags/tradition-jewish/taggings/someone-else`, key)).status).toBe(404);
    const person = await getJson(`/people/${personId}`, key);
    expect(person._links['osdi:taggings'].href).toBe(
      `https://welcome.test/api/v2/people/${personId}/taggings`,
    );
  });

  it('pages a tradition and filters it on modified_date, by the signature it comes from', async () => {
    const key = await makeKey();
    const letter = await makeLetter();
    for (let i = 0; i < 5; i++)
      await addSignature(letter.id, {
        email: `buddhist${i}@example.org`,
        tradition: 'buddhist',
        confirmedAt: Date.UTC(2026, 2, 1 + i),
      });
    const first = await getJson('/tags/tradition-buddhist/taggings?per_page=2', key);
    expect(first).toMatchObject({ total_records: 5, total_pages: 3 });
    expect(first._links.next.href).toContain('after=');
    const all = await allPages('/tags/tradition-buddhist/taggings?per_page=2', key, 'taggings');
    expect(new Set(all.map(personOf)).size).toBe(5);
    expect(all.map((tagging) => tagging.modified_date)).toEqual(
      [...all.map((tagging) => tagging.modified_date)].sort(),
    );
    const since = await getJson(
      `/tags/tradition-buddhist/taggings?filter=${encodeURIComponent("modified_date ge '2026-03-04T00:00:00Z'")}`,
      key,
    );
    expect(since.total_records).toBe(2);
  });

  it("merges a person's three kinds of taggings into one (modified, id) order across pages", async () => {
    const key = await makeKey('write');
    const email = 'many-tags@example.org';
    const letter = await makeLetter();
    await addSignature(letter.id, { email, tradition: 'hindu', confirmedAt: Date.UTC(2026, 3, 1) });
    const personId = await signUp(key, email, ['M1', 'M2', 'M3', 'M4']);
    const pages = await allPages(`/people/${personId}/taggings?per_page=2`, key, 'taggings');
    expect(pages).toHaveLength(5);
    expect(pages[0]!._links['osdi:tag'].href).toContain('tradition-hindu');
    expect(new Set(pages.map(tagOf)).size).toBe(5);
    const recent = await getJson(
      `/people/${personId}/taggings?filter=${encodeURIComponent("modified_date gt '2026-04-01T00:00:00Z'")}`,
      key,
    );
    expect(recent.total_records).toBe(4);
  });
});

describe('privacy', () => {
  it("an erased person's taggings vanish, stored and derived", async () => {
    const key = await makeKey('write');
    const email = 'erase-tags@example.org';
    const letter = await makeLetter();
    await addSignature(letter.id, { email, tradition: 'bahai' });
    const personId = await signUp(key, email, ['Erased tag']);
    const tag = await tagNamed(key, 'Erased tag');
    expect((await getJson(`/tags/${idOf(tag!)}/taggings`, key)).total_records).toBe(1);
    expect((await getJson('/tags/tradition-bahai/taggings', key)).total_records).toBe(1);
    // A person's export shows the tags organizers gave them.
    const exported = await exportEverything(db, email, Date.now());
    expect(exported.tables.people?.[0]).toMatchObject({ tags: ['Erased tag'] });
    await eraseEverything(db, email, { includeOrganizer: false, organizerId: null, at: Date.now() });
    expect((await getJson(`/tags/${idOf(tag!)}/taggings`, key)).total_records).toBe(0);
    expect((await getJson('/tags/tradition-bahai/taggings', key)).total_records).toBe(0);
    expect((await getJson(`/people/${personId}/taggings`, key)).total_records).toBe(0);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM people_tags WHERE person_id = ?')
      .bind(personId)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
    // The tag itself is the organizers', not the person's: it stays.
    expect((await api(`/tags/${idOf(tag!)}`, key)).status).toBe(200);
  });
});
