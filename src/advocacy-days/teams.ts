// The team builder: propose teams from districts, add a team by hand, move people, save roles and
// meetings. The decisions are in decisions.ts; the statements in queries/teams.ts.
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { runBatch } from '../db/batch';
import { listOfficialsInState } from '../officials/queries';
import type { Official } from '../officials/schema';
import { translator, type Lang } from '../lib/i18n';
import { checkRoles, proposeTeams, seatKey, suggestRoles, type RoleCheck, type Seat } from './decisions';
import { listTeamCandidates } from './queries/registrations';
import {
  assignToTeamStatement,
  clearTeamsStatement,
  deleteTeamsExceptStatement,
  insertTeamIfAbsent,
  listTeamMemberIds,
  setMeetingStatement,
  setRoleStatement,
  setTeamOf,
  teamBelongsToDay,
  upsertTeamStatement,
  type TeamSeat,
} from './queries/teams';
import type { AdvocacyDay, Team, TeamRole } from './schema';

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
 * The legislators in office of a state's Senate and House, keyed by seat ("upper:36"), for naming
 * teams. In a multi-member district the first by name is the team's.
 */
async function legislatorsBySeat(db: Db, state: string): Promise<Map<string, Official>> {
  const bySeat = new Map<string, Official>();
  for (const official of await listOfficialsInState(db, state, ['upper', 'lower'])) {
    if (official.district && (official.chamber === 'upper' || official.chamber === 'lower')) {
      const key = seatKey({ chamber: official.chamber, district: official.district });
      if (!bySeat.has(key)) bySeat.set(key, official);
    }
  }
  return bySeat;
}

/** The team row of a day's seat, with its legislator when the directory has one. */
function teamSeat(dayId: string, seat: Seat, official: Official | undefined): TeamSeat {
  return {
    id: teamId(dayId, seat.chamber, seat.district),
    dayId,
    officialId: official?.id ?? null,
    chamber: seat.chamber,
    district: seat.district,
    label: officialLabel(official),
  };
}

/**
 * Proposes teams for a day and saves them: everyone registered with known districts in the day's
 * state is placed (see `proposeTeams`), roles are suggested (see `suggestRoles`), and teams no
 * longer proposed are removed. One batch, so the builder never shows half a proposal.
 */
export async function proposeAndSaveTeams(db: Db, day: AdvocacyDay, at = Date.now()): Promise<number> {
  const people = await listTeamCandidates(db, day);
  const proposal = proposeTeams(people);
  const legislators = proposal.length ? await legislatorsBySeat(db, day.state) : new Map<string, Official>();
  const byId = new Map(people.map((person) => [person.id, person]));
  const keep = proposal.map((team) => teamId(day.id, team.chamber, team.district));

  const statements: BatchItem<'sqlite'>[] = [clearTeamsStatement(db, day.id)];
  for (const team of proposal) {
    const seat = teamSeat(day.id, team, legislators.get(seatKey(team)));
    statements.push(upsertTeamStatement(db, seat, at));
    const roles = suggestRoles(team.memberIds.map((memberId) => byId.get(memberId)!));
    for (const memberId of team.memberIds)
      statements.push(assignToTeamStatement(db, memberId, seat.id, roles.get(memberId) ?? null));
  }
  statements.push(deleteTeamsExceptStatement(db, day.id, keep));
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
  const legislators = await legislatorsBySeat(db, day.state);
  const seat = teamSeat(day.id, { chamber, district }, legislators.get(seatKey({ chamber, district })));
  await insertTeamIfAbsent(db, seat, at);
  return seat.id;
}

/** Moves a registered person to a team of the same day (or off every team); their role is cleared. */
export async function moveToTeam(
  db: Db,
  dayId: string,
  registrationId: string,
  toTeamId: string | null,
): Promise<boolean> {
  if (toTeamId && !(await teamBelongsToDay(db, dayId, toTeamId))) return false;
  return setTeamOf(db, dayId, registrationId, toTeamId);
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
  const memberIds = new Set(await listTeamMemberIds(db, dayId, team.id));
  const roles = [...input.roles].filter(([id]) => memberIds.has(id));
  const check = checkRoles(roles.map(([, role]) => role));
  if (check.overLimit.length > 0) return check;
  const statements: BatchItem<'sqlite'>[] = [
    setMeetingStatement(db, team.id, input.meetingAt, input.room),
    ...roles.map(([id, role]) => setRoleStatement(db, team.id, id, role)),
  ];
  await runBatch(db, statements);
  return check;
}
