// Imports officials from Open States people files (https://github.com/openstates/people, `data/`):
//   npm run officials:import -- --state ga [--state sc ...] [--remote]   (the copy in data/openstates-people)
//   npm run officials:import -- PATH [--state tx ...] [--remote]          (any checkout's data folder)
//   npm run officials:import -- PATH/tx [--remote]                        (one state's folder)
// PATH may also be given as --dir PATH. A data folder with no --state imports every state in it.
// Upserts by Open States id (a re-run changes nothing), marks people no longer in the files as out
// of office (never deletes), and ends with a summary. Locally it writes through the platform proxy
// (WT_PERSIST_DIR respected); with --remote it writes SQL and runs `wrangler d1 execute --remote`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyImportPlan, loadExistingOfficials } from '../src/officials/queries';
import { planImport, summariseImport, type ExistingOfficial, type ImportPlan } from '../src/officials/import';
import { openLocalPlatform } from './lib/platform';
import { DEFAULT_PEOPLE_DIR, readStateFiles, resolvePeopleSource } from './lib/officials-files';
import { importPlanToSql } from './lib/officials-sql';

const USAGE =
  'Usage: npm run officials:import -- [PATH] [--state ga [--state sc ...]] [--remote]\n' +
  '  PATH: an Open States people data folder, or one state folder in it (default: data/openstates-people)';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    state: { type: 'string', multiple: true },
    dir: { type: 'string' },
    remote: { type: 'boolean', default: false },
  },
});
const wanted = [...new Set((values.state ?? []).map((s) => s.trim().toLowerCase()))];
const folders = [...positionals, ...(values.dir ? [values.dir] : [])];
const folder = folders[0];
// Without a folder, the states must be named: the repository's copy holds only some of them.
if (folders.length > 1 || (!folder && wanted.length === 0) || wanted.some((s) => !/^[a-z]{2}$/.test(s))) {
  console.error(USAGE);
  process.exit(2);
}
let source: { dataDir: string; states: string[] };
try {
  source = resolvePeopleSource(folder ?? DEFAULT_PEOPLE_DIR, wanted);
} catch (error) {
  console.error((error as Error).message);
  console.error(USAGE);
  process.exit(2);
}
const states = source.states;
const today = new Date().toISOString().slice(0, 10);
const at = Date.now();

const parsed = states.flatMap((state) => {
  const people = readStateFiles(source.dataDir, state, today);
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
