// Static files (public/) are served without the Worker, so public/_headers must carry the same
// security headers that src/web/security.ts puts on every page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
