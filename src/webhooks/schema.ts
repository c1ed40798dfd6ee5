import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The events an endpoint may choose (docs/api.md, "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = [
  'signature.confirmed',
  'registration.changed',
  'meeting_request.sent',
  'meeting_request.recorded',
  'subscription.confirmed',
  'subscription.ended',
  'person.erased',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** An owner's HTTPS endpoint: where events go, the secret that signs them, which events it wants. */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text().primaryKey(),
  url: text().notNull(),
  /** Standard Webhooks secret (`whsec_` + base64), shown once when the endpoint is added. */
  secret: text().notNull(),
  /** JSON array of WebhookEventType. */
  events: text().notNull(),
  active: integer({ mode: 'boolean' }).notNull().default(true),
  createdBy: text(),
  createdAt: integer({ mode: 'number' }).notNull(),
  updatedAt: integer({ mode: 'number' }).notNull(),
});

/**
 * One row per event, written in the same db.batch as the change that causes it. The id is the
 * idempotency key (e.g. `signature.confirmed:<signature id>`), so a re-run records nothing twice.
 * `subjectId` names the row the payload is built from at delivery time; only an erasure carries
 * its item itself (`item`, identifiers captured when the person was erased).
 */
export const webhookOutEvents = sqliteTable(
  'webhook_out_events',
  {
    id: text().primaryKey(),
    type: text({ enum: WEBHOOK_EVENT_TYPES }).notNull(),
    subjectId: text().notNull(),
    item: text(),
    createdAt: integer({ mode: 'number' }).notNull(),
  },
  (t) => [index('webhook_out_events_created_idx').on(t.createdAt)],
);

/** One event to one endpoint: its delivery state, attempts and the last answer. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    /** Also the `webhook-id` header: the same on every retry, so receivers can drop repeats. */
    id: text().primaryKey(),
    eventId: text()
      .notNull()
      .references(() => webhookOutEvents.id, { onDelete: 'cascade' }),
    endpointId: text()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    status: text({ enum: ['pending', 'sending', 'delivered', 'failed', 'skipped'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer({ mode: 'number' }).notNull(),
    claimedAt: integer({ mode: 'number' }),
    lastStatusCode: integer(),
    lastAttemptAt: integer({ mode: 'number' }),
    createdAt: integer({ mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_endpoint_idx').on(t.eventId, t.endpointId),
    index('webhook_deliveries_status_next_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookEvent = typeof webhookOutEvents.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
