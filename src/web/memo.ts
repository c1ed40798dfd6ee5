// A small per-isolate memo of rendered public pages. A letter that goes viral is read thousands of
// times a minute and changes a few times a second at most: each isolate renders a page once per
// few seconds instead of once per reader (see docs/performance.md, "Where the time goes").
// Only for anonymous GETs; writes that change what a page shows forget its entries in this
// isolate, and other isolates catch up within the time-to-live.
import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** How long a rendered public page is reused by an isolate. */
export const PAGE_MEMO_TTL_MS = 5_000;
/** At most this many pages per isolate (a page is 10–60 KB: a few MB at most). */
const MAX_ENTRIES = 200;
/** Sent with a memoized page: browsers may reuse it as long as the isolate does; shared caches may not (the language is negotiated). */
export const PUBLIC_PAGE_CACHE_CONTROL = `private, max-age=${PAGE_MEMO_TTL_MS / 1000}`;

interface Entry {
  html: string;
  /** What the page shows (e.g. a letter id): writes forget every page of a tag. */
  tag: string;
  expires: number;
}

/** A map of rendered pages with a time-to-live, a size bound, and forgetting by tag. */
export class PageMemo {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = PAGE_MEMO_TTL_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** The page stored under `key` if it has not expired. */
  get(key: string, now = Date.now()): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.html;
  }

  /** Stores a page; the oldest entry goes when the memo is full. */
  set(key: string, tag: string, html: string, now = Date.now()): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { html, tag, expires: now + this.ttlMs });
  }

  /** Forgets every page of a tag (a letter whose signers or text changed). */
  forget(tag: string): void {
    for (const [key, entry] of this.entries) if (entry.tag === tag) this.entries.delete(key);
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }

  /** How many pages are stored (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

/** The one memo of public pages of this isolate. */
export const publicPages = new PageMemo();

/** Cookie set after a change a person must see at once (they confirmed their signature): their requests skip the memo. */
export const FRESH_COOKIE = 'wt_fresh';

let enabledInTests = false;

/**
 * Worker tests insert rows straight into D1 and read pages right after, in one isolate shared by
 * test files: the memo is off there unless a test of the memo itself turns it on.
 */
export function setPageMemoInTests(on: boolean): void {
  enabledInTests = on;
  publicPages.clear();
}

/** True when the person just changed what public pages show (FRESH_COOKIE): they must see it at once. */
function wantsFresh(c: Context<AppEnv>): boolean {
  return (c.req.header('cookie') ?? '').split(/;\s*/).some((pair) => pair.startsWith(`${FRESH_COOKIE}=`));
}

/**
 * Serves a public page from the memo, or renders it and stores it. `key` must name everything the
 * page depends on besides the language and the query string (both added here; the layout's
 * language switch links back to the exact address); addresses whose query string `search` does
 * not accept are rendered without the memo, so odd query strings cannot crowd it. `render`
 * returns the response and the tag of what it shows. Organizers (no-store, set by the security headers), people who just changed the
 * page (FRESH_COOKIE: no-store) and non-GETs always get a fresh render.
 */
export async function memoizedPage(
  c: Context<AppEnv>,
  key: string,
  render: () => Promise<{ response: Response; tag: string }>,
  search: RegExp = /^$/,
): Promise<Response> {
  if (c.req.method !== 'GET' || c.var.organizer) return (await render()).response;
  if (wantsFresh(c)) {
    const { response } = await render();
    response.headers.set('Cache-Control', 'no-store');
    return response;
  }
  const headers = {
    'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL,
    // The language comes from the cookie or Accept-Language.
    Vary: 'Accept-Language, Cookie',
  };
  const query = new URL(c.req.url).search;
  const useMemo = (c.env.ENVIRONMENT !== 'test' || enabledInTests) && search.test(query);
  const fullKey = `${c.var.lang} ${key} ${query}`;
  const hit = useMemo ? publicPages.get(fullKey) : undefined;
  if (hit !== undefined) return c.html(hit, 200, headers);
  const { response, tag } = await render();
  if (response.status !== 200) return response;
  const html = await response.text();
  if (useMemo) publicPages.set(fullKey, tag, html);
  return c.html(html, 200, headers);
}

/**
 * A text transformation (Markdown to HTML, an excerpt) done once per distinct input, not per
 * reader: keyed by the text itself, so a changed letter is rendered anew and nothing goes stale.
 * Keeps the last `max` inputs.
 */
export function memoByText(transform: (text: string) => string, max = 50): (text: string) => string {
  const done = new Map<string, string>();
  return (text) => {
    let result = done.get(text);
    if (result === undefined) {
      result = transform(text);
      if (done.size >= max) done.delete(done.keys().next().value!);
      done.set(text, result);
    }
    return result;
  };
}
