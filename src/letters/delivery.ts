import type { Db } from '../db';
import { titleLabel } from '../officials/links';
import { dispatchEmails, queueEmail } from '../email/outbox';
import { renderMarkdown } from '../lib/markdown';
import { newId } from '../lib/tokens';
import { logEvent } from '../lib/log';
import { translator, type Lang } from '../lib/i18n';
import { displayName } from './choices';
import { letterUrl } from './links';
import { insertDeliveryWithEmails, letterTally, listAllShownSigners, listLetterOfficials } from './queries';
import type { Letter } from './schema';
import { addresseeLines, letterText } from './status';
import { signedBySentence } from './tally';

/**
 * Emails a letter with its shown signers to the addressees, through the outbox, and records the
 * delivery in the same batch. Returns the delivery id; the outbox rows say when each email went out.
 */
export async function deliverLetter(
  db: Db,
  env: Pick<Env, 'ORG_NAME' | 'PUBLIC_URL' | 'EMAIL_QUEUE'>,
  letter: Letter,
  recipients: string[],
  lang: Lang,
  organizerId: string | null,
  at: number,
): Promise<string> {
  const t = translator(lang);
  const [signers, tally, officials] = await Promise.all([
    listAllShownSigners(db, letter.id),
    letterTally(db, letter.id),
    listLetterOfficials(db, letter.id),
  ]);
  const text = letterText(letter, lang);
  const data = {
    letterTitle: text.title,
    bodyHtml: renderMarkdown(text.body),
    bodyText: text.body,
    addressees: [
      ...officials.map((official) =>
        [titleLabel(t, official.title), official.name].filter(Boolean).join(' '),
      ),
      ...addresseeLines(letter.addressees),
    ],
    signerCount: tally.signed,
    signedBy: signedBySentence(t, lang, tally),
    letterUrl: letterUrl(env, letter),
    signers: signers.map((signer) => ({
      name: displayName(t, signer),
      verified: signer.verified,
      affiliation: [signer.congregation, signer.denomination].filter(Boolean).join(', '),
      place: `${signer.city}, ${signer.state}`,
    })),
  };
  const deliveryId = newId();
  const emails = recipients.map((to, index) =>
    queueEmail(
      db,
      env,
      { id: `letters-delivery:${deliveryId}:${index}`, to, lang, template: 'letters-delivery', data },
      at,
    ),
  );
  await insertDeliveryWithEmails(
    db,
    {
      id: deliveryId,
      letterId: letter.id,
      organizerId,
      lang,
      outboxIds: JSON.stringify(emails.map((email) => email.id)),
      recipientCount: recipients.length,
      signerCount: tally.signed,
      createdAt: at,
    },
    emails.map((email) => email.statement),
  );
  await dispatchEmails(
    env,
    emails.map((email) => email.id),
  );
  logEvent('info', 'letters.delivered', {
    letterId: letter.id,
    deliveryId,
    recipients: recipients.length,
    signers: tally.signed,
  });
  return deliveryId;
}
