// Gives every signature and registration stored before the search index its search terms:
//   npm run search:backfill                 the local database (`npm start` runs it)
//   npm run search:backfill -- --remote     the deployed one, once after the migration that adds it
// New rows get their terms in the batch that stores them; this only fills in older rows. It works
// in pages and reads what is pending from the data (rows with no terms), so it can be stopped and
// run again, and a run with nothing pending writes nothing. It prints counts, never values.
import { backfillSignatureTermsPage } from '../src/letters/queries/search';
import { backfillRegistrationTermsPage } from '../src/advocacy-days/queries/search';
import type { Db } from '../src/db';
import { openLocalPlatform, openRemotePlatform } from './lib/platform';

/** Rows per batch: a few dozen statements, well inside D1's limits per batch. */
const PAGE = 50;

const kinds: [
  string,
  (db: Db, after: string, limit: number) => Promise<{ written: number; next: string | null }>,
][] = [
  ['signatures', backfillSignatureTermsPage],
  ['registrations', backfillRegistrationTermsPage],
];

const platform = process.argv.includes('--remote') ? await openRemotePlatform() : await openLocalPlatform();
try {
  for (const [name, page] of kinds) {
    let written = 0;
    let after: string | null = '';
    while (after !== null) {
      const result = await page(platform.db, after, PAGE);
      written += result.written;
      after = result.next;
    }
    if (written) console.log(`Search terms: ${written} ${name} indexed.`);
  }
} finally {
  await platform.dispose();
}
