import type { ScheduledJob } from '../lib/jobs';
import { resumeStalledFanouts } from './alerts';
import { startDailyDigests } from './digest';
import { updateBillsFromOpenStates } from './openstates';
import { cleanUpSubscriptionLinks } from './subscriptions';
import { getDb } from '../db';

/** Scheduled work of this feature. Each job is safe to run twice. */
export const billsJobs: ScheduledJob[] = [
  {
    name: 'bills.resume-fanouts',
    every: 'frequent',
    run: async (env, at) => {
      await resumeStalledFanouts(env, at);
    },
  },
  {
    name: 'bills.openstates-update',
    every: 'hourly',
    run: async (env, at) => {
      await updateBillsFromOpenStates(env, at);
    },
  },
  {
    name: 'bills.daily-digest',
    every: 'hourly',
    run: async (env, at) => {
      await startDailyDigests(env, at);
    },
  },
  {
    name: 'bills.link-cleanup',
    every: 'hourly',
    run: async (env, at) => {
      await cleanUpSubscriptionLinks(getDb(env), at);
    },
  },
];
