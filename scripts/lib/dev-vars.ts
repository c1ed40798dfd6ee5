// Local runs are development runs: wrangler.toml says ENVIRONMENT="production" (so a plain
// `wrangler deploy` never publishes /dev/mail), and `.dev.vars`, which only `wrangler dev` and the
// scripts' local platform read, says development. It also holds the local CONTACT_KEYS (the key
// that seals contact fields), made at random on the first run. `npm run demo:seed` (part of
// `npm start`) makes sure of both, keeping everything else already in the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { newKeyEntry } from '../../src/lib/sealed';

/** The line `.dev.vars` needs for local runs. */
export const DEVELOPMENT_LINE = 'ENVIRONMENT=development';

function appended(current: string | null, lines: string): string {
  if (current === null || current.trim() === '') return `${lines}\n`;
  return `${current.replace(/\n*$/, '\n')}\n${lines}\n`;
}

/** `.dev.vars` text with ENVIRONMENT set (left as it is when the file already sets it). */
export function withDevelopmentEnvironment(current: string | null): string {
  if (current !== null && /^\s*ENVIRONMENT\s*=/m.test(current)) return current;
  return appended(
    current,
    `# Local runs only (wrangler.toml says production); never committed.\n${DEVELOPMENT_LINE}`,
  );
}

/** `.dev.vars` text with a CONTACT_KEYS line (a new random key; left as it is when one is set). */
export function withContactKeys(current: string | null, entry = newKeyEntry('local1')): string {
  if (current !== null && /^[ \t]*CONTACT_KEYS[ \t]*=[ \t]*\S/m.test(current)) return current;
  // An empty `CONTACT_KEYS=` (copied from .dev.vars.example) gets the key in its place.
  if (current !== null && /^[ \t]*CONTACT_KEYS[ \t]*=[ \t]*$/m.test(current))
    return current.replace(/^[ \t]*CONTACT_KEYS[ \t]*=[ \t]*$/m, `CONTACT_KEYS=${entry}`);
  return appended(
    current,
    `# The local key that seals phones, addresses and stories (docs/privacy.md); keep it, or the\n# sealed values in .wrangler/state can no longer be opened.\nCONTACT_KEYS=${entry}`,
  );
}

/** Writes `.dev.vars` in `dir` when it lacks ENVIRONMENT or CONTACT_KEYS; returns what it added. */
export function ensureDevelopmentVars(dir = process.cwd()): string[] {
  const path = `${dir}/.dev.vars`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  const withEnvironment = withDevelopmentEnvironment(current);
  const next = withContactKeys(withEnvironment);
  const added = [
    ...(withEnvironment !== current ? ['ENVIRONMENT=development'] : []),
    ...(next !== withEnvironment ? ['a random CONTACT_KEYS'] : []),
  ];
  if (added.length) writeFileSync(path, next);
  return added;
}
