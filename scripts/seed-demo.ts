// Loads demo content into the local database (never a deployed one): `npm run demo:seed`, run by
// `npm start`. Every seeder uses fixed ids and ON CONFLICT DO NOTHING, so a second run adds nothing.
import { ensureDevelopmentVars } from './lib/dev-vars';
import { openLocalPlatform } from './lib/platform';
import type { DemoContext } from './demo/context';
import { seedOrganizers } from './demo/organizers';
import { seedOfficials } from './demo/officials';

const seeders: [string, (context: DemoContext) => Promise<void>][] = [
  ['organizers', seedOrganizers],
  ['officials', seedOfficials],
  ['advocacy days', (await import('./demo/advocacy-days')).seedAdvocacyDays],
  ['gatherings', (await import('./demo/gatherings')).seedGatherings],
  ['letters', (await import('./demo/letters')).seedLetters],
  ['bills', (await import('./demo/bills')).seedBills],
  ['meetings', (await import('./demo/meetings')).seedMeetings],
  ['campaigns', (await import('./demo/campaigns')).seedCampaigns],
];

// Before the platform opens, so it (and the `wrangler dev` of `npm start` after it) reads it.
const added = ensureDevelopmentVars();
if (added.length) console.log(`Wrote ${added.join(' and ')} to .dev.vars (local runs only).`);
const platform = await openLocalPlatform();
try {
  if (platform.env.ENVIRONMENT === 'production')
    throw new Error('Refusing to load demo content into production');
  const context: DemoContext = {
    db: platform.db,
    env: platform.env,
    now: Date.now(),
    log: (message) => console.log(`  ${message}`),
  };
  for (const [name, seed] of seeders) {
    console.log(`Demo content: ${name}`);
    await seed(context);
  }
  console.log('Demo content loaded.');
} finally {
  await platform.dispose();
}
