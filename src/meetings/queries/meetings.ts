import { and, asc, desc, eq, gte, isNotNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  CLOSED_MEETING_CONTACTS_RETENTION_MS,
  MEETING_CLOSED_AT_SQL,
  MEETING_LINK_GRACE_MS,
  UNCONFIRMED_REQUEST_RETENTION_MS,
} from '../status';
import type { Db } from '../../db';
import { openMeeting } from '../contact-fields';
import { bills } from '../../bills/schema';
import { officials, type Official } from '../../officials/schema';
import {
  meetingCommitments,
  meetings,
  type Meeting,
  type MeetingCommitment,
  type MeetingStatus,
} from '../schema';
import { findRow, listRows } from '../../db/find';

/** A meeting by the hash of its private link's token. */
export async function getMeetingByTokenHash(db: Db, tokenHash: string): Promise<Meeting | undefined> {
  const row = await findRow(db, meetings, eq(meetings.tokenHash, tokenHash));
  return row && openMeeting(db, row);
}

/** A meeting by id (organizer pages). */
export async function getMeeting(db: Db, id: string): Promise<Meeting | undefined> {
  const row = await findRow(db, meetings, eq(meetings.id, id));
  return row && openMeeting(db, row);
}

/** The commitments recorded for a meeting, in the order they were written. */
export async function listCommitments(db: Db, meetingId: string): Promise<MeetingCommitment[]> {
  return listRows(db, meetingCommitments, eq(meetingCommitments.meetingId, meetingId), {
    orderBy: asc(meetingCommitments.position),
  });
}

/** How many requests an address started in the last day (the per-sender flood limit). */
export async function countRequestsStartedSince(db: Db, senderEmail: string, since: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)` })
    .from(meetings)
    .where(
      and(
        eq(meetings.senderEmail, senderEmail),
        gte(meetings.createdAt, since),
        eq(meetings.source, 'request'),
      ),
    );
  return row?.count ?? 0;
}

/** A tracked bill a commitment can be tied to. */
export interface BillChoice {
  id: string;
  identifier: string;
  title: string;
}

/** Tracked bills of a state, for the "about which bill?" choice of a commitment. */
export async function listBillChoices(db: Db, state: string): Promise<BillChoice[]> {
  return db
    .select({ id: bills.id, identifier: bills.identifier, title: bills.title })
    .from(bills)
    .where(and(eq(bills.state, state.toUpperCase()), eq(bills.tracked, true)))
    .orderBy(asc(bills.identifier))
    .limit(200);
}

/** Bill identifiers ("HB 1105") by id, for the commitments shown and restated. */
export async function billIdentifiers(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].slice(0, 90);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: bills.id, identifier: bills.identifier })
    .from(bills)
    .where(sql`${bills.id} in ${wanted}`);
  return new Map(rows.map((row) => [row.id, row.identifier]));
}

/** Filters of the organizers' meeting list. */
export interface MeetingFilters {
  officialId?: string | null;
  status?: MeetingStatus | null;
  campaign?: string | null;
}

/** One row of the organizers' list: the meeting, its official, and its commitments count. */
export interface MeetingListRow {
  meeting: Meeting;
  official: Pick<Official, 'id' | 'name' | 'title' | 'chamber' | 'state' | 'district'>;
  commitmentCount: number;
}

// The columns of a list row: the meeting, a few fields of its official, its commitments count.
const listRowColumns = {
  meeting: meetings,
  official: {
    id: officials.id,
    name: officials.name,
    title: officials.title,
    chamber: officials.chamber,
    state: officials.state,
    district: officials.district,
  },
  commitmentCount: sql<number>`(select count(*) from meeting_commitments c where c.meeting_id = ${meetings.id})`,
};

function filterConditions(filters: MeetingFilters): SQL | undefined {
  const conditions: SQL[] = [sql`${meetings.status} <> 'unconfirmed'`];
  if (filters.officialId) conditions.push(eq(meetings.officialId, filters.officialId));
  if (filters.status) conditions.push(eq(meetings.status, filters.status));
  if (filters.campaign) conditions.push(eq(meetings.campaign, filters.campaign));
  return and(...conditions);
}

function openListRows(db: Db, rows: MeetingListRow[]): Promise<MeetingListRow[]> {
  return Promise.all(rows.map(async (row) => ({ ...row, meeting: await openMeeting(db, row.meeting) })));
}

/** Meetings for organizers (never the unconfirmed ones: nothing was sent), grouped by official. */
export async function listMeetings(db: Db, filters: MeetingFilters, limit = 500): Promise<MeetingListRow[]> {
  const rows = await db
    .select(listRowColumns)
    .from(meetings)
    .innerJoin(officials, eq(officials.id, meetings.officialId))
    .where(filterConditions(filters))
    .orderBy(asc(officials.name), desc(meetings.updatedAt), asc(meetings.id))
    .limit(limit);
  return openListRows(db, rows);
}

/** Meetings page by page in id order, for the streamed CSV export. */
export async function listMeetingsPage(
  db: Db,
  filters: MeetingFilters,
  afterId: string | null,
  limit: number,
): Promise<{ rows: MeetingListRow[]; next: string | null }> {
  const rows = await db
    .select(listRowColumns)
    .from(meetings)
    .innerJoin(officials, eq(officials.id, meetings.officialId))
    .where(and(filterConditions(filters), afterId ? sql`${meetings.id} > ${afterId}` : undefined))
    .orderBy(asc(meetings.id))
    .limit(limit);
  return {
    rows: await openListRows(db, rows),
    next: rows.length === limit ? rows[rows.length - 1]!.meeting.id : null,
  };
}

/** Commitments not yet done whose follow-up date has come (or comes within `untilDay`). */
export async function listFollowUpsDue(
  db: Db,
  untilDay: string,
): Promise<{ commitment: MeetingCommitment; meetingId: string; officialName: string; groupName: string }[]> {
  return db
    .select({
      commitment: meetingCommitments,
      meetingId: meetings.id,
      officialName: officials.name,
      groupName: meetings.groupName,
    })
    .from(meetingCommitments)
    .innerJoin(meetings, eq(meetings.id, meetingCommitments.meetingId))
    .innerJoin(officials, eq(officials.id, meetings.officialId))
    .where(
      and(
        eq(meetingCommitments.done, false),
        isNotNull(meetingCommitments.followUpOn),
        lte(meetingCommitments.followUpOn, untilDay),
      ),
    )
    .orderBy(asc(meetingCommitments.followUpOn))
    .limit(200);
}

/** Held meetings still waiting for their thank-you, oldest first. */
export async function listThanksDue(db: Db): Promise<{ meeting: Meeting; officialName: string }[]> {
  const rows = await db
    .select({ meeting: meetings, officialName: officials.name })
    .from(meetings)
    .innerJoin(officials, eq(officials.id, meetings.officialId))
    .where(eq(meetings.status, 'held'))
    .orderBy(asc(meetings.heldOn))
    .limit(200);
  return Promise.all(rows.map(async (row) => ({ ...row, meeting: await openMeeting(db, row.meeting) })));
}

/** The campaign labels in use, for the filter. */
export async function listCampaigns(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ campaign: meetings.campaign })
    .from(meetings)
    .where(isNotNull(meetings.campaign))
    .orderBy(asc(meetings.campaign));
  return rows.map((row) => row.campaign!).filter(Boolean);
}

/** Marks a commitment kept (or not) from the organizers' list. */
export async function setCommitmentDone(db: Db, commitmentId: string, done: boolean): Promise<void> {
  await db.update(meetingCommitments).set({ done }).where(eq(meetingCommitments.id, commitmentId));
}

/** Sets the campaign label organizers group a meeting under. */
export async function setMeetingCampaign(
  db: Db,
  meetingId: string,
  campaign: string | null,
  at: number,
): Promise<void> {
  await db.update(meetings).set({ campaign, updatedAt: at }).where(eq(meetings.id, meetingId));
}

/**
 * The meeting log's retention (docs/privacy.md), in one batch, safe to run twice: requests never
 * confirmed are deleted 30 days after they were made; 30 days after a meeting is over (thanked or
 * declined) its private link ends; 90 days after, the sender's phone, the story, the request text
 * that quoted them and the attendees' contacts (their names stay) are cleared.
 */
export async function applyMeetingRetention(
  db: Db,
  at: number,
): Promise<{ deleted: number; cleared: number; linksEnded: number }> {
  const closedAt = sql.raw(MEETING_CLOSED_AT_SQL);
  const contactsCutoff = at - CLOSED_MEETING_CONTACTS_RETENTION_MS;
  const hasContacts = sql`exists (select 1 from json_each(${meetings.attendees}) a where coalesce(json_extract(a.value, '$.contact'), '') <> '')`;
  const [deleted, cleared, linksEnded] = await db.batch([
    db
      .delete(meetings)
      .where(
        and(
          eq(meetings.status, 'unconfirmed'),
          lt(meetings.createdAt, at - UNCONFIRMED_REQUEST_RETENTION_MS),
        ),
      ),
    db
      .update(meetings)
      .set({
        senderPhone: null,
        story: null,
        requestText: '',
        attendees: sql`(select json_group_array(json_object('name', json_extract(a.value, '$.name'), 'contact', '')) from json_each(${meetings.attendees}) a)`,
        attendeeEmailHashes: null,
      })
      .where(
        and(
          sql`${closedAt} < ${contactsCutoff}`,
          or(
            isNotNull(meetings.senderPhone),
            isNotNull(meetings.story),
            ne(meetings.requestText, ''),
            hasContacts,
          ),
        ),
      ),
    db
      .update(meetings)
      .set({ tokenHash: null })
      .where(and(sql`${closedAt} < ${at - MEETING_LINK_GRACE_MS}`, isNotNull(meetings.tokenHash))),
  ]);
  return {
    deleted: deleted.meta.changes,
    cleared: cleared.meta.changes,
    linksEnded: linksEnded.meta.changes,
  };
}
