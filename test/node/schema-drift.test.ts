// Fails when src/**/schema.ts and migrations/ disagree: drizzle-kit generate, run into a copy of
// migrations/, must find nothing to write. (Fix: `npm run db:generate` and commit the migration.)
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');
const workDir = mkdtempSync(join(tmpdir(), 'wt-drift-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Every file under a folder, as relative paths. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('schema and migrations', () => {
  it('drizzle-kit generate finds nothing new to migrate', async () => {
    const copy = join(workDir, 'migrations');
    cpSync(join(root, 'migrations'), copy, { recursive: true });
    const before = listFiles(copy);
    // The same settings as drizzle.config.ts, with `out` pointing at the copy.
    // drizzle-kit puts "./" before `out`, so it must be relative to the project.
    const { stdout, stderr } = await run(
      join(root, 'node_modules/.bin/drizzle-kit'),
      [
        'generate',
        '--dialect',
        'sqlite',
        '--schema',
        './src/schema.ts',
        '--casing',
        'snake_case',
        '--out',
        relative(root, copy),
      ],
      // No terminal: if drizzle-kit wanted to ask about a rename, it fails instead of waiting.
      { cwd: root, timeout: 50_000, env: { ...process.env, CI: '1' } },
    );
    const added = listFiles(copy).filter((file) => !before.includes(file));
    expect(added, `src and migrations/ drift: run \`npm run db:generate\`\n${stdout}`).toEqual([]);
    // drizzle-kit exits 0 even when it fails, so also insist on its "nothing to do" message.
    expect(`${stdout}${stderr}`).toMatch(/No schema changes/i);
  }, 60_000);
});
