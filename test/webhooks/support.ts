// Shared pieces of the webhook tests: an endpoint that wants every event, and reading what was recorded.
import { env } from 'cloudflare:workers';
import { getDb } from '../../src/db';
import { insertEndpoint } from '../../src/webhooks/queries';
import { WEBHOOK_EVENT_TYPES } from '../../src/webhooks/schema';
import { storedSecret } from '../../src/webhooks/secrets';
import { newWebhookSecret } from '../../src/webhooks/signing';
import type { PayloadBuilders } from '../../src/webhooks/payload';

export const db = getDb(env);

/** Adds an active endpoint that chose every event; returns its id and secret. */
export async function addEndpoint(id: string, url = `https://hooks.example.org/${id}`) {
  const secret = newWebhookSecret();
  await insertEndpoint(db, {
    id,
    url,
    secret: await storedSecret(db, id, secret),
    events: [...WEBHOOK_EVENT_TYPES],
    createdBy: 'test',
    at: 1,
  });
  return { id, url, secret };
}

/** The events recorded of one type, oldest first. */
export async function eventsOf(type: string) {
  const { results } = await env.DB.prepare(
    'SELECT id, subject_id, item FROM webhook_out_events WHERE type = ? ORDER BY created_at, id',
  )
    .bind(type)
    .all<{ id: string; subject_id: string; item: string | null }>();
  return results;
}

/** The deliveries of one event. */
export async function deliveriesOf(eventId: string) {
  const { results } = await env.DB.prepare(
    'SELECT id, endpoint_id, status, attempts, next_attempt_at, last_status_code FROM webhook_deliveries WHERE event_id = ?',
  )
    .bind(eventId)
    .all<{
      id: string;
      endpoint_id: string;
      status: string;
      attempts: number;
      next_attempt_at: number;
      last_status_code: number | null;
    }>();
  return results;
}

/** Builders that name the subject only: what the mechanism does with them is under test here. */
export const testBuilders: PayloadBuilders = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.filter((type) => type !== 'person.erased').map((type) => [
    type,
    async (_context: unknown, subjectId: string) =>
      subjectId.startsWith('gone') ? null : { identifiers: [`test:${subjectId}`] },
  ]),
) as PayloadBuilders;
