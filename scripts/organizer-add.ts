// Puts an organizer on the sign-in allowlist.
//   npm run organizer:add -- pastora@example.org             the local database (npm start's)
//   npm run organizer:add -- pastora@example.org --remote    the deployed D1 database
//   npm run organizer:add -- pastora@example.org --role owner   the first owner (or a new role)
// Adding an address that is already listed changes nothing, except its role when --role is given.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { addOrganizer, setRoleByEmail } from '../src/organizers/queries';
import { exitIfNoTables, openLocalPlatform } from './lib/platform';
import { insertOrganizerSql, parseOrganizerAddArgs } from './lib/organizer-add';

let args;
try {
  args = parseOrganizerAddArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

if (args.remote) {
  const sql = insertOrganizerSql({
    id: randomUUID(),
    email: args.email,
    name: args.name,
    role: args.role,
    at: Date.now(),
  });
  // No shell: the arguments go to wrangler as they are, and the values are quoted SQL literals.
  const result = spawnSync('wrangler', ['d1', 'execute', 'DB', '--remote', '--command', sql], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('wrangler d1 execute failed (are you logged in with `npx wrangler login`?)');
    process.exit(result.status ?? 1);
  }
  console.log(
    `${args.email} can now sign in on the deployed site (if it was already listed, nothing changed).`,
  );
} else {
  const platform = await openLocalPlatform();
  try {
    const added = await addOrganizer(platform.db, {
      email: args.email,
      name: args.name,
      role: args.role ?? 'organizer',
    });
    if (!added && args.role) await setRoleByEmail(platform.db, args.email, args.role);
    const role = args.role ? ` (${args.role})` : '';
    console.log(
      added
        ? `Added ${args.email}${role} to the local organizers.`
        : `${args.email} was already an organizer${args.role ? `; their role is now ${args.role}` : ''}.`,
    );
  } catch (error) {
    exitIfNoTables(error);
    throw error;
  } finally {
    await platform.dispose();
  }
}
