// Where `npm run officials:import` reads from: the repository's copy, any Open States data folder,
// or one state's folder (scripts/lib/officials-files.ts).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PEOPLE_DIR, readStateFiles, resolvePeopleSource } from '../../scripts/lib/officials-files';

const checkout = mkdtempSync(join(tmpdir(), 'wt-people-'));
for (const folder of ['tx/legislature', 'ny/executive', 'ny/municipalities', 'notes']) {
  mkdirSync(join(checkout, folder), { recursive: true });
}
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

describe('resolvePeopleSource', () => {
  it('reads Georgia and South Carolina from the copy kept in the repository', () => {
    expect(resolvePeopleSource(DEFAULT_PEOPLE_DIR, ['ga', 'sc'])).toEqual({
      dataDir: DEFAULT_PEOPLE_DIR,
      states: ['ga', 'sc'],
    });
    const people = readStateFiles(DEFAULT_PEOPLE_DIR, 'sc', '2026-12-01');
    expect(people.filter((p) => p.status === 'official').length).toBeGreaterThan(150);
  });

  it('imports every state folder of a data folder when no state is named', () => {
    expect(resolvePeopleSource(checkout, [])).toEqual({ dataDir: checkout, states: ['ny', 'tx'] });
  });

  it("takes a state's own folder as that state", () => {
    expect(resolvePeopleSource(join(checkout, 'tx'), [])).toEqual({
      dataDir: join(checkout),
      states: ['tx'],
    });
    expect(() => resolvePeopleSource(join(checkout, 'tx'), ['ga'])).toThrow(/folder of "tx"/);
  });

  it('says so when a folder is missing or holds no states', () => {
    expect(() => resolvePeopleSource(join(checkout, 'nowhere'), [])).toThrow(/No such folder/);
    expect(() => resolvePeopleSource(join(checkout, 'notes'), [])).toThrow(/No Open States state folders/);
    expect(() => readStateFiles(DEFAULT_PEOPLE_DIR, 'tx', '2026-12-01')).toThrow(
      /No Open States folder for "tx"/,
    );
  });
});
