import * as z from 'zod';

// Control characters other than tab and newlines, and U+FFFD, which is what invalid UTF-8 decodes to.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
const NEWLINE = /[\r\n\u2028\u2029]/;

// Characters that show nothing yet reorder or hide the text around them: bidirectional embeddings,
// overrides and isolates (U+202A–202E, U+2066–2069), the direction marks, zero-width spaces, the word
// joiner and invisible operators, the BOM, the soft hyphen, and invisible fillers and separators. In a name on
// a public list they can show it reversed or disguised, and no name needs them.
const HIDDEN_FORMATTING =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]/g;
// The zero-width (non-)joiner is part of how some languages spell (Persian, Dari, many Indic
// scripts), so it stays between two letters and goes everywhere else.
const STRAY_JOINER = /(?<![\p{L}\p{M}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}])/gu;

/**
 * Removes invisible formatting characters that can reverse or disguise text (see HIDDEN_FORMATTING).
 * Every text field goes through it (`field.line`, `field.text` and their optional forms), so every
 * name a person types (signers, registrants, meeting senders and attendees) is free of them.
 */
export function withoutHiddenFormatting(value: string): string {
  return value.replace(HIDDEN_FORMATTING, '').replace(STRAY_JOINER, '');
}

/** U.S. states and territories by postal code. */
export const US_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'PR',
  'GU',
  'VI',
  'AS',
  'MP',
] as const;
export type UsState = (typeof US_STATES)[number];

/**
 * Zod builders for form fields, so every form validates text the same way. Error messages are
 * i18n keys; `readForm` turns them into the person's language.
 */
/**
 * For superRefine: fields filled together or not at all (a translation's title and body). While one
 * is filled, each one left empty gets its message (an i18n key), in the order given.
 * @example .superRefine(together({ bodyEs: 'letters.updates.error.spanishBody', subjectEs: '…' }))
 */
export function together(messages: Record<string, string>) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const names = Object.keys(messages);
    if (!names.some((name) => value[name])) return;
    for (const name of names)
      if (!value[name]) ctx.addIssue({ code: 'custom', path: [name], message: messages[name] });
  };
}

/** The longest email address accepted (RFC 5321's path limit less the brackets). */
export const EMAIL_MAX = 254;

export const field = {
  /**
   * One line of text (names, titles, cities): hidden formatting removed, trimmed, no line breaks or
   * control characters.
   */
  line(max = 200, min = 1) {
    // The length is checked first, so a value too long is always reported as such (and a refused
    // form shows back at most `max` characters of it).
    return z
      .string()
      .overwrite((v) => withoutHiddenFormatting(v).trim())
      .max(max)
      .refine((v) => !CONTROL.test(v), { message: 'form.error.controlChars' })
      .refine((v) => !NEWLINE.test(v), { message: 'form.error.oneLine' })
      .pipe(z.string().min(min));
  },
  /** An optional line: empty input becomes null. */
  optionalLine(max = 200) {
    return z.preprocess(emptyToUndefined, field.line(max).optional()).transform((v) => v ?? null);
  },
  /** Several lines of text (comments, stories, attendee lists): as `line`, with line breaks. */
  text(max = 2000, min = 1) {
    // Line breaks are counted as one character, as the browser's maxlength counts them.
    return z
      .string()
      .overwrite((v) => withoutHiddenFormatting(v).trim().replace(/\r\n?/g, '\n'))
      .max(max)
      .refine((v) => !CONTROL.test(v), { message: 'form.error.controlChars' })
      .pipe(z.string().min(min));
  },
  /** Optional multi-line text: empty input becomes null. */
  optionalText(max = 2000) {
    return z.preprocess(emptyToUndefined, field.text(max).optional()).transform((v) => v ?? null);
  },
  /** An email address, lower-cased so that one person is one address. */
  email() {
    return z
      .string()
      .trim()
      .toLowerCase()
      .max(EMAIL_MAX)
      .refine((v) => !CONTROL.test(v) && !NEWLINE.test(v), { message: 'form.error.email' })
      .pipe(
        z
          .string()
          .min(1)
          .pipe(z.email({ message: 'form.error.email' })),
      );
  },
  /** A checkbox: present and "on" means true. */
  checkbox() {
    return z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === 'yes', z.boolean());
  },
  /** One of a fixed list of values. */
  choice<const T extends readonly [string, ...string[]]>(values: T) {
    return z.enum(values, { message: 'form.error.choose' });
  },
  /** A U.S. state postal code, upper-cased. */
  usState() {
    return z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(US_STATES, { message: 'form.error.state' }));
  },
  /** A whole number in a range. */
  int(min: number, max: number) {
    return z.preprocess(
      (v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v),
      z.number({ message: 'form.error.number' }).int({ message: 'form.error.number' }).min(min).max(max),
    );
  },
  /** A calendar date as YYYY-MM-DD. */
  date() {
    return z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'form.error.date' })
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: 'form.error.date' });
  },
  /** An https (or http) web address. */
  url() {
    return z
      .string()
      .trim()
      .max(2000)
      .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), { message: 'form.error.url' });
  },
};

function emptyToUndefined(value: unknown) {
  return typeof value === 'string' && withoutHiddenFormatting(value).trim() === '' ? undefined : value;
}
