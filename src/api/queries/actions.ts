// What people did, as the API pages it: signatures, attendances and form submissions. Each joins the
// people index on the address, so a row whose person was erased (or never confirmed) is not served.
import { and, count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import { dayRegistrations } from '../../advocacy-days/schema';
import { letterSignatures } from '../../letters/schema';
import { meetings } from '../../meetings/schema';
import { people } from '../../people/schema';
import type { ApiFilter } from '../filter';
import type { PagePosition } from '../paging';
import { pageOf, type Keyset, type Page } from './keyset';

/** Whose actions, or on what: one person's, or one petition's / event's. */
export interface ActionScope {
  personId?: string;
  parentId?: string;
}

/** A signature as the API serves it. */
export interface SignatureRow {
  id: string;
  letterId: string;
  personId: string;
  comment: string | null;
  showPublicly: boolean;
  origin: string | null;
  createdAt: number;
  confirmedAt: number | null;
}

/** A registration as the API serves it. */
export interface AttendanceRow {
  id: string;
  dayId: string;
  personId: string;
  status: 'registered' | 'waitlisted' | 'cancelled';
  checkedInAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A meeting request as the API serves it (never its story, attendees or text). */
export interface SubmissionRow {
  id: string;
  personId: string;
  officialId: string;
  status: string;
  createdAt: number;
  updatedAt: number;
}

/** One kind of action: its table, the columns served, whose address it is, and which rows count. */
interface ActionTable<Row> {
  table: SQLiteTable;
  columns: Record<string, SQLiteColumn | SQL.Aliased> & Record<keyof Row, SQLiteColumn | SQL.Aliased>;
  email: SQLiteColumn;
  keyset: Keyset & { id: SQLiteColumn };
  parent: SQLiteColumn | null;
  counts: SQL | undefined;
  /** Never read: ties the row type to the spec. */
  row?: Row;
}

const SIGNATURES: ActionTable<SignatureRow> = {
  table: letterSignatures,
  columns: {
    id: letterSignatures.id,
    letterId: letterSignatures.letterId,
    personId: people.id,
    comment: letterSignatures.comment,
    showPublicly: letterSignatures.showPublicly,
    origin: letterSignatures.origin,
    createdAt: letterSignatures.createdAt,
    confirmedAt: letterSignatures.confirmedAt,
  },
  email: letterSignatures.email,
  // A signature counts from its confirmation: that is its modified time.
  keyset: { modified: letterSignatures.confirmedAt, id: letterSignatures.id },
  parent: letterSignatures.letterId,
  counts: and(isNotNull(letterSignatures.confirmedAt), isNull(letterSignatures.hiddenAt)),
};

/**
 * A registration's modified time: the expression `registrationModifiedSql` (advocacy-days/schema.ts)
 * is indexed on, with its columns named by table (the people join has a `created_at` too). SQLite
 * matches it to the index by the columns, so the two must list the same ones in the same order.
 * Of the registrations table or an alias of it (an earlier registration of the same person).
 */
export function registrationModifiedOf(
  t: Record<
    'createdAt' | 'cancelledAt' | 'promotedAt' | 'checkedInAt' | 'personalDataDeletedAt',
    SQLiteColumn
  >,
) {
  return sql<number>`max(${t.createdAt}, coalesce(${t.cancelledAt}, 0), coalesce(${t.promotedAt}, 0), coalesce(${t.checkedInAt}, 0), coalesce(${t.personalDataDeletedAt}, 0))`;
}

const registrationModified = registrationModifiedOf(dayRegistrations);

const ATTENDANCES: ActionTable<AttendanceRow> = {
  table: dayRegistrations,
  columns: {
    id: dayRegistrations.id,
    dayId: dayRegistrations.dayId,
    personId: people.id,
    status: dayRegistrations.status,
    checkedInAt: dayRegistrations.checkedInAt,
    createdAt: dayRegistrations.createdAt,
    updatedAt: registrationModified.as('modified_at'),
  },
  email: dayRegistrations.email,
  keyset: { modified: registrationModified, id: dayRegistrations.id },
  parent: dayRegistrations.dayId,
  counts: isNull(dayRegistrations.personalDataDeletedAt),
};

const SUBMISSIONS: ActionTable<SubmissionRow> = {
  table: meetings,
  columns: {
    id: meetings.id,
    personId: people.id,
    officialId: meetings.officialId,
    status: meetings.status,
    createdAt: meetings.createdAt,
    updatedAt: meetings.updatedAt,
  },
  email: meetings.senderEmail,
  keyset: { modified: meetings.updatedAt, id: meetings.id },
  parent: null,
  counts: and(eq(meetings.source, 'request'), isNotNull(meetings.confirmedAt)),
};

/** The rows of an action table that count, with their person, in a scope. */
function joinedQuery<Row>(db: Db, spec: ActionTable<Row>) {
  const columns: Record<string, SQLiteColumn | SQL.Aliased> = spec.columns;
  return {
    select: () => db.select(columns).from(spec.table).innerJoin(people, eq(people.email, spec.email)),
    count: () => db.select({ n: count() }).from(spec.table).innerJoin(people, eq(people.email, spec.email)),
  };
}

function scoped<Row>(spec: ActionTable<Row>, scope: ActionScope): SQL | undefined {
  return and(
    spec.counts,
    scope.parentId === undefined || !spec.parent ? undefined : eq(spec.parent, scope.parentId),
    scope.personId === undefined ? undefined : eq(people.id, scope.personId),
  );
}

async function pageActions<Row>(
  db: Db,
  spec: ActionTable<Row>,
  scope: ActionScope,
  filter: ApiFilter,
  position: PagePosition,
): Promise<Page<Row>> {
  const query = joinedQuery(db, spec);
  return pageOf<Row>(spec.keyset, filter, position, scoped(spec, scope), {
    // The selected columns are exactly Row's keys (ActionTable ties them), which drizzle cannot see
    // through the generic table.
    rows: (where, order, limit, offset) =>
      query
        .select()
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset) as unknown as Promise<Row[]>,
    count: (where) => query.count().where(where),
  });
}

async function findAction<Row>(
  db: Db,
  spec: ActionTable<Row>,
  parentId: string | undefined,
  id: string,
): Promise<Row | null> {
  const [row] = (await joinedQuery(db, spec)
    .select()
    .where(and(scoped(spec, { parentId }), eq(spec.keyset.id, id)))) as unknown as Row[];
  return row ?? null;
}

/** Confirmed signatures not hidden by an organizer, of one letter or one person, or all. */
export function pageSignatures(db: Db, scope: ActionScope, filter: ApiFilter, position: PagePosition) {
  return pageActions(db, SIGNATURES, scope, filter, position);
}

/** Registrations of one day or one person, or all; none whose personal data was erased. */
export function pageAttendances(db: Db, scope: ActionScope, filter: ApiFilter, position: PagePosition) {
  return pageActions(db, ATTENDANCES, scope, filter, position);
}

/** Meeting requests the sender confirmed, of one person or all. */
export function pageSubmissions(db: Db, scope: ActionScope, filter: ApiFilter, position: PagePosition) {
  return pageActions(db, SUBMISSIONS, scope, filter, position);
}

/** One confirmed, shown signature of a letter, with its person, or null. */
export function findSignature(db: Db, letterId: string, id: string) {
  return findAction(db, SIGNATURES, letterId, id);
}

/** One registration for a day (not erased), with its person, or null. */
export function findAttendance(db: Db, dayId: string, id: string) {
  return findAction(db, ATTENDANCES, dayId, id);
}

/** One signature, attendance or submission by its id alone, as served (the webhooks' items). */
export function findActionById(db: Db, kind: 'signature' | 'attendance' | 'submission', id: string) {
  const spec = { signature: SIGNATURES, attendance: ATTENDANCES, submission: SUBMISSIONS }[kind];
  return findAction<SignatureRow | AttendanceRow | SubmissionRow>(db, spec, undefined, id);
}
