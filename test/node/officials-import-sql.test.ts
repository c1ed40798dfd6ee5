// The --remote path of `npm run officials:import`: the SQL file it hands to wrangler, run here on
// node:sqlite with the real migrations and the real Georgia files.
import { readdirSync, readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { planImport, type ExistingOfficial } from '../../src/officials/import';
import { DEFAULT_PEOPLE_DIR, readStateFiles } from '../../scripts/lib/officials-files';
import { importPlanToSql } from '../../scripts/lib/officials-sql';

function migratedDatabase(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  for (const file of readdirSync('migrations')
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    for (const statement of readFileSync(`migrations/${file}`, 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) db.exec(statement);
    }
  }
  return db;
}

function existing(db: DatabaseSync): ExistingOfficial[] {
  return (
    db.prepare("select id, content_hash, in_office from officials where source = 'openstates'").all() as {
      id: string;
      content_hash: string;
      in_office: number;
    }[]
  ).map((row) => ({ id: row.id, contentHash: row.content_hash, inOffice: row.in_office === 1 }));
}

describe('importPlanToSql (officials:import --remote)', () => {
  it('writes SQL that imports the Georgia files, with quotes in names kept, and a re-run writes nothing', async () => {
    const db = migratedDatabase();
    const parsed = readStateFiles(DEFAULT_PEOPLE_DIR, 'ga', '2026-11-27');
    const plan = await planImport(parsed, []);
    // A name with a quote must survive being written as a literal.
    const first = plan.add[0]!;
    plan.add[0] = { ...first, name: "D'Angelo O'Neal; DROP TABLE officials; --" };
    db.exec(importPlanToSql(plan, 1_000).join('\n'));
    const count = db.prepare('select count(*) as n from officials').get() as { n: number };
    expect(count.n).toBe(plan.add.length);
    const row = db.prepare('select name, offices from officials where id = ?').get(first.id) as {
      name: string;
      offices: string;
    };
    expect(row.name).toBe("D'Angelo O'Neal; DROP TABLE officials; --");
    expect(JSON.parse(row.offices)).toEqual(first.offices);

    plan.add[0] = first;
    db.exec(importPlanToSql(plan, 2_000).join('\n'));
    const again = await planImport(parsed, existing(db));
    expect(again.add.length + again.update.length + again.retire.length).toBe(0);
    expect(importPlanToSql(again, 3_000)).toEqual([]);
  });
});
