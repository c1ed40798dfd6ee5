// Imports officials from the Open States people files:
//   npm run officials:import -- --state ga [--state sc ...] [--dir PATH] [--remote]
// Upserts by Open States id (a re-run changes nothing), marks people no longer in the files as out
// of office (never deletes), and ends with a summary. Locally it writes through the platform proxy
// (WT_PERSIST_DIR respected); with --remote it writes SQL and runs `wrangler d1 execute --remote`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyImportPlan,
  loadExistingOfficials,
  planImport,
  summariseImport,
  type ExistingOfficial,
  type ImportPlan,
} from '../src/officials/import';
import { openLocalPlatform } from './lib/platform';
import { DEFAULT_PEOPLE_DIR, readStateFiles } from './lib/officials-files';
import { importPlanToSql } from './lib/officials-sql';

const { values } = parseArgs({
  options: {
    state: { type: 'string', multiple: true },
    dir: { type: 'string', default: DEFAULT_PEOPLE_DIR },
    remote: { type: 'boolean', default: false },
  },
});
const states = [...new Set((values.state ?? []).map((s) => s.trim().toLowerCase()))];
if (states.length === 0 || states.some((s) => !/^[a-z]{2}$/.test(s))) {
  console.error('Usage: npm run officials:import -- --state ga [--state sc ...] [--dir PATH] [--remote]');
  process.exit(2);
}
const today = new Date().toISOString().slice(0, 10);
const at = Date.now();

const parsed = states.flatMap((state) => {
  const people = readStateFiles(values.dir!, state, today);
  console.log(`${state.toUpperCase()}: read ${people.length} files`);
  return people;
});
const progress = (done: number, total: number) =>
  process.stdout.write(`\r  writing ${done}/${total} statements`);

let plan: ImportPlan;
if (values.remote) {
  plan = await planImport(parsed, remoteExisting(states));
  runRemote(plan);
} else {
  const platform = await openLocalPlatform();
  try {
    plan = await planImport(parsed, await loadExistingOfficials(platform.db, states));
    await applyImportPlan(platform.db, plan, at, progress);
  } finally {
    await platform.dispose();
  }
}
process.stdout.write('\n');
console.log(summariseImport(plan));
for (const skipped of plan.skipped.slice(0, 20)) console.log(`  skipped ${skipped.file}: ${skipped.reason}`);
if (plan.skipped.length > 20) console.log(`  … and ${plan.skipped.length - 20} more skipped`);

function wrangler(args: string[]): string {
  return execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--remote', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** What the deployed database holds for these states. */
function remoteExisting(wanted: string[]): ExistingOfficial[] {
  // The states are checked as two lower-case letters above, so listing them inline is safe.
  const list = wanted.map((s) => `'${s}'`).join(',');
  const output = wrangler([
    '--json',
    '--command',
    `SELECT id, content_hash, in_office FROM officials WHERE source = 'openstates' AND state IN (${list})`,
  ]);
  const results =
    (JSON.parse(output) as { results: { id: string; content_hash: string | null; in_office: number }[] }[])[0]
      ?.results ?? [];
  return results.map((row) => ({ id: row.id, contentHash: row.content_hash, inOffice: row.in_office === 1 }));
}

/** Writes the plan as SQL to a file and runs it on the deployed database. */
function runRemote(remotePlan: ImportPlan) {
  const statements = importPlanToSql(remotePlan, at);
  if (statements.length === 0) {
    console.log('Nothing to write.');
    return;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'officials-')), 'import.sql');
  writeFileSync(file, statements.join('\n'));
  console.log(`Running ${statements.length} statements on the remote database…`);
  wrangler(['--file', file, '--yes']);
}
