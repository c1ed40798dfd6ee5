import { getDb } from '../db';
import type { ScheduledJob } from '../lib/jobs';
import { logEvent } from '../lib/log';
import { applyMeetingRetention } from './queries';

/** Scheduled work of this feature. */
export const meetingsJobs: ScheduledJob[] = [
  {
    name: 'meetings.retention',
    every: 'hourly',
    run: async (env, at) => {
      const done = await applyMeetingRetention(getDb(env), at);
      if (done.deleted || done.cleared || done.linksEnded) logEvent('info', 'meetings.retention', done);
    },
  },
];
