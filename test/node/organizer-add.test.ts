// `npm run organizer:add`: argument checks, and the SQL that --remote sends, run against a local D1.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { insertOrganizerSql, parseOrganizerAddArgs, sqlString } from '../../scripts/lib/organizer-add';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');
const wrangler = join(root, 'node_modules/.bin/wrangler');
const workDir = mkdtempSync(join(tmpdir(), 'wt-organizer-add-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const options = { cwd: root, timeout: 50_000, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } };

describe('organizer:add arguments', () => {
  it('reads an address, lower-cased, and the flags', () => {
    expect(parseOrganizerAddArgs(['Pastora@Example.org'])).toEqual({
      email: 'pastora@example.org',
      name: null,
      role: null,
      remote: false,
    });
    expect(parseOrganizerAddArgs(['--remote', 'a@example.org', '--name', 'Rev. Ana'])).toEqual({
      email: 'a@example.org',
      name: 'Rev. Ana',
      role: null,
      remote: true,
    });
    expect(parseOrganizerAddArgs(['a@example.org', '--role', 'owner']).role).toBe('owner');
  });

  it('refuses what is not an email address, and stray arguments', () => {
    expect(() => parseOrganizerAddArgs([])).toThrow(/Usage/);
    expect(() => parseOrganizerAddArgs(['not-an-email'])).toThrow(/Not an email/);
    expect(() => parseOrganizerAddArgs(["a@example.org'; DROP TABLE organizers; --"])).toThrow(
      /Not an email/,
    );
    expect(() => parseOrganizerAddArgs(['a@example.org', 'b@example.org'])).toThrow(/Unexpected/);
    expect(() => parseOrganizerAddArgs(['a@example.org', '--force'])).toThrow(/Unknown option/);
    expect(() => parseOrganizerAddArgs(['a@example.org', '--role', 'admin'])).toThrow(
      /owner, organizer, viewer/,
    );
    expect(() => parseOrganizerAddArgs(['a@example.org', '--role'])).toThrow(/--role/);
  });

  it('quotes SQL text by doubling single quotes', () => {
    expect(sqlString("o'brien@example.org")).toBe("'o''brien@example.org'");
  });
});

describe('the --remote statement', () => {
  it('adds the organizer once, however often it runs, with hostile text kept as text; --role sets the role', async () => {
    const name = "Rev. O'Hara'); DROP TABLE organizers; --";
    const insert = (id: string) =>
      insertOrganizerSql({ id, email: "o'hara@example.org", name, role: null, at: 1_700_000_000_000 });
    const makeOwner = insertOrganizerSql({
      id: 'third-id',
      email: "o'hara@example.org",
      name,
      role: 'owner',
      at: 1_700_000_000_000,
    });
    // One wrangler call (they are slow): the real migrations, the statement twice (as two runs of
    // the command would send it), and a look at the table.
    const migrations = readdirSync(join(root, 'migrations'))
      .filter((file) => file.endsWith('.sql'))
      .sort()
      .map((file) => readFileSync(join(root, 'migrations', file), 'utf8'));
    const script = join(workDir, 'check.sql');
    writeFileSync(
      script,
      [
        ...migrations,
        insert('first-id'),
        insert('second-id'),
        'SELECT id, email, name, lang, role FROM organizers;',
        makeOwner,
        'SELECT id, role FROM organizers;',
      ].join('\n'),
    );
    const { stdout } = await run(
      wrangler,
      ['d1', 'execute', 'DB', '--local', '--persist-to', join(workDir, 'state'), '--json', '--file', script],
      options,
    );
    const results = JSON.parse(stdout) as { results: unknown[] }[];
    expect(results.at(-3)?.results).toEqual([
      { id: 'first-id', email: "o'hara@example.org", name, lang: 'en', role: 'organizer' },
    ]);
    // --role on a listed address changes its role and nothing else.
    expect(results.at(-1)?.results).toEqual([{ id: 'first-id', role: 'owner' }]);
  }, 60_000);
});
