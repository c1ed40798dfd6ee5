import type { Db } from '../db';
import { dispatchEmails, queueEmail } from '../email/outbox';
import { hashToken, newToken } from '../lib/tokens';
import { logEvent } from '../web/errors';
import type { Lang } from '../web/i18n';
import { findOrganizerByEmail, replaceSignInToken } from './queries';
import { SIGN_IN_LINK_TTL_MS, signInLinkPath } from './sign-in';

/**
 * "Send me a link": for an allowlisted address, makes a new 256-bit token (only its SHA-256 is
 * stored, replacing the organizer's previous link) and queues the sign-in email in the same batch.
 * For any other address it does nothing; the caller answers the same either way.
 */
export async function requestSignInLink(
  db: Db,
  env: Pick<Env, 'ORG_NAME' | 'PUBLIC_URL' | 'EMAIL_QUEUE'>,
  input: { email: string; lang: Lang; next: string | null; at: number },
): Promise<void> {
  const organizer = await findOrganizerByEmail(db, input.email);
  if (!organizer) {
    logEvent('info', 'sign_in.link_refused', { reason: 'not_listed' });
    return;
  }
  // The email is in the language of the page the person asked from (their choice right now);
  // organizers.lang is updated to it when they sign in, for later emails.
  const token = newToken();
  const signInUrl = new URL(signInLinkPath(token, input.next), env.PUBLIC_URL).toString();
  const email = queueEmail(
    db,
    env,
    { to: organizer.email, lang: input.lang, template: 'sign-in', data: { signInUrl } },
    input.at,
  );
  await db.batch([
    replaceSignInToken(db, organizer.id, await hashToken(token), input.at, input.at + SIGN_IN_LINK_TTL_MS),
    email.statement,
  ]);
  logEvent('info', 'sign_in.link_sent', { organizerId: organizer.id, outboxId: email.id });
  await dispatchEmails(env, [email.id]);
}
