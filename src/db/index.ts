import { drizzle } from 'drizzle-orm/d1';
import { keyringFor, type Keyring } from '../lib/sealed';
import { retryingReads } from './retry';

// The CONTACT_KEYS each database was opened with: the queries that seal and open contact fields
// take only `db`, so the key travels with it instead of through every caller.
const contactKeysOf = new WeakMap<object, string | undefined>();

/**
 * The typed database for one request; column names are snake_case in SQL, camelCase in code.
 * Reads are retried when D1 is briefly overloaded (see retryingReads).
 */
export function getDb(env: Pick<Env, 'DB' | 'CONTACT_KEYS'>) {
  const db = drizzle(retryingReads(env.DB), { casing: 'snake_case' });
  contactKeysOf.set(db, env.CONTACT_KEYS);
  return db;
}

/** The database type every query function takes. */
export type Db = ReturnType<typeof getDb>;

/** The keyring that seals this database's contact fields (lib/sealed.ts), imported on first use. */
export function contactKeyring(db: Db): Promise<Keyring> {
  return keyringFor({ CONTACT_KEYS: contactKeysOf.get(db) });
}

/** Asks the database for nothing: an answer means D1 is reachable (for /healthz). */
export async function pingDatabase(env: Pick<Env, 'DB'>): Promise<void> {
  await env.DB.prepare('select 1').first();
}
