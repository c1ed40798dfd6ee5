// Public pages from the Workers Cache API (caches.default): a letter that goes viral or a bill alert
// sent to thousands lands on a few pages all at once, and each reader then costs a cache lookup
// instead of D1 reads and a render. See docs/performance.md, "The edge cache".
//
// - Only anonymous GETs of the addresses the app lists (`publicPages` in app.ts), keyed by the
//   address and the language (a synthetic `__lang=` parameter): a visitor with any cookie besides
//   the language cookie (an organizer session, the database bookmark, wt_fresh, anything else)
//   bypasses the cache both ways.
// - Stored only when the page is a 200 HTML page that sets no cookie, is not a private link and
//   was not shown to an organizer; form errors (422) and POSTs never reach the cache.
// - Fresh for FRESH_MS; between FRESH_MS and STALE_LIMIT_MS a reader gets the stored page while
//   the isolate renders a new one in `waitUntil` (stale-while-revalidate, done here because
//   caches.default does not do it); after STALE_LIMIT_MS the entry is gone (its Cache-Control).
// - What changes a page purges it (`purgePages`) in this data centre at once. caches.default is
//   per data centre: elsewhere, and after changes made by jobs, the limit above is the backstop.
// - In front of caches.default, each isolate keeps the pages it served lately (`recentPages`):
//   a lookup there is a call out of the isolate, and a surge reads the same few pages thousands of
//   times. A copy is served only while fresh, so another isolate's purge reaches it within
//   FRESH_MS, like another data centre's copy.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { getDb, type Db } from '../db';
import { LANGS, LANG_COOKIE, negotiateLang, varyByLanguage, type Lang } from '../lib/i18n';
import { setSecurityHeaders } from './security';

/** How long a stored page is served as it is. */
export const FRESH_MS = 5_000;
/** How old a stored page may be when served while a new one renders; older entries are gone. */
export const STALE_LIMIT_MS = 10_000;
/** Sent to browsers with a page that may be cached: reuse it briefly, never in a shared cache (the language is negotiated). */
export const PUBLIC_PAGE_CACHE_CONTROL = `private, max-age=${FRESH_MS / 1000}`;
/** Cookie set after a change a person must see at once (they confirmed their signature): like any cookie, it skips the cache. */
export const FRESH_COOKIE = 'wt_fresh';
/** Response header telling whether the page came from the cache: hit, stale, miss or bypass. */
export const CACHE_STATUS_HEADER = 'x-cache';

// When the stored page was rendered (ms since the epoch), kept only in the cache.
const MADE_AT = 'x-cache-made-at';

let enabledInTests = false;

/**
 * Worker tests insert rows straight into D1 and read pages right after, in one isolate shared by
 * test files: the cache is off there unless a test of the cache itself turns it on.
 */
export function setEdgeCacheInTests(on: boolean): void {
  enabledInTests = on;
}

function cacheOn(env: Env): boolean {
  return env.ENVIRONMENT !== 'test' || enabledInTests;
}

/** The cache key of an address (path and query string) in a language, on the site's own origin. */
export function pageCacheKey(env: Pick<Env, 'PUBLIC_URL'>, pathAndQuery: string, lang: Lang): string {
  // Built as a string (every hit makes one): the addresses are plain paths, as SHARED_PAGES lists them.
  return `${originOf(env.PUBLIC_URL)}${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}__lang=${lang}`;
}

const origins = new Map<string, string>();
function originOf(publicUrl: string): string {
  let origin = origins.get(publicUrl);
  if (origin === undefined) {
    origin = new URL(publicUrl).origin;
    origins.set(publicUrl, origin);
  }
  return origin;
}

/** The path and query string of a request's absolute URL. */
function addressOf(url: string): string {
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

/** True when the request carries no cookie but the language one: nothing that identifies anyone. */
export function isAnonymous(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return true;
  return cookieHeader
    .split(';')
    .map((pair) => pair.trim())
    .every((pair) => pair === '' || pair.startsWith(`${LANG_COOKIE}=`));
}

// Purges counted in this isolate, to refuse storing a page whose render overlapped a purge of its
// key: it may hold what was just purged (read before the change, stored after the purge).
let purgeCount = 0;
const lastPurge = new Map<string, number>();
let forgottenUpTo = 0;
const MAX_PURGES_REMEMBERED = 1_000;

function purgedSince(key: string, count: number): boolean {
  return (lastPurge.get(key) ?? forgottenUpTo) > count;
}

/** How long after a purge it is repeated, for renders that other isolates had in flight. */
const PURGE_AGAIN_MS = 1_000;

/** The requests a background refresh made: they skip the lookup and store what they render. */
const refreshes = new WeakSet<Request>();
/** Keys being refreshed by this isolate, so a surge on a stale page starts one render, not hundreds. */
const refreshing = new Set<string>();

/** Renders a request through the whole app (app.fetch), for the background refresh. */
export type RenderPage = (request: Request, env: Env, ctx: WorkerContext) => Response | Promise<Response>;
type WorkerContext = Context<AppEnv>['executionCtx'];

function executionContext(c: Context<AppEnv>): WorkerContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // a direct app.request in a test
  }
}

/** A stored page as this isolate keeps it: the HTML, the headers a reader gets, when it was rendered. */
interface RecentPage {
  /** The page as UTF-8 bytes, encoded once: a string body would be encoded for every reader. */
  body: Uint8Array;
  headers: [string, string][];
  /** The headers of a hit, security headers included, made once (see recentPageResponder). */
  hitHeaders: [string, string][];
  madeAt: number;
}

/** The language cookie's value in a Cookie header (made once: every hit reads it). */
const LANG_COOKIE_VALUE = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([^;]*)`);

/** A shared page's security headers: not embeddable, not a private link, no organizer. */
const SHARED_PAGE_SECURITY = { embeddable: false, privateLink: false, organizer: false };

/** The pages this isolate served lately, by cache key, oldest first (a Map keeps insertion order). */
const recentPages = new Map<string, RecentPage>();
/** About a letter's worth of pages in two languages; a page is tens of KB. */
const RECENT_PAGES_MAX = 200;

function remember(env: Env, key: string, html: string, stored: Headers): void {
  const headers = new Headers(stored);
  const madeAt = Number(headers.get(MADE_AT) ?? 0);
  headers.delete(MADE_AT);
  headers.set('Cache-Control', PUBLIC_PAGE_CACHE_CONTROL);
  varyByLanguage(headers);
  const hit = new Headers(headers);
  setSecurityHeaders(hit, env, SHARED_PAGE_SECURITY);
  hit.set(CACHE_STATUS_HEADER, 'hit');
  recentPages.delete(key);
  if (recentPages.size >= RECENT_PAGES_MAX) recentPages.delete(recentPages.keys().next().value!);
  recentPages.set(key, {
    body: new TextEncoder().encode(html),
    headers: [...headers],
    hitHeaders: [...hit],
    madeAt,
  });
}

/** A remembered page as a reader gets it. */
function served(page: RecentPage, status: 'hit' | 'stale'): Response {
  if (status === 'hit') return new Response(page.body, { status: 200, headers: page.hitHeaders });
  const response = new Response(page.body, { status: 200, headers: page.headers });
  response.headers.set(CACHE_STATUS_HEADER, status);
  return response;
}

/** The page under this key while it is fresh, from this isolate or else from caches.default. */
async function lookUp(env: Env, cache: Cache, key: string): Promise<RecentPage | undefined> {
  const recent = recentPages.get(key);
  if (recent && Date.now() - recent.madeAt <= FRESH_MS) return recent;
  const stored = await cache.match(key);
  if (!stored) return undefined;
  remember(env, key, await stored.text(), stored.headers);
  return recentPages.get(key);
}

/** True when a rendered page may be kept for every anonymous reader of its address. */
function storable(c: Context<AppEnv>, response: Response): boolean {
  return (
    response.status === 200 &&
    !response.headers.has('Set-Cookie') &&
    (response.headers.get('Content-Type') ?? '').startsWith('text/html') &&
    !/no-store/.test(response.headers.get('Cache-Control') ?? '') &&
    !c.var.privateLink &&
    !c.var.organizer
  );
}

/**
 * Whether the cache applies to a request: its key when it asks for a listed page anonymously,
 * 'bypass' when the visitor carries a cookie, undefined when the cache has nothing to do with it.
 */
function sharedPage(
  request: Request,
  env: Env,
  pages: readonly RegExp[],
): { key: string; lang: Lang } | 'bypass' | undefined {
  if (request.method !== 'GET' || !cacheOn(env)) return undefined;
  const address = addressOf(request.url);
  if (!pages.some((page) => page.test(address))) return undefined;
  const cookie = request.headers.get('cookie') ?? undefined;
  if (!isAnonymous(cookie)) return 'bypass';
  const lang = negotiateLang(
    cookie?.match(LANG_COOKIE_VALUE)?.[1],
    request.headers.get('accept-language') ?? undefined,
  );
  return { key: pageCacheKey(env, address, lang), lang };
}

/**
 * Answers a request with the fresh copy of a page this isolate keeps, before the app runs at all
 * (no routing, no middleware): the commonest request of a surge. Anything else (a miss, a stale
 * copy, a cookie, another address) returns undefined and goes to the app, whose edgeCache does
 * the rest. The answer is the one edgeCache would give, security headers included.
 */
export function recentPageResponder(pages: readonly RegExp[]) {
  return function recentPage(request: Request, env: Env): Response | undefined {
    const shared = sharedPage(request, env, pages);
    if (!shared || shared === 'bypass') return undefined;
    const page = recentPages.get(shared.key);
    if (!page || Date.now() - page.madeAt > FRESH_MS) return undefined;
    return served(page, 'hit');
  };
}

/**
 * Serves the listed public pages from caches.default for anonymous GETs, and stores them after a
 * render. `pages` matches the path and query string of every cacheable address; `render` is the
 * app itself, for refreshing a stale page after the reader has it.
 */
export function edgeCache(pages: readonly RegExp[], render: RenderPage): MiddlewareHandler<AppEnv> {
  return async function edgeCache(c, next) {
    const shared = sharedPage(c.req.raw, c.env, pages);
    if (!shared) return next();
    if (shared === 'bypass') {
      await next();
      c.res.headers.set(CACHE_STATUS_HEADER, 'bypass');
      return;
    }
    const { key, lang } = shared;
    const cache = caches.default;
    const ctx = executionContext(c);
    if (!refreshes.has(c.req.raw)) {
      const stored = await lookUp(c.env, cache, key);
      if (stored) {
        const age = Date.now() - stored.madeAt;
        if (age <= FRESH_MS) return served(stored, 'hit');
        if (age <= STALE_LIMIT_MS && ctx && !refreshing.has(key)) {
          refreshing.add(key);
          const again = new Request(c.req.url, { headers: { cookie: `${LANG_COOKIE}=${lang}` } });
          refreshes.add(again);
          ctx.waitUntil(
            Promise.resolve(render(again, c.env, ctx))
              .then((response) => response.body?.cancel())
              .finally(() => refreshing.delete(key)),
          );
          return served(stored, 'stale');
        }
      }
    }
    const startedAt = purgeCount;
    await next();
    if (!storable(c, c.res) || purgedSince(key, startedAt)) {
      c.res.headers.set(CACHE_STATUS_HEADER, 'bypass');
      return;
    }
    const html = await c.res.text();
    const headers = new Headers(c.res.headers);
    headers.delete('Vary'); // the language is in the key
    headers.set('Cache-Control', `public, max-age=${STALE_LIMIT_MS / 1000}`);
    headers.set(MADE_AT, String(Date.now()));
    // Awaited: a miss happens once per page and few seconds, and the next reader then finds it.
    await cache.put(key, new Response(html, { status: 200, headers }));
    remember(c.env, key, html, headers);
    c.res = new Response(html, { status: 200, headers: c.res.headers });
    c.res.headers.set('Cache-Control', PUBLIC_PAGE_CACHE_CONTROL);
    c.res.headers.set(CACHE_STATUS_HEADER, 'miss');
  };
}

/** The addresses of one item in an organizer area (`/admin/letters/:id` and everything below it). */
export const ITEM_ADDRESSES = ['/:id', '/:id/*'];

/**
 * Middleware for an organizer area's POSTs to ITEM_ADDRESSES: once the change succeeds, the public
 * pages that showed the item purge at once in this data centre (elsewhere within STALE_LIMIT_MS).
 * The pages are read before the change, so a renamed slug's old address is purged too.
 */
export function purgeItemPages<T>(
  find: (db: Db, id: string) => Promise<T | null | undefined>,
  pagesShowing: (item: T) => readonly string[],
  /** The pages to purge when no item has the id (`new`, which makes one, or an id that is gone). */
  whenMissing: readonly string[],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const item = await find(getDb(c.env), c.req.param('id') ?? '');
    const pages = item ? pagesShowing(item) : whenMissing;
    await next();
    if (c.res.status < 400) await purgePages(c, pages);
  };
}

/**
 * Removes the stored pages of these addresses (paths, with a query string where one is part of the
 * address) in every language, in this data centre, after a change they show; again a second later,
 * in case another isolate was rendering one of them from before the change. Other data centres
 * catch up within STALE_LIMIT_MS.
 */
export async function purgePages(c: Context<AppEnv>, paths: readonly string[]): Promise<void> {
  if (!cacheOn(c.env)) return;
  const keys = paths.flatMap((path) => LANGS.map((lang) => pageCacheKey(c.env, path, lang)));
  purgeCount += 1;
  if (lastPurge.size + keys.length > MAX_PURGES_REMEMBERED) {
    lastPurge.clear();
    forgottenUpTo = purgeCount;
  }
  for (const key of keys) lastPurge.set(key, purgeCount);
  const cache = caches.default;
  const deleteAll = () =>
    Promise.all(
      keys.map((key) => {
        recentPages.delete(key);
        return cache.delete(key);
      }),
    );
  await deleteAll();
  executionContext(c)?.waitUntil(
    new Promise((resolve) => setTimeout(resolve, PURGE_AGAIN_MS)).then(deleteAll),
  );
}
