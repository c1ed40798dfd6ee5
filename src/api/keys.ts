// Making API keys: a random secret shown once, stored only as its SHA-256.
import type { Db } from '../db';
import { hashToken, newToken } from '../lib/tokens';
import { insertApiKey } from './queries/keys';
import type { ApiKey, ApiKeyScope } from './schema';

/** Every key starts with this, so a leaked one is recognisable in a scanner's rules. */
export const API_KEY_PREFIX = 'wt_';

/** Makes a key; the secret is in the answer and nowhere else. */
export async function createApiKey(
  db: Db,
  options: { name: string; scope: ApiKeyScope; organizerId: string | null; at: number },
): Promise<{ secret: string; key: ApiKey }> {
  const secret = `${API_KEY_PREFIX}${newToken()}`;
  const key = await insertApiKey(db, { ...options, keyHash: await hashToken(secret) });
  return { secret, key };
}
