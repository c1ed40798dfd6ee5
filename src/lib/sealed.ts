// Contact fields (phones, street addresses, meeting stories, attendee contacts) are stored sealed:
// AES-256-GCM through WebCrypto, so a copied database file shows none of them. The keys come from
// the CONTACT_KEYS secret, a comma-separated list of `id:base64-of-32-bytes`; the first key seals,
// every key listed opens (that is how a key is rotated: put the new one first, run
// `npm run contact-key:rotate`, then drop the old one). Each sealed value names its key, and the
// associated data binds it to its table, column and row, so a value copied into another row or
// column does not open.
//
// Sealed text: `wt1.<keyId>.<iv>.<ciphertext and tag>` (base64url).

import { fromBase64Url, toBase64Url } from './base64url';

const PREFIX = 'wt1';
const IV_BYTES = 12;

/** Where a sealed value belongs: it opens only there. */
export interface SealedPlace {
  table: string;
  column: string;
  rowId: string;
}

/** The keys of CONTACT_KEYS, imported for WebCrypto; the first one seals. */
export interface Keyring {
  current: { id: string; key: CryptoKey };
  byId: Map<string, CryptoKey>;
  /** HMAC keys derived from each listed key (HKDF), the current one first: keyed hashes for lookups. */
  hashKeys: CryptoKey[];
}

// The lookup key is derived, never the sealing key itself, so a keyed hash reveals nothing about
// the key that seals the values it stands for.
const HASH_KEY_INFO = new TextEncoder().encode('welcome-table contact lookup v1');

function associatedData(place: SealedPlace): Uint8Array {
  return new TextEncoder().encode(`${place.table}\u0000${place.column}\u0000${place.rowId}`);
}

/** The key entries of a CONTACT_KEYS value, checked; throws on a malformed list. */
export function parseKeyList(value: string): { id: string; bytes: Uint8Array }[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_=-]+)$/.exec(entry);
      if (!match) throw new Error('CONTACT_KEYS: each entry is id:base64 of 32 bytes');
      let bytes: Uint8Array;
      try {
        bytes = fromBase64Url(match[2] ?? '');
      } catch {
        throw new Error('CONTACT_KEYS: each entry is id:base64 of 32 bytes');
      }
      if (bytes.length !== 32) throw new Error('CONTACT_KEYS: each key is 32 bytes (AES-256)');
      return { id: match[1] ?? '', bytes };
    });
  if (entries.length === 0) throw new Error('CONTACT_KEYS is empty');
  if (new Set(entries.map((entry) => entry.id)).size !== entries.length) {
    throw new Error('CONTACT_KEYS: key ids must differ');
  }
  return entries;
}

/** Imports the keys of CONTACT_KEYS. */
export async function loadKeyring(value: string): Promise<Keyring> {
  const entries = parseKeyList(value);
  const byId = new Map<string, CryptoKey>();
  const hashKeys: CryptoKey[] = [];
  for (const entry of entries) {
    byId.set(
      entry.id,
      await crypto.subtle.importKey('raw', entry.bytes, 'AES-GCM', false, ['encrypt', 'decrypt']),
    );
    const base = await crypto.subtle.importKey('raw', entry.bytes, 'HKDF', false, ['deriveKey']);
    hashKeys.push(
      await crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: HASH_KEY_INFO },
        base,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign'],
      ),
    );
  }
  const first = entries[0]!;
  return { current: { id: first.id, key: byId.get(first.id)! }, byId, hashKeys };
}

// One keyring per isolate and CONTACT_KEYS value: importing keys costs more than a request should
// pay, and a changed secret (a new deployment) gets its own entry.
const keyrings = new Map<string, Promise<Keyring>>();

/** The keyring of an environment's CONTACT_KEYS, imported once per isolate; throws when unset. */
export function keyringFor(env: { CONTACT_KEYS?: string }): Promise<Keyring> {
  const value = env.CONTACT_KEYS?.trim();
  if (!value) {
    return Promise.reject(
      new Error('CONTACT_KEYS is not set: contact fields cannot be sealed or opened (see docs/privacy.md)'),
    );
  }
  let keyring = keyrings.get(value);
  if (!keyring) {
    keyring = loadKeyring(value);
    keyrings.set(value, keyring);
    keyring.catch(() => keyrings.delete(value));
  }
  return keyring;
}

/**
 * The keyed hash (HMAC-SHA-256, base64url) of a value under the current key: stored beside a sealed
 * value where the app must find rows by it, without the value itself being readable.
 */
export async function keyedHash(keyring: Keyring, value: string): Promise<string> {
  return (await keyedHashes(keyring, value))[0]!;
}

/** The keyed hashes of a value under every listed key, current first (lookups during a rotation). */
export async function keyedHashes(keyring: Keyring, value: string): Promise<string[]> {
  const data = new TextEncoder().encode(value);
  return Promise.all(
    keyring.hashKeys.map(async (key) =>
      toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, data))),
    ),
  );
}

/** A new random CONTACT_KEYS entry (for `.dev.vars` and the rotation instructions). */
export function newKeyEntry(id: string): string {
  return `${id}:${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** True when a stored value is sealed (as opposed to empty). */
export function isSealed(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.startsWith(`${PREFIX}.`);
}

/** The id of the key a sealed value was sealed with. */
export function sealedKeyId(value: string): string | null {
  return isSealed(value) ? (value.split('.')[1] ?? null) : null;
}

/**
 * Opens a stored value that may predate sealing: a value without the `wt1.` prefix (a row written
 * before contact fields were sealed, until `npm run contact-key:rotate` seals it) comes back as it
 * is; a sealed one opens as `open` does. The keyring is only asked for when something is sealed.
 */
export async function openStored(
  keyring: () => Promise<Keyring>,
  place: SealedPlace,
  stored: string | null,
): Promise<string | null> {
  return isSealed(stored) ? open(await keyring(), place, stored) : stored;
}

/** Seals a value for one place with the current key; null and '' stay as they are. */
export async function seal(keyring: Keyring, place: SealedPlace, value: string): Promise<string>;
export async function seal(
  keyring: Keyring,
  place: SealedPlace,
  value: string | null,
): Promise<string | null>;
export async function seal(
  keyring: Keyring,
  place: SealedPlace,
  value: string | null,
): Promise<string | null> {
  if (value === null || value === '') return value;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(place) },
    keyring.current.key,
    new TextEncoder().encode(value),
  );
  return [PREFIX, keyring.current.id, toBase64Url(iv), toBase64Url(new Uint8Array(ciphertext))].join('.');
}

/**
 * Opens a sealed value stored at `place`. Null and '' stay as they are; a value that is not sealed,
 * names an unknown key, or was moved from another place throws (it must never show as text).
 */
export async function open(
  keyring: Keyring,
  place: SealedPlace,
  stored: string | null,
): Promise<string | null> {
  if (stored === null || stored === '') return stored;
  const [prefix, keyId, iv, body] = stored.split('.');
  if (prefix !== PREFIX || !keyId || !iv || !body) throw new Error('not a sealed value');
  const key = keyring.byId.get(keyId);
  if (!key) throw new Error(`sealed with key "${keyId}", which CONTACT_KEYS no longer lists`);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: associatedData(place) },
    key,
    fromBase64Url(body),
  );
  return new TextDecoder().decode(plain);
}
