import { getDb } from '../db';
import type { ScheduledJob } from '../lib/jobs';
import { logEvent } from '../lib/log';
import { MINUTE } from '../lib/time';
import { enqueueDeliveries } from './delivery';
import { STALE_CLAIM_MS } from './policy';
import { overdueDeliveryIds } from './queries';

/** A delivery's queue message is normally taken within seconds of its time; later ones are stuck. */
const GRACE_MS = 2 * MINUTE;
const SWEEP_LIMIT = 200;

/**
 * Re-enqueues deliveries whose queue message was lost, never sent, or whose worker died. Safe to
 * run twice: an attempt first claims its delivery, so a doubled message sends nothing twice.
 */
export async function sweepWebhooks(env: Env, at: number): Promise<number> {
  const ids = await overdueDeliveryIds(getDb(env), at, GRACE_MS, STALE_CLAIM_MS, SWEEP_LIMIT);
  await enqueueDeliveries(env, ids);
  if (ids.length) logEvent('info', 'webhooks.sweep', { enqueued: ids.length });
  return ids.length;
}

/** Scheduled work of webhooks. */
export const webhookJobs: ScheduledJob[] = [
  { name: 'webhooks.sweep', every: 'frequent', run: async (env, at) => void (await sweepWebhooks(env, at)) },
];
