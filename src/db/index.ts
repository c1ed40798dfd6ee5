import { drizzle } from 'drizzle-orm/d1';
import { retryingReads } from './retry';

/**
 * The typed database for one request; column names are snake_case in SQL, camelCase in code.
 * Reads are retried when D1 is briefly overloaded (see retryingReads).
 */
export function getDb(env: Pick<Env, 'DB'>) {
  return drizzle(retryingReads(env.DB), { casing: 'snake_case' });
}

/** The database type every query function takes. */
export type Db = ReturnType<typeof getDb>;

/** Asks the database for nothing: an answer means D1 is reachable (for /healthz). */
export async function pingDatabase(env: Pick<Env, 'DB'>): Promise<void> {
  await env.DB.prepare('select 1').first();
}
