import { getDb, type Db } from '../db';
import { scheduledJob, type ScheduledJob } from '../lib/jobs';
import { DAY } from '../lib/time';
import { deleteAuditEventsBefore, deleteExpiredSignInsAndSessions } from './queries';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session';

/** The audit log keeps a year. */
export const AUDIT_KEPT_MS = 365 * DAY;

/** Deletes sign-in links, passkey challenges and sessions that can no longer work, so nothing is kept past its use. */
export async function deleteExpiredSignIns(db: Db, at: number): Promise<void> {
  await deleteExpiredSignInsAndSessions(db, at, {
    lastSeenBefore: at - SESSION_IDLE_MS,
    createdBefore: at - SESSION_ABSOLUTE_MS,
  });
}

/** Scheduled work of organizer sign-in (safe to run twice: it only deletes what is expired). */
export const organizerJobs: ScheduledJob[] = [
  scheduledJob('organizers.delete-expired-sign-ins', 'hourly', (env, at) =>
    deleteExpiredSignIns(getDb(env), at),
  ),
  scheduledJob('organizers.delete-old-audit-events', 'hourly', (env, at) =>
    deleteAuditEventsBefore(getDb(env), at - AUDIT_KEPT_MS),
  ),
];
