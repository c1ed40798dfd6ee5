// Typed queries of organizer emails: the pages of the people an announcement goes to, and the
// record of a report-back.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db';
import { openRegistrations } from '../contact-fields';
import type { Registration } from '../schema';
import { advocacyDays, dayRegistrations } from '../schema';
import { listRows } from '../../db/find';

/** Who an announcement goes to: everyone registered, everyone waiting, or one team. */
export type Audience = { kind: 'registered' } | { kind: 'waitlisted' } | { kind: 'team'; teamId: string };

/**
 * One page, in id order after a cursor, of a day's people in an audience who did not opt out of
 * announcements (a team's announcement reaches its registered members only).
 */
export async function audiencePage(
  db: Db,
  dayId: string,
  audience: Audience,
  after: string,
  limit: number,
): Promise<Registration[]> {
  const conditions = [
    eq(dayRegistrations.dayId, dayId),
    eq(dayRegistrations.announcementsOptOut, false),
    gt(dayRegistrations.id, after),
  ];
  if (audience.kind === 'team') {
    conditions.push(eq(dayRegistrations.teamId, audience.teamId), eq(dayRegistrations.status, 'registered'));
  } else {
    conditions.push(eq(dayRegistrations.status, audience.kind));
  }
  const rows = await listRows(db, dayRegistrations, and(...conditions), {
    orderBy: asc(dayRegistrations.id),
    limit,
  });
  return openRegistrations(db, rows);
}

/** The statement recording that the day's report went to the partner list (batched with its email). */
export function markReportSentStatement(db: Db, dayId: string, sentTo: string, at: number) {
  return db
    .update(advocacyDays)
    .set({ reportSentAt: at, reportSentTo: sentTo })
    .where(eq(advocacyDays.id, dayId));
}
