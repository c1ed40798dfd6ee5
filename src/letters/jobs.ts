import { getDb } from '../db';
import { scheduledJob, type ScheduledJob } from '../lib/jobs';
import { DAY } from '../lib/time';
import { logEvent } from '../lib/log';
import { deleteUnconfirmedBefore } from './queries';
import { UNCONFIRMED_TTL_DAYS } from './status';
import { resumeUpdateFanouts } from './updates';

/** Deletes signatures never confirmed within UNCONFIRMED_TTL_DAYS; a second run finds nothing to do. */
export const expireUnconfirmedSignatures: ScheduledJob = {
  name: 'letters.expire-unconfirmed',
  every: 'hourly',
  async run(env, at) {
    const deleted = await deleteUnconfirmedBefore(getDb(env), at - UNCONFIRMED_TTL_DAYS * DAY);
    if (deleted > 0) logEvent('info', 'letters.unconfirmed_expired', { count: deleted });
  },
};

/** Sends the rest of updates to signers that did not finish while the organizer waited; safe twice. */
export const resumeLetterUpdates = scheduledJob('letters.resume-updates', 'frequent', resumeUpdateFanouts);

/** Scheduled work of this feature. */
export const lettersJobs: ScheduledJob[] = [expireUnconfirmedSignatures, resumeLetterUpdates];
