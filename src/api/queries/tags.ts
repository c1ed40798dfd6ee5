// Tags and taggings as the API pages them. Organizer tags are rows (people/schema.ts); a faith
// tradition's taggings are people's first confirmed signature in it, a team role's their first
// registration holding it, each joined to the people index (an erased person has none), read
// through an index on (tradition | role, …) so a page never reads every signature.
import { and, count, eq, inArray, isNotNull, isNull, lt, notExists, or, sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import { dayRegistrations } from '../../advocacy-days/schema';
import { letterSignatures } from '../../letters/schema';
import { TRADITIONS } from '../../letters/choices';
import { people, peopleTags, tags } from '../../people/schema';
import type { ApiFilter } from '../filter';
import type { PagePosition } from '../paging';
import { DERIVED_TAGS, derivedTag, type DerivedTag, type TagRow } from '../tags';
import { registrationModifiedOf } from './actions';
import { listPage, mergedPage, pageOf, type Keyset, type Page } from './keyset';

/** A tagging as the API serves it: one tag on one person, since `at`. */
export interface TaggingRow {
  tagId: string;
  personId: string;
  at: number;
  /** The id of its place in (modified, id) order: depends on the collection (see `Scope`). */
  position: string;
}

/**
 * Whose taggings: one tag's (ordered by the source row's id, which its index holds) or one
 * person's (ordered by tag id, so the parts of their list merge).
 */
type Scope = { tag: TagRow; personId?: string } | { tag?: undefined; personId: string };

const TAGS: Keyset = { modified: tags.modifiedAt, id: tags.id };

const storedTag = {
  id: tags.id,
  name: tags.name,
  originSystem: tags.originSystem,
  createdAt: tags.createdAt,
  modifiedAt: tags.modifiedAt,
};

/** The rows of a tagging query and their count, with the same joins. */
interface TaggingQuery {
  keyset: Keyset;
  base: SQL | undefined;
  rows(where: SQL | undefined, order: SQL[], limit: number, offset: number): Promise<TaggingRow[]>;
  count(where: SQL | undefined): Promise<{ n: number }[]>;
}

function pageTaggingQuery(query: TaggingQuery, filter: ApiFilter, position: PagePosition) {
  return pageOf(query.keyset, filter, position, query.base, query);
}

/** The columns a derived tagging reads from its table (or from an alias of it). */
interface DerivedColumns {
  id: SQLiteColumn;
  email: SQLiteColumn;
  /** The tradition or the role. */
  value: SQLiteColumn;
  modified: SQLiteColumn | SQL;
  /** Which rows count. */
  counts: SQL | undefined;
}

/** Where a kind of derived tag comes from: its rows, and the same rows again as "earlier" ones. */
interface DerivedSource {
  table: SQLiteTable;
  own: DerivedColumns;
  earlier: { table: SQLiteTable; columns: DerivedColumns };
  /** `tradition-` or `role-`. */
  prefix: string;
  /** The value of the scope's tag; else the values that have a tag. */
  valueOf(tag: DerivedTag | undefined): SQL | undefined;
}

/**
 * A person's first counting row (in (modified, id) order) for each value: one tagging, however
 * many letters they signed or days they joined in it. The earlier row is looked up by person and
 * value (an index on both), never by reading the value's every row.
 */
function derivedQuery(db: Db, scope: Scope, source: DerivedSource): TaggingQuery {
  const { own, earlier } = source;
  const other = earlier.columns;
  const tagId = sql<string>`${source.prefix} || ${own.value}`;
  const first = notExists(
    db
      .select({ one: sql`1` })
      .from(earlier.table)
      .where(
        and(
          eq(other.email, own.email),
          eq(other.value, own.value),
          other.counts,
          or(
            lt(sql`${other.modified}`, sql`${own.modified}`),
            and(eq(sql`${other.modified}`, sql`${own.modified}`), lt(other.id, own.id)),
          ),
        ),
      ),
  );
  const keyset: Keyset = { modified: own.modified, id: scope.tag ? own.id : tagId };
  const columns = {
    tagId,
    personId: people.id,
    at: sql<number>`${own.modified}`,
    position: sql<string>`${keyset.id}`,
  };
  const joined = eq(people.email, own.email);
  return {
    keyset,
    base: and(
      own.counts,
      source.valueOf(scope.tag && derivedTag(scope.tag.id)),
      scope.personId === undefined ? undefined : eq(people.id, scope.personId),
      first,
    ),
    rows: (where, order, limit, offset) =>
      db
        .select(columns)
        .from(source.table)
        .innerJoin(people, joined)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    count: (where) => db.select({ n: count() }).from(source.table).innerJoin(people, joined).where(where),
  };
}

/** A signature's columns: it counts once confirmed and not hidden, from its confirmation. */
function signatureColumns(
  t: Record<'id' | 'email' | 'tradition' | 'confirmedAt' | 'hiddenAt', SQLiteColumn>,
): DerivedColumns {
  return {
    id: t.id,
    email: t.email,
    value: t.tradition,
    modified: t.confirmedAt,
    counts: and(isNotNull(t.confirmedAt), isNull(t.hiddenAt)),
  };
}

/** A registration's columns: it counts while it holds a role and its personal data is kept. */
function registrationColumns(
  t: Parameters<typeof registrationModifiedOf>[0] & Record<'id' | 'email' | 'teamRole', SQLiteColumn>,
): DerivedColumns {
  return {
    id: t.id,
    email: t.email,
    value: t.teamRole,
    modified: registrationModifiedOf(t),
    counts: and(isNotNull(t.teamRole), isNull(t.personalDataDeletedAt)),
  };
}

const earlierSignature = alias(letterSignatures, 'earlier_signature');
const earlierRegistration = alias(dayRegistrations, 'earlier_registration');

/** Faith traditions, from confirmed signatures. */
const TRADITIONS_SOURCE: DerivedSource = {
  table: letterSignatures,
  own: signatureColumns(letterSignatures),
  earlier: { table: earlierSignature, columns: signatureColumns(earlierSignature) },
  prefix: 'tradition-',
  valueOf: (tag) =>
    tag?.kind === 'tradition'
      ? eq(letterSignatures.tradition, tag.tradition)
      : inArray(letterSignatures.tradition, TRADITIONS),
};

/**
 * Team roles, from registrations. A tagging's modified date is its registration's: giving a role
 * does not change it (noted in docs/api.md).
 */
const ROLES_SOURCE: DerivedSource = {
  table: dayRegistrations,
  own: registrationColumns(dayRegistrations),
  earlier: { table: earlierRegistration, columns: registrationColumns(earlierRegistration) },
  prefix: 'role-',
  valueOf: (tag) => (tag?.kind === 'role' ? eq(dayRegistrations.teamRole, tag.role) : undefined),
};

/** Organizer tags given to people: a tagging is modified when it is made (it never changes). */
function organizerQuery(db: Db, scope: Scope): TaggingQuery {
  const keyset = { modified: peopleTags.createdAt, id: scope.tag ? peopleTags.personId : peopleTags.tagId };
  const columns = {
    tagId: peopleTags.tagId,
    personId: peopleTags.personId,
    at: peopleTags.createdAt,
    position: keyset.id,
  };
  return {
    keyset,
    base: and(
      scope.tag ? eq(peopleTags.tagId, scope.tag.id) : undefined,
      scope.personId === undefined ? undefined : eq(peopleTags.personId, scope.personId),
    ),
    rows: (where, order, limit, offset) =>
      db
        .select(columns)
        .from(peopleTags)
        .innerJoin(people, eq(people.id, peopleTags.personId))
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    count: (where) =>
      db
        .select({ n: count() })
        .from(peopleTags)
        .innerJoin(people, eq(people.id, peopleTags.personId))
        .where(where),
  };
}

const QUERIES = {
  tradition: (db: Db, scope: Scope) => derivedQuery(db, scope, TRADITIONS_SOURCE),
  role: (db: Db, scope: Scope) => derivedQuery(db, scope, ROLES_SOURCE),
  organizer: organizerQuery,
};

/** A tagging's place in its collection's order. */
export function positionOfTagging(row: TaggingRow) {
  return { modified: row.at, id: row.position };
}

/** A tag's place in the tags' order. */
export function positionOfTag(row: TagRow) {
  return { modified: row.modifiedAt, id: row.id };
}

/** One page of a tag's taggings. */
export function pageTagTaggings(db: Db, tag: TagRow, filter: ApiFilter, position: PagePosition) {
  return pageTaggingQuery(QUERIES[tag.kind](db, { tag }), filter, position);
}

/** One page of a person's taggings: their traditions, roles and organizer tags, merged. */
export function pagePersonTaggings(db: Db, personId: string, filter: ApiFilter, position: PagePosition) {
  return mergedPage(
    Object.values(QUERIES).map(
      (query) => (at: PagePosition) => pageTaggingQuery(query(db, { personId }), filter, at),
    ),
    position,
    positionOfTagging,
  );
}

/** A tag's tagging of one person, or null. */
export async function findTagging(db: Db, tag: TagRow, personId: string): Promise<TaggingRow | null> {
  const page = await pageTaggingQuery(
    QUERIES[tag.kind](db, { tag, personId }),
    { modified: [] },
    { page: 1, perPage: 1, after: null },
  );
  return page.rows[0] ?? null;
}

/** One page of tags: the derived ones and the organizers', in one (modified, id) order. */
export function pageTags(db: Db, filter: ApiFilter, position: PagePosition): Promise<Page<TagRow>> {
  return mergedPage<TagRow>(
    [
      (at) => listPage(DERIVED_TAGS, filter, at, positionOfTag),
      (at) =>
        pageOf(TAGS, filter, at, undefined, {
          rows: async (where, order, limit, offset) =>
            (
              await db
                .select(storedTag)
                .from(tags)
                .where(where)
                .orderBy(...order)
                .limit(limit)
                .offset(offset)
            ).map((row) => ({ ...row, kind: 'organizer' as const })),
          count: (where) => db.select({ n: count() }).from(tags).where(where),
        }),
    ],
    position,
    positionOfTag,
  );
}

/** The tag with this id (derived or an organizer's), or null. */
export async function findTag(db: Db, id: string): Promise<TagRow | null> {
  const derived = derivedTag(id);
  if (derived) return derived;
  const [row] = await db.select(storedTag).from(tags).where(eq(tags.id, id));
  return row ? { ...row, kind: 'organizer' } : null;
}
