// The passkey checks themselves, against a software authenticator made here with WebCrypto: what
// a real device signs is accepted, and every way an answer can be wrong is refused and stores
// nothing. (Chromium's virtual authenticator drives the whole ceremony in test/browser/passkeys.test.ts.)
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { toBase64Url } from '../../src/lib/base64url';
import {
  finishPasskeyProof,
  finishPasskeyRegistration,
  startPasskeyProof,
  startPasskeyRegistration,
} from '../../src/organizers/passkeys';
import { ORIGIN } from '../helpers';
import { allowlist } from './support';

const db = getDb(env);
const encoder = new TextEncoder();
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** authenticatorData: the RP id's hash, the flags, the counter, and (registration) an AAGUID. */
async function authenticatorData(options: {
  rpId: string;
  flags: number;
  counter: number;
  aaguid?: boolean;
}) {
  const counter = new Uint8Array(4);
  new DataView(counter.buffer).setUint32(0, options.counter);
  const parts = [await sha256(encoder.encode(options.rpId)), Uint8Array.of(options.flags), counter];
  if (options.aaguid) parts.push(new Uint8Array(16));
  return concat(...parts);
}

/** An ECDSA signature as WebAuthn carries it: DER, not WebCrypto's raw r‖s. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    let body = bytes.slice(start);
    if (body[0]! & 0x80) body = concat(Uint8Array.of(0), body);
    return concat(Uint8Array.of(0x02, body.length), body);
  };
  const sequence = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(Uint8Array.of(0x30, sequence.length), sequence);
}

/** A software passkey: an ES256 key pair and a credential id. */
async function softwarePasskey() {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const spki = new Uint8Array((await crypto.subtle.exportKey('spki', keys.publicKey)) as ArrayBuffer);
  const id = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  return { id, keys, publicKey: toBase64Url(spki) };
}

type Passkey = Awaited<ReturnType<typeof softwarePasskey>>;
const rpId = new URL(ORIGIN).hostname;

async function registrationAnswer(
  passkey: Passkey,
  challenge: string,
  change: { origin?: string; flags?: number; algorithm?: number } = {},
) {
  const clientData = encoder.encode(
    JSON.stringify({ type: 'webauthn.create', challenge, origin: change.origin ?? ORIGIN }),
  );
  const authData = await authenticatorData({
    rpId,
    flags: change.flags ?? FLAG_UP | FLAG_UV | FLAG_AT,
    counter: 0,
    aaguid: true,
  });
  return {
    id: passkey.id,
    rawId: passkey.id,
    type: 'public-key' as const,
    clientExtensionResults: {},
    response: {
      clientDataJSON: toBase64Url(clientData),
      attestationObject: '',
      authenticatorData: toBase64Url(authData),
      transports: ['internal' as const],
      publicKey: passkey.publicKey,
      publicKeyAlgorithm: change.algorithm ?? -7,
    },
  };
}

async function proofAnswer(
  passkey: Passkey,
  challenge: string,
  change: { signWith?: CryptoKey; counter?: number; flags?: number; shortInteger?: boolean } = {},
) {
  const clientData = encoder.encode(JSON.stringify({ type: 'webauthn.get', challenge, origin: ORIGIN }));
  const authData = await authenticatorData({
    rpId,
    flags: change.flags ?? FLAG_UP | FLAG_UV,
    counter: change.counter ?? 0,
  });
  const signed = concat(authData, await sha256(clientData));
  const sign = async () =>
    new Uint8Array(
      await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        change.signWith ?? passkey.keys.privateKey,
        signed,
      ),
    );
  let raw = await sign();
  // About one signature in 128 has an r or s below 2^248, which DER writes in fewer than 32 bytes.
  for (let tries = 0; change.shortInteger && raw[0] !== 0 && raw[32] !== 0; tries++) {
    if (tries > 5000) throw new Error('no short signature made');
    raw = await sign();
  }
  return {
    id: passkey.id,
    rawId: passkey.id,
    type: 'public-key' as const,
    clientExtensionResults: {},
    response: {
      clientDataJSON: toBase64Url(clientData),
      authenticatorData: toBase64Url(authData),
      signature: toBase64Url(derSignature(raw)),
    },
  };
}

async function storedPasskeys(organizerId: string) {
  const { results } = await env.DB.prepare(
    'SELECT id, algorithm, counter FROM passkeys WHERE organizer_id = ?',
  )
    .bind(organizerId)
    .all<{ id: string; algorithm: string; counter: number }>();
  return results;
}

async function register(organizerId: string, email: string, passkey: Passkey, change = {}) {
  const at = Date.now();
  const { challengeId, options } = await startPasskeyRegistration(
    db,
    env,
    { id: organizerId, email, name: null },
    at,
  );
  return finishPasskeyRegistration(db, env, {
    organizerId,
    challengeId,
    name: 'Phone',
    response: await registrationAnswer(passkey, options.challenge, change),
    at,
  });
}

async function prove(organizerId: string | null, passkey: Passkey, change = {}) {
  const at = Date.now();
  const { challengeId, options } = await startPasskeyProof(db, env, { organizerId, purpose: 'sign_in', at });
  const response = await proofAnswer(passkey, options.challenge, change);
  return {
    result: await finishPasskeyProof(db, env, { challengeId, purpose: 'sign_in', response, at }),
    again: () => finishPasskeyProof(db, env, { challengeId, purpose: 'sign_in', response, at }),
  };
}

describe('passkey registration', () => {
  it('offers only the algorithms it can verify, and asks for user verification and no attestation', async () => {
    const id = await allowlist('options@passkeys.example.org');
    const { options } = await startPasskeyRegistration(
      db,
      env,
      { id, email: 'options@passkeys.example.org', name: null },
      Date.now(),
    );
    expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-7, -257]);
    expect(options.attestation).toBe('none');
    expect(options.authenticatorSelection.userVerification).toBe('required');
    expect(options.rp.id).toBe(rpId);
  });

  it('stores a key whose answer checks out, with its algorithm', async () => {
    const id = await allowlist('good@passkeys.example.org');
    const passkey = await softwarePasskey();
    expect(await register(id, 'good@passkeys.example.org', passkey)).toBe(true);
    expect(await storedPasskeys(id)).toEqual([{ id: passkey.id, algorithm: 'ES256', counter: 0 }]);
  });

  it('refuses an answer without user verification, from another origin, or with an algorithm not offered', async () => {
    const id = await allowlist('refused@passkeys.example.org');
    const email = 'refused@passkeys.example.org';
    expect(await register(id, email, await softwarePasskey(), { flags: FLAG_UP | FLAG_AT })).toBe(false);
    expect(await register(id, email, await softwarePasskey(), { origin: 'https://evil.example' })).toBe(
      false,
    );
    expect(await register(id, email, await softwarePasskey(), { algorithm: -8 })).toBe(false);
    expect(await storedPasskeys(id)).toEqual([]);
  });
});

describe('passkey proof', () => {
  it('proves the organizer with a signature from their key, once per challenge', async () => {
    const id = await allowlist('proof@passkeys.example.org');
    const passkey = await softwarePasskey();
    await register(id, 'proof@passkeys.example.org', passkey);
    const { result, again } = await prove(id, passkey, { counter: 3 });
    expect(result).toBe(id);
    expect((await storedPasskeys(id))[0]?.counter).toBe(3);
    expect(await again()).toBeNull();
    // Passkey alone (no organizer known yet): the same key proves the same organizer.
    expect((await prove(null, passkey, { counter: 4 })).result).toBe(id);
  });

  it('refuses a signature by another key, a counter that goes back, and no user verification', async () => {
    const id = await allowlist('forged@passkeys.example.org');
    const passkey = await softwarePasskey();
    await register(id, 'forged@passkeys.example.org', passkey);
    const other = await softwarePasskey();
    expect((await prove(id, passkey, { signWith: other.keys.privateKey })).result).toBeNull();
    expect((await prove(id, passkey, { counter: 5 })).result).toBe(id);
    expect((await prove(id, passkey, { counter: 5 })).result).toBeNull();
    expect((await prove(id, passkey, { counter: 6, flags: FLAG_UP })).result).toBeNull();
  });

  it('accepts a signature whose r or s DER writes in fewer than 32 bytes (one in about 128)', async () => {
    const id = await allowlist('short@passkeys.example.org');
    const passkey = await softwarePasskey();
    await register(id, 'short@passkeys.example.org', passkey);
    expect((await prove(id, passkey, { shortInteger: true })).result).toBe(id);
    expect(
      (await prove(id, passkey, { shortInteger: true, signWith: (await softwarePasskey()).keys.privateKey }))
        .result,
    ).toBeNull();
  });

  it('refuses a passkey of one organizer answering a challenge issued to another', async () => {
    const first = await allowlist('first@passkeys.example.org');
    const second = await allowlist('second@passkeys.example.org');
    const passkey = await softwarePasskey();
    await register(first, 'first@passkeys.example.org', passkey);
    expect((await prove(second, passkey)).result).toBeNull();
  });
});
