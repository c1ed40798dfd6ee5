import { lt, or } from 'drizzle-orm';
import { getDb } from '../db';
import type { ScheduledJob } from '../lib/jobs';
import { organizerSessions, signInTokens } from './schema';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session';

/** Deletes sign-in links and sessions that can no longer work, so nothing is kept past its use. */
export async function deleteExpiredSignIns(db: ReturnType<typeof getDb>, at: number): Promise<void> {
  await db.batch([
    db.delete(signInTokens).where(lt(signInTokens.expiresAt, at)),
    db
      .delete(organizerSessions)
      .where(
        or(
          lt(organizerSessions.lastSeenAt, at - SESSION_IDLE_MS),
          lt(organizerSessions.createdAt, at - SESSION_ABSOLUTE_MS),
        ),
      ),
  ]);
}

/** Scheduled work of organizer sign-in (safe to run twice: it only deletes what is expired). */
export const organizerJobs: ScheduledJob[] = [
  {
    name: 'organizers.delete-expired-sign-ins',
    every: 'hourly',
    run: (env, at) => deleteExpiredSignIns(getDb(env), at),
  },
];
