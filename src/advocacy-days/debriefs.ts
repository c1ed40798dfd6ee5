// Debriefs after the day and the report built from them.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../lib/tokens';
import { logEvent } from '../web/errors';
import type { AdvocacyDay, DayCounts, Debrief } from './queries';
import { dayDebriefs, dayTeams } from './schema';
import { teamDisplayName } from './teams';
import type { DebriefInput } from './validation';

/** Stores a participant's debrief of one team's meeting. */
export async function recordDebrief(
  db: Db,
  day: AdvocacyDay,
  registrationId: string | null,
  input: DebriefInput,
  at = Date.now(),
): Promise<string> {
  const [team] = await db
    .select()
    .from(dayTeams)
    .where(and(eq(dayTeams.dayId, day.id), eq(dayTeams.id, input.teamId)))
    .limit(1);
  if (!team) throw new Error('Unknown team');
  const id = newId();
  await db.insert(dayDebriefs).values({
    id,
    dayId: day.id,
    registrationId,
    teamId: team.id,
    officialId: team.officialId,
    // The report-back goes to partners in English, so the label is kept in English.
    legislatorLabel: teamDisplayName('en', team),
    whatTheySaid: input.whatTheySaid,
    commitment: input.commitment,
    stance: input.stance,
    followUp: input.followUp,
    createdAt: at,
  });
  logEvent('info', 'days.debrief_recorded', { dayId: day.id, debriefId: id, teamId: team.id });
  return id;
}

/** The organizer's report of a day: attendance, meetings per legislator, commitments, follow-ups due. */
export interface DayReport {
  counts: DayCounts;
  meetings: { teamId: string | null; label: string; debriefs: number; stances: Debrief['stance'][] }[];
  commitments: { id: string; label: string; text: string }[];
  followUps: { id: string; label: string; text: string; done: boolean }[];
}

/** Builds the report from the counts and the debriefs (pure, tested without a database). */
export function buildReport(counts: DayCounts, debriefs: readonly Debrief[]): DayReport {
  const byTeam = new Map<string, DayReport['meetings'][number]>();
  const ordered = [...debriefs].sort((a, b) => a.createdAt - b.createdAt);
  for (const debrief of ordered) {
    const key = debrief.teamId ?? `label:${debrief.legislatorLabel}`;
    const entry = byTeam.get(key) ?? {
      teamId: debrief.teamId,
      label: debrief.legislatorLabel,
      debriefs: 0,
      stances: [],
    };
    entry.debriefs += 1;
    if (!entry.stances.includes(debrief.stance)) entry.stances.push(debrief.stance);
    byTeam.set(key, entry);
  }
  return {
    counts,
    meetings: [...byTeam.values()].sort((a, b) => a.label.localeCompare(b.label)),
    commitments: ordered
      .filter((d) => d.commitment)
      .map((d) => ({ id: d.id, label: d.legislatorLabel, text: d.commitment! })),
    followUps: ordered
      .filter((d) => d.followUp)
      .map((d) => ({
        id: d.id,
        label: d.legislatorLabel,
        text: d.followUp!,
        done: d.followUpDoneAt !== null,
      })),
  };
}
