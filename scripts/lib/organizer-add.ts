// The pieces of `npm run organizer:add` that need no database, kept apart so test/node can check them.
import { field } from '../../src/web/fields';
import { ROLES, isRole, type Role } from '../../src/organizers/roles';

/** What the command line asked for. */
export interface OrganizerAddArgs {
  email: string;
  name: string | null;
  /** Null: a new organizer gets 'organizer', a listed one keeps theirs. */
  role: Role | null;
  remote: boolean;
}

/** Reads `EMAIL [--name NAME] [--remote]`; throws a readable message on anything else. */
export function parseOrganizerAddArgs(argv: readonly string[]): OrganizerAddArgs {
  let email: string | undefined;
  let name: string | null = null;
  let remote = false;
  let role: Role | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--remote') remote = true;
    else if (arg === '--local') remote = false;
    else if (arg === '--name') {
      const value = argv[++i];
      if (!value) throw new Error('--name needs a value');
      name = value.trim() || null;
    } else if (arg === '--role') {
      const value = argv[++i];
      if (!isRole(value)) throw new Error(`--role takes one of: ${ROLES.join(', ')}`);
      role = value;
    } else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else if (email === undefined) email = arg;
    else throw new Error(`Unexpected argument ${arg}`);
  }
  if (!email)
    throw new Error(
      'Usage: npm run organizer:add -- EMAIL [--role owner|organizer|viewer] [--name NAME] [--remote]',
    );
  const parsed = field.email().safeParse(email);
  if (!parsed.success) throw new Error(`Not an email address: ${JSON.stringify(email)}`);
  if (name !== null && (name.length > 200 || /[\u0000-\u001F\u007F]/.test(name)))
    throw new Error('The name must be one line of at most 200 characters');
  return { email: parsed.data, name, role, remote };
}

/** A SQL string literal: SQLite's only escape inside '…' is doubling the quote. */
export function sqlString(value: string): string {
  if (/\u0000/.test(value)) throw new Error('NUL is not allowed in SQL text');
  return `'${value.replace(/'/g, "''")}'`;
}

/** The idempotent insert for `wrangler d1 execute --command` (the remote database). */
export function insertOrganizerSql(input: {
  id: string;
  email: string;
  name: string | null;
  role: Role | null;
  at: number;
}): string {
  const name = input.name === null ? 'NULL' : sqlString(input.name);
  const role = sqlString(input.role ?? 'organizer');
  // A listed address keeps its row; `--role` changes its role.
  const onConflict = input.role ? `DO UPDATE SET role = ${role}` : 'DO NOTHING';
  return (
    `INSERT INTO organizers (id, email, name, role, created_at) ` +
    `VALUES (${sqlString(input.id)}, ${sqlString(input.email)}, ${name}, ${role}, ${Math.trunc(input.at)}) ` +
    `ON CONFLICT (email) ${onConflict};`
  );
}
