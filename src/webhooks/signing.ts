// Standard Webhooks signatures (https://www.standardwebhooks.com/): the secret is `whsec_` and the
// base64 of random bytes; the signature is `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`.

const SECRET_PREFIX = 'whsec_';

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

/** A new endpoint secret: 32 random bytes, in the form receivers' libraries expect. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/** The three headers that sign one message. `at` is in milliseconds; the header is in seconds. */
export async function signatureHeaders(
  secret: string,
  messageId: string,
  at: number,
  body: string,
): Promise<Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>> {
  const timestamp = String(Math.floor(at / 1000));
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${messageId}.${timestamp}.${body}`),
  );
  return {
    'webhook-id': messageId,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${toBase64(new Uint8Array(mac))}`,
  };
}
