import type { Db } from '../db';
import { dispatchEmails, queueEmail } from '../email/outbox';
import { absoluteUrl } from '../lib/urls';
import { hashToken, newToken } from '../lib/tokens';
import { logEvent } from '../lib/log';
import type { Lang } from '../lib/i18n';
import { findOrganizerByEmail, storeSignInLinkUnlessPending } from './queries';
import { SIGN_IN_LINK_TTL_MS, signInLinkPath } from './sign-in';

/**
 * "Send me a link": for an allowlisted address, makes a new 256-bit token (only its SHA-256 is
 * stored) and queues the sign-in email in the same batch. While the organizer's newest link still
 * works (its 10 minutes), further requests change nothing and send nothing, so nobody can make a
 * pending link stop working by asking again. For any other address it does nothing; the caller
 * answers the same either way. Returns whether a link was sent.
 */
export async function requestSignInLink(
  db: Db,
  env: Pick<Env, 'ORG_NAME' | 'PUBLIC_URL' | 'EMAIL_QUEUE'>,
  input: { email: string; lang: Lang; next: string | null; at: number },
): Promise<boolean> {
  const organizer = await findOrganizerByEmail(db, input.email);
  if (!organizer) {
    logEvent('info', 'sign_in.link_refused', { reason: 'not_listed' });
    return false;
  }
  // The email is in the language of the page the person asked from (their choice right now);
  // organizers.lang is updated to it when they sign in, for later emails.
  const token = newToken();
  const tokenHash = await hashToken(token);
  const signInUrl = absoluteUrl(env, signInLinkPath(token, input.next));
  const email = queueEmail(
    db,
    env,
    { to: organizer.email, lang: input.lang, template: 'sign-in', data: { signInUrl } },
    input.at,
  );
  // The token is written only if no live link exists, and the email kept only if it was.
  const written = await storeSignInLinkUnlessPending(
    db,
    { organizerId: organizer.id, tokenHash, at: input.at, expiresAt: input.at + SIGN_IN_LINK_TTL_MS },
    email,
  );
  if (!written) {
    logEvent('info', 'sign_in.link_refused', { reason: 'pending', organizerId: organizer.id });
    return false;
  }
  logEvent('info', 'sign_in.link_sent', { organizerId: organizer.id, outboxId: email.id });
  await dispatchEmails(env, [email.id]);
  return true;
}
