// Makes an API key on the local database and prints it (shown once; only its hash is stored).
//   npm run api:key -- "Our CRM"            a read-only key
//   npm run api:key -- "Our CRM" --write    a read-write key (the signup and record helpers)
// On the deployed site, owners and organizers make keys on /admin/api-keys.
import { createApiKey } from '../src/api/keys';
import { exitIfNoTables, openLocalPlatform } from './lib/platform';

const args = process.argv.slice(2);
const write = args.includes('--write');
const name = args
  .filter((arg) => arg !== '--write')
  .join(' ')
  .trim();
if (!name || name.startsWith('--')) {
  console.error('Usage: npm run api:key -- NAME [--write]');
  process.exit(2);
}

const platform = await openLocalPlatform();
try {
  const { secret } = await createApiKey(platform.db, {
    name,
    scope: write ? 'write' : 'read',
    organizerId: null,
    at: Date.now(),
  });
  console.log(`${write ? 'Read-write' : 'Read-only'} key "${name}" (shown only now):\n${secret}`);
  console.log('Send it as the OSDI-API-Token header to http://localhost:8787/api/v2/');
} catch (error) {
  exitIfNoTables(error);
  throw error;
} finally {
  await platform.dispose();
}
