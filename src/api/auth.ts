// Who may call the API: a key in the `OSDI-API-Token` header (or `?osdi-api-token=`), checked
// against its stored hash, limited per key, and recorded in the audit log on every use.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { logEvent } from '../lib/log';
import { hashToken } from '../lib/tokens';
import { enforceRateLimit } from '../web/security';
import { findActiveApiKey, recordApiKeyUse } from './queries/keys';
import type { ApiKey } from './schema';

/** The header Action Network clients send the key in. */
export const API_TOKEN_HEADER = 'OSDI-API-Token';
/** The query parameter some clients use instead. */
export const API_TOKEN_PARAM = 'osdi-api-token';

/** The app's env with the key of the request. */
export type ApiEnv = AppEnv & { Variables: { apiKey: ApiKey } };

/** True for a method that changes something (needs a read-write key). */
export function isWrite(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}

/** Checks the key, its scope and its rate; records the use once the answer is known. */
export const requireApiKey: MiddlewareHandler<ApiEnv> = async function requireApiKey(c, next) {
  const token = c.req.header(API_TOKEN_HEADER) ?? c.req.query(API_TOKEN_PARAM);
  if (!token) throw new AppError('unauthorized');
  const db = getDb(c.env);
  const key = await findActiveApiKey(db, await hashToken(token.trim()));
  if (!key) throw new AppError('unauthorized');
  await enforceRateLimit(c.env, 'RL_API', key.id);
  if (isWrite(c.req.method) && key.scope !== 'write') throw new AppError('forbidden');
  c.set('apiKey', key);
  await next();
  try {
    await recordApiKeyUse(db, key, {
      at: Date.now(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
    });
  } catch (error) {
    // The answer is ready; a lost audit line is logged (ids only) rather than failing the request.
    logEvent('error', 'api.audit_failed', { apiKeyId: key.id, error });
  }
};
