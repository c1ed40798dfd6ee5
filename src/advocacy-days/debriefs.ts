// Debriefs after the day and the report built from them.
import type { Db } from '../db';
import { newId } from '../lib/tokens';
import { logEvent } from '../lib/log';
import { dispatchEmails, queueEmail } from '../email/outbox';
import { recordHeldMeeting } from '../meetings/lifecycle';
import type { Stance } from '../officials/schema';
import { utcToZonedInput } from './calendar';
import { debriefRefusal } from './decisions';
import { meetingRecordEmail } from './emails';
import {
  findOwnDebrief,
  insertDebrief,
  linkDebriefToMeeting,
  updateDebriefAnswers,
} from './queries/debriefs';
import type { DayCounts } from './queries/registrations';
import { getTeam, listTeamMembers } from './queries/teams';
import type { AdvocacyDay, Debrief, Registration } from './schema';
import { teamDisplayName } from './teams';
import { pick } from '../lib/bilingual';
import type { DebriefInput } from './validation';

/** The power-map stance a debrief's perceived stance stands for; "leaning" is not yet a position. */
export function meetingStance(stance: Debrief['stance']): Stance {
  switch (stance) {
    case 'supportive':
      return 'ally';
    case 'opposed':
      return 'opposed';
    case 'unclear':
      return 'unknown';
    default:
      return 'undecided';
  }
}

/**
 * Stores a team member's debrief of their team's meeting and, when the legislator is in the
 * officials directory, records the meeting in the meeting log (once per team: later debriefs of the
 * same meeting only add to this day's report). The record's private link (thank-you and
 * report-back) is emailed to every registered member of the team, in the same batch as the record;
 * it is never shown to or sent to anyone else. Throws when the person may not debrief this team
 * (the route checks `debriefRefusal` first and answers the person).
 */
export async function recordDebrief(
  db: Db,
  env: Pick<Env, 'PUBLIC_URL' | 'ORG_NAME' | 'EMAIL_QUEUE'>,
  day: AdvocacyDay,
  registration: Registration,
  input: DebriefInput,
  at = Date.now(),
): Promise<{ id: string; meetingRecorded: boolean }> {
  const team = (await getTeam(db, day.id, input.teamId))?.team;
  if (!team || debriefRefusal(day, registration, team, at))
    throw new Error('Not allowed to debrief this team');
  const answers = {
    whatTheySaid: input.whatTheySaid,
    commitment: input.commitment,
    stance: input.stance,
    followUp: input.followUp,
  };
  // The same person sending the form again for the same meeting (a double tap, the back button, a
  // correction) replaces their answers: one person's meeting must not count twice in the report.
  const earlier = await findOwnDebrief(db, day.id, registration.id, team.id);
  const id = earlier ?? newId();
  if (earlier) {
    await updateDebriefAnswers(db, id, answers);
  } else {
    await insertDebrief(db, {
      id,
      dayId: day.id,
      registrationId: registration.id,
      teamId: team.id,
      officialId: team.officialId,
      // The report-back goes to partners in English, so the label is kept in English.
      legislatorLabel: teamDisplayName('en', team),
      ...answers,
      createdAt: at,
    });
  }
  logEvent('info', earlier ? 'days.debrief_updated' : 'days.debrief_recorded', {
    dayId: day.id,
    debriefId: id,
    teamId: team.id,
  });
  if (!team.officialId) return { id, meetingRecorded: false };
  try {
    const members = await listTeamMembers(db, team.id);
    // The thank-you goes out in the facilitator's name (Reply-To them) when the team has one.
    const sender = members.find((member) => member.teamRole === 'facilitator') ?? registration;
    const emailIds: string[] = [];
    const meeting = await recordHeldMeeting(
      db,
      env,
      {
        officialId: team.officialId,
        senderName: sender.name,
        senderEmail: sender.email,
        senderPhone: sender.phone,
        senderLang: sender.lang,
        groupName: sender.congregation ?? pick(day, 'title', sender.lang).text,
        city: day.placeName,
        purpose: pick(day, 'title', sender.lang).text,
        // Names only: the meeting log does not need the team's emails or phones.
        attendees: members.map((member) => ({ name: member.name, contact: '' })),
        source: 'advocacy_day',
        originRef: `advocacy-day:${day.id}:${team.id}`,
        heldOn: utcToZonedInput(team.meetingAt ?? day.startsAt, day.timeZone).slice(0, 10),
        stancePerceived: meetingStance(input.stance),
        commitments: input.commitment ? [{ text: input.commitment }] : [],
        nextSteps: input.followUp,
        debriefNotes: input.whatTheySaid,
      },
      at,
      (meetingId, privateUrl) =>
        members.map((member) => {
          const email = queueEmail(db, env, meetingRecordEmail(day, member, team, meetingId, privateUrl), at);
          emailIds.push(email.id);
          return email.statement;
        }),
    );
    await linkDebriefToMeeting(db, id, meeting.meetingId);
    if (meeting.created) await dispatchEmails(env, emailIds);
    return { id, meetingRecorded: true };
  } catch (error) {
    // The debrief is kept for the report even if the meeting log cannot take it now.
    logEvent('warn', 'days.meeting_log_failed', { dayId: day.id, debriefId: id, error });
    return { id, meetingRecorded: false };
  }
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
