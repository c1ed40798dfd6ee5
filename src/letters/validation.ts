import * as z from 'zod';
import { slugSchema } from '../lib/slug';
import { field } from '../web/fields';
import { HONORIFICS, LETTER_STATUSES, SIGNER_ROLES, TRADITIONS } from './choices';

/** Longest comment a signer may add. */
export const COMMENT_MAX = 500;
/** Most addressee emails one delivery may go to. */
export const DELIVERY_RECIPIENTS_MAX = 20;

/** The signature form: exactly the fields the issue lists, nothing else. */
export const signatureSchema = z
  .object({
    honorific: field.choice(HONORIFICS),
    honorificOther: field.optionalLine(40),
    firstName: field.line(80),
    lastName: field.line(80),
    role: field.choice(SIGNER_ROLES),
    tradition: field.choice(TRADITIONS),
    denomination: field.optionalLine(120),
    congregation: field.optionalLine(160),
    city: field.line(80),
    state: field.usState(),
    email: field.email(),
    comment: field.optionalText(COMMENT_MAX),
    showPublicly: field.checkbox(),
    keepInformed: field.checkbox(),
  })
  .superRefine((value, ctx) => {
    if (value.honorific === 'other' && !value.honorificOther) {
      ctx.addIssue({ code: 'custom', path: ['honorificOther'], message: 'letters.error.honorificOther' });
    }
  })
  // A free-text title only counts when "other" was chosen.
  .transform((value) => ({
    ...value,
    honorificOther: value.honorific === 'other' ? value.honorificOther : null,
  }));
export type SignatureInput = z.output<typeof signatureSchema>;

const slug = slugSchema('letters.error.slug');

const optionalDate = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  field.date().optional(),
);
const optionalGoal = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  field.int(1, 1_000_000).optional(),
);

/** The organizer's letter form (both languages of the text). */
export const letterSchema = z.object({
  slug,
  status: field.choice(LETTER_STATUSES),
  titleEn: field.line(200),
  titleEs: field.line(200),
  bodyEn: field.text(20_000),
  bodyEs: field.text(20_000),
  addressees: z.preprocess((v) => v ?? '', field.text(2000, 0)),
  deadline: optionalDate.transform((v) => v ?? null),
  goal: optionalGoal.transform((v) => v ?? null),
});
export type LetterInput = z.output<typeof letterSchema>;

/** The delivery form: where to email the letter and in which language. */
export const deliverySchema = z.object({
  recipients: z
    .string()
    .transform((v) => [
      ...new Set(
        v
          .split(/[\s,;]+/)
          .map((address) => address.trim().toLowerCase())
          .filter((address) => address !== ''),
      ),
    ])
    .superRefine((list, ctx) => {
      const email = z.email();
      if (list.length === 0 || list.some((address) => !email.safeParse(address).success)) {
        ctx.addIssue({ code: 'custom', message: 'letters.error.recipients' });
      } else if (list.length > DELIVERY_RECIPIENTS_MAX) {
        ctx.addIssue({ code: 'custom', message: 'letters.error.recipientsMax' });
      }
    }),
  lang: field.choice(['en', 'es'] as const),
});

const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v !== '' ? v : undefined),
    z.enum(values).optional().catch(undefined),
  );

/** The organizer's signer-table filters (from the query string; unknown values are ignored). */
export const signerFilterSchema = z.object({
  q: z.preprocess((v) => (typeof v === 'string' ? v.trim().slice(0, 100) : undefined), z.string().optional()),
  tradition: optionalChoice(TRADITIONS),
  state: z.preprocess(
    (v) => (typeof v === 'string' && v !== '' ? v.toUpperCase() : undefined),
    field.usState().optional().catch(undefined),
  ),
  confirmed: optionalChoice(['yes', 'no'] as const),
  shown: optionalChoice(['yes', 'no', 'hidden'] as const),
  page: z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : 1),
    z.number().int().min(1).catch(1),
  ),
});
export type SignerFilter = z.output<typeof signerFilterSchema>;

/** The official an organizer adds to or removes from a letter's addressees. */
export const officialChoiceSchema = z.object({ officialId: z.string() });

/** A yes/no switch of a row button: "yes" turns it on, anything else off. */
const switchedOn = z.unknown().transform((v) => v === 'yes');

/** The hide and verify buttons of the signer table, with the table address to go back to. */
export const hideSignerSchema = z.object({ hidden: switchedOn, back: z.unknown().optional() });
/** See hideSignerSchema. */
export const verifySignerSchema = z.object({ verified: switchedOn, back: z.unknown().optional() });
