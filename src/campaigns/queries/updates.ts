// Typed queries of campaign updates: storing one, the posted ones of a campaign, and the cursor of
// the fan-out that emails them.
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db';
import { advanceFanoutCursor } from '../../db/fanout-cursor';
import { campaignUpdates, type CampaignUpdate } from '../schema';
import { listRows } from '../../db/find';

/** Stores a posted update. */
export async function insertCampaignUpdate(db: Db, row: CampaignUpdate): Promise<void> {
  await db.insert(campaignUpdates).values(row);
}

/** The updates of a campaign, newest first. */
export async function listCampaignUpdates(db: Db, campaignId: string): Promise<CampaignUpdate[]> {
  return listRows(db, campaignUpdates, eq(campaignUpdates.campaignId, campaignId), {
    orderBy: desc(campaignUpdates.createdAt),
    limit: 50,
  });
}

/** One update by id. */
export async function getCampaignUpdate(db: Db, id: string): Promise<CampaignUpdate | undefined> {
  return db.select().from(campaignUpdates).where(eq(campaignUpdates.id, id)).get();
}

/** Moves an update's fan-out past a page unless another worker did (see advanceFanoutCursor). */
export function advanceCampaignUpdateFanout(
  db: Db,
  update: { id: string; page: number },
  next: { after: string; done: boolean },
  at: number,
): Promise<boolean> {
  const status: CampaignUpdate['fanoutStatus'] = next.done ? 'done' : 'sending';
  return advanceFanoutCursor(db, campaignUpdates, update, { after: next.after, status }, at);
}

/** Updates still sending with no progress since `idleBefore`, oldest first. */
export async function unfinishedCampaignUpdates(
  db: Db,
  idleBefore: number,
  limit: number,
): Promise<CampaignUpdate[]> {
  return listRows(
    db,
    campaignUpdates,
    and(eq(campaignUpdates.fanoutStatus, 'sending'), lt(campaignUpdates.fanoutUpdatedAt, idleBefore)),
    { orderBy: asc(campaignUpdates.fanoutUpdatedAt), limit },
  );
}
