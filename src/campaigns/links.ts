// The addresses of a campaign's pages.
import type { Campaign } from './schema';

/** The public page of a campaign. */
export function campaignPath(campaign: Pick<Campaign, 'slug'>): string {
  return `/campaigns/${campaign.slug}`;
}

/** An organizer page of a campaign ('' is its strategy page; '/chart', '/edit'…). */
export function adminCampaignPath(campaign: Pick<Campaign, 'id'>, rest = ''): string {
  return `/admin/campaigns/${campaign.id}${rest}`;
}

/** The cached public pages that show a campaign (purged when an organizer changes it). */
export function pagesShowingCampaign(campaign: Pick<Campaign, 'slug'>): string[] {
  return [campaignPath(campaign)];
}
