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

/** The honorifics written before a name ("Rev.", "Rabino"): all but "none" and "other". */
const TITLED_HONORIFICS = HONORIFICS.filter(
  (value): value is Exclude<Honorific, 'none' | 'other'> => value !== 'none' && value !== 'other',
);

/** How each honorific is offered on the signature form. */
export const HONORIFIC_OPTIONS = Object.fromEntries(
  HONORIFICS.map((value) => [value, `letters.honorificOption.${value}` satisfies MessageKey]),
) as Record<Honorific, MessageKey>;

/** True when a stored value is one of a list's values (rows hold plain strings). */
function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The message key of a title as written before a name ("Rev.", "Rabino"). */
export function honorificKey(value: string): MessageKey | null {
  return isOneOf(TITLED_HONORIFICS, value) ? `letters.honorific.${value}` : null;
}

/** The label of a tradition in a language (unknown values show as "Other"). */
export function traditionLabel(t: Translate, value: string): string {
  return t(`letters.tradition.${isOneOf(TRADITIONS, value) ? value : 'other'}`);
}

/** The label of a signer's role in a language. */
export function roleLabel(t: Translate, value: string): string {
  return t(`letters.role.${isOneOf(SIGNER_ROLES, value) ? value : 'lay'}`);
}

/** The label of a letter's status in a language. */
export function statusLabel(t: Translate, status: LetterStatus): string {
  return t(`letters.status.${status}`);
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
