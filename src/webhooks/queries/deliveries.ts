// Deliveries of events to endpoints: claiming one, recording its outcome, the log, the sweep.
import { and, desc, eq, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import {
  webhookDeliveries as d,
  webhookEndpoints,
  webhookOutEvents,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEvent,
} from '../schema';

/** A delivery with what sending it needs. */
export interface DeliveryJob {
  delivery: WebhookDelivery;
  event: WebhookEvent;
  endpoint: WebhookEndpoint;
}

/**
 * Claims a delivery for one attempt (compare-and-set: of two workers, one wins): a pending one
 * whose time has come, or one claimed so long ago that its worker must have died. Counts the attempt.
 */
export async function claimDelivery(
  db: Db,
  id: string,
  at: number,
  staleClaimMs: number,
): Promise<DeliveryJob | null> {
  const [claimed] = await db
    .update(d)
    .set({ status: 'sending', claimedAt: at, attempts: sql`${d.attempts} + 1` })
    .where(
      and(
        eq(d.id, id),
        or(
          and(eq(d.status, 'pending'), lte(d.nextAttemptAt, at)),
          and(eq(d.status, 'sending'), lt(d.claimedAt, at - staleClaimMs)),
        ),
      ),
    )
    .returning();
  if (!claimed) return null;
  const [row] = await db
    .select({ event: webhookOutEvents, endpoint: webhookEndpoints })
    .from(webhookOutEvents)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, claimed.endpointId))
    .where(eq(webhookOutEvents.id, claimed.eventId));
  return row ? { delivery: claimed, ...row } : null;
}

/** Records the end of an attempt: delivered, failed or skipped, or pending again at `nextAttemptAt`. */
export async function recordAttempt(
  db: Db,
  id: string,
  outcome: {
    status: 'delivered' | 'failed' | 'skipped' | 'pending';
    statusCode: number | null;
    at: number;
    nextAttemptAt?: number;
  },
): Promise<void> {
  await db
    .update(d)
    .set({
      status: outcome.status,
      lastStatusCode: outcome.statusCode,
      lastAttemptAt: outcome.at,
      claimedAt: null,
      ...(outcome.nextAttemptAt !== undefined ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
    })
    .where(eq(d.id, id));
}

/** "Send again": a delivery of this endpoint goes back to pending now, its attempts counted afresh. */
export async function resetDelivery(db: Db, endpointId: string, id: string, at: number): Promise<boolean> {
  const changed = await db
    .update(d)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: at, claimedAt: null })
    .where(and(eq(d.id, id), eq(d.endpointId, endpointId), sql`${d.status} <> 'sending'`))
    .returning({ id: d.id });
  return changed.length > 0;
}

/** Deliveries waiting for the queue: new ones of `at`, for the dispatch right after a change. */
export async function newDeliveryIds(db: Db, at: number): Promise<string[]> {
  const rows = await db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.status, 'pending'), eq(d.nextAttemptAt, at), eq(d.attempts, 0)))
    .limit(100);
  return rows.map((row) => row.id);
}

/** Deliveries the queue should have taken by now: pending past their time plus a grace, or stuck. */
export async function overdueDeliveryIds(
  db: Db,
  at: number,
  graceMs: number,
  staleClaimMs: number,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: d.id })
    .from(d)
    .where(
      or(
        and(eq(d.status, 'pending'), lte(d.nextAttemptAt, at - graceMs)),
        and(eq(d.status, 'sending'), lt(d.claimedAt, at - staleClaimMs)),
      ),
    )
    .orderBy(d.nextAttemptAt)
    .limit(limit);
  return rows.map((row) => row.id);
}

/** One endpoint's delivery log, newest first: ids, event type, status and the last answer only. */
export async function deliveryLog(db: Db, endpointId: string, limit = 50) {
  return db
    .select({
      id: d.id,
      eventType: webhookOutEvents.type,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastAttemptAt: d.lastAttemptAt,
      createdAt: d.createdAt,
    })
    .from(d)
    .innerJoin(webhookOutEvents, eq(webhookOutEvents.id, d.eventId))
    .where(eq(d.endpointId, endpointId))
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(limit);
}
export type DeliveryLogRow = Awaited<ReturnType<typeof deliveryLog>>[number];
