// The statements of the meeting loop (lifecycle.ts decides; these read and write). A change and
// the email it causes run in one db.batch, so the outbox statement comes in as `email`.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import { sealMeetingContacts } from '../contact-fields';
import { runBatch } from '../../db/batch';
import { recordEventsFor } from '../../webhooks/queries';
import { newId } from '../../lib/tokens';
import { powerMapEntries, type Stance } from '../../officials/schema';
import { meetingCommitments, meetings, type Meeting, type MeetingSource } from '../schema';
import { LIMITS, statusesAllowing, type MeetingAction } from '../status';

/** A meeting row as it is inserted. */
export type NewMeeting = typeof meetings.$inferInsert;

/** One commitment as recorded after a meeting. */
export interface CommitmentInput {
  text: string;
  billId?: string | null;
  followUpOn?: string | null;
}

/** What happened in a meeting, recorded after the debrief. */
export interface MeetingOutcome {
  heldOn: string;
  stancePerceived: Stance;
  nextSteps: string | null;
  debriefNotes: string | null;
  commitments: CommitmentInput[];
}

function statusGuard(meeting: Pick<Meeting, 'id'>, action: MeetingAction) {
  return and(eq(meetings.id, meeting.id), inArray(meetings.status, statusesAllowing(action)));
}

/** Stores a new request and its confirmation email in one batch. */
export async function insertMeetingRequest(
  db: Db,
  row: NewMeeting,
  email: BatchItem<'sqlite'>,
): Promise<void> {
  await db.batch([db.insert(meetings).values(await sealMeetingContacts(db, row.id, row)), email]);
}

/**
 * Takes the day's slot for sending a request: sets `confirmedAt` only while the official's and the
 * sender's daily limits hold, in one conditional statement so concurrent confirmations cannot pass
 * them. False when the slot was not taken.
 */
export async function claimConfirmationSlot(
  db: Db,
  meeting: Pick<Meeting, 'id' | 'officialId' | 'senderEmail'>,
  since: number,
  at: number,
): Promise<boolean> {
  const claimed = await db
    .update(meetings)
    .set({ confirmedAt: at, updatedAt: at })
    .where(
      and(
        eq(meetings.id, meeting.id),
        eq(meetings.status, 'unconfirmed'),
        isNull(meetings.confirmedAt),
        sql`(select count(*) from meetings m where m.official_id = ${meeting.officialId} and m.confirmed_at >= ${since}) < ${LIMITS.officialReceivesPerDay}`,
        sql`(select count(*) from meetings m where m.sender_email = ${meeting.senderEmail} and m.confirmed_at >= ${since}) < ${LIMITS.senderSendsPerDay}`,
      ),
    )
    .returning({ id: meetings.id });
  return claimed.length > 0;
}

/** The status and confirmation time a meeting has now (after a slot was refused). */
export async function readConfirmationState(
  db: Db,
  meetingId: string,
): Promise<Pick<Meeting, 'status' | 'confirmedAt'> | undefined> {
  const [row] = await db
    .select({ status: meetings.status, confirmedAt: meetings.confirmedAt })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  return row;
}

/** How many requests an address sent (confirmed) since a moment (the per-sender sending limit). */
export async function countRequestsSentSince(db: Db, senderEmail: string, since: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)` })
    .from(meetings)
    .where(and(eq(meetings.senderEmail, senderEmail), sql`${meetings.confirmedAt} >= ${since}`));
  return row?.count ?? 0;
}

/** Marks a confirmed request sent, with the email to the official, in one batch. */
export async function markRequestSent(
  db: Db,
  meetingId: string,
  email: BatchItem<'sqlite'>,
  at: number,
): Promise<void> {
  await runBatch(db, [
    db
      .update(meetings)
      .set({ status: 'requested', updatedAt: at })
      .where(and(eq(meetings.id, meetingId), eq(meetings.status, 'unconfirmed'))),
    email,
    ...meetingEvents(db, 'meeting_request.sent', meetingId, 'requested', at),
  ]);
}

/**
 * Applies a change of the loop where the action is allowed, with the email it sends, in one batch
 * (a meeting moved on meanwhile changes nothing).
 */
export async function updateMeetingWithEmail(
  db: Db,
  meeting: Pick<Meeting, 'id'>,
  action: MeetingAction,
  changes: Partial<NewMeeting>,
  email: BatchItem<'sqlite'>,
  at: number,
): Promise<void> {
  await db.batch([
    db
      .update(meetings)
      .set({ ...(await sealMeetingContacts(db, meeting.id, changes)), updatedAt: at })
      .where(statusGuard(meeting, action)),
    email,
  ]);
}

/** Applies a change of the loop where the action is allowed; false when the meeting had moved on. */
export async function updateMeetingIfAllowed(
  db: Db,
  meeting: Pick<Meeting, 'id'>,
  action: MeetingAction,
  changes: Partial<NewMeeting>,
  at: number,
): Promise<boolean> {
  const updated = await db
    .update(meetings)
    .set({ ...(await sealMeetingContacts(db, meeting.id, changes)), updatedAt: at })
    .where(statusGuard(meeting, action))
    .returning({ id: meetings.id });
  return updated.length > 0;
}

/**
 * The power-map entry a meeting's outcome writes (one per meeting, corrected with the outcome): the
 * stance perceived, dated the day it was held. "Unknown" is no reading, so it removes the entry.
 */
function powerMapStatement(
  db: Db,
  meetingId: string,
  officialId: string,
  outcome: MeetingOutcome,
  at: number,
) {
  if (outcome.stancePerceived === 'unknown')
    return db.delete(powerMapEntries).where(eq(powerMapEntries.meetingId, meetingId));
  return db
    .insert(powerMapEntries)
    .values({
      id: `meeting-${meetingId}`,
      officialId,
      stance: outcome.stancePerceived,
      notedOn: outcome.heldOn,
      note: null,
      organizerId: null,
      meetingId,
      createdAt: at,
    })
    .onConflictDoUpdate({
      target: powerMapEntries.id,
      set: { stance: outcome.stancePerceived, notedOn: outcome.heldOn, updatedAt: at },
    });
}

/** The power-map entry and the commitments (replaced) an outcome writes. */
function outcomeStatements(
  db: Db,
  meetingId: string,
  officialId: string,
  outcome: MeetingOutcome,
  at: number,
): BatchItem<'sqlite'>[] {
  return [
    powerMapStatement(db, meetingId, officialId, outcome, at),
    db.delete(meetingCommitments).where(eq(meetingCommitments.meetingId, meetingId)),
    ...outcome.commitments.map((commitment, position) =>
      db.insert(meetingCommitments).values({
        id: newId(),
        meetingId,
        position,
        text: commitment.text,
        billId: commitment.billId ?? null,
        followUpOn: commitment.followUpOn ?? null,
        createdAt: at,
      }),
    ),
  ];
}

/**
 * The webhook event of a meeting this batch just moved to `status` (none if it did not): sent once
 * per meeting; recorded once per recording (an outcome may be corrected).
 */
function meetingEvents(
  db: Db,
  type: 'meeting_request.sent' | 'meeting_request.recorded',
  meetingId: string,
  status: Meeting['status'],
  at: number,
) {
  return recordEventsFor(
    db,
    type,
    sql`select ${meetings.id} as id from ${meetings} where ${meetings.id} = ${meetingId} and ${meetings.status} = ${status} and ${meetings.updatedAt} = ${at}`,
    at,
    type === 'meeting_request.recorded' ? `:${at}` : '',
  );
}

/** Stores an outcome in one batch: the meeting becomes held, the power map and commitments follow. */
export async function storeMeetingOutcome(
  db: Db,
  meeting: Pick<Meeting, 'id' | 'officialId'>,
  outcome: MeetingOutcome,
  at: number,
): Promise<void> {
  await runBatch(db, [
    db
      .update(meetings)
      .set({
        status: 'held',
        heldOn: outcome.heldOn,
        stancePerceived: outcome.stancePerceived,
        nextSteps: outcome.nextSteps,
        debriefNotes: outcome.debriefNotes,
        updatedAt: at,
      })
      .where(statusGuard(meeting, 'record')),
    ...outcomeStatements(db, meeting.id, meeting.officialId, outcome, at),
    ...meetingEvents(db, 'meeting_request.recorded', meeting.id, 'held', at),
  ]);
}

/** The meeting another feature already recorded under this origin, if any. */
export async function findMeetingByOrigin(
  db: Db,
  source: MeetingSource,
  originRef: string,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.source, source), eq(meetings.originRef, originRef)))
    .limit(1);
  return row;
}

/**
 * Stores a meeting that was already held, its outcome and whatever the caller adds (the email of
 * its private link) in one batch; the unique (source, origin_ref) refuses a second one.
 */
export async function insertHeldMeeting(
  db: Db,
  row: NewMeeting & { id: string; officialId: string },
  outcome: MeetingOutcome,
  also: BatchItem<'sqlite'>[],
  at: number,
): Promise<void> {
  await runBatch(db, [
    db.insert(meetings).values(await sealMeetingContacts(db, row.id, row)),
    ...outcomeStatements(db, row.id, row.officialId, outcome, at),
    ...also,
    ...meetingEvents(db, 'meeting_request.recorded', row.id, 'held', at),
  ]);
}
