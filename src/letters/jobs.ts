import { getDb } from '../db';
import type { ScheduledJob } from '../jobs';
import { DAY } from '../lib/time';
import { logEvent } from '../web/errors';
import { deleteUnconfirmedBefore } from './queries';
import { UNCONFIRMED_TTL_DAYS } from './status';

/** Deletes signatures never confirmed within UNCONFIRMED_TTL_DAYS; a second run finds nothing to do. */
export const expireUnconfirmedSignatures: ScheduledJob = {
  name: 'letters.expire-unconfirmed',
  every: 'hourly',
  async run(env, at) {
    const deleted = await deleteUnconfirmedBefore(getDb(env), at - UNCONFIRMED_TTL_DAYS * DAY);
    if (deleted > 0) logEvent('info', 'letters.unconfirmed_expired', { count: deleted });
  },
};

/** Scheduled work of this feature. */
export const lettersJobs: ScheduledJob[] = [expireUnconfirmedSignatures];
