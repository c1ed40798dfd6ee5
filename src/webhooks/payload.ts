// What a delivery says: Action Network's webhook shape, a JSON array of items, each keyed by the
// OSDI resource it carries (`osdi:signature`, `osdi:attendance`, …) and with its idempotency key.
// The resource is built when the delivery is sent, by builders the app hands in (the API's own
// serializers), so this low layer never imports a feature.
import type { Db } from '../db';
import type { WebhookEvent, WebhookEventType } from './schema';

/** The key of the resource in an item, per event type. */
export const ITEM_KEYS: Record<WebhookEventType, string> = {
  'signature.confirmed': 'osdi:signature',
  'registration.changed': 'osdi:attendance',
  'meeting_request.sent': 'osdi:submission',
  'meeting_request.recorded': 'osdi:submission',
  'subscription.confirmed': 'osdi:item',
  'subscription.ended': 'osdi:item',
  'person.erased': 'welcome_table:erasure',
};

/** Where builders make absolute links (the site's public URL). */
export interface PayloadContext {
  db: Db;
  publicUrl: string;
}

/** Builds the resource of an event from its subject's id; null when the subject is gone. */
export type PayloadBuilder = (context: PayloadContext, subjectId: string) => Promise<object | null>;

/** One builder per event type whose item is built at delivery time (all but erasure). */
export type PayloadBuilders = Record<Exclude<WebhookEventType, 'person.erased'>, PayloadBuilder>;

/**
 * The body of one delivery: exactly one item, for its one event, however often it is retried.
 * Null when the subject no longer exists (erased meanwhile): there is nothing left to send.
 */
export async function deliveryBody(
  event: WebhookEvent,
  builders: PayloadBuilders,
  context: PayloadContext,
): Promise<string | null> {
  const resource =
    event.type === 'person.erased'
      ? (JSON.parse(event.item ?? 'null') as object | null)
      : await builders[event.type](context, event.subjectId);
  if (!resource) return null;
  return JSON.stringify([
    { [ITEM_KEYS[event.type]]: resource, 'welcome_table:event': event.type, idempotency_key: event.id },
  ]);
}
