// Passkeys (WebAuthn) for organizers, through @simplewebauthn/server: registration while signed in,
// and proof at sign-in (after the email link, or alone as a discoverable credential) and at
// step-up. Challenges are stored server-side and used once within 5 minutes; user verification
// (the device's PIN, face or fingerprint) is required every time.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
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

type PasskeyEnv = Pick<Env, 'PUBLIC_URL' | 'ORG_NAME'>;

/** The relying party: this site's origin and host name, from PUBLIC_URL. */
function relyingParty(env: PasskeyEnv) {
  const url = new URL(env.PUBLIC_URL);
  return { origin: url.origin, id: url.hostname, name: env.ORG_NAME };
}

/** What a browser's answer must match: our challenge, our origin, and a verified user. */
function expectedFrom(env: PasskeyEnv, challenge: string) {
  const rp = relyingParty(env);
  return {
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  };
}

function transportsOf(stored: string | null): AuthenticatorTransportFuture[] | undefined {
  return stored ? (JSON.parse(stored) as AuthenticatorTransportFuture[]) : undefined;
}
type AuthenticatorTransportFuture = NonNullable<RegistrationResponseJSON['response']['transports']>[number];

/** Options for adding a passkey, and the id of their stored challenge. */
export async function startPasskeyRegistration(
  db: Db,
  env: PasskeyEnv,
  organizer: { id: string; email: string; name: string | null },
  at: number,
) {
  const rp = relyingParty(env);
  const existing = await listPasskeys(db, organizer.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: organizer.email,
    userDisplayName: organizer.name ?? organizer.email,
    userID: Uint8Array.from(new TextEncoder().encode(organizer.id)),
    attestationType: 'none',
    excludeCredentials: existing.map((key) => ({ id: key.id, transports: transportsOf(key.transports) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const challengeId = await storeChallenge(db, {
    challenge: options.challenge,
    purpose: 'register',
    organizerId: organizer.id,
    expiresAt: at + CHALLENGE_TTL_MS,
  });
  return { challengeId, options };
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
  const verification = await verifyRegistrationResponse({
    response: input.response,
    ...expectedFrom(env, challenge.challenge),
  }).catch(() => null);
  if (!verification?.verified) return false;
  const { credential } = verification.registrationInfo;
  await addPasskey(db, {
    id: credential.id,
    organizerId: input.organizerId,
    name: input.name,
    publicKey: toBase64Url(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ? JSON.stringify(credential.transports) : null,
    at: input.at,
  });
  return true;
}

/**
 * Options for proving who one is with a passkey. With an organizer (second step of sign-in, or a
 * step-up) only their passkeys are offered; without one, any passkey of this site (passkey-only
 * sign-in).
 */
export async function startPasskeyProof(
  db: Db,
  env: PasskeyEnv,
  input: { organizerId: string | null; purpose: 'sign_in' | 'step_up'; at: number },
) {
  const rp = relyingParty(env);
  const allow = input.organizerId ? await listPasskeys(db, input.organizerId) : [];
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'required',
    allowCredentials: allow.map((key) => ({ id: key.id, transports: transportsOf(key.transports) })),
  });
  const challengeId = await storeChallenge(db, {
    challenge: options.challenge,
    purpose: input.purpose,
    organizerId: input.organizerId,
    expiresAt: input.at + CHALLENGE_TTL_MS,
  });
  return { challengeId, options };
}

/** Checks a passkey's answer; the organizer it proves, or null. */
export async function finishPasskeyProof(
  db: Db,
  env: PasskeyEnv,
  input: {
    challengeId: string;
    purpose: 'sign_in' | 'step_up';
    response: AuthenticationResponseJSON;
    at: number;
  },
): Promise<string | null> {
  const challenge = await takeChallenge(db, input.challengeId, input.purpose, input.at);
  if (!challenge) return null;
  const passkey = await findPasskey(db, input.response.id);
  if (!passkey) return null;
  // A challenge issued for one organizer proves only that organizer.
  if (challenge.organizerId && challenge.organizerId !== passkey.organizerId) return null;
  const verification = await verifyAuthenticationResponse({
    response: input.response,
    ...expectedFrom(env, challenge.challenge),
    credential: {
      id: passkey.id,
      publicKey: fromBase64Url(passkey.publicKey),
      counter: passkey.counter,
      transports: transportsOf(passkey.transports),
    },
  }).catch(() => null);
  if (!verification?.verified) return null;
  await touchPasskey(db, passkey.id, verification.authenticationInfo.newCounter, input.at);
  return passkey.organizerId;
}
