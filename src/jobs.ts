import { emailJobs } from './email/jobs';
import { webhookJobs } from './webhooks/jobs';
import { lettersJobs } from './letters/jobs';
import { advocacyDaysJobs } from './advocacy-days/jobs';
import { officialsJobs } from './officials/jobs';
import { meetingsJobs } from './meetings/jobs';
import { billsJobs } from './bills/jobs';
import { privacyJobs } from './privacy/jobs';
import { organizerJobs } from './organizers/jobs';
import { campaignsJobs } from './campaigns/jobs';
import { logEvent } from './lib/log';
import type { Db } from './db';
import type { ScheduledSend } from './email/schedule';
import { upcomingDaySends } from './advocacy-days/jobs';
import { scheduledDigestSends } from './bills/digest';
import type { ScheduledJob } from './lib/jobs';

export const FREQUENT_CRON = '*/5 * * * *';
export const HOURLY_CRON = '0 * * * *';

/** Every job of every feature. */
export const scheduledJobs: ScheduledJob[] = [
  ...emailJobs,
  ...webhookJobs,
  ...lettersJobs,
  ...advocacyDaysJobs,
  ...officialsJobs,
  ...meetingsJobs,
  ...billsJobs,
  ...privacyJobs,
  ...organizerJobs,
  ...campaignsJobs,
];

/** Runs the jobs for a Cron expression; one failing job does not stop the others. */
export async function runScheduled(cron: string, env: Env, at: number): Promise<void> {
  const every = cron === HOURLY_CRON ? 'hourly' : 'frequent';
  for (const job of scheduledJobs.filter((j) => j.every === every)) {
    try {
      await job.run(env, at);
    } catch (error) {
      // The error itself: logEvent keeps its name and code only (a query error quotes its parameters).
      logEvent('error', 'job.failed', { job: job.name, error });
    }
  }
}

/** Every feature's scheduled emails (what the jobs above will send to people), soonest first. */
export async function listScheduledSends(db: Db, at: number): Promise<ScheduledSend[]> {
  const sends = (await Promise.all([upcomingDaySends(db, at), scheduledDigestSends(db, at)])).flat();
  return sends.sort((a, b) => a.dueAt - b.dueAt);
}
