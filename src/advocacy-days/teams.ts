// The team builder's writes: propose teams from districts, move people, save roles and meetings.
import { and, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import type { Official } from '../officials/schema';
import { translator, type Lang } from '../lib/i18n';
import { checkRoles, proposeTeams, seatKey, suggestRoles, type RoleCheck } from './decisions';
import { legislatorsBySeat, type AdvocacyDay, type Team } from './queries';
import { dayRegistrations, dayTeams, type TeamRole } from './schema';
import { runBatch } from '../db/batch';

/** The stable id of a day's team for a seat, so proposing again keeps meeting times and rooms. */
export function teamId(dayId: string, chamber: 'upper' | 'lower', district: string): string {
  return `team-${dayId}-${chamber}-${district}`;
}

/** "Sen. Jane Doe · Senate District 36" in a language; the seat alone when the directory lacks the person. */
export function teamDisplayName(lang: Lang, team: Pick<Team, 'label' | 'chamber' | 'district'>): string {
  const seat = translator(lang)(team.chamber === 'upper' ? 'days.team.upperSeat' : 'days.team.lowerSeat', {
    district: team.district,
  });
  return team.label ? `${team.label} · ${seat}` : seat;
}

// The name only: the seat beside it (teamDisplayName) says the office in the reader's language.
function officialLabel(official: Official | undefined): string {
  return official ? official.name.trim() : '';
}

/**
 * Proposes teams for a day and saves them: everyone registered with known districts in the day's
 * state is placed (see `proposeTeams`), roles are suggested (see `suggestRoles`), and teams no
 * longer proposed are removed. One batch, so the builder never shows half a proposal.
 */
export async function proposeAndSaveTeams(db: Db, day: AdvocacyDay, at = Date.now()): Promise<number> {
  const people = await db
    .select()
    .from(dayRegistrations)
    .where(
      and(
        eq(dayRegistrations.dayId, day.id),
        eq(dayRegistrations.status, 'registered'),
        inArray(dayRegistrations.districtStatus, ['found', 'manual']),
        sql`(${dayRegistrations.homeState} = ${day.state} or ${dayRegistrations.homeState} is null)`,
      ),
    );
  const proposal = proposeTeams(people);
  const legislators = await legislatorsBySeat(db, day.state, proposal);
  const byId = new Map(people.map((person) => [person.id, person]));
  const keep = proposal.map((team) => teamId(day.id, team.chamber, team.district));

  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(dayRegistrations)
      .set({ teamId: null, teamRole: null })
      .where(and(eq(dayRegistrations.dayId, day.id), isNotNull(dayRegistrations.teamId))),
  ];
  for (const team of proposal) {
    const official = legislators.get(seatKey(team));
    const id = teamId(day.id, team.chamber, team.district);
    statements.push(
      db
        .insert(dayTeams)
        .values({
          id,
          dayId: day.id,
          officialId: official?.id ?? null,
          chamber: team.chamber,
          district: team.district,
          label: officialLabel(official),
          createdAt: at,
        })
        .onConflictDoUpdate({
          target: dayTeams.id,
          set: { officialId: official?.id ?? null, label: officialLabel(official) },
        }),
    );
    const roles = suggestRoles(team.memberIds.map((memberId) => byId.get(memberId)!));
    for (const memberId of team.memberIds) {
      statements.push(
        db
          .update(dayRegistrations)
          .set({ teamId: id, teamRole: roles.get(memberId) ?? null })
          .where(eq(dayRegistrations.id, memberId)),
      );
    }
  }
  statements.push(
    keep.length
      ? db.delete(dayTeams).where(and(eq(dayTeams.dayId, day.id), notInArray(dayTeams.id, keep)))
      : db.delete(dayTeams).where(eq(dayTeams.dayId, day.id)),
  );
  await runBatch(db, statements);
  return proposal.length;
}

/** Adds a team for a seat by hand (a legislator nobody registered from, or a second visit). */
export async function addTeam(
  db: Db,
  day: AdvocacyDay,
  chamber: 'upper' | 'lower',
  district: string,
  at = Date.now(),
): Promise<string> {
  const legislators = await legislatorsBySeat(db, day.state, [{ chamber, district }]);
  const official = legislators.get(`${chamber}:${district}`);
  const id = teamId(day.id, chamber, district);
  await db
    .insert(dayTeams)
    .values({
      id,
      dayId: day.id,
      officialId: official?.id ?? null,
      chamber,
      district,
      label: officialLabel(official),
      createdAt: at,
    })
    .onConflictDoNothing();
  return id;
}

/** Moves a registered person to a team of the same day (or off every team); their role is cleared. */
export async function moveToTeam(
  db: Db,
  dayId: string,
  registrationId: string,
  toTeamId: string | null,
): Promise<boolean> {
  if (toTeamId) {
    const [team] = await db
      .select({ id: dayTeams.id })
      .from(dayTeams)
      .where(and(eq(dayTeams.id, toTeamId), eq(dayTeams.dayId, dayId)));
    if (!team) return false;
  }
  const result = await db
    .update(dayRegistrations)
    .set({ teamId: toTeamId, teamRole: null })
    .where(
      and(
        eq(dayRegistrations.id, registrationId),
        eq(dayRegistrations.dayId, dayId),
        eq(dayRegistrations.status, 'registered'),
      ),
    );
  return result.meta.changes > 0;
}

/**
 * Saves a team's meeting time, room and roles. Refused (nothing written) when a role would be held
 * by more people than the toolkit allows; the check is returned either way.
 */
export async function saveTeam(
  db: Db,
  dayId: string,
  team: Team,
  input: { meetingAt: number | null; room: string | null; roles: Map<string, TeamRole | null> },
): Promise<RoleCheck> {
  const members = await db
    .select({ id: dayRegistrations.id })
    .from(dayRegistrations)
    .where(and(eq(dayRegistrations.dayId, dayId), eq(dayRegistrations.teamId, team.id)));
  const memberIds = new Set(members.map((m) => m.id));
  const roles = [...input.roles].filter(([id]) => memberIds.has(id));
  const check = checkRoles(roles.map(([, role]) => role));
  if (check.overLimit.length > 0) return check;
  const statements: BatchItem<'sqlite'>[] = [
    db.update(dayTeams).set({ meetingAt: input.meetingAt, room: input.room }).where(eq(dayTeams.id, team.id)),
    ...roles.map(([id, role]) =>
      db
        .update(dayRegistrations)
        .set({ teamRole: role })
        .where(and(eq(dayRegistrations.id, id), eq(dayRegistrations.teamId, team.id))),
    ),
  ];
  await runBatch(db, statements);
  return check;
}
