// Imports Open States API v3 bill JSON (one bill, or a search page {"results": [...]}) into the
// local database: `npm run bills:import -- FILE.json`. The file is checked completely before
// anything is written; importing the same file again changes nothing.
import { readFileSync } from 'node:fs';
import { parseOpenStatesText } from '../src/bills/import';
import { processAlertPage } from '../src/bills/alerts';
import { applyImportedBill, type AlertPageMessage } from '../src/bills/movements';
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

/**
 * Runs a movement's alert fan-out here, page by page (a running `wrangler dev` does not see this
 * process's queue). If a page must wait (rate limit), the movement stays pending and the 5-minute
 * job resumes it, so no alert is lost or sent twice.
 */
async function fanOutNow(env: Env, movementId: string): Promise<void> {
  let message: AlertPageMessage | undefined = { movementId, page: 0, after: '' };
  let sent = 0;
  while (message) {
    const result = await processAlertPage(env, message);
    if (result.status === 'next' || result.status === 'done') sent += result.sent;
    message = result.status === 'next' ? result.next : undefined;
  }
  console.log(`  alerts: ${sent} subscribers`);
}

const platform = await openLocalPlatform();
try {
  for (const bill of parsed.bills) {
    const outcome = await applyImportedBill(platform.db, bill);
    const what = outcome.created
      ? `added with ${outcome.addedActions} actions`
      : outcome.addedActions > 0
        ? `${outcome.addedActions} new actions`
        : 'no change';
    console.log(`${bill.state} ${bill.identifier} (${bill.session}): ${what}`);
    if (outcome.movementId) await fanOutNow(platform.env, outcome.movementId);
  }
} finally {
  await platform.dispose();
}
