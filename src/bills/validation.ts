import * as z from 'zod';
import { field } from '../web/fields';
import { LANGS } from '../lib/i18n';
import { BILL_POSITIONS, BILL_STAGES, CALL_TO_ACTION_KINDS } from './schema';

/** The public subscribe form on a bill page. */
export const subscribeSchema = z.object({
  email: field.email(),
  scope: field.choice(['bill', 'state']),
  lang: field.choice(LANGS),
  frequency: field.choice(['immediate', 'daily']),
});

/** The manage page's choices. */
export const manageSchema = z.object({
  lang: field.choice(LANGS),
  frequency: field.choice(['immediate', 'daily']),
});

/** A button on the manage page about one thing followed (hidden fields: which, and what to do). */
export const followingItemSchema = z.object({
  item: field.line(100),
  change: field.choice(['stop', 'resume', 'follow-state']),
});

/** "Follow only this bill instead of the whole state", on the manage page. */
export const followBillSchema = z.object({
  bill: field.line(100),
});

/** Filters of the public bill list (query string); anything unknown is ignored. */
export const billFiltersSchema = z.object({
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  stage: z.enum(BILL_STAGES).optional().catch(undefined),
  position: z.enum(BILL_POSITIONS).optional().catch(undefined),
});

/** A web address, or a path of this site ("/letters/…"). */
const linkOrPath = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) || /^\/(?!\/)[^\s]*$/.test(v), { message: 'form.error.url' });

const optionalMarkdown = field.optionalText(20_000);

/** Number of call-to-action rows on the organizer's bill form. */
export const CTA_ROWS = 3;

const ctaFields = Object.fromEntries(
  Array.from({ length: CTA_ROWS }, (_, i) => [
    [`cta${i}Kind`, field.choice(CALL_TO_ACTION_KINDS)],
    [`cta${i}Url`, z.preprocess((v) => (v === '' ? undefined : v), linkOrPath.optional())],
    [`cta${i}LabelEn`, field.optionalLine(120)],
    [`cta${i}LabelEs`, field.optionalLine(120)],
  ]).flat(),
) as Record<string, z.ZodType>;

/** The organizer's bill form (add and edit). */
export const billFormSchema = z
  .object({
    state: field.usState(),
    session: field.line(40),
    identifier: field.line(40).refine((v) => /[a-z0-9]/i.test(v), { message: 'form.error.invalid' }),
    title: field.line(500),
    titleEs: field.optionalLine(500),
    position: field.choice(BILL_POSITIONS),
    summaryEn: optionalMarkdown,
    summaryEs: optionalMarkdown,
    analysisEn: optionalMarkdown,
    analysisEs: optionalMarkdown,
    talkingPointsEn: optionalMarkdown,
    talkingPointsEs: optionalMarkdown,
    sources: field
      .optionalText(5000)
      .refine((v) => !v || v.split('\n').every((l) => !l.trim() || /^https?:\/\/\S+$/i.test(l.trim())), {
        message: 'form.error.url',
      }),
    tracked: field.checkbox(),
    ...ctaFields,
  })
  .superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    for (let i = 0; i < CTA_ROWS; i++) {
      const parts = [v[`cta${i}Url`], v[`cta${i}LabelEn`], v[`cta${i}LabelEs`]];
      const filled = parts.filter((p) => typeof p === 'string' && p !== '').length;
      if (filled !== 0 && filled !== 3)
        ctx.addIssue({ code: 'custom', path: [`cta${i}Url`], message: 'bills.admin.ctaIncomplete' });
    }
  });

/** The classifications an organizer can give a posted action (Open States names). */
export const ORGANIZER_CLASSIFICATIONS = [
  'introduction',
  'referral-committee',
  'committee-passage',
  'committee-failure',
  'passage',
  'failure',
  'executive-receipt',
  'executive-signature',
  'executive-veto',
  'became-law',
  'veto-override-passage',
  'withdrawal',
  'other',
] as const;

/** The organizer's "post an action" form. */
export const actionFormSchema = z.object({
  date: field.date(),
  chamberKind: field.choice(['upper', 'lower', 'executive', 'legislature']),
  description: field.line(500),
  classification: field.choice(ORGANIZER_CLASSIFICATIONS),
});

/** The organizer's "post an update" form. */
export const updateFormSchema = z.object({
  headlineEn: field.line(300),
  headlineEs: field.line(300),
  detailEn: field.optionalText(3000),
  detailEs: field.optionalText(3000),
});

/** The organizer's stage override form ('' = worked out from the actions). */
export const stageFormSchema = z.object({
  stage: z.union([z.literal(''), z.enum(BILL_STAGES, { message: 'form.error.choose' })]),
  noteEn: field.optionalLine(300),
  noteEs: field.optionalLine(300),
});
