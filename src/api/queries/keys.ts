// API keys: made, found by hash, used, listed and revoked.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { auditEvents } from '../../organizers/schema';
import { newId } from '../../lib/tokens';
import { apiKeys, type ApiKey, type ApiKeyScope } from '../schema';
import { findRow } from '../../db/find';

/** Stores a new key (its hash only). */
export async function insertApiKey(
  db: Db,
  key: { name: string; keyHash: string; scope: ApiKeyScope; organizerId: string | null; at: number },
): Promise<ApiKey> {
  const row: ApiKey = {
    id: newId(),
    name: key.name,
    keyHash: key.keyHash,
    scope: key.scope,
    organizerId: key.organizerId,
    createdAt: key.at,
    lastUsedAt: null,
    revokedAt: null,
  };
  await db.insert(apiKeys).values(row);
  return row;
}

/** The key with this hash, unless revoked. */
export async function findActiveApiKey(db: Db, keyHash: string): Promise<ApiKey | null> {
  const row = await findRow(db, apiKeys, and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row ?? null;
}

/**
 * Records one use of a key: its last-used time and a line in the audit log (the key's id, its
 * maker, the method and path; never the query string, which can carry an address).
 */
export async function recordApiKeyUse(
  db: Db,
  key: ApiKey,
  use: { at: number; method: string; path: string; status: number },
): Promise<void> {
  await db.batch([
    db.update(apiKeys).set({ lastUsedAt: use.at }).where(eq(apiKeys.id, key.id)),
    db.insert(auditEvents).values({
      id: newId(),
      at: use.at,
      organizerId: key.organizerId,
      event: use.method === 'GET' ? 'api_read' : 'api_write',
      path: use.path,
      detail: JSON.stringify({ apiKeyId: key.id, status: use.status }),
    }),
  ]);
}

/** Every key, newest first. */
export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  return db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key; true when one was active. */
export async function revokeApiKey(db: Db, id: string, at: number): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
