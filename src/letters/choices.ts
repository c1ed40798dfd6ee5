import type { MessageKey, Translate } from '../lib/i18n';

/** Titles offered on the form, besides "none" and "other" (free text). */
export const HONORIFICS = ['rev', 'pastor', 'rabbi', 'imam', 'fr', 'sister', 'dr', 'none', 'other'] as const;
export type Honorific = (typeof HONORIFICS)[number];

/** How a person signs: as clergy, as a lay leader, or on behalf of an organization. */
export const SIGNER_ROLES = ['clergy', 'lay', 'organization'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

/** Faith traditions, in the order the public list groups them. */
export const TRADITIONS = [
  'catholic',
  'mainline',
  'evangelical',
  'pentecostal',
  'black-church',
  'orthodox',
  'anabaptist',
  'jewish',
  'muslim',
  'buddhist',
  'hindu',
  'sikh',
  'uu',
  'bahai',
  'interfaith',
  'other',
] as const;
export type Tradition = (typeof TRADITIONS)[number];

/** Letter statuses: drafts are visible to organizers only; closed letters accept no signatures. */
export const LETTER_STATUSES = ['draft', 'open', 'closed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** The message key of a title as written before a name ("Rev.", "Rabino"). */
export function honorificKey(value: string): MessageKey | null {
  return (HONORIFICS as readonly string[]).includes(value) && value !== 'none' && value !== 'other'
    ? (`letters.honorific.${value}` as MessageKey)
    : null;
}

/** The label of a tradition in a language (unknown values show as "Other"). */
export function traditionLabel(t: Translate, value: string): string {
  const known = (TRADITIONS as readonly string[]).includes(value) ? value : 'other';
  return t(`letters.tradition.${known}` as MessageKey);
}

/** The label of a signer's role in a language. */
export function roleLabel(t: Translate, value: string): string {
  const known = (SIGNER_ROLES as readonly string[]).includes(value) ? value : 'lay';
  return t(`letters.role.${known}` as MessageKey);
}

/** Options for a select or radio group: [value, label] pairs in the reader's language. */
export function options<T extends string>(values: readonly T[], label: (value: T) => string): [T, string][] {
  return values.map((value) => [value, label(value)]);
}

/** A signer's name as shown: the title (in the reader's language, or their own words) and name. */
export function displayName(
  t: Translate,
  signer: { honorific: string; honorificOther: string | null; firstName: string; lastName: string },
): string {
  const key = honorificKey(signer.honorific);
  const title = key ? t(key) : signer.honorific === 'other' ? (signer.honorificOther ?? '') : '';
  return [title, signer.firstName, signer.lastName].filter((part) => part.trim() !== '').join(' ');
}
