// Campaign updates: what an organizer posts, what each subscriber's email says, and the fan-out
// that stores and sends them a page of 100 at a time to the campaign's confirmed subscribers (the
// subscriptions of bills/subscriptions.ts whose subject is this campaign). Each email is an outbox
// row with the fixed id campaign-update:<update id>:<subscription id>, so a page handled twice
// never stores or sends an email twice; every email carries a manage link and one-click unsubscribe.
import * as z from 'zod';
import { getDb, type Db } from '../db';
import { keysetPage, runFanout, type Fanout, type FanoutEnv } from '../email/fanout';
import { pick } from '../lib/bilingual';
import { renderMarkdown } from '../lib/markdown';
import { absoluteUrl } from '../lib/urls';
import { logEvent } from '../lib/log';
import { newId } from '../lib/tokens';
import type { Lang } from '../lib/i18n';
import { field, together } from '../web/fields';
import { manageUrl } from '../bills/links';
import type { billSubscriptionLinks } from '../bills/schema';
import {
  campaignSubscribersPage,
  countCampaignSubscribers,
  insertLinkStatements,
} from '../bills/queries/subscriptions';
import { withManageLink } from '../bills/subscriptions';
import { campaignPath } from './links';
import {
  advanceCampaignUpdateFanout,
  getCampaign,
  getCampaignUpdate,
  insertCampaignUpdate,
  unfinishedCampaignUpdates,
} from './queries';
import type { Campaign, CampaignUpdate } from './schema';

/** Recipients per page: one Resend batch call, and one db.batch of their emails and links. */
export const CAMPAIGN_UPDATE_PAGE_SIZE = 100;
/** Pages sent while the organizer waits; the frequent job sends the rest. */
const REQUEST_PAGE_BUDGET = 5;
/** Pages per job run (about 110 D1 statements each, under the 1,000 per invocation). */
const JOB_PAGE_BUDGET = 6;
/** An update with no progress for this long is picked up by the job. */
const FANOUT_IDLE_MS = 60_000;

/** The update form: English is required; Spanish is optional, but its title and body go together. */
export const campaignUpdateSchema = z
  .object({
    titleEn: field.line(150),
    bodyEn: field.text(10_000),
    titleEs: field.optionalLine(150),
    bodyEs: field.optionalText(10_000),
  })
  .superRefine(
    together({
      bodyEs: 'campaigns.updates.error.spanishBody',
      titleEs: 'campaigns.updates.error.spanishTitle',
    }),
  );
export type CampaignUpdateInput = z.output<typeof campaignUpdateSchema>;

/**
 * An update in a language: the Spanish text when the organizer wrote one, else the English text
 * (`fallback` then says so). Title and body go together, so the body's language decides.
 */
export function campaignUpdateText(
  update: Pick<CampaignUpdate, 'titleEn' | 'bodyEn' | 'titleEs' | 'bodyEs'>,
  lang: Lang,
): { title: string; body: string; lang: Lang; fallback: boolean } {
  const body = pick(update, 'body', lang);
  const inLang = body.lang === lang;
  return {
    title: inLang ? pick(update, 'title', lang).text : update.titleEn,
    body: inLang ? body.text : update.bodyEn,
    lang: body.lang,
    fallback: !inLang,
  };
}

/** The outbox id of one subscriber's email of one update: the key of exactly-once. */
export function campaignUpdateOutboxId(updateId: string, subscriptionId: string): string {
  return `campaign-update:${updateId}:${subscriptionId}`;
}

/** What posting an update came to: posted (and emailed to `recipients` people). */
export interface PostedUpdate {
  id: string;
  recipients: number;
}

/**
 * Stores an update (shown on the public page from now on) and sends its first pages while the
 * organizer waits; the frequent job sends the rest. The row is the durable record of the send.
 */
export async function postCampaignUpdate(
  env: FanoutEnv,
  db: Db,
  campaign: Campaign,
  input: CampaignUpdateInput,
  organizerId: string | null,
  at = Date.now(),
): Promise<PostedUpdate> {
  const recipients = await countCampaignSubscribers(db, campaign.id);
  const row: CampaignUpdate = {
    id: newId(),
    campaignId: campaign.id,
    organizerId,
    titleEn: input.titleEn,
    bodyEn: input.bodyEn,
    titleEs: input.titleEs ?? null,
    bodyEs: input.bodyEs ?? null,
    recipientCount: recipients,
    fanoutStatus: recipients === 0 ? 'done' : 'sending',
    fanoutPage: 0,
    fanoutAfter: '',
    fanoutUpdatedAt: at,
    isDemo: false,
    createdAt: at,
  };
  await insertCampaignUpdate(db, row);
  logEvent('info', 'campaigns.update_posted', { campaignId: campaign.id, updateId: row.id, recipients });
  if (recipients > 0) await continueCampaignUpdate(env, campaign, row, REQUEST_PAGE_BUDGET, at);
  return { id: row.id, recipients };
}

/** Sends pages of an update until it is done, Resend asks to wait, or `budget` pages went out. */
async function continueCampaignUpdate(
  env: FanoutEnv,
  campaign: Campaign,
  update: CampaignUpdate,
  budget: number,
  at: number,
): Promise<'done' | 'more' | 'wait'> {
  const db = getDb(env);
  const cursor = { page: update.fanoutPage, after: update.fanoutAfter };
  return (await runFanout(db, env, updateFanout(env, db, campaign, update, at), cursor, budget, at)).outcome;
}

/** An update as a fan-out: the campaign's subscribers, their email, manage link and cursor. */
function updateFanout(env: FanoutEnv, db: Db, campaign: Campaign, update: CampaignUpdate, at: number) {
  type Subscriber = Awaited<ReturnType<typeof campaignSubscribersPage>>[number];
  type Link = typeof billSubscriptionLinks.$inferInsert;
  const size = CAMPAIGN_UPDATE_PAGE_SIZE;
  return {
    name: `campaign-update:${update.id}`,
    readPage: async (after) =>
      keysetPage(await campaignSubscribersPage(db, campaign.id, after, size), after, size),
    outboxId: (subscriber) => campaignUpdateOutboxId(update.id, subscriber.id),
    memberId: (subscriber) => subscriber.id,
    compose: (fresh) =>
      Promise.all(
        fresh.map((subscriber) => {
          const text = campaignUpdateText(update, subscriber.lang);
          return withManageLink(
            env,
            subscriber,
            subscriber,
            'campaigns-update',
            (token) => ({
              title: text.title,
              bodyText: text.body,
              bodyHtml: renderMarkdown(text.body),
              englishOnly: text.fallback,
              campaignTitle: pick(campaign, 'title', subscriber.lang).text,
              campaignUrl: absoluteUrl(env, campaignPath(campaign)),
              manageUrl: manageUrl(env, token),
            }),
            at,
          );
        }),
      ),
    storeLinks: (links) => insertLinkStatements(db, links),
    advance: (cursor, next) =>
      advanceCampaignUpdateFanout(db, { id: update.id, page: cursor.page }, next, at),
    onPage: (cursor, result) =>
      logEvent('info', 'campaigns.update_page', {
        campaignId: campaign.id,
        updateId: update.id,
        page: cursor.page,
        count: result.count,
      }),
  } satisfies Fanout<Subscriber, Link>;
}

/** Sends the rest of updates that did not finish while the organizer waited; safe twice. */
export async function resumeCampaignUpdates(env: FanoutEnv, at = Date.now()): Promise<number> {
  const db = getDb(env);
  let resumed = 0;
  for (const update of await unfinishedCampaignUpdates(db, at - FANOUT_IDLE_MS, JOB_PAGE_BUDGET)) {
    const campaign = await getCampaign(db, update.campaignId);
    const current = await getCampaignUpdate(db, update.id);
    if (!campaign || current?.fanoutStatus !== 'sending') continue;
    const outcome = await continueCampaignUpdate(env, campaign, current, 1, at);
    resumed += 1;
    logEvent('info', 'campaigns.update_resumed', { updateId: update.id, outcome });
  }
  return resumed;
}
