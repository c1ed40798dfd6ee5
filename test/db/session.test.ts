import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { BOOKMARK_COOKIE, acceptedBookmark, sessionStart } from '../../src/db/session';
import type { AppEnv } from '../../src/env';
import { databaseSession } from '../../src/web/db-session';
import { cookieFrom, request } from '../helpers';
import { makeLetter, sign, signatureFields } from '../letters/fixtures';

const BOOKMARK = '00000000-0000000c-00000000-00000000000000000000000000000000';

describe('which bookmark a request starts from', () => {
  it('accepts what D1 writes and ignores anything else', () => {
    expect(acceptedBookmark(BOOKMARK)).toBe(BOOKMARK);
    expect(acceptedBookmark(undefined)).toBeUndefined();
    expect(acceptedBookmark('')).toBeUndefined();
    expect(acceptedBookmark('first-primary')).toBeUndefined();
    expect(acceptedBookmark('0000-zz')).toBeUndefined();
    expect(acceptedBookmark(`${'0'.repeat(65)}-1`)).toBeUndefined();
  });

  it('starts after the visitor’s own write, on the primary for a write, anywhere for a read', () => {
    expect(sessionStart(BOOKMARK, false)).toBe(BOOKMARK);
    expect(sessionStart(BOOKMARK, true)).toBe(BOOKMARK);
    expect(sessionStart(undefined, true)).toBe('first-primary');
    expect(sessionStart(undefined, false)).toBe('first-unconstrained');
  });
});

/** A D1 binding that records where sessions start and answers a fixed bookmark after a statement. */
function recordingD1(after: string) {
  const starts: string[] = [];
  let ran = false;
  const session = {
    prepare: () => ({ run: async () => ((ran = true), { success: true }) }),
    batch: async () => [],
    getBookmark: () => (ran ? after : null),
  };
  const d1 = { withSession: (start: string) => (starts.push(start), session) };
  return { d1: d1 as unknown as D1Database, starts };
}

function appOver(d1: D1Database) {
  const app = new Hono<AppEnv>();
  app.use('*', databaseSession);
  const write = async (c: { env: Env }) => (await c.env.DB.prepare('insert …').run(), new Response('ok'));
  app.get('/read', (c) => c.text(c.env.DB === d1 ? 'binding' : 'session'));
  app.post('/write', (c) => write(c));
  app.post('/refused', async (c) => (await c.env.DB.prepare('select 1').run(), c.text('no', 422)));
  return (path: string, init: RequestInit = {}) =>
    app.fetch(new Request(`https://welcome.test${path}`, init), { DB: d1 } as unknown as Env);
}

describe('the request’s database session', () => {
  it('sends a read anywhere, sets no cookie, and never hands the handler the bare binding', async () => {
    const { d1, starts } = recordingD1(BOOKMARK);
    const response = await appOver(d1)('/read');
    expect(await response.text()).toBe('session');
    expect(starts).toEqual(['first-unconstrained']);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('starts a write on the primary and hands its bookmark back in a cookie', async () => {
    const { d1, starts } = recordingD1(BOOKMARK);
    const response = await appOver(d1)('/write', { method: 'POST' });
    expect(starts).toEqual(['first-primary']);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${BOOKMARK_COOKIE}=`));
    expect(cookie).toContain(`${BOOKMARK_COOKIE}=${BOOKMARK}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Max-Age=600/i);
  });

  it('sets no cookie after a request that only read, whatever its method', async () => {
    const { d1, starts } = recordingD1(BOOKMARK);
    const response = await appOver(d1)('/refused', { method: 'POST' });
    expect(response.status).toBe(422);
    expect(starts).toEqual(['first-primary']);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('continues from the bookmark a visitor carries, and ignores a forged one', async () => {
    const { d1, starts } = recordingD1(BOOKMARK);
    const fetchApp = appOver(d1);
    await fetchApp('/read', { headers: { cookie: `${BOOKMARK_COOKIE}=${BOOKMARK}` } });
    await fetchApp('/read', { headers: { cookie: `${BOOKMARK_COOKIE}=first-primary` } });
    expect(starts).toEqual([BOOKMARK, 'first-unconstrained']);
  });
});

describe('on the whole app', () => {
  it('signing answers with a bookmark; the letter page with none, with or without one', async () => {
    const letter = await makeLetter();
    const signed = await sign(letter.slug, signatureFields());
    expect(signed.status).toBe(303);
    const bookmark = cookieFrom(signed, BOOKMARK_COOKIE);
    expect(acceptedBookmark(bookmark?.split('=')[1])).toBeDefined();

    const page = await request(`/letters/${letter.slug}`, { cookie: bookmark });
    expect(page.status).toBe(200);
    expect(cookieFrom(page, BOOKMARK_COOKIE)).toBeUndefined();
    const forged = await request(`/letters/${letter.slug}`, { cookie: `${BOOKMARK_COOKIE}=nonsense` });
    expect(forged.status).toBe(200);
  });
});
