// Standard Webhooks signatures (https://www.standardwebhooks.com/, Svix's scheme, which Resend
// uses): the secret is `whsec_` and the base64 of random bytes; a signature is `v1,` and the
// base64 HMAC-SHA256 of `id.timestamp.body`. Made with the platform's WebCrypto, for the webhooks
// we send and the ones Resend sends us; the tests check both against the `standardwebhooks` library.

const SECRET_PREFIX = 'whsec_';
/** How far a timestamp may be from now, either way, so a captured delivery cannot be replayed later. */
const TOLERANCE_SECONDS = 5 * 60;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  const key = fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  return crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

function signedContent(id: string, timestamp: string, body: string): Uint8Array {
  return new TextEncoder().encode(`${id}.${timestamp}.${body}`);
}

/** A new endpoint secret: 32 random bytes, in the form receivers' libraries expect. */
export function newStandardWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/** The three headers that sign one message. `at` is in milliseconds; the header is in seconds. */
export async function standardWebhookHeaders(
  secret: string,
  messageId: string,
  at: number,
  body: string,
): Promise<Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>> {
  const timestamp = String(Math.floor(at / 1000));
  const mac = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(secret, 'sign'),
    signedContent(messageId, timestamp, body),
  );
  return {
    'webhook-id': messageId,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${toBase64(new Uint8Array(mac))}`,
  };
}

/**
 * Whether a message is signed with the secret: one of the space-separated `v1,` signatures is the
 * HMAC of the exact body (compared in constant time by WebCrypto), and the timestamp (in seconds)
 * is within five minutes of `at` (milliseconds). A secret that is not base64 throws.
 */
export async function verifyStandardWebhook(
  secret: string,
  body: string,
  headers: { id: string; timestamp: string; signature: string },
  at: number,
): Promise<boolean> {
  const key = await hmacKey(secret, 'verify');
  const seconds = Number.parseInt(headers.timestamp, 10);
  if (Number.isNaN(seconds) || Math.abs(Math.floor(at / 1000) - seconds) > TOLERANCE_SECONDS) return false;
  const content = signedContent(headers.id, String(seconds), body);
  for (const versioned of headers.signature.split(' ')) {
    const [version, signature] = versioned.split(',');
    if (version !== 'v1' || !signature) continue;
    let mac: Uint8Array<ArrayBuffer>;
    try {
      mac = fromBase64(signature);
    } catch {
      continue; // not base64: not a signature of ours
    }
    if (await crypto.subtle.verify('HMAC', key, mac, content)) return true;
  }
  return false;
}
