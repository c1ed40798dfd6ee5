import { scheduledJob, type ScheduledJob } from '../lib/jobs';
import { resumeStalledFanouts } from './alerts';
import { startDailyDigests } from './digest';
import { updateBillsFromOpenStates } from './openstates';
import { cleanUpSubscriptionLinks } from './subscriptions';
import { getDb } from '../db';

/** Scheduled work of this feature. Each job is safe to run twice. */
export const billsJobs: ScheduledJob[] = [
  scheduledJob('bills.resume-fanouts', 'frequent', resumeStalledFanouts),
  scheduledJob('bills.openstates-update', 'hourly', updateBillsFromOpenStates),
  scheduledJob('bills.daily-digest', 'hourly', startDailyDigests),
  scheduledJob('bills.link-cleanup', 'hourly', (env, at) => cleanUpSubscriptionLinks(getDb(env), at)),
];
