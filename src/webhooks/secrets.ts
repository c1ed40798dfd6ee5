// Endpoint secrets must be read back to sign, so they cannot be hashed: they are sealed like
// contact fields (lib/sealed.ts, CONTACT_KEYS), bound to their row and column.
import { contactKeyring, type Db } from '../db';
import { openStored, seal, type SealedPlace } from '../lib/sealed';

function placeOf(endpointId: string): SealedPlace {
  return { table: 'webhook_endpoints', column: 'secret', rowId: endpointId };
}

/** The stored (sealed) form of a new endpoint's secret. */
export async function storedSecret(db: Db, endpointId: string, secret: string): Promise<string> {
  return seal(await contactKeyring(db), placeOf(endpointId), secret);
}

/** The secret an endpoint signs with, opened. */
export async function signingSecret(db: Db, endpointId: string, stored: string): Promise<string> {
  return (await openStored(() => contactKeyring(db), placeOf(endpointId), stored))!;
}
