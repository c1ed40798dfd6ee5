// Typed reads and writes of a day's teams: which legislator each visits, who is on it, their roles.
import { and, asc, desc, eq, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { openRegistrations } from '../contact-fields';
import { officials, type Official } from '../../officials/schema';
import { dayRegistrations, dayTeams, type Registration, type Team, type TeamRole } from '../schema';
import { listRows } from '../../db/find';

/** A team with its legislator from the officials directory, when it is there. */
export interface TeamWithOfficial {
  team: Team;
  official: Official | null;
}

/** The teams of a day with their legislator, Senate first, by district number. */
export async function listTeams(db: Db, dayId: string): Promise<TeamWithOfficial[]> {
  return db
    .select({ team: dayTeams, official: officials })
    .from(dayTeams)
    .leftJoin(officials, eq(officials.id, dayTeams.officialId))
    .where(eq(dayTeams.dayId, dayId))
    .orderBy(desc(dayTeams.chamber), sql`cast(${dayTeams.district} as integer)`, asc(dayTeams.district));
}

/** One team of a day with its legislator. */
export async function getTeam(db: Db, dayId: string, teamId: string): Promise<TeamWithOfficial | undefined> {
  const [row] = await db
    .select({ team: dayTeams, official: officials })
    .from(dayTeams)
    .leftJoin(officials, eq(officials.id, dayTeams.officialId))
    .where(and(eq(dayTeams.dayId, dayId), eq(dayTeams.id, teamId)))
    .limit(1);
  return row;
}

/** The registered members of a team, in arrival order (the packet, the meeting record). */
export async function listTeamMembers(db: Db, teamId: string): Promise<Registration[]> {
  const rows = await listRows(
    db,
    dayRegistrations,
    and(eq(dayRegistrations.teamId, teamId), eq(dayRegistrations.status, 'registered')),
    { orderBy: asc(dayRegistrations.seq) },
  );
  return openRegistrations(db, rows);
}

/** The ids of everyone on a team of the day, whatever their status (whose roles a form may set). */
export async function listTeamMemberIds(db: Db, dayId: string, teamId: string): Promise<string[]> {
  const rows = await db
    .select({ id: dayRegistrations.id })
    .from(dayRegistrations)
    .where(and(eq(dayRegistrations.dayId, dayId), eq(dayRegistrations.teamId, teamId)));
  return rows.map((row) => row.id);
}

/** What a team row holds about its seat and legislator. */
export interface TeamSeat {
  id: string;
  dayId: string;
  officialId: string | null;
  chamber: 'upper' | 'lower';
  district: string;
  label: string;
}

/** Takes everyone of a day off their team, as the first statement of a new proposal. */
export function clearTeamsStatement(db: Db, dayId: string) {
  return db
    .update(dayRegistrations)
    .set({ teamId: null, teamRole: null })
    .where(and(eq(dayRegistrations.dayId, dayId), isNotNull(dayRegistrations.teamId)));
}

/** Stores a proposed team, or renames its legislator when it exists (meeting time and room stay). */
export function upsertTeamStatement(db: Db, seat: TeamSeat, at: number) {
  return db
    .insert(dayTeams)
    .values({ ...seat, createdAt: at })
    .onConflictDoUpdate({ target: dayTeams.id, set: { officialId: seat.officialId, label: seat.label } });
}

/** Puts a person on a team with a role, as a statement of the proposal's batch. */
export function assignToTeamStatement(db: Db, registrationId: string, teamId: string, role: TeamRole | null) {
  return db
    .update(dayRegistrations)
    .set({ teamId, teamRole: role })
    .where(eq(dayRegistrations.id, registrationId));
}

/** Removes a day's teams other than `keep` (all of them when `keep` is empty). */
export function deleteTeamsExceptStatement(db: Db, dayId: string, keep: readonly string[]) {
  return keep.length
    ? db.delete(dayTeams).where(and(eq(dayTeams.dayId, dayId), notInArray(dayTeams.id, [...keep])))
    : db.delete(dayTeams).where(eq(dayTeams.dayId, dayId));
}

/** Stores a team added by hand; nothing when the day already has a team for that seat. */
export async function insertTeamIfAbsent(db: Db, seat: TeamSeat, at: number): Promise<void> {
  await db
    .insert(dayTeams)
    .values({ ...seat, createdAt: at })
    .onConflictDoNothing();
}

/** Whether a team id belongs to the day. */
export async function teamBelongsToDay(db: Db, dayId: string, teamId: string): Promise<boolean> {
  const [team] = await db
    .select({ id: dayTeams.id })
    .from(dayTeams)
    .where(and(eq(dayTeams.id, teamId), eq(dayTeams.dayId, dayId)));
  return Boolean(team);
}

/** Moves a registered person of the day to a team (or none), clearing their role; false when absent. */
export async function setTeamOf(
  db: Db,
  dayId: string,
  registrationId: string,
  teamId: string | null,
): Promise<boolean> {
  const result = await db
    .update(dayRegistrations)
    .set({ teamId, teamRole: null })
    .where(
      and(
        eq(dayRegistrations.id, registrationId),
        eq(dayRegistrations.dayId, dayId),
        eq(dayRegistrations.status, 'registered'),
      ),
    );
  return result.meta.changes > 0;
}

/** A team's meeting time and room, as a statement of the batch that saves its roles. */
export function setMeetingStatement(db: Db, teamId: string, meetingAt: number | null, room: string | null) {
  return db.update(dayTeams).set({ meetingAt, room }).where(eq(dayTeams.id, teamId));
}

/** One member's role on a team, as a statement (only while they are still on it). */
export function setRoleStatement(db: Db, teamId: string, registrationId: string, role: TeamRole | null) {
  return db
    .update(dayRegistrations)
    .set({ teamRole: role })
    .where(and(eq(dayRegistrations.id, registrationId), eq(dayRegistrations.teamId, teamId)));
}
