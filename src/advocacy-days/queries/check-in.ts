// The door on the day: check-ins, their undo, and the log of who did each.
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { runBatch } from '../../db/batch';
import { newId } from '../../lib/tokens';
import { recordEventsFor } from '../../webhooks/queries';
import { organizers } from '../../organizers/schema';
import { dayCheckInLog, dayRegistrations } from '../schema';

/** Who did what at the door, and when (the check-in page's "recent" list). */
export interface CheckInEvent {
  id: string;
  registrationId: string;
  name: string;
  action: 'check_in' | 'undo';
  organizerName: string | null;
  at: number;
  /** Whether the person is checked in now. */
  checkedInNow: boolean;
}

/** The registration a check-in (or its undo) changes, only while it is in the state the action changes. */
function checkInTarget(dayId: string, registrationId: string, action: 'check_in' | 'undo') {
  const state =
    action === 'check_in'
      ? [eq(dayRegistrations.status, 'registered'), isNull(dayRegistrations.checkedInAt)]
      : [isNotNull(dayRegistrations.checkedInAt)];
  return and(eq(dayRegistrations.id, registrationId), eq(dayRegistrations.dayId, dayId), ...state)!;
}

/**
 * Checks a registered person in (once), or undoes a check-in made by mistake, and logs who did it,
 * in one batch. False when nothing was there to change: already checked in (another phone at the
 * door got there first), not registered, or no check-in to undo.
 */
export async function changeCheckIn(
  db: Db,
  dayId: string,
  registrationId: string,
  action: 'check_in' | 'undo',
  organizerId: string | null,
  at: number,
): Promise<boolean> {
  const target = checkInTarget(dayId, registrationId, action);
  const results = await runBatch(db, [
    // Logged only when the change will happen: read before the update in the same batch.
    db.run(sql`insert into ${dayCheckInLog} (id, day_id, registration_id, action, organizer_id, at)
      select ${newId()}, ${dayId}, ${registrationId}, ${action}, ${organizerId}, ${at}
      where exists (select 1 from ${dayRegistrations} where ${target})`),
    // Read before the update too: an attendance turns "attended", or back (the sweep sends it).
    ...recordEventsFor(
      db,
      'registration.changed',
      sql`select ${dayRegistrations.id} as id from ${dayRegistrations} where ${target}`,
      at,
      `:${at}`,
    ),
    db
      .update(dayRegistrations)
      .set({ checkedInAt: action === 'check_in' ? at : null })
      .where(target),
  ]);
  return (results[3]?.meta.changes ?? 0) > 0;
}

/** The latest check-ins and undos of a day, newest first. */
export async function recentCheckInEvents(db: Db, dayId: string, limit = 10): Promise<CheckInEvent[]> {
  const rows = await db
    .select({
      id: dayCheckInLog.id,
      registrationId: dayCheckInLog.registrationId,
      name: dayRegistrations.name,
      action: dayCheckInLog.action,
      organizerName: organizers.name,
      at: dayCheckInLog.at,
      checkedInAt: dayRegistrations.checkedInAt,
    })
    .from(dayCheckInLog)
    .innerJoin(dayRegistrations, eq(dayRegistrations.id, dayCheckInLog.registrationId))
    .leftJoin(organizers, eq(organizers.id, dayCheckInLog.organizerId))
    .where(eq(dayCheckInLog.dayId, dayId))
    .orderBy(desc(dayCheckInLog.at), desc(dayCheckInLog.id))
    .limit(limit);
  return rows.map(({ checkedInAt, ...row }) => ({ ...row, checkedInNow: checkedInAt !== null }));
}
