import type { ScheduledJob } from '../lib/jobs';

/** Scheduled work of this feature. */
export const officialsJobs: ScheduledJob[] = [];
