// Public pages of campaigns, mounted at /campaigns.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { pick } from '../lib/bilingual';
import { AppError } from '../lib/errors';
import { getBill } from '../bills/queries';
import { SubscribeForm } from '../bills/views/subscribe-form';
import { campaignPath } from './links';
import { openActionsOf } from './public-actions';
import { getCampaignBySlug, linkedActionsOf, listActionChoices, loadCampaignParts } from './queries';
import { loadCampaignRecords, progressOf } from './records';
import { PublicCampaignPage } from './views/public';
import { absoluteUrl } from '../lib/urls';

/** The public campaign pages. */
export const campaignsRoutes = new Hono<AppEnv>();

campaignsRoutes.get('/:slug{[a-z0-9-]+}', async (c) => {
  const db = getDb(c.env);
  const campaign = await getCampaignBySlug(db, c.req.param('slug'));
  if (!campaign?.published) throw new AppError('not_found');
  const { lang } = c.var;
  const [parts, actions] = await Promise.all([loadCampaignParts(db, campaign), listActionChoices(db)]);
  const records = await loadCampaignRecords(db, parts, { withPowerMap: false });
  // Updates come through the bill-alert subscriptions of the bill the campaign works on.
  const [billId] = linkedActionsOf(parts.tactics).billIds;
  const bill = billId ? await getBill(db, billId) : null;
  const title = pick(campaign, 'title', lang).text;
  const summary = pick(campaign, 'issue', lang).text;
  return c.render(
    <PublicCampaignPage
      parts={parts}
      actions={openActionsOf(parts, actions)}
      progress={progressOf(records)}
      subscribe={bill?.tracked ? <SubscribeForm bill={bill} /> : null}
    />,
    {
      title,
      description: summary || undefined,
      og: { title, description: summary, url: absoluteUrl(c.env, campaignPath(campaign)) },
    },
  );
});
