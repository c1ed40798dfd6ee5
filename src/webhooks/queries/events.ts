// The statements that record webhook events, to put in the same batch as the change that causes
// them (run with runBatch: they are raw INSERT … SELECT statements). Each event's id is its
// idempotency key, so a re-run of the change records nothing twice; the second statement gives
// the event one delivery row per active endpoint that chose its type.
import type { BatchItem } from 'drizzle-orm/batch';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import type { WebhookEventType } from '../schema';

function deliveriesOfEventsStatement(db: Db, type: WebhookEventType, at: number): BatchItem<'sqlite'> {
  return db.run(sql`
    INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status, attempts, next_attempt_at, created_at)
    SELECT e.id || '>' || p.id, e.id, p.id, 'pending', 0, ${at}, ${at}
    FROM webhook_out_events e
    JOIN webhook_endpoints p
      ON p.active = 1 AND EXISTS (SELECT 1 FROM json_each(p.events) WHERE json_each.value = e.type)
    WHERE e.type = ${type} AND e.created_at = ${at}
    ON CONFLICT DO NOTHING`);
}

/**
 * Records one `type` event for each id the `subjects` query returns (a SELECT of one column named
 * `id`), with
 * the id `<type>:<subject id><suffix>`. The query runs after the change's own statements, so it can
 * select exactly the rows the change touched: a change that touched nothing records nothing.
 */
export function recordEventsFor(
  db: Db,
  type: WebhookEventType,
  subjects: SQL,
  at: number,
  suffix = '',
): BatchItem<'sqlite'>[] {
  return [
    db.run(sql`
      INSERT INTO webhook_out_events (id, type, subject_id, item, created_at)
      SELECT ${type} || ':' || subject.id || ${suffix}, ${type}, subject.id, NULL, ${at}
      FROM (${subjects}) AS subject
      WHERE true
      ON CONFLICT DO NOTHING`),
    deliveriesOfEventsStatement(db, type, at),
  ];
}

/** Records one event whose item is fixed now (an erasure: the identifiers as they were). */
export function recordEventWithItem(
  db: Db,
  event: { id: string; type: WebhookEventType; subjectId: string; item: unknown },
  at: number,
): BatchItem<'sqlite'>[] {
  return [
    db.run(sql`
      INSERT INTO webhook_out_events (id, type, subject_id, item, created_at)
      VALUES (${event.id}, ${event.type}, ${event.subjectId}, ${JSON.stringify(event.item)}, ${at})
      ON CONFLICT DO NOTHING`),
    deliveriesOfEventsStatement(db, event.type, at),
  ];
}
