// Static files (public/) are served without the Worker, so public/_headers must carry the same
// security headers that src/web/security.ts puts on every page; and every other address goes to the
// Worker first (wrangler.toml's run_worker_first), so each file must be left out there by name.
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/env';
import { securityHeaders } from '../../src/web/security';

/** The headers public/_headers gives every path (the `/*` block). */
function staticHeaders(): Map<string, string> {
  const lines = readFileSync(resolve(__dirname, '../../public/_headers'), 'utf8').split('\n');
  const headers = new Map<string, string>();
  let inAll = false;
  for (const line of lines) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    if (!inAll) continue;
    const at = line.indexOf(':');
    headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return headers;
}

/** The headers an ordinary page gets (no Turnstile, not embeddable, no private link, signed out). */
async function pageHeaders(): Promise<Headers> {
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders);
  app.use('*', async (c, next) => {
    c.set('organizer', null);
    await next();
  });
  app.get('/', (c) => c.text('page'));
  const response = await app.request('/', {}, { TURNSTILE_SITE_KEY: '' });
  return response.headers;
}

describe('public/_headers', () => {
  it('sets every security header a page gets, with the same value', async () => {
    const fromFile = staticHeaders();
    const fromPages = await pageHeaders();
    const names = [
      'content-security-policy',
      'strict-transport-security',
      'x-content-type-options',
      'referrer-policy',
      'cross-origin-opener-policy',
      'permissions-policy',
      'x-frame-options',
    ];
    for (const name of names) {
      expect(fromPages.get(name), `pages set ${name}`).toBeTruthy();
      expect(fromFile.get(name), `public/_headers: ${name}`).toBe(fromPages.get(name));
    }
  });
});

/** wrangler.toml's `run_worker_first` patterns (one line, a JSON-shaped list of strings). */
function runWorkerFirst(config = 'wrangler.toml'): string[] {
  const toml = readFileSync(resolve(__dirname, '../..', config), 'utf8');
  const line = /^run_worker_first\s*=\s*(\[.*\])\s*$/m.exec(toml);
  expect(line, 'wrangler.toml sets run_worker_first').toBeTruthy();
  return JSON.parse(line![1]!) as string[];
}

/** Whether a path is one of a list of patterns (a trailing `*` matches the rest of the path). */
function matches(path: string, pattern: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

describe('run_worker_first', () => {
  const patterns = runWorkerFirst();
  const served = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));

  it('sends every address to the Worker first', () => {
    expect(patterns).toContain('/*');
    for (const path of ['/', '/letters/a-letter', '/admin', '/api/v1']) {
      expect(
        served.some((pattern) => matches(path, pattern)),
        path,
      ).toBe(false);
    }
  });

  it("is the same for the benchmark's floor that measures what the files' router costs", () => {
    expect(runWorkerFirst('bench/floor/wrangler.assets.toml')).toEqual(patterns);
  });

  it('leaves out every file in public/, so the files are served as files', () => {
    const root = resolve(__dirname, '../../public');
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== '_headers')
      .map((entry) => '/' + relative(root, resolve(entry.parentPath, entry.name)));
    expect(files).toContain('/app.css');
    for (const file of files) {
      expect(
        served.some((pattern) => matches(file, pattern)),
        `${file} is named in run_worker_first`,
      ).toBe(true);
    }
  });
});
