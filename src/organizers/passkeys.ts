// Passkeys (WebAuthn) for organizers: registration while signed in, and proof at sign-in (after the
// email link, or alone as a discoverable credential) and at step-up. Challenges are stored
// server-side and used once within 5 minutes; user verification (the device's PIN, face or
// fingerprint) is required every time. The answers are checked by @passwordless-id/webauthn, which
// verifies assertion signatures with WebCrypto and so stays small: we ask for no attestation, so
// there is no certificate chain to parse, and offer only the two algorithms it verifies.
// Imported by module, not from the package's index: its registration check names the
// authenticator from a table of every known model (25 KB) that we never show, so registration
// makes the same checks here with the library's own parsers, and the table stays out of the Worker.
import { getAlgoName, parseAuthenticator, parseClient } from '@passwordless-id/webauthn/dist/esm/parsers.js';
import { randomChallenge, verifyAuthentication } from '@passwordless-id/webauthn/dist/esm/server.js';
import type {
  AuthenticationJSON,
  ExtendedAuthenticatorTransport,
  RegistrationResponseJSON,
} from '@passwordless-id/webauthn/dist/esm/types.js';
import { sha256, toBase64url, toBuffer } from '@passwordless-id/webauthn/dist/esm/utils.js';
import type { Db } from '../db';
import { fromBase64Url, toBase64Url } from '../lib/base64url';
import { MINUTE } from '../lib/time';
import {
  addPasskey,
  findPasskey,
  listPasskeys,
  storeChallenge,
  takeChallenge,
  touchPasskey,
} from './queries';

const CHALLENGE_TTL_MS = 5 * MINUTE;
/** How long the browser waits for the person (WebAuthn's default range is 5 to 10 minutes). */
const CEREMONY_TIMEOUT_MS = 5 * MINUTE;
/** COSE algorithm ids: ES256 (-7) and RS256 (-257), the ones every platform authenticator offers. */
const OFFERED_ALGORITHMS = [-7, -257];

type PasskeyEnv = Pick<Env, 'PUBLIC_URL' | 'ORG_NAME'>;

/** The relying party: this site's origin and host name, from PUBLIC_URL. */
function relyingParty(env: PasskeyEnv) {
  const url = new URL(env.PUBLIC_URL);
  return { origin: url.origin, id: url.hostname, name: env.ORG_NAME };
}

/** What a browser's answer must match: our challenge, our origin and host, and a verified user. */
function expectedFrom(env: PasskeyEnv, challenge: string) {
  const rp = relyingParty(env);
  return { challenge, origin: rp.origin, domain: rp.id, userVerified: true };
}

function transportsOf(stored: string | null): ExtendedAuthenticatorTransport[] | undefined {
  return stored ? (JSON.parse(stored) as ExtendedAuthenticatorTransport[]) : undefined;
}

/** The credentials a ceremony names (to exclude at registration, to allow at proof). */
function descriptors(keys: { id: string; transports: string | null }[]) {
  return keys.map((key) => ({
    id: key.id,
    type: 'public-key' as const,
    transports: transportsOf(key.transports),
  }));
}

/** Options for adding a passkey (WebAuthn's PublicKeyCredentialCreationOptionsJSON), and the id of their stored challenge. */
export async function startPasskeyRegistration(
  db: Db,
  env: PasskeyEnv,
  organizer: { id: string; email: string; name: string | null },
  at: number,
) {
  const rp = relyingParty(env);
  const existing = await listPasskeys(db, organizer.id);
  const options = {
    challenge: randomChallenge(),
    rp: { id: rp.id, name: rp.name },
    user: {
      id: toBase64Url(new TextEncoder().encode(organizer.id)),
      name: organizer.email,
      displayName: organizer.name ?? organizer.email,
    },
    pubKeyCredParams: OFFERED_ALGORITHMS.map((alg) => ({ type: 'public-key' as const, alg })),
    timeout: CEREMONY_TIMEOUT_MS,
    attestation: 'none' as const,
    excludeCredentials: descriptors(existing),
    authenticatorSelection: {
      residentKey: 'required' as const,
      requireResidentKey: true,
      userVerification: 'required' as const,
    },
  };
  const challengeId = await storeChallenge(db, {
    challenge: options.challenge,
    purpose: 'register',
    organizerId: organizer.id,
    expiresAt: at + CHALLENGE_TTL_MS,
  });
  return { challengeId, options };
}

/** The algorithm of a new credential, if it is one we offered (and so can verify). */
function offeredAlgorithm(code: number): 'ES256' | 'RS256' | null {
  try {
    const name = getAlgoName(code);
    return name === 'ES256' || name === 'RS256' ? name : null;
  } catch {
    return null; // an algorithm the library does not know
  }
}

/**
 * The checks of the library's verifyRegistration: a new credential's answer is for our challenge,
 * from our origin, for our host (the hash of the relying party id), from a registration
 * ceremony, and with the user verified. With no attestation asked, there is no signature to check.
 * The authenticator's data when it checks out, else null.
 */
async function checkRegistration(
  response: RegistrationResponseJSON['response'] & { authenticatorData: string },
  expected: ReturnType<typeof expectedFrom>,
) {
  const client = parseClient(response.clientDataJSON);
  const authenticator = parseAuthenticator(response.authenticatorData);
  const expectedRpIdHash = toBase64url(await sha256(toBuffer(expected.domain)));
  const checksOut =
    authenticator.flags.userVerified &&
    authenticator.rpIdHash === expectedRpIdHash &&
    client.type === 'webauthn.create' &&
    client.origin === expected.origin &&
    client.challenge === expected.challenge;
  return checksOut ? authenticator : null;
}

/** Verifies a new passkey and stores it; false when the browser's answer does not check out. */
export async function finishPasskeyRegistration(
  db: Db,
  env: PasskeyEnv,
  input: {
    organizerId: string;
    challengeId: string;
    name: string;
    response: RegistrationResponseJSON;
    at: number;
  },
): Promise<boolean> {
  const challenge = await takeChallenge(db, input.challengeId, 'register', input.at);
  if (!challenge || challenge.organizerId !== input.organizerId) return false;
  // The library reads the credential from the browser's getPublicKey() and authenticatorData,
  // which every current browser includes in the answer; one without them is refused.
  const { response } = input.response;
  if (!response?.publicKey || !response.authenticatorData) return false;
  const authenticator = await checkRegistration(
    { ...response, authenticatorData: response.authenticatorData },
    expectedFrom(env, challenge.challenge),
  ).catch(() => null);
  if (!authenticator) return false;
  const algorithm = offeredAlgorithm(response.publicKeyAlgorithm);
  if (!algorithm) return false;
  await addPasskey(db, {
    id: input.response.id,
    organizerId: input.organizerId,
    name: input.name,
    publicKey: response.publicKey,
    algorithm,
    counter: authenticator.signCount,
    transports: response.transports?.length ? JSON.stringify(response.transports) : null,
    at: input.at,
  });
  return true;
}

/**
 * Options for proving who one is with a passkey (PublicKeyCredentialRequestOptionsJSON). With an
 * organizer (second step of sign-in, or a step-up) only their passkeys are offered; without one,
 * any passkey of this site (passkey-only sign-in).
 */
export async function startPasskeyProof(
  db: Db,
  env: PasskeyEnv,
  input: { organizerId: string | null; purpose: 'sign_in' | 'step_up'; at: number },
) {
  const rp = relyingParty(env);
  const allow = input.organizerId ? await listPasskeys(db, input.organizerId) : [];
  const options = {
    challenge: randomChallenge(),
    rpId: rp.id,
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: 'required' as const,
    allowCredentials: descriptors(allow),
  };
  const challengeId = await storeChallenge(db, {
    challenge: options.challenge,
    purpose: input.purpose,
    organizerId: input.organizerId,
    expiresAt: input.at + CHALLENGE_TTL_MS,
  });
  return { challengeId, options };
}

/** The two integers (r, s) of a DER-encoded ECDSA signature, without leading zeros; null if malformed. */
function derIntegers(der: Uint8Array): [Uint8Array, Uint8Array] | null {
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const integers: Uint8Array[] = [];
  let at = 2;
  while (at < der.length && integers.length < 2) {
    const length = der[at + 1] ?? 0;
    if (der[at] !== 0x02 || length === 0 || at + 2 + length > der.length) return null;
    let value = der.subarray(at + 2, at + 2 + length);
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    integers.push(value);
    at += 2 + length;
  }
  const [r, s] = integers;
  return r && s && at === der.length && r.length <= 32 && s.length <= 32 ? [r, s] : null;
}

/**
 * An ES256 signature written so the library reads it right. DER drops an integer's leading zeros,
 * but the library takes r and s as 32 bytes after an optional zero byte, so about one real
 * signature in 128 (a shorter r or s) would be refused. Each integer is written here as a zero
 * byte and its 32 bytes, which the library reads as it expects; a malformed one is left as it is.
 */
function es256SignatureForLibrary(signature: string): string {
  const integers = derIntegers(fromBase64Url(signature));
  if (!integers) return signature;
  const out = new Uint8Array(2 + 2 * 35);
  out.set([0x30, 70]);
  integers.forEach((value, i) => {
    const start = 2 + i * 35;
    out.set([0x02, 33], start);
    out.set(value, start + 35 - value.length);
  });
  return toBase64Url(out);
}

/** Checks a passkey's answer; the organizer it proves, or null. */
export async function finishPasskeyProof(
  db: Db,
  env: PasskeyEnv,
  input: {
    challengeId: string;
    purpose: 'sign_in' | 'step_up';
    response: AuthenticationJSON;
    at: number;
  },
): Promise<string | null> {
  const challenge = await takeChallenge(db, input.challengeId, input.purpose, input.at);
  if (!challenge) return null;
  const passkey = await findPasskey(db, input.response.id);
  if (!passkey) return null;
  // A challenge issued for one organizer proves only that organizer.
  if (challenge.organizerId && challenge.organizerId !== passkey.organizerId) return null;
  const response =
    passkey.algorithm === 'ES256'
      ? {
          ...input.response,
          response: {
            ...input.response.response,
            signature: es256SignatureForLibrary(input.response.response.signature),
          },
        }
      : input.response;
  const verification = await verifyAuthentication(
    response,
    {
      id: passkey.id,
      publicKey: passkey.publicKey,
      algorithm: passkey.algorithm,
      transports: transportsOf(passkey.transports) ?? [],
    },
    // A counter that does not move on (most passkeys report 0) is not checked; one that goes
    // back is refused, as a sign of a cloned authenticator.
    { ...expectedFrom(env, challenge.challenge), counter: passkey.counter },
  ).catch(() => null);
  if (!verification?.userVerified) return null;
  await touchPasskey(db, passkey.id, verification.counter, input.at);
  return passkey.organizerId;
}
