import { scheduledJob, type ScheduledJob } from '../lib/jobs';
import { resumeCampaignUpdates } from './updates';

/** Sends the rest of campaign updates that did not finish while the organizer waited; safe twice. */
export const resumeCampaignUpdatesJob = scheduledJob(
  'campaigns.resume-updates',
  'frequent',
  resumeCampaignUpdates,
);

/** Scheduled work of this feature. */
export const campaignsJobs: ScheduledJob[] = [resumeCampaignUpdatesJob];
