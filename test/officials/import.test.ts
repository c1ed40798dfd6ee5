/// <reference types="vite/client" />
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import {
  isCurrentRole,
  parseJurisdictionNames,
  parsePersonFile,
  planImport,
  summariseImport,
  type ParsedPerson,
} from '../../src/officials/import';
import { applyImportPlan, loadExistingOfficials } from '../../src/officials/queries';
import { findGovernor, findLegislatorsForDistricts, getOfficial } from '../../src/officials/queries';

// The real Open States files kept in data/openstates-people, bundled as text by Vite at test time.
const files = import.meta.glob('../../data/openstates-people/{ga,sc}/**/*.yml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const TODAY = '2026-11-27';

function stateFiles(state: 'ga' | 'sc') {
  const prefix = `../../data/openstates-people/${state}/`;
  const people = Object.entries(files).filter(
    ([path]) => path.startsWith(prefix) && !path.endsWith('/municipalities.yml'),
  );
  const names = parseJurisdictionNames(files[`${prefix}municipalities.yml`] ?? '');
  return { people, names };
}

function parseState(state: 'ga' | 'sc', drop: string[] = []): ParsedPerson[] {
  const { people, names } = stateFiles(state);
  return people
    .filter(([path]) => !drop.some((id) => path.includes(id)))
    .map(([path, source]) =>
      parsePersonFile(path, source, { state, today: TODAY, jurisdictionNames: names }),
    );
}

describe('parsePersonFile', () => {
  it('maps a legislator with several offices and a past role', () => {
    const { people } = stateFiles('ga');
    const [path, source] = people.find(([p]) => p.includes('bb48e87c-29db-4a4d-a278-fa299be2020e'))!;
    const parsed = parsePersonFile(path, source, { state: 'ga', today: TODAY });
    expect(parsed.status).toBe('official');
    if (parsed.status !== 'official') return;
    expect(parsed.official).toMatchObject({
      id: 'ocd-person/bb48e87c-29db-4a4d-a278-fa299be2020e',
      name: 'Alan Powell',
      state: 'ga',
      chamber: 'lower',
      district: '33',
      party: 'Republican',
      email: 'alan.powell@house.ga.gov',
    });
    expect(parsed.official.offices).toHaveLength(2);
    expect(parsed.official.offices[1]).toMatchObject({ classification: 'district', voice: '706-206-6500' });
  });

  it('takes a governor without an email, and cleans ";" out of addresses', () => {
    const { people } = stateFiles('ga');
    const [path, source] = people.find(([p]) => p.includes('600e5c48-f5c0-4535-a219-60a5fd94c38f'))!;
    const parsed = parsePersonFile(path, source, { state: 'ga', today: TODAY });
    expect(parsed.status === 'official' && parsed.official).toMatchObject({
      chamber: 'governor',
      title: 'Governor',
      email: null,
      termEndsOn: '2027-01-11',
    });
    if (parsed.status === 'official') expect(parsed.official.offices[0]!.address).not.toContain(';');
  });

  it('uses the current role when a past one is listed first (senator, now lieutenant governor)', () => {
    const { people } = stateFiles('ga');
    const [path, source] = people.find(([p]) => p.includes('ddfab174-3a42-42c0-946e-0ce3169c4d1b'))!;
    const parsed = parsePersonFile(path, source, { state: 'ga', today: TODAY });
    expect(parsed.status === 'official' && parsed.official.chamber).toBe('lt_governor');
  });

  it('skips people whose roles have all ended, saying when', () => {
    const parsed = parsePersonFile(
      'x.yml',
      "id: ocd-person/00000000-0000-0000-0000-000000000001\nname: Past Mayor\nroles:\n- end_date: '2023-11-07'\n  type: mayor\n  jurisdiction: ocd-jurisdiction/country:us/state:ga/place:x/government\n",
      { state: 'ga', today: TODAY },
    );
    expect(parsed).toEqual({
      status: 'skipped',
      skipped: { file: 'x.yml', reason: 'no current role (last role ended 2023-11-07)' },
    });
  });

  it('skips broken YAML and records without an id instead of crashing', () => {
    expect(parsePersonFile('a.yml', 'name: [unclosed', { state: 'ga', today: TODAY }).status).toBe('skipped');
    expect(parsePersonFile('b.yml', 'name: No Id\n', { state: 'ga', today: TODAY })).toMatchObject({
      skipped: { reason: 'missing or malformed ocd-person id' },
    });
  });

  it('treats a role ending today as current and one starting tomorrow as not yet', () => {
    expect(isCurrentRole({ end_date: TODAY }, TODAY)).toBe(true);
    expect(isCurrentRole({ start_date: '2026-11-28' }, TODAY)).toBe(false);
    expect(isCurrentRole({ end_date: '2026-11-26' }, TODAY)).toBe(false);
  });
});

describe('importing the real Georgia and South Carolina files', { timeout: 60_000 }, () => {
  const db = getDb(env);

  it('adds one official per current person; the rest are skipped with a reason', async () => {
    const parsed = [...parseState('ga'), ...parseState('sc')];
    const fileCount = stateFiles('ga').people.length + stateFiles('sc').people.length;
    expect(parsed).toHaveLength(fileCount);
    const plan = await planImport(parsed, await loadExistingOfficials(db, ['ga', 'sc']));
    expect(plan.add.length + plan.skipped.length).toBe(fileCount);
    expect(plan.skipped.every((s) => s.reason.length > 0)).toBe(true);
    // Every current legislator file is imported: 56 GA senators + 180 GA representatives may be
    // short of vacancies, so compare with the files rather than with the constitution.
    const legislatorFiles = parsed.filter(
      (p) => p.status === 'official' && ['upper', 'lower'].includes(p.official.chamber),
    );
    expect(legislatorFiles.length).toBeGreaterThan(350);
    await applyImportPlan(db, plan, Date.now());
    const [{ count }] = (
      await env.DB.prepare("select count(*) as count from officials where source = 'openstates'").all<{
        count: number;
      }>()
    ).results as [{ count: number }];
    expect(count).toBe(plan.add.length);
    expect(summariseImport(plan)).toContain(`added: ${plan.add.length}`);

    expect(await findGovernor(db, 'GA')).toMatchObject({ name: 'Brian Kemp' });
    expect(await findGovernor(db, 'sc')).toMatchObject({ name: 'Henry McMaster' });
    const akbar = await findLegislatorsForDistricts(db, {
      state: 'ga',
      upperDistrict: null,
      lowerDistrict: '106',
    });
    expect(akbar.map((o) => o.name)).toContain('Akbar Ali');
  });

  it('changes nothing when run again on the same files', async () => {
    const before = await env.DB.prepare('select id, updated_at from officials order by id').all();
    const plan = await planImport(
      [...parseState('ga'), ...parseState('sc')],
      await loadExistingOfficials(db, ['ga', 'sc']),
    );
    expect(plan.add).toHaveLength(0);
    expect(plan.update).toHaveLength(0);
    expect(plan.retire).toHaveLength(0);
    await applyImportPlan(db, plan, Date.now() + 1000);
    const after = await env.DB.prepare('select id, updated_at from officials order by id').all();
    expect(after.results).toEqual(before.results);
  });

  it('marks a person removed from the files as out of office, and never deletes them', async () => {
    const akbarFile = '938f2479-c51f-446a-87f0-76d4f07c61e5';
    const plan = await planImport(
      [...parseState('ga', [akbarFile]), ...parseState('sc')],
      await loadExistingOfficials(db, ['ga', 'sc']),
    );
    expect(plan.retire).toEqual([`ocd-person/${akbarFile}`]);
    await applyImportPlan(db, plan, Date.now());
    const akbar = await getOfficial(db, `ocd-person/${akbarFile}`);
    expect(akbar).toMatchObject({ inOffice: false, name: 'Akbar Ali' });
    expect(akbar!.retiredAt).not.toBeNull();
    expect(
      await findLegislatorsForDistricts(db, { state: 'ga', upperDistrict: null, lowerDistrict: '106' }),
    ).toEqual([]);

    // Back in the files: back in office, counted as an update.
    const again = await planImport(
      [...parseState('ga'), ...parseState('sc')],
      await loadExistingOfficials(db, ['ga', 'sc']),
    );
    expect(again.update.map((o) => o.id)).toEqual([`ocd-person/${akbarFile}`]);
    await applyImportPlan(db, again, Date.now());
    expect(await getOfficial(db, `ocd-person/${akbarFile}`)).toMatchObject({
      inOffice: true,
      retiredAt: null,
    });
  });

  it('updates only the person whose file changed', async () => {
    const parsed = [...parseState('ga'), ...parseState('sc')].map((p) =>
      p.status === 'official' && p.official.name === 'Alan Powell'
        ? { ...p, official: { ...p.official, email: 'new.address@house.ga.gov' } }
        : p,
    );
    const plan = await planImport(parsed, await loadExistingOfficials(db, ['ga', 'sc']));
    expect(plan.update.map((o) => o.name)).toEqual(['Alan Powell']);
    expect(plan.add).toHaveLength(0);
  });
});
