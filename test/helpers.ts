import { exports } from 'cloudflare:workers';

/** The origin tests run under (PUBLIC_URL in vitest.config.ts). */
export const ORIGIN = 'https://welcome.test';

/** Calls the Worker like a browser would. */
export async function request(path: string, init: RequestInit & { cookie?: string; lang?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.lang) headers.set('accept-language', init.lang);
  if (!headers.has('accept')) headers.set('accept', 'text/html');
  return exports.default.fetch(new Request(new URL(path, ORIGIN), { ...init, headers, redirect: 'manual' }));
}

/** Posts a form from our own origin (as a page of the site would). */
export async function postForm(
  path: string,
  fields: Record<string, string | string[]>,
  options: { cookie?: string; lang?: string; origin?: string | null; headers?: Record<string, string> } = {},
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of ([] as string[]).concat(value)) body.append(name, v);
  }
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    ...options.headers,
  };
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  return request(path, { method: 'POST', body, headers, cookie: options.cookie, lang: options.lang });
}

/** The value of a cookie set by a response, as a `name=value` pair for the next request. */
export function cookieFrom(response: Response, name: string): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair?.startsWith(`${name}=`)) return pair;
  }
  return undefined;
}

type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Replaces the global fetch for the rest of a test (tests share the Worker's isolate, so this is
 * what the app sees). Returns the requests made, and restores fetch when `restore` is called.
 */
export function stubFetch(handler: FetchHandler) {
  const original = globalThis.fetch;
  const calls: Request[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    calls.push(req.clone());
    return handler(req);
  }) as typeof fetch;
  return {
    calls,
    restore() {
      globalThis.fetch = original;
    },
  };
}

/**
 * A signed-in organizer's session cookie, made directly in the database (the sign-in flow itself is
 * tested in test/organizers). Use it for /admin tests.
 */
export async function organizerCookie(
  email = 'organizer@example.org',
  role: 'owner' | 'organizer' | 'viewer' = 'organizer',
): Promise<string> {
  const { env } = await import('cloudflare:workers');
  const { hashToken, newToken } = await import('../src/lib/tokens');
  const id = `organizer-${email}`;
  const at = Date.now();
  await env.DB.prepare('INSERT OR IGNORE INTO organizers (id, email, name, created_at) VALUES (?, ?, ?, ?)')
    .bind(id, email, 'Test Organizer', at)
    .run();
  await env.DB.prepare('UPDATE organizers SET role = ? WHERE email = ?').bind(role, email).run();
  const row = await env.DB.prepare('SELECT id FROM organizers WHERE email = ?')
    .bind(email)
    .first<{ id: string }>();
  const sessionId = newToken();
  await env.DB.prepare(
    'INSERT INTO organizer_sessions (id_hash, organizer_id, created_at, last_seen_at, authenticated_at) VALUES (?, ?, ?, ?, ?)',
  )
    .bind(await hashToken(sessionId), row!.id, at, at, at)
    .run();
  return `__Host-wt_session=${sessionId}`;
}

/**
 * The session a fake D1 binding hands out: statements go through the fake itself. The app runs each
 * request through `env.DB.withSession()` (src/db/session.ts), which a Proxy over the real binding
 * would otherwise answer with a session on the real one, around the fake.
 */
export function sessionThrough(fake: D1Database): D1DatabaseSession {
  return {
    prepare: (query) => fake.prepare(query),
    batch: (statements) => fake.batch(statements),
    getBookmark: () => null,
  };
}
