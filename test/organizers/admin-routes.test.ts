import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { ORIGIN, request } from '../helpers';

/**
 * Every route under /admin, read from the app itself, so routes that features add later are
 * checked without anyone editing this test. Middleware (`use`) shows up as method ALL.
 */
function adminRoutes() {
  const seen = new Set<string>();
  const routes: { method: string; path: string }[] = [];
  for (const route of buildApp().routes) {
    if (route.method === 'ALL') continue;
    if (route.path !== '/admin' && !route.path.startsWith('/admin/')) continue;
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method: route.method, path: route.path });
  }
  return routes;
}

const DUMMIES = ['1', 'dummy', 'x', '00000000-0000-4000-8000-000000000000', '2027-01-01', 'a'];

/** A concrete path for a route pattern: each `:param` (with its optional regex) gets a value it accepts. */
export function fillParams(path: string): string {
  return path
    .replace(
      /:(\w+)(\{((?:[^{}]|\{[^}]*\})*)\})?\??/g,
      (_whole, _name: string, _braces, pattern?: string) => {
        if (!pattern) return 'dummy';
        const regex = new RegExp(`^(?:${pattern})$`);
        const value = DUMMIES.find((candidate) => regex.test(candidate));
        if (!value) throw new Error(`No dummy value fits ${pattern} in ${path}`);
        return value;
      },
    )
    .replace(/\*/g, 'x');
}

describe('every /admin route refuses a request without a session', () => {
  const routes = adminRoutes();

  it('finds the admin routes (at least the dashboard)', () => {
    expect(routes).toContainEqual({ method: 'GET', path: '/admin' });
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_label, route) => {
    const path = fillParams(route.path);
    if (route.method === 'GET') {
      const page = await request(path);
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toMatch(/^\/sign-in\?next=/);
      const api = await request(path, { headers: { accept: 'application/json' } });
      expect(api.status).toBe(401);
    } else {
      // From our own origin, so CSRF passes and it is the sign-in check that refuses.
      const response = await request(path, {
        method: route.method,
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: route.method === 'HEAD' ? undefined : 'x=1',
      });
      expect([401, 303]).toContain(response.status);
      if (response.status === 303) expect(response.headers.get('location')).toMatch(/^\/sign-in/);
    }
  });

  it('also refuses a forged or expired session cookie', async () => {
    for (const { method, path } of routes.filter((r) => r.method === 'GET')) {
      const response = await request(fillParams(path), {
        method,
        cookie: '__Host-wt_session=forged-session-id',
      });
      expect(response.status).toBe(303);
    }
  });
});

describe('fillParams', () => {
  it('fills plain and regex params', () => {
    expect(fillParams('/admin/letters/:id')).toBe('/admin/letters/dummy');
    expect(fillParams('/admin/bills/:id{[0-9]+}/edit')).toBe('/admin/bills/1/edit');
    expect(fillParams('/admin/files/*')).toBe('/admin/files/x');
  });
});
