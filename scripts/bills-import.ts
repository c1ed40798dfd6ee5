// Imports Open States API v3 bill JSON (one bill, or a search page {"results": [...]}) into the
// local database: `npm run bills:import -- FILE.json`. The file is checked completely before
// anything is written; importing the same file again changes nothing.
import { readFileSync } from 'node:fs';
import { parseOpenStatesText } from '../src/bills/import';
import { applyImportedBill, startFanout } from '../src/bills/movements';
import { openLocalPlatform } from './lib/platform';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run bills:import -- FILE.json');
  process.exit(2);
}

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const parsed = parseOpenStatesText(text);
if (!parsed.ok) {
  console.error(`${file}: ${parsed.message}`);
  console.error('Nothing was imported.');
  process.exit(1);
}

const platform = await openLocalPlatform();
try {
  for (const bill of parsed.bills) {
    const outcome = await applyImportedBill(platform.db, bill);
    const what = outcome.created
      ? `added with ${outcome.addedActions} actions`
      : outcome.addedActions > 0
        ? `${outcome.addedActions} new actions (alerts queued)`
        : 'no change';
    console.log(`${bill.state} ${bill.identifier} (${bill.session}): ${what}`);
    // Locally the running server may not see this queue; the 5-minute job resumes any fan-out
    // that has not started, so alerts are never lost.
    await startFanout(platform.env, outcome.movementId);
  }
} finally {
  await platform.dispose();
}
