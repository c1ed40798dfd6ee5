// The door on the day: check-ins, their undo, and the log of who did each.
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { runBatch } from '../../db/batch';
import { newId } from '../../lib/tokens';
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

/** Checks in or undoes, and logs who did it, in one batch; false when nothing was there to change. */
async function changeCheckIn(
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
    db
      .update(dayRegistrations)
      .set({ checkedInAt: action === 'check_in' ? at : null })
      .where(target),
  ]);
  return (results[1]?.meta.changes ?? 0) > 0;
}

/**
 * Checks a registered person in (once), recording who did it. False when they were already
 * checked in (another phone at the door got there first) or are not registered.
 */
export function checkIn(
  db: Db,
  dayId: string,
  registrationId: string,
  at: number,
  organizerId: string | null = null,
) {
  return changeCheckIn(db, dayId, registrationId, 'check_in', organizerId, at);
}

/** Undoes a check-in made by mistake, recording who undid it. False when there was none. */
export function undoCheckIn(
  db: Db,
  dayId: string,
  registrationId: string,
  at: number,
  organizerId: string | null = null,
) {
  return changeCheckIn(db, dayId, registrationId, 'undo', organizerId, at);
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
