// Local runs are development runs: wrangler.toml says ENVIRONMENT="production" (so a plain
// `wrangler deploy` never publishes /dev/mail), and `.dev.vars`, which only `wrangler dev` and the
// scripts' local platform read, says development. `npm run demo:seed` (part of `npm start`) makes
// sure it does, keeping everything else already in the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The line `.dev.vars` needs for local runs. */
export const DEVELOPMENT_LINE = 'ENVIRONMENT=development';

/** `.dev.vars` text with ENVIRONMENT set (left as it is when the file already sets it). */
export function withDevelopmentEnvironment(current: string | null): string {
  if (current !== null && /^\s*ENVIRONMENT\s*=/m.test(current)) return current;
  const note = '# Local runs only (wrangler.toml says production); never committed.';
  if (current === null || current.trim() === '') return `${note}\n${DEVELOPMENT_LINE}\n`;
  return `${current.replace(/\n*$/, '\n')}\n${note}\n${DEVELOPMENT_LINE}\n`;
}

/** Writes `.dev.vars` in `dir` when it does not set ENVIRONMENT yet; returns whether it wrote. */
export function ensureDevelopmentVars(dir = process.cwd()): boolean {
  const path = `${dir}/.dev.vars`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  const next = withDevelopmentEnvironment(current);
  if (next === current) return false;
  writeFileSync(path, next);
  return true;
}
