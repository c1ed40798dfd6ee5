// A campaign's record of what happened, read from the features' own rows (signatures, meetings and
// their commitments, bill movements, days): the strategy chart's targets and timeline, and the
// public page's progress. Nothing here is typed by an organizer a second time.
import type { Db } from '../db';
import type { PowerMapEntry } from '../officials/schema';
import {
  listDayProgress,
  listHeldMeetings,
  listLetterProgress,
  listLinkedMovements,
  listTargetCommitments,
  listTargetPowerMap,
  linkedActionsOf,
  type CampaignParts,
  type DayProgress,
  type LetterProgress,
  type LinkedMovement,
  type TargetCommitment,
} from './queries';

/** Everything that happened around a campaign, as the features recorded it. */
export interface CampaignRecords {
  commitments: TargetCommitment[];
  powerMap: PowerMapEntry[];
  heldMeetings: { id: string; officialId: string; heldOn: string | null }[];
  letters: LetterProgress[];
  days: DayProgress[];
  movements: LinkedMovement[];
}

/** Reads a campaign's records; `withPowerMap` false for public pages (the power map is never public). */
export async function loadCampaignRecords(
  db: Db,
  parts: CampaignParts,
  options: { withPowerMap: boolean },
): Promise<CampaignRecords> {
  const targetIds = parts.targets.map((target) => target.officialId);
  const linked = linkedActionsOf(parts.tactics);
  const [commitments, powerMap, heldMeetings, letters, days, movements] = await Promise.all([
    listTargetCommitments(db, targetIds),
    options.withPowerMap ? listTargetPowerMap(db, targetIds) : Promise.resolve([]),
    listHeldMeetings(db, targetIds),
    listLetterProgress(db, linked.letterIds),
    listDayProgress(db, linked.dayIds),
    listLinkedMovements(db, linked.billIds),
  ]);
  return { commitments, powerMap, heldMeetings, letters, days, movements };
}

/** What a timeline line says. */
export type TimelineKind = 'signatures' | 'meeting' | 'commitment' | 'bill' | 'day';

/** One dated line of a campaign's timeline; `titleEn`/`titleEs` go through pick(). */
export interface TimelineEvent {
  date: string;
  kind: TimelineKind;
  titleEn: string;
  titleEs: string | null;
  count?: number;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The timeline of a campaign, oldest first: letters reaching their goal, meetings with the targets
 * held and what was committed in them, the linked bills' movements, and linked days that took place
 * (before `at`).
 */
export function timelineOf(parts: CampaignParts, records: CampaignRecords, at: number): TimelineEvent[] {
  const names = new Map(parts.targets.map((target) => [target.officialId, target.official.name]));
  const events: TimelineEvent[] = [
    ...records.letters
      .filter((letter) => letter.goalReachedAt !== null)
      .map((letter) => ({
        date: dayOf(letter.goalReachedAt!),
        kind: 'signatures' as const,
        titleEn: letter.titleEn,
        titleEs: letter.titleEs,
        count: letter.goal ?? 0,
      })),
    ...records.heldMeetings
      .filter((meeting) => meeting.heldOn)
      .map((meeting) => {
        const name = names.get(meeting.officialId) ?? '';
        return { date: meeting.heldOn!, kind: 'meeting' as const, titleEn: name, titleEs: null };
      }),
    ...records.commitments
      .filter((commitment) => commitment.heldOn)
      .map((commitment) => ({
        date: commitment.heldOn!,
        kind: 'commitment' as const,
        titleEn: `${names.get(commitment.officialId) ?? ''}: ${commitment.text}`,
        titleEs: null,
      })),
    ...records.movements.map((movement) => ({
      date: dayOf(movement.occurredAt),
      kind: 'bill' as const,
      titleEn: `${movement.label}: ${movement.headlineEn}`,
      titleEs: `${movement.label}: ${movement.headlineEs}`,
    })),
    ...records.days
      .filter((day) => day.startsAt <= at)
      .map((day) => ({
        date: dayOf(day.startsAt),
        kind: 'day' as const,
        titleEn: day.title,
        titleEs: day.titleEs || null,
        count: day.registered,
      })),
  ];
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

/** The public page's progress figures. */
export interface CampaignProgress {
  signatures: number;
  registered: number;
  meetingsHeld: number;
  commitments: number;
}

/** The progress of a campaign, summed over its linked actions and its targets' meetings. */
export function progressOf(records: CampaignRecords): CampaignProgress {
  return {
    signatures: records.letters.reduce((sum, letter) => sum + letter.signed, 0),
    registered: records.days.reduce((sum, day) => sum + day.registered, 0),
    meetingsHeld: records.heldMeetings.length,
    commitments: records.commitments.length,
  };
}
