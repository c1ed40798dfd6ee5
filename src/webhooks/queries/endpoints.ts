// Owners' webhook endpoints.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { webhookEndpoints, type WebhookEndpoint, type WebhookEventType } from '../schema';

/** Every endpoint, newest first. */
export async function listEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  return db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt));
}

/** One endpoint by id. */
export async function findEndpoint(db: Db, id: string): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

/** Stores a new endpoint. */
export async function insertEndpoint(
  db: Db,
  row: { id: string; url: string; secret: string; events: WebhookEventType[]; createdBy: string; at: number },
): Promise<void> {
  await db.insert(webhookEndpoints).values({
    id: row.id,
    url: row.url,
    secret: row.secret,
    events: JSON.stringify(row.events),
    active: true,
    createdBy: row.createdBy,
    createdAt: row.at,
    updatedAt: row.at,
  });
}

/** Changes an endpoint's events and whether it is active; false when there is no such endpoint. */
export async function updateEndpoint(
  db: Db,
  id: string,
  change: { events: WebhookEventType[]; active: boolean; at: number },
): Promise<boolean> {
  const changed = await db
    .update(webhookEndpoints)
    .set({ events: JSON.stringify(change.events), active: change.active, updatedAt: change.at })
    .where(eq(webhookEndpoints.id, id))
    .returning({ id: webhookEndpoints.id });
  return changed.length > 0;
}

/** Removes an endpoint and its delivery log. */
export async function deleteEndpoint(db: Db, id: string): Promise<boolean> {
  const removed = await db
    .delete(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .returning({ id: webhookEndpoints.id });
  return removed.length > 0;
}
