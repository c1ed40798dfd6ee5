// The home page's grouping of open actions by the published campaign they serve: a plain function
// of the cards (already most urgent first) and of which campaign names which action.
import type { Db } from '../db';
import type { ActionCampaign } from '../env';
import type { OpenAction } from '../web/open-actions';
import { campaignPath } from './links';
import { publishedCampaignActions } from './queries';

/** A published campaign and one action its tactics name. */
export interface CampaignActionLink {
  campaign: ActionCampaign & { id: string };
  action: 'letter' | 'day' | 'bill';
  actionRef: string;
}

/** One group of home cards: a campaign's (with its heading), or the actions of no campaign (null). */
export interface CardGroup {
  campaign: (ActionCampaign & { id: string }) | null;
  cards: OpenAction[];
}

/** Which published campaign names which action, campaigns by title. */
export async function campaignActionLinks(db: Db): Promise<CampaignActionLink[]> {
  const rows = await publishedCampaignActions(db);
  return rows.map((row) => ({
    campaign: { id: row.id, title: row.title, titleEs: row.titleEs, path: campaignPath(row) },
    action: row.action,
    actionRef: row.actionRef,
  }));
}

/**
 * Groups cards by campaign. The cards keep their order inside a group; the campaign whose most
 * urgent card comes first comes first, and the actions of no campaign come last. An action several
 * campaigns use is shown once, under the first of them by title.
 */
export function groupByCampaign(
  cards: readonly OpenAction[],
  links: readonly CampaignActionLink[],
): CardGroup[] {
  const campaignOf = new Map<string, CampaignActionLink['campaign']>();
  for (const link of links) {
    const key = `${link.action}:${link.actionRef}`;
    if (!campaignOf.has(key)) campaignOf.set(key, link.campaign);
  }
  const groups = new Map<string, CardGroup>();
  const other: CardGroup = { campaign: null, cards: [] };
  for (const card of cards) {
    const campaign = card.ref ? campaignOf.get(`${card.ref.kind}:${card.ref.id}`) : undefined;
    if (!campaign) {
      other.cards.push(card);
      continue;
    }
    const group = groups.get(campaign.id) ?? { campaign, cards: [] };
    group.cards.push(card);
    groups.set(campaign.id, group);
  }
  return [...groups.values(), ...(other.cards.length ? [other] : [])];
}
