// What a campaign reads from the records of the features below it, never typed twice: what its
// targets committed to in meetings, the power map, signatures, registrations and bill movements.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { advocacyDays, dayRegistrations } from '../../advocacy-days/schema';
import { billMovements, bills } from '../../bills/schema';
import { letterSignatures, letters } from '../../letters/schema';
import { meetingCommitments, meetings } from '../../meetings/schema';
import { powerMapEntries, type PowerMapEntry } from '../../officials/schema';
import type { CampaignTactic } from '../schema';
import { listRows } from '../../db/find';

/** A meeting with a target that happened (held, or held and thanked). */
const HELD = inArray(meetings.status, ['held', 'thanked']);

/** The ids of the letters, days and bills a campaign's tactics link to. */
export interface LinkedActions {
  letterIds: string[];
  dayIds: string[];
  billIds: string[];
}

/** The actions a campaign's tactics link to, by kind (called-off tactics included: they happened or not). */
export function linkedActionsOf(
  tactics: readonly Pick<CampaignTactic, 'action' | 'actionRef'>[],
): LinkedActions {
  const of = (kind: string) => [
    ...new Set(tactics.filter((t) => t.action === kind && t.actionRef).map((t) => t.actionRef!)),
  ];
  return { letterIds: of('letter'), dayIds: of('day'), billIds: of('bill') };
}

/** A commitment a target made in a meeting, with the day of the meeting. */
export interface TargetCommitment {
  officialId: string;
  text: string;
  done: boolean;
  heldOn: string | null;
  followUpOn: string | null;
}

/** What each target committed to in meetings that happened, oldest first. */
export async function listTargetCommitments(
  db: Db,
  officialIds: readonly string[],
): Promise<TargetCommitment[]> {
  if (officialIds.length === 0) return [];
  return db
    .select({
      officialId: meetings.officialId,
      text: meetingCommitments.text,
      done: meetingCommitments.done,
      heldOn: meetings.heldOn,
      followUpOn: meetingCommitments.followUpOn,
    })
    .from(meetingCommitments)
    .innerJoin(meetings, eq(meetings.id, meetingCommitments.meetingId))
    .where(and(inArray(meetings.officialId, [...officialIds]), HELD))
    .orderBy(asc(meetings.heldOn), asc(meetingCommitments.position));
}

/** The power-map notes on the targets, newest first (organizer pages only, never public). */
export async function listTargetPowerMap(db: Db, officialIds: readonly string[]): Promise<PowerMapEntry[]> {
  if (officialIds.length === 0) return [];
  return listRows(db, powerMapEntries, inArray(powerMapEntries.officialId, [...officialIds]), {
    orderBy: [desc(powerMapEntries.notedOn), desc(powerMapEntries.createdAt)],
  });
}

/** The meetings with the targets that happened, with the day they were held. */
export async function listHeldMeetings(
  db: Db,
  officialIds: readonly string[],
): Promise<{ id: string; officialId: string; heldOn: string | null }[]> {
  if (officialIds.length === 0) return [];
  return db
    .select({ id: meetings.id, officialId: meetings.officialId, heldOn: meetings.heldOn })
    .from(meetings)
    .where(and(inArray(meetings.officialId, [...officialIds]), HELD))
    .orderBy(asc(meetings.heldOn));
}

/** A linked letter, its goal, its count and the moment the count reached the goal (null: not yet). */
export interface LetterProgress {
  id: string;
  titleEn: string;
  titleEs: string;
  goal: number | null;
  signed: number;
  goalReachedAt: number | null;
}

const counted = and(isNotNull(letterSignatures.confirmedAt), isNull(letterSignatures.hiddenAt));

/** The linked letters' signatures, and when each reached its goal. */
export async function listLetterProgress(db: Db, letterIds: readonly string[]): Promise<LetterProgress[]> {
  if (letterIds.length === 0) return [];
  // A join, not a correlated subquery: drizzle writes a one-table select's columns unqualified.
  const rows = await db
    .select({
      id: letters.id,
      titleEn: letters.titleEn,
      titleEs: letters.titleEs,
      goal: letters.goal,
      signed: count(letterSignatures.id),
    })
    .from(letters)
    .leftJoin(letterSignatures, and(eq(letterSignatures.letterId, letters.id), counted))
    .where(inArray(letters.id, [...letterIds]))
    .groupBy(letters.id);
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      goalReachedAt: await goalReachedAt(db, row.id, row.goal, row.signed),
    })),
  );
}

/** When the signature that reached the goal was confirmed (the goal-th counted one). */
async function goalReachedAt(db: Db, letterId: string, goal: number | null, signed: number) {
  if (!goal || signed < goal) return null;
  const [row] = await db
    .select({ at: letterSignatures.confirmedAt })
    .from(letterSignatures)
    .where(and(eq(letterSignatures.letterId, letterId), counted))
    .orderBy(asc(letterSignatures.confirmedAt))
    .limit(1)
    .offset(goal - 1);
  return row?.at ?? null;
}

/** A linked day: when it is, and how many people registered. */
export interface DayProgress {
  id: string;
  slug: string;
  title: string;
  titleEs: string;
  startsAt: number;
  registered: number;
}

/** The linked days with their registrations. */
export async function listDayProgress(db: Db, dayIds: readonly string[]): Promise<DayProgress[]> {
  if (dayIds.length === 0) return [];
  return db
    .select({
      id: advocacyDays.id,
      slug: advocacyDays.slug,
      title: advocacyDays.title,
      titleEs: advocacyDays.titleEs,
      startsAt: advocacyDays.startsAt,
      registered: count(dayRegistrations.id),
    })
    .from(advocacyDays)
    .leftJoin(
      dayRegistrations,
      and(eq(dayRegistrations.dayId, advocacyDays.id), eq(dayRegistrations.status, 'registered')),
    )
    .where(inArray(advocacyDays.id, [...dayIds]))
    .groupBy(advocacyDays.id)
    .orderBy(asc(advocacyDays.startsAt));
}

/** A movement of a linked bill, in both languages. */
export interface LinkedMovement {
  billId: string;
  label: string;
  headlineEn: string;
  headlineEs: string;
  occurredAt: number;
}

/** The movements of the linked bills, oldest first. */
export async function listLinkedMovements(db: Db, billIds: readonly string[]): Promise<LinkedMovement[]> {
  if (billIds.length === 0) return [];
  return db
    .select({
      billId: billMovements.billId,
      label: sql<string>`${bills.state} || ' ' || ${bills.identifier}`,
      headlineEn: billMovements.headlineEn,
      headlineEs: billMovements.headlineEs,
      occurredAt: billMovements.occurredAt,
    })
    .from(billMovements)
    .innerJoin(bills, eq(bills.id, billMovements.billId))
    .where(inArray(billMovements.billId, [...billIds]))
    .orderBy(asc(billMovements.occurredAt));
}
