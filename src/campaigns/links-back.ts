// What the app hands to letters, days and bills so their pages link back to their campaigns.
import type { Db } from '../db';
import type { ActionCampaign } from '../env';
import { campaignPath } from './links';
import { campaignsOfAction, getCampaign } from './queries';

/** The published campaigns whose tactics use a letter, day or bill. */
export async function publishedCampaignsOf(
  db: Db,
  kind: 'letter' | 'day' | 'bill',
  id: string,
): Promise<ActionCampaign[]> {
  const rows = await campaignsOfAction(db, kind, id);
  return rows
    .filter((row) => row.published)
    .map((row) => ({ title: row.title, titleEs: row.titleEs, path: campaignPath(row) }));
}

/** A campaign by id with its public page, for a subscription whose subject it is (published or not). */
export async function campaignSubjectById(db: Db, id: string): Promise<ActionCampaign | null> {
  const row = await getCampaign(db, id);
  return row ? { title: row.title, titleEs: row.titleEs, path: campaignPath(row) } : null;
}
