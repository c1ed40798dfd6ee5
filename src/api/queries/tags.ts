// Tags and taggings as the API pages them. Organizer tags are rows (people/schema.ts); a faith
// tradition's taggings are people's first confirmed signature in it, a team role's their first
// registration holding it, each joined to the people index (an erased person has none), read
// through an index on (tradition | role, …) so a page never reads every signature.
import { and, count, eq, inArray, isNotNull, isNull, lt, notExists, or, sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import { dayRegistrations } from '../../advocacy-days/schema';
import { letterSignatures } from '../../letters/schema';
import { TRADITIONS } from '../../letters/choices';
import { people, peopleTags, tags } from '../../people/schema';
import type { ApiFilter } from '../filter';
import type { PagePosition } from '../paging';
import { DERIVED_TAGS, derivedTag, type TagRow } from '../tags';
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

/** Confirmed signatures not hidden by an organizer: a tradition counts from these. */
function signatureCounts(t: Record<'confirmedAt' | 'hiddenAt', SQLiteColumn>): SQL | undefined {
  return and(isNotNull(t.confirmedAt), isNull(t.hiddenAt));
}

/** A person's first counting signature in each tradition: one tagging, however many letters. */
function traditionQuery(db: Db, scope: Scope): TaggingQuery {
  const s = letterSignatures;
  const earlier = alias(letterSignatures, 'earlier_signature');
  const tagId = sql<string>`'tradition-' || ${s.tradition}`;
  const first = notExists(
    db
      .select({ one: sql`1` })
      .from(earlier)
      .where(
        and(
          eq(earlier.email, s.email),
          eq(earlier.tradition, s.tradition),
          signatureCounts(earlier),
          or(
            lt(earlier.confirmedAt, s.confirmedAt),
            and(eq(earlier.confirmedAt, s.confirmedAt), lt(earlier.id, s.id)),
          ),
        ),
      ),
  );
  const tag = scope.tag && derivedTag(scope.tag.id);
  const keyset: Keyset = { modified: s.confirmedAt, id: scope.tag ? s.id : tagId };
  const columns = {
    tagId,
    personId: people.id,
    at: sql<number>`${s.confirmedAt}`,
    position: sql<string>`${keyset.id}`,
  };
  return {
    keyset,
    base: and(
      signatureCounts(s),
      tag?.kind === 'tradition' ? eq(s.tradition, tag.tradition) : inArray(s.tradition, TRADITIONS),
      scope.personId === undefined ? undefined : eq(people.id, scope.personId),
      first,
    ),
    rows: (where, order, limit, offset) =>
      db
        .select(columns)
        .from(s)
        .innerJoin(people, eq(people.email, s.email))
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    count: (where) =>
      db.select({ n: count() }).from(s).innerJoin(people, eq(people.email, s.email)).where(where),
  };
}

/** Registrations whose personal data is kept, holding a team role. */
function roleCounts(t: Record<'teamRole' | 'personalDataDeletedAt', SQLiteColumn>): SQL | undefined {
  return and(isNotNull(t.teamRole), isNull(t.personalDataDeletedAt));
}

/**
 * A person's first registration (in modified order) holding each team role. Its modified date is
 * the registration's: giving a role does not change it (noted in docs/api.md).
 */
function roleQuery(db: Db, scope: Scope): TaggingQuery {
  const r = dayRegistrations;
  const earlier = alias(dayRegistrations, 'earlier_registration');
  const modified = registrationModifiedOf(r);
  const earlierModified = registrationModifiedOf(earlier);
  const tagId = sql<string>`'role-' || ${r.teamRole}`;
  const first = notExists(
    db
      .select({ one: sql`1` })
      .from(earlier)
      .where(
        and(
          eq(earlier.email, r.email),
          eq(earlier.teamRole, r.teamRole),
          roleCounts(earlier),
          or(lt(earlierModified, modified), and(eq(earlierModified, modified), lt(earlier.id, r.id))),
        ),
      ),
  );
  const tag = scope.tag && derivedTag(scope.tag.id);
  const keyset: Keyset = { modified, id: scope.tag ? r.id : tagId };
  const columns = { tagId, personId: people.id, at: modified, position: sql<string>`${keyset.id}` };
  return {
    keyset,
    base: and(
      roleCounts(r),
      tag?.kind === 'role' ? eq(r.teamRole, tag.role) : undefined,
      scope.personId === undefined ? undefined : eq(people.id, scope.personId),
      first,
    ),
    rows: (where, order, limit, offset) =>
      db
        .select(columns)
        .from(r)
        .innerJoin(people, eq(people.email, r.email))
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    count: (where) =>
      db.select({ n: count() }).from(r).innerJoin(people, eq(people.email, r.email)).where(where),
  };
}

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

const QUERIES = { tradition: traditionQuery, role: roleQuery, organizer: organizerQuery };

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
