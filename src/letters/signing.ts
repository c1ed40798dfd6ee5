import type { Db } from '../db';
import { dispatchEmails, queueEmail } from '../email/outbox';
import { hashToken, newId, newToken } from '../lib/tokens';
import { logEvent } from '../lib/log';
import type { Lang } from '../lib/i18n';
import { claimConfirmationWithEmail, findSignatureByEmail, insertSignatureWithEmail } from './queries';
import { letterUrl } from './links';
import { isUniqueViolation } from '../db/errors';
import type { Letter } from './schema';
import { confirmationOutboxId, letterText, mayResendConfirmation, signingState } from './status';
import type { SignatureInput } from './validation';

/**
 * What happened to a signature request. The person is shown the same page for every outcome but
 * 'closed', so that nobody can learn whether an address has signed.
 */
export type SignOutcome = 'new' | 'resent' | 'rate-limited' | 'closed';

type SigningEnv = Pick<Env, 'ORG_NAME' | 'PUBLIC_URL' | 'EMAIL_QUEUE'>;

/**
 * Hands stored confirmation emails to the queue. The outbox row is written with the signature, so
 * a handoff that never happens is made up by the outbox sweep; a request may therefore do it after
 * its answer (`waitUntil`) instead of making the signer wait for it.
 */
export type DispatchEmails = (outboxIds: string[]) => void | Promise<void>;

/** The private links of a signature: confirm and withdraw, each opening a page with a button. */
export function signatureLinks(
  env: Pick<Env, 'PUBLIC_URL'>,
  slug: string,
  confirmToken: string,
  withdrawToken: string,
) {
  const base = letterUrl(env, { slug });
  return { confirmUrl: `${base}/confirm/${confirmToken}`, withdrawUrl: `${base}/withdraw/${withdrawToken}` };
}

async function freshTokens() {
  const confirmToken = newToken();
  const withdrawToken = newToken();
  return {
    confirmToken,
    withdrawToken,
    confirmTokenHash: await hashToken(confirmToken),
    withdrawTokenHash: await hashToken(withdrawToken),
  };
}

function confirmationEmail(
  db: Db,
  env: SigningEnv,
  letter: Letter,
  signer: { email: string; lang: Lang; firstName: string },
  outboxId: string,
  links: { confirmUrl: string; withdrawUrl: string },
  alreadyConfirmed: boolean,
  at: number,
) {
  return queueEmail(
    db,
    env,
    {
      id: outboxId,
      to: signer.email,
      lang: signer.lang,
      template: 'letters-confirm',
      data: {
        firstName: signer.firstName,
        letterTitle: letterText(letter, signer.lang).title,
        letterUrl: letterUrl(env, letter),
        alreadyConfirmed,
        ...links,
      },
    },
    at,
  );
}

/**
 * Signs a letter: stores the signature unconfirmed and queues its confirmation email in one batch.
 * If the address already signed, sends the confirmation again (at most once per RESEND_AFTER_MS)
 * with fresh links, and never makes a second signature. Safe under concurrency: the unique index
 * (letter, email) lets one insert win, and a compare-and-set on the send counter lets one resend win.
 */
export async function signLetter(
  db: Db,
  env: SigningEnv,
  letter: Letter,
  input: SignatureInput,
  lang: Lang,
  at: number,
  dispatch: DispatchEmails = (ids) => dispatchEmails(env, ids),
): Promise<SignOutcome> {
  if (signingState(letter, at) !== 'open') return 'closed';
  for (let attempt = 0; attempt < 2; attempt++) {
    const tokens = await freshTokens();
    const links = signatureLinks(env, letter.slug, tokens.confirmToken, tokens.withdrawToken);
    const id = newId();
    const email = confirmationEmail(
      db,
      env,
      letter,
      { ...input, lang },
      confirmationOutboxId(id, 1),
      links,
      false,
      at,
    );
    try {
      await insertSignatureWithEmail(
        db,
        {
          id,
          letterId: letter.id,
          ...input,
          lang,
          confirmTokenHash: tokens.confirmTokenHash,
          withdrawTokenHash: tokens.withdrawTokenHash,
          confirmationsSent: 1,
          lastConfirmationAt: at,
          createdAt: at,
        },
        email.statement,
      );
      await dispatch([email.id]);
      logEvent('info', 'letters.signed', { letterId: letter.id, signatureId: id });
      return 'new';
    } catch (error) {
      if (!isUniqueViolation(error, 'letter_signatures.email')) throw error;
    }
    const existing = await findSignatureByEmail(db, letter.id, input.email);
    // Deleted (withdrawn or expired) between the insert and this read: try the insert once more.
    if (!existing) continue;
    if (!mayResendConfirmation(existing.lastConfirmationAt, at)) {
      logEvent('info', 'letters.resend_limited', { letterId: letter.id, signatureId: existing.id });
      return 'rate-limited';
    }
    const resendTokens = await freshTokens();
    const resendLinks = signatureLinks(
      env,
      letter.slug,
      resendTokens.confirmToken,
      resendTokens.withdrawToken,
    );
    const sequence = existing.confirmationsSent + 1;
    const resend = confirmationEmail(
      db,
      env,
      letter,
      { email: existing.email, lang: existing.lang, firstName: existing.firstName },
      confirmationOutboxId(existing.id, sequence),
      resendLinks,
      existing.confirmedAt !== null,
      at,
    );
    // If another request claimed this sequence first, both statements change nothing: the update
    // finds the counter moved on, and the outbox id of that sequence already exists.
    const claimed = await claimConfirmationWithEmail(
      db,
      {
        id: existing.id,
        readSequence: existing.confirmationsSent,
        confirmTokenHash: resendTokens.confirmTokenHash,
        withdrawTokenHash: resendTokens.withdrawTokenHash,
        at,
      },
      resend.statement,
    );
    if (!claimed) return 'rate-limited';
    await dispatch([resend.id]);
    logEvent('info', 'letters.confirmation_resent', {
      letterId: letter.id,
      signatureId: existing.id,
      sequence,
    });
    return 'resent';
  }
  return 'rate-limited';
}
