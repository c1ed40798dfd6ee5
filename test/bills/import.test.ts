import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { parseOpenStatesPayload, parseOpenStatesText, stateFromJurisdiction } from '../../src/bills/import';
import { importOpenStatesText } from '../../src/bills/movements';
import { getBillBySlug, listActions, listSponsors } from '../../src/bills/queries';
import { billMovements, bills, billActions } from '../../src/bills/schema';
import { officials } from '../../src/officials/schema';
import { request } from '../helpers';
import singleBill from '../fixtures/openstates/ga-sb-901.json';
import committeePassage from '../fixtures/openstates/ga-sb-901-committee-passage.json';
import searchPage from '../fixtures/openstates/search-page.json';
import notABill from '../fixtures/openstates/not-a-bill.json';
import malformed from '../fixtures/openstates/malformed.json?raw';

const db = getDb(env);

async function counts() {
  return {
    bills: (await db.select().from(bills)).length,
    actions: (await db.select().from(billActions)).length,
    movements: (await db.select().from(billMovements)).length,
  };
}

describe('parseOpenStatesPayload', () => {
  it('reads a single Open States v3 bill into our model', () => {
    const result = parseOpenStatesPayload(singleBill);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [bill] = result.bills;
    expect(bill).toMatchObject({
      openstatesId: 'ocd-bill/5c2d9e0a-7f1b-4a5e-9d0c-000000000901',
      state: 'GA',
      session: '2027_28',
      identifier: 'SB 901',
    });
    expect(bill!.summary).toContain('deferred action');
    expect(bill!.actions).toHaveLength(2);
    expect(bill!.actions[0]).toMatchObject({ date: '2027-01-12', chamberKind: 'upper', position: 1 });
    expect(bill!.sponsors).toEqual([
      expect.objectContaining({
        name: 'Jane Sponsor',
        personId: 'ocd-person/11111111-2222-3333-4444-555555555555',
        primary: true,
      }),
      expect.objectContaining({ name: 'Senator Without Id', personId: null }),
    ]);
    expect(bill!.sources.map((s) => s.url)).toContain('https://www.legis.ga.gov/legislation/901');
  });

  it('reads a search page of several bills', () => {
    const result = parseOpenStatesPayload(searchPage);
    expect(result.ok && result.bills.map((b) => b.identifier)).toEqual(['SB 901', 'HB 902']);
  });

  it('refuses JSON that is not an Open States bill, saying where', () => {
    const result = parseOpenStatesPayload(notABill);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Open States/);
  });

  it('refuses malformed JSON with a clear message', () => {
    const result = parseOpenStatesText(malformed);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('not valid JSON') });
  });

  it('reads the state from the jurisdiction id', () => {
    expect(stateFromJurisdiction('ocd-jurisdiction/country:us/state:sc/government')).toBe('SC');
    expect(stateFromJurisdiction('ocd-jurisdiction/country:us/government')).toBeNull();
  });
});

describe('importOpenStatesText', () => {
  it('writes nothing for malformed JSON or a wrong shape', async () => {
    const before = await counts();
    expect((await importOpenStatesText(db, malformed)).ok).toBe(false);
    expect((await importOpenStatesText(db, JSON.stringify(notABill))).ok).toBe(false);
    // A page where the second bill is broken: the first is not stored either.
    const halfBroken = { results: [singleBill, { ...singleBill, id: 'not-an-ocd-id' }] };
    expect((await importOpenStatesText(db, JSON.stringify(halfBroken))).ok).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('adds a new bill with its actions and sponsors, derives its stage, and alerts nobody', async () => {
    const result = await importOpenStatesText(
      db,
      JSON.stringify(singleBill),
      Date.parse('2027-01-13T10:00:00Z'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outcomes[0]).toMatchObject({ created: true, addedActions: 2, movementId: null });
    const bill = await getBillBySlug(db, 'ga', 'sb-901');
    expect(bill).toMatchObject({
      state: 'GA',
      identifier: 'SB 901',
      derivedStage: 'in_committee',
      tracked: true,
    });
    expect(await listActions(db, bill!.id)).toHaveLength(2);
    expect((await listSponsors(db, bill!.id)).map((s) => s.name)).toEqual([
      'Jane Sponsor',
      'Senator Without Id',
    ]);
    expect((await counts()).movements).toBe(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts();
    const billBefore = await getBillBySlug(db, 'ga', 'sb-901');
    const result = await importOpenStatesText(db, JSON.stringify(singleBill));
    expect(result.ok && result.outcomes[0]).toMatchObject({
      created: false,
      addedActions: 0,
      movementId: null,
    });
    expect(await counts()).toEqual(before);
    expect(await getBillBySlug(db, 'ga', 'sb-901')).toEqual(billBefore);
  });

  it('adds only the new action (given out of order), re-derives the stage and records one movement', async () => {
    const result = await importOpenStatesText(db, JSON.stringify(committeePassage));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outcomes[0]).toMatchObject({ created: false, addedActions: 1 });
    expect(result.outcomes[0]!.movementId).toBeTruthy();
    const bill = await getBillBySlug(db, 'ga', 'sb-901');
    expect(bill!.derivedStage).toBe('passed_committee');
    const movements = await db.select().from(billMovements);
    expect(movements).toHaveLength(1);
    expect(movements[0]).toMatchObject({
      kind: 'actions',
      stageBefore: 'in_committee',
      stageAfter: 'passed_committee',
      headlineEn: 'Senate Committee Favorably Reported',
      fanoutStatus: 'pending',
    });
    expect(await listActions(db, bill!.id)).toHaveLength(3);
  });

  it('records no second movement when the page with the same actions comes again', async () => {
    const before = await counts();
    const result = await importOpenStatesText(db, JSON.stringify(searchPage));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outcomes.map((o) => [o.created, o.movementId])).toEqual([
      [false, null],
      [true, null],
    ]);
    const after = await counts();
    expect(after.movements).toBe(before.movements);
    expect(after.bills).toBe(before.bills + 1);
    expect(after.actions).toBe(before.actions + 2);
    expect((await getBillBySlug(db, 'ga', 'hb-902'))!.derivedStage).toBe('in_committee');
  });
});

describe('sponsors and the officials directory', () => {
  it('links a sponsor to the directory by Open States person id, and the bill page offers a meeting request', async () => {
    const bill = await getBillBySlug(db, 'ga', 'sb-901');
    const at = Date.now();
    await db.insert(officials).values({
      id: 'ocd-person/11111111-2222-3333-4444-555555555555',
      name: 'Jane Sponsor',
      state: 'ga',
      chamber: 'upper',
      title: 'Senator',
      source: 'openstates',
      createdAt: at,
      updatedAt: at,
    });
    const sponsors = await listSponsors(db, bill!.id);
    expect(sponsors.find((s) => s.name === 'Jane Sponsor')!.officialId).toBe(
      'ocd-person/11111111-2222-3333-4444-555555555555',
    );
    expect(sponsors.find((s) => s.name === 'Senator Without Id')!.officialId).toBeNull();
    const html = await (await request('/bills/ga/sb-901')).text();
    expect(html).toContain('href="/meetings/new?official=ocd-person%2F11111111-2222-3333-4444-555555555555"');
    expect(html).toContain('Ask for a meeting with Jane Sponsor');
  });
});
