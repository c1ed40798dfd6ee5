import { formatNumber, type Lang, type Translate } from '../lib/i18n';

/**
 * The one set of counts of a letter's signatures that every page and email uses
 * (kept by triggers on the signatures in the table letter_tallies, migration 0014, which spell out
 * each condition below; nothing else counts signatures its own way):
 * - confirmed: the signer opened the confirmation link (hidden or not);
 * - signed: confirmed and not hidden by an organizer: "N signed", the public count;
 * - named: signed and chose to show their name: the public list, the names in a delivery;
 * - hidden: confirmed and hidden by an organizer (confirmed = signed + hidden).
 */
export interface LetterTally {
  confirmed: number;
  signed: number;
  named: number;
  hidden: number;
}

/** "Signed by 39 faith leaders; 4 of them asked not to be named.": the page's and email's sentence. */
export function signedBySentence(
  t: Translate,
  lang: Lang,
  tally: Pick<LetterTally, 'signed' | 'named'>,
): string {
  return t('letters.signedBy', {
    count: formatNumber(lang, tally.signed),
    unnamed: formatNumber(lang, tally.signed - tally.named),
  });
}
