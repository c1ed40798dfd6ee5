// Fails when worker-configuration.d.ts no longer matches wrangler.toml.
// (Fix: `npm run cf-typegen` and commit worker-configuration.d.ts.)
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');
const workDir = mkdtempSync(join(tmpdir(), 'wt-types-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('generated Env types', () => {
  it('worker-configuration.d.ts is what `wrangler types` generates now', async () => {
    const fresh = join(workDir, 'worker-configuration.d.ts');
    // The same flags as `npm run cf-typegen`. `--env-file=/dev/null` keeps wrangler from reading
    // .dev.vars, whose local secrets (CONTACT_KEYS, written by `npm start`) would otherwise become
    // required Env fields; secrets are declared, optional, in src/env.ts.
    await run(
      join(root, 'node_modules/.bin/wrangler'),
      ['types', '--env-file=/dev/null', '--include-runtime=false', '--strict-vars=false', fresh],
      { cwd: root, timeout: 50_000, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
    );
    const committed = readFileSync(join(root, 'worker-configuration.d.ts'), 'utf8');
    // Three things depend on where the file was written: the command in the header names the path,
    // the main module is imported relative to it, and the header's hash is of that content. Put
    // the first two back as they read from the root, and leave the hash out (the body it
    // summarizes is compared in full).
    const mainFromTmp = relative(workDir, join(root, 'src/index'));
    const withoutHash = (text: string) => text.replace(/\(hash: [0-9a-f]+\)/, '(hash)');
    const generated = readFileSync(fresh, 'utf8')
      .replace(` ${fresh}\``, '`')
      .replace(`import("${mainFromTmp}")`, 'import("./src/index")');
    expect(withoutHash(committed), 'Env types are stale: run `npm run cf-typegen`').toBe(
      withoutHash(generated),
    );
  }, 60_000);
});
