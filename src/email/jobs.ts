import { getDb } from '../db';
import { scheduledJob, type ScheduledJob } from '../lib/jobs';
import { DAY, MINUTE } from '../lib/time';
import { logEvent } from '../lib/log';
import { deliverEmailGroup } from './delivery';
import { dispatchEmails } from './outbox';
import { isDeliveryHeld } from './policy';
import {
  blankOldBodies,
  countPending,
  deleteOldWebhookEvents,
  overdueEmailIds,
  overdueGroupKeys,
} from './queries';

/** Rows re-enqueued per sweep: enough for a backlog, small enough for one invocation's limits. */
const SWEEP_LIMIT = 200;
/** Send groups retried per sweep (each is one Resend call made from the cron itself). */
const GROUP_SWEEP_LIMIT = 5;
/** A fresh row's queue message is normally consumed within seconds; only older ones are "stuck". */
const SINGLE_GRACE_MS = 1 * MINUTE;
/** Send groups are retried by their own queue first (bill alerts); the sweep is the safety net. */
const GROUP_GRACE_MS = 15 * MINUTE;
/** Bodies of delivered emails are kept this long, then blanked (the subject stays). */
export const BODY_RETENTION_MS = 90 * DAY;
const WEBHOOK_EVENT_RETENTION_MS = 30 * DAY;

/**
 * Re-enqueues emails whose queue message was lost or whose sender died: pending rows overdue for
 * their next try and rows claimed for more than ten minutes. Safe to run twice (delivery claims).
 */
export async function sweepOutbox(env: Env, at: number): Promise<{ enqueued: number; groups: number }> {
  const db = getDb(env);
  if (isDeliveryHeld(env)) {
    const pending = await countPending(db);
    if (pending > 0) logEvent('warn', 'email.held_no_api_key', { pending });
    return { enqueued: 0, groups: 0 };
  }
  const ids = await overdueEmailIds(db, at, SINGLE_GRACE_MS, SWEEP_LIMIT);
  await dispatchEmails(env, ids);
  const groups = await overdueGroupKeys(db, at, GROUP_GRACE_MS, GROUP_SWEEP_LIMIT);
  for (const batchKey of groups) await deliverEmailGroup(env, batchKey, at);
  if (ids.length || groups.length)
    logEvent('info', 'email.sweep', { enqueued: ids.length, groups: groups.length });
  return { enqueued: ids.length, groups: groups.length };
}

/** Blanks the bodies of emails delivered more than 90 days ago and forgets old webhook ids. */
export async function applyEmailRetention(env: Env, at: number): Promise<number> {
  const db = getDb(env);
  const blanked = await blankOldBodies(db, at - BODY_RETENTION_MS);
  await deleteOldWebhookEvents(db, at - WEBHOOK_EVENT_RETENTION_MS);
  if (blanked) logEvent('info', 'email.retention', { blanked });
  return blanked;
}

/** Scheduled work of this feature. */
export const emailJobs: ScheduledJob[] = [
  scheduledJob('email.sweep', 'frequent', sweepOutbox),
  scheduledJob('email.retention', 'hourly', applyEmailRetention),
];
