// The organizer's page of a campaign's updates, mounted under /admin/campaigns: posting one shows it
// on the public page and emails it to the campaign's subscribers (a mass send: sensitive in roles).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { readForm, refusedForm, type FormState } from '../web/form';
import { countCampaignSubscribers } from '../bills/queries/subscriptions';
import { adminCampaignPath } from './links';
import { getCampaign, listCampaignUpdates } from './queries';
import type { Campaign } from './schema';
import { campaignUpdateSchema, postCampaignUpdate } from './updates';
import { AdminUpdatesPage } from './views/updates';

/** The updates routes of campaigns (registered before the part routes of `/:id/:part`). */
export const campaignUpdatesAdmin = new Hono<AppEnv>();

campaignUpdatesAdmin.get('/:id/updates', async (c) => renderUpdates(c, await requireCampaign(c), {}));

campaignUpdatesAdmin.post('/:id/updates', async (c) => {
  const campaign = await requireCampaign(c);
  const form = await readForm(c, campaignUpdateSchema, { botCheck: false });
  if (form.status !== 'valid') return renderUpdates(c, campaign, refusedForm(c, form));
  const posted = await postCampaignUpdate(
    c.env,
    getDb(c.env),
    campaign,
    form.data,
    c.var.organizer?.id ?? null,
  );
  return c.redirect(adminCampaignPath(campaign, `/updates?notice=posted&count=${posted.recipients}`), 303);
});

async function requireCampaign(c: Context<AppEnv>): Promise<Campaign> {
  const campaign = await getCampaign(getDb(c.env), c.req.param('id') ?? '');
  if (!campaign) throw new AppError('not_found');
  return campaign;
}

async function renderUpdates(c: Context<AppEnv>, campaign: Campaign, state: FormState) {
  const { t } = c.var;
  const db = getDb(c.env);
  const [updates, subscribers] = await Promise.all([
    listCampaignUpdates(db, campaign.id),
    countCampaignSubscribers(db, campaign.id),
  ]);
  const count = Number(c.req.query('count') ?? 0);
  const notice = c.req.query('notice') === 'posted' ? t('campaigns.updates.postedNotice', { count }) : null;
  return c.render(
    <AdminUpdatesPage
      campaign={campaign}
      updates={updates}
      subscribers={subscribers}
      notice={notice}
      state={state}
    />,
    { title: t('campaigns.updates.title') },
  );
}
