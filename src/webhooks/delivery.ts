// Sends webhook deliveries: the queue consumer, one attempt, the dispatch after a change.
import { getDb, type Db } from '../db';
import { logEvent } from '../lib/log';
import { sendToQueue } from '../lib/queue';
import { deliveryBody, type PayloadBuilders } from './payload';
import { MAX_ATTEMPTS, STALE_CLAIM_MS, nextStepAfterAttempt } from './policy';
import { claimDelivery, newDeliveryIds, recordAttempt } from './queries';
import { signingSecret } from './secrets';
import { signatureHeaders } from './signing';

/** The message the webhook queue carries: one delivery to attempt. */
export interface WebhookQueueMessage {
  deliveryId: string;
}

type DeliveryEnv = Pick<Env, 'DB' | 'PUBLIC_URL' | 'CONTACT_KEYS'>;

/** What became of one attempt, turned into ack or retry by the queue consumer. */
export type AttemptResult =
  { status: 'delivered' | 'failed' | 'skipped' } | { status: 'retry'; delaySeconds: number };

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Posts a signed body to an endpoint: the one place webhooks reach the network (tests stub fetch).
 * Answers the HTTP status, or null when no answer came. Redirects are not followed: the owner
 * registered this URL, not where it points.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<number | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'WelcomeTable-Webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

/**
 * One attempt at one delivery: claim it, build its one item, sign, post, record what happened.
 * Skipped when another worker holds it, its time has not come, or its subject is gone.
 */
export async function attemptDelivery(
  env: DeliveryEnv,
  deliveryId: string,
  builders: PayloadBuilders,
  at = Date.now(),
): Promise<AttemptResult> {
  const db = getDb(env);
  const job = await claimDelivery(db, deliveryId, at, STALE_CLAIM_MS);
  if (!job) return { status: 'skipped' };
  const { delivery, event, endpoint } = job;
  const body = endpoint.active
    ? await deliveryBody(event, builders, { db, publicUrl: env.PUBLIC_URL })
    : null;
  if (body === null) {
    await recordAttempt(db, delivery.id, { status: 'skipped', statusCode: null, at });
    logEvent('info', 'webhooks.skipped', { deliveryId: delivery.id, endpointId: endpoint.id });
    return { status: 'skipped' };
  }
  const statusCode = await postWebhook(
    endpoint.url,
    await signatureHeaders(await signingSecret(db, endpoint.id, endpoint.secret), delivery.id, at, body),
    body,
  );
  const step = nextStepAfterAttempt(statusCode, delivery.attempts);
  if (step.status === 'retry') {
    await recordAttempt(db, delivery.id, {
      status: 'pending',
      statusCode,
      at,
      nextAttemptAt: at + step.delaySeconds * 1000,
    });
  } else {
    await recordAttempt(db, delivery.id, { status: step.status, statusCode, at });
  }
  logEvent(step.status === 'failed' ? 'warn' : 'info', `webhooks.${step.status}`, {
    deliveryId: delivery.id,
    endpointId: endpoint.id,
    statusCode,
    attempts: delivery.attempts,
    maxAttempts: MAX_ATTEMPTS,
  });
  return step;
}

/** The webhook queue's consumer: one attempt per message, retried by the queue after its backoff. */
export async function consumeWebhookBatch(
  batch: MessageBatch<WebhookQueueMessage>,
  env: DeliveryEnv,
  builders: PayloadBuilders,
): Promise<void> {
  for (const message of batch.messages) {
    try {
      const result = await attemptDelivery(env, message.body.deliveryId, builders);
      if (result.status === 'retry') message.retry({ delaySeconds: result.delaySeconds });
      else message.ack();
    } catch (error) {
      // The row stays claimed or pending; the queue (then the sweep) tries again.
      logEvent('error', 'webhooks.attempt_failed', { deliveryId: message.body.deliveryId, error });
      message.retry({ delaySeconds: 60 });
    }
  }
}

/**
 * Hands deliveries to the queue. If the queue cannot be reached they stay pending and the sweep
 * sends them later, so a failure here loses nothing.
 */
export async function enqueueDeliveries(env: Pick<Env, 'WEBHOOK_QUEUE'>, ids: string[]): Promise<void> {
  await sendToQueue(
    env.WEBHOOK_QUEUE,
    ids.map((deliveryId) => ({ deliveryId }) satisfies WebhookQueueMessage),
    'webhooks.dispatch_failed',
  );
}

/**
 * After a change's batch: sends the deliveries its events made (those stored at `at`). A caller
 * without the queue binding in hand leaves them to the sweep, a few minutes later.
 */
export async function dispatchWebhooks(
  db: Db,
  env: Partial<Pick<Env, 'WEBHOOK_QUEUE'>>,
  at: number,
): Promise<void> {
  if (!env.WEBHOOK_QUEUE) return;
  const ids = await newDeliveryIds(db, at);
  if (ids.length) await enqueueDeliveries({ WEBHOOK_QUEUE: env.WEBHOOK_QUEUE }, ids);
}
