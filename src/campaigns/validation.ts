// The organizer's campaign forms, from web/fields.ts builders; messages are i18n keys.
import * as z from 'zod';
import { field } from '../web/fields';
import { slugSchema } from '../lib/slug';
import {
  COMMUNICATION_KINDS,
  GOAL_HORIZONS,
  GOAL_STATUSES,
  PARTY_SIDES,
  PUBLIC_PARTS,
  TACTIC_RUNGS,
  TACTIC_STATUSES,
  TARGET_RANKS,
} from './schema';

/** A list of checkboxes of one name: none ticked is an empty list. */
const ticked = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : ([] as unknown[]).concat(v)),
    z.array(z.enum(values, { message: 'form.error.choose' })),
  );

/** An id of another row chosen in a select ('' = none). */
const optionalId = z
  .preprocess((v) => (v === '' ? undefined : v), field.line(100).optional())
  .transform((v) => v ?? null);

/** The campaign itself: its address, the issue, why it is winnable, and what is public. */
export const campaignFormSchema = z.object({
  slug: slugSchema('campaigns.error.slug'),
  title: field.line(200),
  titleEs: field.optionalLine(200),
  issueEn: field.optionalText(5000),
  issueEs: field.optionalText(5000),
  winnableEn: field.optionalText(5000),
  winnableEs: field.optionalText(5000),
  considerations: field.optionalText(5000),
  published: field.checkbox(),
  publicParts: ticked(PUBLIC_PARTS),
});

/** A goal by horizon, with where it stands. */
export const goalFormSchema = z.object({
  horizon: field.choice(GOAL_HORIZONS),
  textEn: field.line(500),
  textEs: field.optionalLine(500),
  status: field.choice(GOAL_STATUSES),
});

/** An ally or opponent: an organization, or an official of the directory. */
export const partyFormSchema = z.object({
  side: field.choice(PARTY_SIDES),
  name: field.line(200),
  officialId: optionalId,
  note: field.optionalText(2000),
  outreachPlan: field.optionalText(2000),
});

/** A target from the officials directory. */
export const targetFormSchema = z.object({
  officialId: field.line(100),
  rank: field.choice(TARGET_RANKS),
});

/** A message, a spokesperson, or a press or op-ed item (those need their date). */
export const communicationFormSchema = z
  .object({
    kind: field.choice(COMMUNICATION_KINDS),
    textEn: field.text(2000),
    textEs: field.optionalText(2000),
    onDate: z
      .preprocess((v) => (v === '' ? undefined : v), field.date().optional())
      .transform((v) => v ?? null),
    url: z.preprocess((v) => (v === '' ? undefined : v), field.url().optional()).transform((v) => v ?? null),
  })
  .refine((v) => !(v.kind === 'press' || v.kind === 'op_ed') || v.onDate !== null, {
    path: ['onDate'],
    message: 'campaigns.error.dateNeeded',
  });

/** What carries a tactic out, as the form's one select names it: "letter:<id>", "meeting_requests"… */
export const ACTION_CHOICE = /^(none|meeting_requests|(letter|day|bill):[A-Za-z0-9_-]{1,100})$/;

/** A tactic on the ladder. */
export const tacticFormSchema = z.object({
  rung: field.choice(TACTIC_RUNGS),
  titleEn: field.line(300),
  titleEs: field.optionalLine(300),
  onDate: field.date(),
  status: field.choice(TACTIC_STATUSES),
  goalId: optionalId,
  action: z.string().trim().regex(ACTION_CHOICE, { message: 'form.error.choose' }),
});

/** The public subscribe-for-updates form of a campaign page. */
export const campaignSubscribeSchema = z.object({
  email: field.email(),
  lang: field.choice(['en', 'es']),
});
