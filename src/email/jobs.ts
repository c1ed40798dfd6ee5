import type { ScheduledJob } from '../jobs';

/** Scheduled work of this feature. */
export const emailJobs: ScheduledJob[] = [];
