// Published campaigns as the API pages them, each with the tactics' actions it links to.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { campaignTactics, campaignTargets, campaigns, type Campaign } from '../../campaigns/schema';
import { officials } from '../../officials/schema';
import { letters } from '../../letters/schema';
import { advocacyDays } from '../../advocacy-days/schema';
import { PUBLISHED_DAY, PUBLISHED_LETTER } from './campaigns';
import type { ApiFilter } from '../filter';
import type { PagePosition } from '../paging';
import { pageOf, tableReader, type Keyset, type Page } from './keyset';
import { listRows } from '../../db/find';

const CAMPAIGNS: Keyset = { modified: campaigns.updatedAt, id: campaigns.id };
const PUBLISHED = eq(campaigns.published, true);

/** A published campaign with its targets' names and the letters and days its tactics use. */
export type AdvocacyCampaignRow = Campaign & { targetNames: string[]; letterIds: string[]; dayIds: string[] };

/** Adds each campaign's targets and linked actions (two queries for the whole page). */
async function withLinks(db: Db, rows: Campaign[]): Promise<AdvocacyCampaignRow[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [targets, tactics] = await Promise.all([
    db
      .select({ campaignId: campaignTargets.campaignId, name: officials.name })
      .from(campaignTargets)
      .innerJoin(officials, eq(officials.id, campaignTargets.officialId))
      .where(inArray(campaignTargets.campaignId, ids)),
    db
      .select({
        campaignId: campaignTactics.campaignId,
        action: campaignTactics.action,
        ref: campaignTactics.actionRef,
      })
      .from(campaignTactics)
      // Only actions the public and the API can open: a draft letter or day answers 404.
      .leftJoin(letters, and(eq(campaignTactics.action, 'letter'), eq(letters.id, campaignTactics.actionRef)))
      .leftJoin(
        advocacyDays,
        and(eq(campaignTactics.action, 'day'), eq(advocacyDays.id, campaignTactics.actionRef)),
      )
      .where(
        and(
          inArray(campaignTactics.campaignId, ids),
          or(
            and(eq(campaignTactics.action, 'letter'), PUBLISHED_LETTER),
            and(eq(campaignTactics.action, 'day'), PUBLISHED_DAY),
          ),
        ),
      ),
  ]);
  const refs = (campaignId: string, action: string) => [
    ...new Set(
      tactics.filter((t) => t.campaignId === campaignId && t.action === action && t.ref).map((t) => t.ref!),
    ),
  ];
  return rows.map((row) => ({
    ...row,
    targetNames: targets.filter((t) => t.campaignId === row.id).map((t) => t.name),
    letterIds: refs(row.id, 'letter'),
    dayIds: refs(row.id, 'day'),
  }));
}

/** One page of advocacy campaigns. */
export function pageAdvocacyCampaigns(
  db: Db,
  filter: ApiFilter,
  position: PagePosition,
): Promise<Page<AdvocacyCampaignRow>> {
  const reader = tableReader(db, campaigns);
  return pageOf(CAMPAIGNS, filter, position, PUBLISHED, {
    ...reader,
    rows: async (where, order, limit, offset) =>
      withLinks(db, await reader.rows(where, order, limit, offset)),
  });
}

/** One published campaign, or null. */
export async function findAdvocacyCampaign(db: Db, id: string): Promise<AdvocacyCampaignRow | null> {
  const rows = await listRows(db, campaigns, and(PUBLISHED, eq(campaigns.id, id)));
  return (await withLinks(db, rows))[0] ?? null;
}
