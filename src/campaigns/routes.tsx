// Public pages of campaigns, mounted at /campaigns: the campaign page, and its subscribe-for-updates
// form (the bill-alert subscriptions, with the campaign as their subject).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { pick } from '../lib/bilingual';
import { AppError } from '../lib/errors';
import { absoluteUrl } from '../lib/urls';
import { readForm, type FormState } from '../web/form';
import { subscribe } from '../bills/subscriptions';
import { renderCheckEmail } from '../bills/check-email';
import { campaignPath } from './links';
import { openActionsOf } from './public-actions';
import { getCampaignBySlug, listActionChoices, listCampaignUpdates, loadCampaignParts } from './queries';
import { loadCampaignRecords, progressOf } from './records';
import type { Campaign } from './schema';
import { campaignSubscribeSchema } from './validation';
import { PublicCampaignPage } from './views/public';
import { CampaignSubscribeForm } from './views/subscribe-form';
import { PublicUpdates } from './views/updates';

/** The public campaign pages. */
export const campaignsRoutes = new Hono<AppEnv>();

const SLUG = '/:slug{[a-z0-9-]+}';

campaignsRoutes.get(SLUG, async (c) => renderCampaignPage(c, await requirePublished(c)));

campaignsRoutes.post(`${SLUG}/subscribe`, async (c) => {
  const campaign = await requirePublished(c);
  const form = await readForm(c, campaignSubscribeSchema);
  if (form.status === 'invalid') {
    c.status(422);
    return renderCampaignPage(c, campaign, { errors: form.errors, values: form.values });
  }
  if (form.status === 'valid') {
    const { email, lang } = form.data;
    await subscribe(getDb(c.env), c.env, {
      scope: 'campaign',
      campaign: { id: campaign.id, title: pick(campaign, 'title', lang).text, path: campaignPath(campaign) },
      email,
      lang,
      frequency: 'immediate',
    });
  }
  // Post/redirect/get, and the same answer whether or not the address was subscribed already.
  return c.redirect(`${campaignPath(campaign)}/check-email`, 303);
});

campaignsRoutes.get(`${SLUG}/check-email`, async (c) => {
  const { t } = c.var;
  const campaign = await requirePublished(c);
  return renderCheckEmail(c, t('campaigns.subscribe.checkEmail'), {
    url: campaignPath(campaign),
    label: t('campaigns.subscribe.back'),
  });
});

async function requirePublished(c: Context<AppEnv>): Promise<Campaign> {
  const campaign = await getCampaignBySlug(getDb(c.env), c.req.param('slug') ?? '');
  if (!campaign?.published) throw new AppError('not_found');
  return campaign;
}

async function renderCampaignPage(c: Context<AppEnv>, campaign: Campaign, form?: FormState) {
  const db = getDb(c.env);
  const { lang } = c.var;
  const [parts, actions, updates] = await Promise.all([
    loadCampaignParts(db, campaign),
    listActionChoices(db),
    listCampaignUpdates(db, campaign.id),
  ]);
  const records = await loadCampaignRecords(db, parts, { withPowerMap: false });
  const title = pick(campaign, 'title', lang).text;
  const summary = pick(campaign, 'issue', lang).text;
  return c.render(
    <PublicCampaignPage
      parts={parts}
      actions={openActionsOf(parts, actions)}
      progress={progressOf(records)}
      updates={<PublicUpdates updates={updates} />}
      subscribe={<CampaignSubscribeForm campaign={campaign} state={form} />}
    />,
    {
      title,
      description: summary || undefined,
      og: { title, description: summary, url: absoluteUrl(c.env, campaignPath(campaign)) },
    },
  );
}
