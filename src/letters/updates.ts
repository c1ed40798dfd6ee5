// Updates to signers who ticked "keep me informed": what an organizer writes, what each person's
// email says, and the fan-out that stores and sends them a page of 100 at a time. Each email is an
// outbox row with the fixed id letter-update:<update id>:<signature id>, so a second press of "Send",
// a job re-running a page or two workers on one page never store or send an email twice.
import * as z from 'zod';
import { getDb, type Db } from '../db';
import {
  fanoutPage,
  keysetPage,
  realClock,
  runFanout,
  type Fanout,
  type FanoutEnv,
  type Pace,
} from '../email/fanout';
import { renderRequest } from '../email/outbox';
import { MAIN_TEXT_LANG, pick } from '../lib/bilingual';
import { renderMarkdown } from '../lib/markdown';
import { hashToken, newToken } from '../lib/tokens';
import { absoluteUrl } from '../lib/urls';
import { logEvent } from '../lib/log';
import { field, together } from '../web/fields';
import { translator, type Lang } from '../lib/i18n';
import { displayName } from './choices';
import {
  advanceFanout,
  countUpdateRecipients,
  findRecentSameUpdate,
  getUpdate,
  insertUpdate,
  insertUpdateLinkStatements,
  updateOutboxPrefix,
  unfinishedUpdates,
  updateRecipientsPage,
  type UpdateRecipient,
} from './queries/updates';
import { getLetterById } from './queries';
import { letterUpdateLinks, type Letter, type LetterUpdate } from './schema';
import { letterText } from './status';

/** Recipients per page: one Resend batch call, and one db.batch of their emails and links. */
export const UPDATE_PAGE_SIZE = 100;
/** Pages sent while the organizer waits; the frequent job sends the rest (and resumes a stopped run). */
export const REQUEST_PAGE_BUDGET = 5;
/** Pages per job run: each page is about 110 D1 statements, under the 1,000 per invocation. */
export const JOB_PAGE_BUDGET = 6;
/** A fan-out with no progress for this long is picked up by the job (the request stopped early). */
export const FANOUT_IDLE_MS = 60_000;
/**
 * The same text sent again this soon is taken as the same update sent twice (Back, Preview, Send
 * again makes a new preview id), and is not sent a second time.
 */
export const SAME_UPDATE_WINDOW_MS = 30 * 60_000;
/** Longest subject and body an organizer may write. */
export const UPDATE_SUBJECT_MAX = 150;
export const UPDATE_BODY_MAX = 10_000;

const optionalUrl = z
  .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), field.url().optional())
  .transform((v) => v ?? null);

/** The update form: English is required; Spanish is optional but subject and body go together. */
export const updateSchema = z
  .object({
    subjectEn: field.line(UPDATE_SUBJECT_MAX),
    bodyEn: field.text(UPDATE_BODY_MAX),
    subjectEs: field.optionalLine(UPDATE_SUBJECT_MAX),
    bodyEs: field.optionalText(UPDATE_BODY_MAX),
    nextStepUrl: optionalUrl,
    nextStepLabelEn: field.optionalLine(120),
    nextStepLabelEs: field.optionalLine(120),
  })
  .superRefine((value, ctx) => {
    together({
      bodyEs: 'letters.updates.error.spanishBody',
      subjectEs: 'letters.updates.error.spanishSubject',
    })(value, ctx);
    if ((value.nextStepLabelEn || value.nextStepLabelEs) && !value.nextStepUrl)
      ctx.addIssue({ code: 'custom', path: ['nextStepUrl'], message: 'letters.updates.error.nextStepUrl' });
  });
export type UpdateInput = z.output<typeof updateSchema>;

/** The "Send" form: the same fields, plus the id made when the preview was shown. */
export const sendUpdateSchema = updateSchema.and(
  z.object({ updateId: z.uuid({ message: 'letters.updates.error.stale' }) }),
);

/** The outbox id of one signer's email of one update: the key of exactly-once. */
export function updateOutboxId(updateId: string, signatureId: string): string {
  return `${updateOutboxPrefix(updateId)}${signatureId}`;
}

/** The RFC 8058 one-click address: a GET shows a button, a POST turns "keep me informed" off. */
export function stopUpdatesUrl(env: Pick<Env, 'PUBLIC_URL'>, token: string): string {
  return absoluteUrl(env, `/letters/updates/${token}/one-click-unsubscribe`);
}

/**
 * What an update says in a language: Spanish readers get the Spanish text when the organizer wrote
 * one, else the English text (`fallback` then tells the email to say so in Spanish).
 */
export function updateText(
  update: Pick<
    UpdateInput,
    'subjectEn' | 'bodyEn' | 'subjectEs' | 'bodyEs' | 'nextStepUrl' | 'nextStepLabelEn' | 'nextStepLabelEs'
  >,
  lang: Lang,
): { subject: string; body: string; fallback: boolean; nextStep: { url: string; label: string } | null } {
  // Subject and body go together (the form requires both), so the body's language decides.
  const body = pick(update, 'body', lang);
  const inLang = body.lang === lang;
  // A label falls back to the main one, never to another reader's translation.
  const label = pick(update, 'nextStepLabel', lang);
  return {
    subject: inLang ? pick(update, 'subject', lang).text : update.subjectEn,
    body: inLang ? body.text : update.bodyEn,
    fallback: !inLang,
    nextStep: update.nextStepUrl
      ? {
          url: update.nextStepUrl,
          label:
            (label.lang === lang || label.lang === MAIN_TEXT_LANG ? label.text : '') ||
            translator(lang)('letters.updates.nextStepDefault'),
        }
      : null,
  };
}

/** The template data of one person's email (exported for the preview and tests). */
export function updateEmailData(
  env: Pick<Env, 'PUBLIC_URL'>,
  letter: Letter,
  update: Parameters<typeof updateText>[0],
  recipient: Pick<UpdateRecipient, 'lang' | 'honorific' | 'honorificOther' | 'firstName' | 'lastName'>,
  stopUrl: string,
): Record<string, unknown> {
  const text = updateText(update, recipient.lang);
  return {
    subject: text.subject,
    bodyText: text.body,
    bodyHtml: renderMarkdown(text.body),
    englishOnly: text.fallback,
    nextStep: text.nextStep,
    greeting: translator(recipient.lang)('letters.updates.greeting', {
      name: displayName(translator(recipient.lang), recipient),
    }),
    letterTitle: letterText(letter, recipient.lang).title,
    letterUrl: absoluteUrl(env, `/letters/${encodeURIComponent(letter.slug)}`),
    stopUrl,
  };
}

/** How many people an update reaches now, by language. */
export interface RecipientCounts {
  total: number;
  en: number;
  es: number;
}

/** One language's email as the organizer's preview shows it. */
export interface EmailPreview {
  lang: Lang;
  /** How many people get this language's email; null when showing a past update. */
  count: number | null;
  subject: string;
  greeting: string;
  bodyHtml: string;
  nextStep: { url: string; label: string } | null;
  fallback: boolean;
  /** The plain-text part exactly as it is sent, footer included. */
  text: string;
}

/**
 * The email in each language as a recipient would get it, with a placeholder for their name (the
 * organizer checks this before sending, and sees it again on the update's page).
 */
export function updatePreviews(
  env: Pick<Env, 'PUBLIC_URL' | 'ORG_NAME'>,
  letter: Letter,
  update: Parameters<typeof updateText>[0],
  counts: Pick<RecipientCounts, 'en' | 'es'> | null,
): EmailPreview[] {
  return (['en', 'es'] as const).map((lang) => {
    const sample = {
      lang,
      honorific: 'none',
      honorificOther: null,
      firstName: translator(lang)('letters.updates.sampleName'),
      lastName: '',
    };
    const stopUrl = stopUpdatesUrl(env, '…');
    const data = updateEmailData(env, letter, update, sample, stopUrl);
    const rendered = renderRequest(env, {
      to: '',
      lang,
      template: 'letter-update',
      data,
      unsubscribeUrl: stopUrl,
    });
    const text = updateText(update, lang);
    return {
      lang,
      count: counts ? counts[lang] : null,
      subject: rendered.subject,
      greeting: String(data.greeting),
      bodyHtml: String(data.bodyHtml),
      nextStep: text.nextStep,
      fallback: text.fallback,
      text: rendered.text,
    };
  });
}

/** What storing and sending pages needs: the fan-out's bindings. */
type SendEnv = FanoutEnv;

/** What happened to one page of a fan-out. */
export type UpdatePageResult =
  | { status: 'next'; update: LetterUpdate }
  | { status: 'done' }
  /** Resend asked to wait: the page stays where it is and is tried again by the job. */
  | { status: 'retry' }
  /** Another worker finished this page first. */
  | { status: 'skipped' };

/**
 * Stores the next page of an update's emails (skipping those already stored), with a "stop these
 * updates" link each, in one db.batch; sends them as one Resend batch call; then moves the cursor.
 * `pace` carries when the chain of pages last called Resend, so pages keep Resend's rate.
 */
export async function sendUpdatePage(
  env: SendEnv,
  letter: Letter,
  update: LetterUpdate,
  at: number,
  pace: Pace = { clock: realClock },
): Promise<UpdatePageResult> {
  const db = getDb(env);
  const cursor = { page: update.fanoutPage, after: update.fanoutAfter };
  const result = await fanoutPage(db, env, updateFanout(env, db, letter, update, at), cursor, at, pace);
  if (result.status !== 'next') return { status: result.status };
  const { page, after } = result.next;
  return { status: 'next', update: { ...update, fanoutPage: page, fanoutAfter: after, fanoutUpdatedAt: at } };
}

/** An update as a fan-out: the letter's signers who keep informed, their email and stop link. */
function updateFanout(env: SendEnv, db: Db, letter: Letter, update: LetterUpdate, at: number) {
  type Link = typeof letterUpdateLinks.$inferInsert;
  return {
    name: `letter-update:${update.id}`,
    readPage: async (after) =>
      keysetPage(await updateRecipientsPage(db, letter.id, after, UPDATE_PAGE_SIZE), after, UPDATE_PAGE_SIZE),
    outboxId: (recipient) => updateOutboxId(update.id, recipient.id),
    memberId: (recipient) => recipient.id,
    compose: (fresh) =>
      Promise.all(
        fresh.map(async (recipient) => {
          const token = newToken();
          const link = {
            tokenHash: await hashToken(token),
            signatureId: recipient.id,
            updateId: update.id,
            createdAt: at,
          };
          const stopUrl = stopUpdatesUrl(env, token);
          const data = updateEmailData(env, letter, update, recipient, stopUrl);
          const email = {
            to: recipient.email,
            lang: recipient.lang,
            template: 'letter-update',
            data,
            unsubscribeUrl: stopUrl,
          } as const;
          return { recipient, email, link };
        }),
      ),
    storeLinks: (links) => insertUpdateLinkStatements(db, links),
    advance: (cursor, next) => advanceFanout(db, { id: update.id, fanoutPage: cursor.page }, next, at),
    onPage: (cursor, result) =>
      logEvent('info', 'letters.update_page', {
        letterId: letter.id,
        updateId: update.id,
        page: cursor.page,
        count: result.count,
      }),
  } satisfies Fanout<UpdateRecipient, Link>;
}

/** Sends pages of an update until it is done, Resend asks to wait, or `budget` pages went out. */
export async function continueFanout(
  env: SendEnv,
  letter: Letter,
  update: LetterUpdate,
  budget: number,
  at = Date.now(),
): Promise<'done' | 'more' | 'wait'> {
  if (update.fanoutStatus === 'done') return 'done';
  const db = getDb(env);
  const cursor = { page: update.fanoutPage, after: update.fanoutAfter };
  return (await runFanout(db, env, updateFanout(env, db, letter, update, at), cursor, budget, at)).outcome;
}

/** What pressing "Send" came to. */
export type SendUpdateOutcome =
  | { status: 'sent'; updateId: string }
  /** This update id was already stored: the earlier press is sending it; nothing more happens. */
  | { status: 'already-sent'; updateId: string }
  | { status: 'no-recipients' };

/**
 * Stores the update (once per id) and sends its first pages while the organizer waits; the rest go
 * out from the frequent job. The update row is the durable record, so nothing is lost if this stops.
 */
export async function sendUpdate(
  env: SendEnv,
  db: Db,
  letter: Letter,
  input: UpdateInput & { updateId: string },
  organizerId: string | null,
  at = Date.now(),
): Promise<SendUpdateOutcome> {
  if (await getUpdate(db, letter.id, input.updateId))
    return { status: 'already-sent', updateId: input.updateId };
  const same = await findRecentSameUpdate(db, letter.id, input, at - SAME_UPDATE_WINDOW_MS);
  if (same) return { status: 'already-sent', updateId: same.id };
  const recipients = await countUpdateRecipients(db, letter.id);
  if (recipients.total === 0) return { status: 'no-recipients' };
  const row: LetterUpdate = {
    id: input.updateId,
    letterId: letter.id,
    organizerId,
    subjectEn: input.subjectEn,
    bodyEn: input.bodyEn,
    subjectEs: input.subjectEs,
    bodyEs: input.bodyEs,
    nextStepUrl: input.nextStepUrl,
    nextStepLabelEn: input.nextStepLabelEn,
    nextStepLabelEs: input.nextStepLabelEs,
    recipientCount: recipients.total,
    fanoutStatus: 'sending',
    fanoutPage: 0,
    fanoutAfter: '',
    fanoutUpdatedAt: at,
    isDemo: false,
    createdAt: at,
  };
  // Two presses at once: both pass the check above, one insert wins, the other stops here.
  if (!(await insertUpdate(db, row))) return { status: 'already-sent', updateId: input.updateId };
  logEvent('info', 'letters.update_created', {
    letterId: letter.id,
    updateId: row.id,
    recipients: recipients.total,
  });
  await continueFanout(env, letter, row, REQUEST_PAGE_BUDGET, at);
  return { status: 'sent', updateId: row.id };
}

/**
 * The frequent job's part: sends the remaining pages of updates whose request stopped early (a long
 * list, Resend asking to wait, a Worker that died), at most JOB_PAGE_BUDGET pages a run.
 */
export async function resumeUpdateFanouts(env: SendEnv, at = Date.now()): Promise<number> {
  const db = getDb(env);
  let budget = JOB_PAGE_BUDGET;
  let resumed = 0;
  for (const update of await unfinishedUpdates(db, at, FANOUT_IDLE_MS, JOB_PAGE_BUDGET)) {
    if (budget <= 0) break;
    const letter = await getLetterById(db, update.letterId);
    if (!letter) continue;
    const pagesBefore = update.fanoutPage;
    const outcome = await continueFanout(env, letter, update, budget, at);
    const after = await getUpdate(db, letter.id, update.id);
    budget -= Math.max(1, (after?.fanoutPage ?? pagesBefore) - pagesBefore);
    resumed += 1;
    logEvent('info', 'letters.update_resumed', { updateId: update.id, outcome });
  }
  return resumed;
}
