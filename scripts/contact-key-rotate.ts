// Re-seals every contact field (phones, addresses, meeting stories and request texts, attendees'
// contacts) and webhook endpoints' signing secrets with the first key of CONTACT_KEYS:
//   npm run contact-key:rotate                 the local database (keys from .dev.vars)
//   npm run contact-key:rotate -- --remote     the deployed one (CONTACT_KEYS=… in the environment)
// Rotating a key: put a new key first in CONTACT_KEYS (keep the old one after it), deploy, run this,
// then drop the old key. It works in pages and can be stopped: running it again takes up the rows
// still pending, and a run with nothing pending changes nothing. It prints counts, never values.
import { rotateContactKeys } from '../src/privacy/key-rotation';
import { openLocalPlatform, openRemotePlatform } from './lib/platform';

const remote = process.argv.includes('--remote');
if (remote && !process.env.CONTACT_KEYS) {
  console.error(
    '--remote needs the deployed CONTACT_KEYS in the environment: CONTACT_KEYS=… npm run contact-key:rotate -- --remote',
  );
  process.exit(2);
}
const platform = remote ? await openRemotePlatform() : await openLocalPlatform();
try {
  const report = await rotateContactKeys(platform.db, {
    onPage: (table, counts) => console.log(`  ${table}: ${counts.resealed} re-sealed so far`),
  });
  for (const [table, counts] of Object.entries(report)) {
    console.log(
      `${table}: ${counts.resealed} re-sealed, ${counts.changedMeanwhile} changed meanwhile (already current), ${counts.failed} could not be opened`,
    );
  }
  if (Object.values(report).some((counts) => counts.failed > 0)) {
    console.error('Some values could not be opened: keep every old key listed until they are re-sealed.');
    process.exitCode = 1;
  }
} finally {
  await platform.dispose();
}
