import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { importOpenStatesText } from '../../src/bills/movements';
import { OPENSTATES_SOURCE, updateBillsFromOpenStates } from '../../src/bills/openstates';
import { getBillBySlug, getSyncState } from '../../src/bills/queries';
import { billMovements } from '../../src/bills/schema';
import { organizerCookie, request, stubFetch } from '../helpers';
import singleBill from '../fixtures/openstates/ga-sb-901.json';
import committeePassage from '../fixtures/openstates/ga-sb-901-committee-passage.json';

const db = getDb(env);
const sent: unknown[] = [];
const queue = { send: async (body: unknown) => void sent.push(body) } as unknown as Queue;
const withKey = { DB: env.DB, ALERT_QUEUE: queue, OPENSTATES_API_KEY: 'os-test-key' };
let restore: (() => void) | null = null;
afterEach(() => restore?.());

beforeAll(async () => {
  await importOpenStatesText(db, JSON.stringify(singleBill), Date.parse('2027-01-13T00:00:00Z'));
});

describe('updateBillsFromOpenStates', () => {
  it('does nothing without an API key', async () => {
    const stub = stubFetch(() => new Response('{}'));
    restore = stub.restore;
    expect(await updateBillsFromOpenStates({ ...withKey, OPENSTATES_API_KEY: undefined })).toBeNull();
    expect(stub.calls).toHaveLength(0);
  });

  it('asks for the tracked bills with the key header, stores new actions and fans out the movement', async () => {
    const stub = stubFetch(() =>
      Response.json({ results: [committeePassage], pagination: { page: 1, max_page: 1 } }),
    );
    restore = stub.restore;
    const at = Date.parse('2027-02-11T12:00:00Z');
    expect(await updateBillsFromOpenStates(withKey, at)).toBe(1);
    const [call] = stub.calls;
    const url = new URL(call!.url);
    expect(url.origin).toBe('https://v3.openstates.org');
    expect(url.searchParams.get('jurisdiction')).toBe('ga');
    expect(url.searchParams.getAll('identifier')).toEqual(['SB 901']);
    expect(url.searchParams.getAll('include')).toEqual(
      expect.arrayContaining(['actions', 'sponsorships', 'sources']),
    );
    expect(url.searchParams.get('updated_since')).toBeNull();
    expect(call!.headers.get('x-api-key')).toBe('os-test-key');
    expect((await getBillBySlug(db, 'ga', 'sb-901'))!.derivedStage).toBe('passed_committee');
    expect(sent).toEqual([expect.objectContaining({ page: 0, after: '' })]);
    expect((await getSyncState(db, OPENSTATES_SOURCE))!.lastSuccessAt).toBe(at);
  });

  it('asks only for what changed since the last run, and the same answer again changes nothing', async () => {
    const stub = stubFetch(() => Response.json({ results: [committeePassage] }));
    restore = stub.restore;
    const movementsBefore = (await db.select().from(billMovements)).length;
    expect(await updateBillsFromOpenStates(withKey, Date.parse('2027-02-11T13:00:00Z'))).toBe(0);
    expect(new URL(stub.calls[0]!.url).searchParams.get('updated_since')).toBe('2027-02-11T11:00:00');
    expect((await db.select().from(billMovements)).length).toBe(movementsBefore);
  });

  it('keeps bills working when Open States is unreachable, and the admin page says when the last update was', async () => {
    const stub = stubFetch(() => {
      throw new TypeError('fetch failed');
    });
    restore = stub.restore;
    expect(await updateBillsFromOpenStates(withKey, Date.parse('2027-02-12T13:00:00Z'))).toBeNull();
    const state = await getSyncState(db, OPENSTATES_SOURCE);
    expect(state).toMatchObject({
      lastSuccessAt: Date.parse('2027-02-11T13:00:00Z'),
      lastError: 'fetch failed',
    });
    stub.restore();
    restore = null;
    expect((await request('/bills/ga/sb-901')).status).toBe(200);
    const admin = await (await request('/admin/bills', { cookie: await organizerCookie() })).text();
    expect(admin).toContain('Last successful update from Open States: February 11, 2027');
    expect(admin).toContain('The last attempt failed');
  });
});
