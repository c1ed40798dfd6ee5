// The edge cache of public pages (src/web/edge-cache.ts): who gets a cached page, what is never
// stored, how a stale page is refreshed, and that counts stay right while people sign and read.
import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHARED_PAGES } from '../../src/app';
import type { AppEnv } from '../../src/env';
import {
  FRESH_MS,
  ITEM_ADDRESSES,
  STALE_LIMIT_MS,
  edgeCache,
  isAnonymous,
  pageCacheKey,
  purgeItemPages,
  purgePages,
  setEdgeCacheInTests,
} from '../../src/web/edge-cache';
import { createDay, registrationFields, stubGeocoder } from '../advocacy-days/fixtures';
import { countSignatures } from '../../src/letters/queries';
import {
  addSignature,
  db,
  emailsTo,
  freshIp,
  linksIn,
  makeLetter,
  press,
  sign,
  signatureFields,
} from '../letters/fixtures';
import { postForm, request } from '../helpers';

beforeEach(() => setEdgeCacheInTests(true));
afterEach(() => {
  setEdgeCacheInTests(false);
  vi.restoreAllMocks();
});

describe('which requests share a cached page', () => {
  it('keys a page by its address and language on the site origin', () => {
    const en = pageCacheKey(env, '/letters/a/signers?page=2', 'en');
    const es = pageCacheKey(env, '/letters/a/signers?page=2', 'es');
    expect(en).toBe('https://welcome.test/letters/a/signers?page=2&__lang=en');
    expect(es).toBe('https://welcome.test/letters/a/signers?page=2&__lang=es');
  });

  it('counts a visitor as anonymous with no cookie or only the language one', () => {
    expect(isAnonymous(undefined)).toBe(true);
    expect(isAnonymous('wt_lang=es')).toBe(true);
    expect(isAnonymous('__Host-wt_db=00000001-00000002')).toBe(false);
    expect(isAnonymous('__Host-wt_session=abc')).toBe(false);
    expect(isAnonymous('wt_lang=es; wt_fresh=1')).toBe(false);
    expect(isAnonymous('tracking=1')).toBe(false);
  });

  it('lists the public pages and none of the private links beside them', () => {
    const shared = (address: string) => SHARED_PAGES.some((page) => page.test(address));
    for (const address of [
      '/',
      '/letters',
      '/letters/trust-now',
      '/letters/trust-now/signers',
      '/letters/trust-now/signers?page=3',
      '/days',
      '/days/capitol-day',
      '/gatherings',
      '/gatherings/vigil',
      '/bills',
      '/bills/ga/sb-6',
      '/campaigns/alder-county-trust',
    ])
      expect(shared(address), address).toBe(true);
    for (const address of [
      '/days/r/token123',
      '/days/r/token123/change',
      '/letters/trust-now/confirm/token123',
      '/letters/trust-now/withdraw/token123',
      '/letters/trust-now/thanks',
      '/letters/trust-now/check-email',
      '/letters/trust-now/embed',
      '/letters/updates/token123/one-click-unsubscribe',
      '/bills/subscriptions/token123',
      '/bills?state=GA',
      '/letters/trust-now?utm_source=x',
      '/admin',
      '/admin/letters',
      '/privacy',
      '/sign-in',
    ])
      expect(shared(address), address).toBe(false);
  });
});

describe('what is never stored', () => {
  /** A small app with the cache in front, whose page answers as the test says. */
  function appAnswering(answer: (c: import('hono').Context<AppEnv>) => Response | Promise<Response>) {
    let renders = 0;
    const app = new Hono<AppEnv>();
    app.use(
      '*',
      edgeCache([/^\/page-\d+$/], (request, workerEnv, ctx) => app.fetch(request, workerEnv, ctx)),
    );
    app.on(['GET', 'POST'], '/:page', (c) => {
      renders += 1;
      return answer(c);
    });
    return {
      get: (path: string) => app.request(path, {}, env),
      post: (path: string) => app.request(path, { method: 'POST' }, env),
      renders: () => renders,
    };
  }
  let n = 0;
  const path = () => `/page-${Date.now()}${++n}`;

  it('stores a 200 page, and never one that sets a cookie, a 422, a 404 or a POST', async () => {
    const ok = appAnswering((c) => c.html('<p>ok</p>'));
    const okPath = path();
    expect((await ok.get(okPath)).headers.get('x-cache')).toBe('miss');
    expect((await ok.get(okPath)).headers.get('x-cache')).toBe('hit');
    expect(ok.renders()).toBe(1);

    const cookie = appAnswering((c) => {
      setCookie(c, 'someone', '1');
      return c.html('<p>yours</p>');
    });
    const cookiePath = path();
    await cookie.get(cookiePath);
    const again = await cookie.get(cookiePath);
    expect(again.headers.get('x-cache')).toBe('bypass');
    expect(cookie.renders()).toBe(2);

    for (const status of [422, 404, 500] as const) {
      const refused = appAnswering((c) => c.html('<p>no</p>', status));
      const refusedPath = path();
      await refused.get(refusedPath);
      await refused.get(refusedPath);
      expect(refused.renders(), String(status)).toBe(2);
    }

    const posted = appAnswering((c) => c.html('<p>posted</p>'));
    const postedPath = path();
    await posted.post(postedPath);
    expect((await posted.get(postedPath)).headers.get('x-cache')).toBe('miss');
  });

  it('does not store a page whose render overlapped a purge of its address', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let version = 1;
    const app = new Hono<AppEnv>();
    app.use(
      '*',
      edgeCache([/^\/slow-\d+$/], (req, workerEnv, ctx) => app.fetch(req, workerEnv, ctx)),
    );
    app.post('/purge/:page', async (c) => {
      await purgePages(c, [`/${c.req.param('page')}`]);
      return c.text('purged');
    });
    app.get('/:page', async (c) => {
      const read = version; // what the page shows is read before the change…
      await gate; // …and stored after the purge
      return c.html(`<p>v${read}</p>`);
    });
    const page = `slow-${Date.now()}`;
    const inFlight = app.request(`/${page}`, {}, env);
    await new Promise((resolve) => setTimeout(resolve, 10));
    version = 2;
    await app.request(`/purge/${page}`, { method: 'POST' }, env);
    release();
    expect(await (await inFlight).text()).toContain('v1');
    const next = await app.request(`/${page}`, {}, env);
    expect(next.headers.get('x-cache')).toBe('miss');
    expect(await next.text()).toContain('v2');
  });

  it("purges an item's pages after an organizer's change succeeds, and not after a refused one", async () => {
    const stamp = Date.now();
    const items = new Map([[`item-${stamp}`, `/shown-${stamp}`]]);
    const list = `/list-${stamp}`;
    let version = 1;
    const app = new Hono<AppEnv>();
    app.use(
      '*',
      edgeCache([/^\/(shown|list)-\d+$/], (req, workerEnv, ctx) => app.fetch(req, workerEnv, ctx)),
    );
    const admin = new Hono<AppEnv>();
    admin.on(
      'POST',
      ITEM_ADDRESSES,
      // The item is read before the change: a change that renames it still purges its old page.
      purgeItemPages(
        async (_db, id) => items.get(id),
        (page) => [page],
        [list],
      ),
    );
    admin.post('/:id/:outcome', (c) => {
      if (c.req.param('outcome') === 'refused') return c.text('no', 422);
      version += 1;
      items.delete(c.req.param('id'));
      return c.text('saved');
    });
    app.route('/admin', admin);
    app.get('/:page', (c) => c.html(`<p>v${version}</p>`));
    const get = (path: string) => app.request(path, {}, env);
    const post = (path: string) => app.request(path, { method: 'POST' }, env);

    await get(`/shown-${stamp}`);
    await get(list);
    expect((await post(`/admin/item-${stamp}/refused`)).status).toBe(422);
    expect((await get(`/shown-${stamp}`)).headers.get('x-cache')).toBe('hit');

    expect((await post(`/admin/item-${stamp}/saved`)).status).toBe(200);
    const shown = await get(`/shown-${stamp}`);
    expect(shown.headers.get('x-cache')).toBe('miss');
    expect(await shown.text()).toContain('v2');
    expect((await get(list)).headers.get('x-cache')).toBe('hit');

    // No item has the id now (a new one, or one just deleted): the list pages are purged instead.
    expect((await post(`/admin/item-${stamp}/saved`)).status).toBe(200);
    const listed = await get(list);
    expect(listed.headers.get('x-cache')).toBe('miss');
    expect(await listed.text()).toContain('v3');
  });

  it('lets a visitor with the database bookmark or any other cookie pass, and stores nothing for them', async () => {
    const letter = await makeLetter();
    const bookmarked = await request(`/letters/${letter.slug}`, { cookie: '__Host-wt_db=00000001-00000002' });
    expect(bookmarked.headers.get('x-cache')).toBe('bypass');
    expect((await request(`/letters/${letter.slug}`, { cookie: 'other=1' })).headers.get('x-cache')).toBe(
      'bypass',
    );
    // Nothing was stored by those two: the first anonymous reader renders the page.
    expect((await request(`/letters/${letter.slug}`)).headers.get('x-cache')).toBe('miss');
    expect((await request(`/letters/${letter.slug}`)).headers.get('x-cache')).toBe('hit');
  });
});

describe('home, day and list pages', () => {
  it('serve the second request from the cache, and a registration purges the day page', async () => {
    const fetchMock = stubGeocoder();
    try {
      const day = await createDay({ capacity: 3 });
      for (const address of ['/', '/days', `/days/${day.slug}`]) {
        expect((await request(address)).headers.get('x-cache'), address).toBe('miss');
        expect((await request(address)).headers.get('x-cache'), address).toBe('hit');
      }
      const before = await (await request(`/days/${day.slug}`)).text();
      const registered = await postForm(
        `/days/${day.slug}/register`,
        registrationFields({ email: `cache-${Date.now()}@example.org` }),
        { headers: { 'cf-connecting-ip': freshIp() } },
      );
      expect(registered.status).toBe(303);
      const after = await request(`/days/${day.slug}`);
      expect(after.headers.get('x-cache')).toBe('miss');
      expect(await after.text()).not.toBe(before);
      expect((await request('/days')).headers.get('x-cache')).toBe('miss');
    } finally {
      fetchMock.restore();
    }
  });
});

describe('stale pages', () => {
  it('serves a page older than its fresh time once while rendering it anew, and never past the limit', async () => {
    const letter = await makeLetter();
    const path = `/letters/${letter.slug}`;
    expect(await (await request(path)).text()).toContain('0 signed');
    await addSignature(letter.id, { lastName: 'Later' });
    const start = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start + FRESH_MS + 1_000);
    const stale = await request(path);
    expect(stale.headers.get('x-cache')).toBe('stale');
    expect(await stale.text()).toContain('0 signed');
    // The refresh runs after the answer (waitUntil): the next readers get the new page.
    let next: Response | undefined;
    for (let i = 0; i < 50; i++) {
      next = await request(path);
      if (next.headers.get('x-cache') === 'hit') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(next!.headers.get('x-cache')).toBe('hit');
    expect(await next!.text()).toContain('1 signed');
    await addSignature(letter.id, { lastName: 'Much later' });
    clock.mockReturnValue(start + FRESH_MS + 1_000 + STALE_LIMIT_MS + 1_000);
    const tooOld = await request(path);
    expect(tooOld.headers.get('x-cache')).toBe('miss');
    expect(await tooOld.text()).toContain('2 signed');
  });
});

describe("this isolate's copy in front of the cache", () => {
  it("serves its copy while fresh, and follows another isolate's purge within the fresh time", async () => {
    const letter = await makeLetter();
    const path = `/letters/${letter.slug}`;
    const first = await request(path);
    expect(first.headers.get('x-cache')).toBe('miss');
    // The copy is answered before the app routes anything, with the same headers as the page.
    const again = await request(path);
    expect(again.headers.get('x-cache')).toBe('hit');
    const headersOf = (response: Response) =>
      [...response.headers].filter(([name]) => name !== 'x-cache' && name !== 'content-length');
    expect(headersOf(again)).toEqual(headersOf(first));
    expect(again.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    await addSignature(letter.id, { lastName: 'Elsewhere' });
    // Another isolate confirmed a signature and purged the shared cache: this isolate never heard.
    await caches.default.delete(pageCacheKey(env, path, 'en'));
    const copy = await request(path);
    expect(copy.headers.get('x-cache')).toBe('hit');
    expect(await copy.text()).toContain('0 signed');
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + FRESH_MS + 1);
    const after = await request(path);
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(await after.text()).toContain('1 signed');
  });
});

describe('counts under load', () => {
  it('shows every confirmed signature once signers and readers are done, in both languages', async () => {
    const letter = await makeLetter();
    const path = `/letters/${letter.slug}`;
    const signers = 24;
    let signing = true;
    const seen: number[] = [];
    const hits: string[] = [];
    const reader = async () => {
      while (signing) {
        const response = await request(path, { lang: seen.length % 2 ? 'es' : 'en' });
        hits.push(response.headers.get('x-cache') ?? '');
        const html = await response.text();
        seen.push(Number(/(\d+) (signed|firmas?)/.exec(html)?.[1] ?? -1));
      }
    };
    const signer = async (i: number) => {
      const fields = signatureFields({ lastName: `Load${i}` });
      expect((await sign(letter.slug, fields)).status).toBe(303);
      const links = linksIn((await emailsTo(fields.email!))[0]!.text);
      expect((await press(links.confirm)).status).toBe(303);
    };
    const readers = [reader(), reader(), reader()];
    for (let i = 0; i < signers; i += 6) await Promise.all([0, 1, 2, 3, 4, 5].map((j) => signer(i + j)));
    signing = false;
    await Promise.all(readers);
    expect(seen.length).toBeGreaterThan(signers);
    expect(hits).toContain('hit');
    expect(seen.every((count) => count >= 0 && count <= signers)).toBe(true);
    expect(await countSignatures(db, letter.id)).toBe(signers);
    expect(await (await request(path)).text()).toContain(`${signers} signed`);
    expect(await (await request(path, { lang: 'es' })).text()).toContain(`${signers} firmas`);
    expect(await (await request(`${path}/signers`)).text()).toContain(`Signed by ${signers} faith leaders`);
  });
});
