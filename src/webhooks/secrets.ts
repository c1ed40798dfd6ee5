// Endpoint secrets must be read back to sign, so they cannot be hashed: with CONTACT_KEYS set they
// are sealed like contact fields (lib/sealed.ts), bound to their row; without it (a local run) they
// are stored as they are.
import { isSealed, loadKeyring, open, seal, type SealedPlace } from '../lib/sealed';

function placeOf(endpointId: string): SealedPlace {
  return { table: 'webhook_endpoints', column: 'secret', rowId: endpointId };
}

/** The stored form of a new endpoint's secret. */
export async function storedSecret(
  env: Pick<Env, 'CONTACT_KEYS'>,
  endpointId: string,
  secret: string,
): Promise<string> {
  if (!env.CONTACT_KEYS) return secret;
  return seal(await loadKeyring(env.CONTACT_KEYS), placeOf(endpointId), secret);
}

/** The secret an endpoint signs with, opened when sealed. */
export async function signingSecret(
  env: Pick<Env, 'CONTACT_KEYS'>,
  endpointId: string,
  stored: string,
): Promise<string> {
  if (!isSealed(stored)) return stored;
  if (!env.CONTACT_KEYS) throw new Error('A sealed webhook secret needs CONTACT_KEYS');
  return (await open(await loadKeyring(env.CONTACT_KEYS), placeOf(endpointId), stored))!;
}
