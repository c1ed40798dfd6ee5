// Typed reads and writes of debriefs, the answers team members give after their meeting.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { dayDebriefs, type Debrief } from '../schema';
import { listRows } from '../../db/find';

/** What a person answers about their meeting. */
export type DebriefAnswers = Pick<Debrief, 'whatTheySaid' | 'commitment' | 'stance' | 'followUp'>;

/** Debriefs of a day, newest first. */
export async function listDebriefs(db: Db, dayId: string): Promise<Debrief[]> {
  return listRows(db, dayDebriefs, eq(dayDebriefs.dayId, dayId), { orderBy: desc(dayDebriefs.createdAt) });
}

/** The id of a person's earlier debrief of the same team's meeting, if any. */
export async function findOwnDebrief(
  db: Db,
  dayId: string,
  registrationId: string,
  teamId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: dayDebriefs.id })
    .from(dayDebriefs)
    .where(
      and(
        eq(dayDebriefs.dayId, dayId),
        eq(dayDebriefs.registrationId, registrationId),
        eq(dayDebriefs.teamId, teamId),
      ),
    )
    .limit(1);
  return row?.id;
}

/** Replaces the answers of an earlier debrief. */
export async function updateDebriefAnswers(db: Db, id: string, answers: DebriefAnswers): Promise<void> {
  await db.update(dayDebriefs).set(answers).where(eq(dayDebriefs.id, id));
}

/** Stores a new debrief. */
export async function insertDebrief(db: Db, debrief: typeof dayDebriefs.$inferInsert): Promise<void> {
  await db.insert(dayDebriefs).values(debrief);
}

/** Links a debrief to the meeting record it made (or joined). */
export async function linkDebriefToMeeting(db: Db, id: string, meetingId: string): Promise<void> {
  await db.update(dayDebriefs).set({ meetingRecordId: meetingId }).where(eq(dayDebriefs.id, id));
}

/** Marks a debrief's follow-up done (once; a second press changes nothing). */
export async function markFollowUpDone(db: Db, dayId: string, debriefId: string, at: number): Promise<void> {
  await db
    .update(dayDebriefs)
    .set({ followUpDoneAt: at })
    .where(
      and(eq(dayDebriefs.id, debriefId), eq(dayDebriefs.dayId, dayId), isNull(dayDebriefs.followUpDoneAt)),
    );
}
