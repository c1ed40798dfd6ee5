// An Action Network-style sync, driven by a HAL client library (ketting) against `wrangler dev` with
// the demo content: it starts at /api/v2/, follows only links, and pulls every person, signature,
// attendance and tagging, then checks them against the database.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Ketting, type Resource } from 'ketting';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const server = useBrowser({ browser: false });

/** One number from the server's database. */
async function countInDatabase(sql: string): Promise<number> {
  const { stdout } = await run(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['d1', 'execute', 'DB', '--local', '--persist-to', server().persistDir, '--json', '--command', sql],
    { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  );
  const [result] = JSON.parse(stdout) as { results: { n: number }[] }[];
  return result!.results[0]!.n;
}

/** What the sync keeps of an item: its address, its fields, and the person it names. */
interface Pulled {
  uri: string;
  data: Record<string, any>;
  person?: string;
}

/** Every item of a collection under `rel`, page after page, by `next` links only. */
async function pullAll(collection: Resource, rel: string): Promise<Pulled[]> {
  const items: Pulled[] = [];
  let page: Resource | null = collection;
  while (page) {
    const state = await page.get();
    for (const item of await page.followAll(rel)) {
      const itemState = await item.get();
      items.push({ uri: item.uri, data: itemState.data, person: itemState.links.get('osdi:person')?.href });
    }
    page = state.links.has('next') ? await page.follow('next') : null;
  }
  return items;
}

describe('an OSDI client syncing everything by links (ketting)', () => {
  it('pulls every person, signature, attendance and tagging of the demo data', async () => {
    const output = await server().runScript('scripts/api-key.ts', ['Sync test']);
    const key = /wt_[A-Za-z0-9_-]+/.exec(output)![0];
    const client = new Ketting(server().url('/api/v2/'));
    client.use((request, next) => {
      request.headers.set('OSDI-API-Token', key);
      return next(request);
    });
    const root = client.go();

    const people = await pullAll(await root.follow('osdi:people'), 'osdi:people');
    const signatures: Pulled[] = [];
    for (const petition of await root.follow('osdi:petitions').followAll('osdi:petitions')) {
      signatures.push(...(await pullAll(await petition.follow('osdi:signatures'), 'osdi:signatures')));
    }
    const attendances: Pulled[] = [];
    for (const event of await root.follow('osdi:events').followAll('osdi:events')) {
      attendances.push(...(await pullAll(await event.follow('osdi:attendances'), 'osdi:attendances')));
    }

    const taggings: Pulled[] = [];
    for (const tag of await root.follow('osdi:tags').followAll('osdi:tags')) {
      taggings.push(...(await pullAll(await tag.follow('osdi:taggings'), 'osdi:taggings')));
    }

    const ids = (items: Pulled[]) => new Set(items.map((item) => item.data.identifiers[0]));
    expect(people.length).toBeGreaterThan(0);
    expect(ids(people).size).toBe(people.length);
    expect(people.length).toBe(await countInDatabase('SELECT count(*) AS n FROM people'));
    expect(signatures.length).toBeGreaterThan(0);
    expect(ids(signatures).size).toBe(signatures.length);
    expect(signatures.length).toBe(
      await countInDatabase(
        "SELECT count(*) AS n FROM letter_signatures s JOIN letters l ON l.id = s.letter_id JOIN people p ON p.email = s.email WHERE s.confirmed_at IS NOT NULL AND s.hidden_at IS NULL AND l.status <> 'draft'",
      ),
    );
    expect(ids(attendances).size).toBe(attendances.length);
    expect(attendances.length).toBe(
      await countInDatabase(
        "SELECT count(*) AS n FROM day_registrations r JOIN advocacy_days d ON d.id = r.day_id JOIN people p ON p.email = r.email WHERE d.status = 'published' AND r.personal_data_deleted_at IS NULL",
      ),
    );
    // One tagging a person and tradition they signed in, and a person and team role they hold.
    expect(ids(taggings).size).toBe(taggings.length);
    expect(taggings.length).toBe(
      (await countInDatabase(
        'SELECT count(*) AS n FROM (SELECT DISTINCT s.email, s.tradition FROM letter_signatures s JOIN people p ON p.email = s.email WHERE s.confirmed_at IS NOT NULL AND s.hidden_at IS NULL)',
      )) +
        (await countInDatabase(
          'SELECT count(*) AS n FROM (SELECT DISTINCT r.email, r.team_role FROM day_registrations r JOIN people p ON p.email = r.email WHERE r.team_role IS NOT NULL AND r.personal_data_deleted_at IS NULL)',
        )) +
        (await countInDatabase('SELECT count(*) AS n FROM people_tags')),
    );
    // Every person an action or a tag names is one the sync pulled.
    const personLinks = new Set(people.map((person) => person.uri));
    for (const item of [...signatures, ...attendances, ...taggings])
      expect(personLinks).toContain(item.person);
  });
});
