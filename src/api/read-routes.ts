// The read side of the API: every collection and resource, each defined once for the OpenAPI
// document and its handler.
import type { Context, Hono } from 'hono';
import type * as z from 'zod';
import { getDb, type Db } from '../db';
import { findPerson } from '../people/queries';
import { passesModified, type ApiFilter } from './filter';
import type { PagePosition } from './paging';
import type { Page } from './queries/keyset';
import { AppError } from '../lib/errors';
import type { ApiEnv } from './auth';
import { linksFor, serveCollection, type CollectionSource } from './collections';
import { collectionSchema } from './hal';
import type { ApiLinks } from './resources/common';
import { addRoute, pathParam, readRoute } from './openapi';
import {
  findAttendance,
  findSignature,
  pageAttendances,
  pageSignatures,
  pageSubmissions,
  type ActionScope,
} from './queries/actions';
import { findEvent, findPetition, pageEvents, pagePetitions } from './queries/campaigns';
import { findAdvocacyCampaign, pageAdvocacyCampaigns } from './queries/advocacy-campaigns';
import { AdvocacyCampaignSchema, advocacyCampaignResource } from './resources/advocacy-campaign';
import { pagePeople } from './queries/people';
import {
  findTag,
  findTagging,
  pagePersonTaggings,
  pageTags,
  pageTagTaggings,
  positionOfTag,
  positionOfTagging,
} from './queries/tags';
import { AttendanceSchema, attendanceResource } from './resources/attendance';
import { EventSchema, eventResource } from './resources/event';
import {
  FormSchema,
  MEETING_FORM_DATE,
  MEETING_FORM_ID,
  SubmissionSchema,
  meetingFormResource,
  submissionResource,
} from './resources/form';
import { PersonSchema, personResource } from './resources/person';
import { PetitionSchema, petitionResource } from './resources/petition';
import { SignatureSchema, signatureResource } from './resources/signature';
import { TaggingSchema, TagSchema, taggingResource, tagResource } from './resources/tag';
import type { TagRow } from './tags';

const people: CollectionSource<Parameters<typeof personResource>[0], ReturnType<typeof personResource>> = {
  name: 'people',
  load: pagePeople,
  toItem: personResource,
  positionOf: (row) => ({ modified: row.modifiedAt, id: row.id }),
  allowEmail: true,
};

/** A row's place by when it last changed (most resources). */
const lastUpdated = (row: { updatedAt: number; id: string }) => ({ modified: row.updatedAt, id: row.id });

/** A collection's source: its name, how it loads a page, shows a row and orders rows. */
function sourceOf<Row, Item>(
  name: string,
  load: CollectionSource<Row, Item>['load'],
  toItem: (row: Row, links: ApiLinks) => Item,
  positionOf: (row: Row) => { modified: number; id: string },
): CollectionSource<Row, Item> {
  return { name, load, toItem, positionOf };
}

/** The source of an action's records (signatures…) within `scope`: one person's, or one action's. */
function recordsOf<Row, Item>(
  name: string,
  page: (db: Db, scope: ActionScope, filter: ApiFilter, position: PagePosition) => Promise<Page<Row>>,
  toItem: (row: Row, links: ApiLinks) => Item,
  positionOf: (row: Row) => { modified: number; id: string },
) {
  return (scope: ActionScope) =>
    sourceOf(name, (db, filter, position) => page(db, scope, filter, position), toItem, positionOf);
}

const signatures = recordsOf('signatures', pageSignatures, signatureResource, (row) => ({
  modified: row.confirmedAt ?? row.createdAt,
  id: row.id,
}));
const attendances = recordsOf('attendances', pageAttendances, attendanceResource, lastUpdated);
const submissions = recordsOf('submissions', pageSubmissions, submissionResource, lastUpdated);
const petitions = sourceOf('petitions', pagePetitions, petitionResource, lastUpdated);
const events = sourceOf('events', pageEvents, eventResource, lastUpdated);
const advocacyCampaigns = sourceOf(
  'advocacy_campaigns',
  pageAdvocacyCampaigns,
  advocacyCampaignResource,
  lastUpdated,
);
const tags = {
  name: 'tags',
  load: pageTags,
  toItem: tagResource,
  positionOf: positionOfTag,
} satisfies CollectionSource<TagRow, ReturnType<typeof tagResource>>;

/** A tag's taggings, or one person's. */
function taggings(scope: { tag: TagRow } | { personId: string }) {
  return {
    name: 'taggings',
    load: (db, filter, position) =>
      'tag' in scope
        ? pageTagTaggings(db, scope.tag, filter, position)
        : pagePersonTaggings(db, scope.personId, filter, position),
    toItem: taggingResource,
    positionOf: positionOfTagging,
  } satisfies CollectionSource<Parameters<typeof taggingResource>[0], ReturnType<typeof taggingResource>>;
}

/** The tag a path names, or 404. */
async function tagOf(db: Db, id: string): Promise<TagRow> {
  const tag = await findTag(db, id);
  if (!tag) throw new AppError('not_found');
  return tag;
}

/** How many meeting requests count as the form's submissions. */
async function countSubmissions(db: Db): Promise<number> {
  return (await pageSubmissions(db, {}, { modified: [] }, { page: 1, perPage: 1, after: null })).total;
}

/** Our one form: listed on page 1 when its (fixed) modified date passes the filter. */
const forms = {
  name: 'forms',
  async load(db, filter, position) {
    const listed = passesModified(MEETING_FORM_DATE, filter);
    const shown = listed && position.page === 1 && !position.after;
    return { rows: shown ? [await countSubmissions(db)] : [], total: listed ? 1 : 0 };
  },
  toItem: meetingFormResource,
  positionOf: () => ({ modified: MEETING_FORM_DATE, id: MEETING_FORM_ID }),
} satisfies CollectionSource<number, ReturnType<typeof meetingFormResource>>;

const PeopleCollection = collectionSchema('people', PersonSchema);
const SignatureCollection = collectionSchema('signatures', SignatureSchema);
const AttendanceCollection = collectionSchema('attendances', AttendanceSchema);
const SubmissionCollection = collectionSchema('submissions', SubmissionSchema);
const PetitionCollection = collectionSchema('petitions', PetitionSchema);
const EventCollection = collectionSchema('events', EventSchema);
const FormCollection = collectionSchema('forms', FormSchema);
const AdvocacyCampaignCollection = collectionSchema('advocacy_campaigns', AdvocacyCampaignSchema);
const TagCollection = collectionSchema('tags', TagSchema);
const TaggingCollection = collectionSchema('taggings', TaggingSchema);

/** A GET of one page of a collection; `sourceOf` may read the path (a parent's id) first. */
function addCollection<Row, Item>(
  api: Hono<ApiEnv>,
  path: string,
  summary: string,
  schema: z.ZodType,
  sourceOf: (c: Context<ApiEnv>) => CollectionSource<Row, Item> | Promise<CollectionSource<Row, Item>>,
) {
  addRoute(api, readRoute(path, summary, schema, true), async (c) =>
    c.json(await serveCollection(c, await sourceOf(c)), 200),
  );
}

/** A GET of one resource: the row `find` reads from the path, or 404. */
function addResource<Row, Item>(
  api: Hono<ApiEnv>,
  path: string,
  summary: string,
  schema: z.ZodType,
  find: (db: Db, c: Context<ApiEnv>) => Promise<Row | null | undefined>,
  toItem: (row: Row, links: ApiLinks) => Item,
) {
  addRoute(api, readRoute(path, summary, schema), async (c) => {
    const row = await find(getDb(c.env), c);
    // A form's row is its count of submissions, which may be 0.
    if (row === null || row === undefined) throw new AppError('not_found');
    return c.json(toItem(row, linksFor(c)), 200);
  });
}

/**
 * An action's collection and one action (`/petitions`, `/petitions/{id}`), by `summaries` (the
 * collection's, then one's) for the OpenAPI document.
 */
function addAction<Row, Item>(
  api: Hono<ApiEnv>,
  source: CollectionSource<Row, Item>,
  [collection, schema]: [z.ZodType, z.ZodType],
  summaries: [string, string],
  find: (db: Db, id: string) => Promise<Row | null>,
) {
  addCollection(api, `/${source.name}`, summaries[0], collection, () => source);
  addResource(
    api,
    `/${source.name}/{id}`,
    summaries[1],
    schema,
    (db, c) => find(db, pathParam(c, 'id')),
    source.toItem,
  );
}

/**
 * The records of an action's people (a petition's signatures, an event's attendances): their
 * collection below the action and one record (`/petitions/{id}/signatures`,
 * `/petitions/{parent}/signatures/{id}`).
 */
function addRecords<Row, Item>(
  api: Hono<ApiEnv>,
  action: string,
  sourceFor: (scope: ActionScope) => CollectionSource<Row, Item>,
  [collection, schema]: [z.ZodType, z.ZodType],
  summaries: [string, string],
  find: (db: Db, parentId: string, id: string) => Promise<Row | null>,
) {
  const records = sourceFor({});
  addCollection(api, `/${action}/{id}/${records.name}`, summaries[0], collection, (c) =>
    sourceFor({ parentId: pathParam(c, 'id') }),
  );
  addResource(
    api,
    `/${action}/{parent}/${records.name}/{id}`,
    summaries[1],
    schema,
    (db, c) => find(db, ...parentAndId(c)),
    records.toItem,
  );
}

/** The path's `parent` and `id`: a record below the resource it belongs to. */
function parentAndId(c: Context<ApiEnv>): [string, string] {
  return [pathParam(c, 'parent'), pathParam(c, 'id')];
}

/** The meeting-request form's path, or 404 (it is our only form). */
function requireMeetingForm(c: Context<ApiEnv>): void {
  if (pathParam(c, 'id') !== MEETING_FORM_ID) throw new AppError('not_found');
}

/** Adds every GET of a collection or resource to the API router. */
export function addReadRoutes(api: Hono<ApiEnv>) {
  addCollection(api, '/people', 'People', PeopleCollection, () => people);
  addResource(
    api,
    '/people/{id}',
    'A person',
    PersonSchema,
    (db, c) => findPerson(db, pathParam(c, 'id')),
    personResource,
  );
  const ofPerson = (c: Context<ApiEnv>) => ({ personId: pathParam(c, 'id') });
  addCollection(api, '/people/{id}/signatures', "A person's signatures", SignatureCollection, (c) =>
    signatures(ofPerson(c)),
  );
  addCollection(api, '/people/{id}/attendances', "A person's attendances", AttendanceCollection, (c) =>
    attendances(ofPerson(c)),
  );
  addCollection(api, '/people/{id}/submissions', "A person's submissions", SubmissionCollection, (c) =>
    submissions(ofPerson(c)),
  );
  addCollection(api, '/people/{id}/taggings', "A person's taggings", TaggingCollection, (c) =>
    taggings(ofPerson(c)),
  );
  addAction(
    api,
    petitions,
    [PetitionCollection, PetitionSchema],
    ['Petitions (letters)', 'A petition'],
    findPetition,
  );
  addRecords(
    api,
    'petitions',
    signatures,
    [SignatureCollection, SignatureSchema],
    ["A petition's signatures", 'A signature'],
    findSignature,
  );
  addAction(
    api,
    events,
    [EventCollection, EventSchema],
    ['Events (advocacy days and gatherings)', 'An event'],
    findEvent,
  );
  addRecords(
    api,
    'events',
    attendances,
    [AttendanceCollection, AttendanceSchema],
    ["An event's attendances", 'An attendance'],
    findAttendance,
  );
  addAction(
    api,
    advocacyCampaigns,
    [AdvocacyCampaignCollection, AdvocacyCampaignSchema],
    ['Advocacy campaigns', 'An advocacy campaign'],
    findAdvocacyCampaign,
  );
  addCollection(api, '/forms', 'Forms', FormCollection, () => forms);
  addResource(
    api,
    '/forms/{id}',
    'A form',
    FormSchema,
    (db, c) => {
      requireMeetingForm(c);
      return countSubmissions(db);
    },
    meetingFormResource,
  );
  addCollection(api, '/forms/{id}/submissions', "A form's submissions", SubmissionCollection, (c) => {
    requireMeetingForm(c);
    return submissions({});
  });
  addCollection(api, '/tags', 'Tags (traditions, team roles, organizer tags)', TagCollection, () => tags);
  addResource(api, '/tags/{id}', 'A tag', TagSchema, (db, c) => tagOf(db, pathParam(c, 'id')), tagResource);
  addCollection(api, '/tags/{id}/taggings', "A tag's taggings", TaggingCollection, async (c) =>
    taggings({ tag: await tagOf(getDb(c.env), pathParam(c, 'id')) }),
  );
  addResource(
    api,
    '/tags/{parent}/taggings/{id}',
    "A tag's tagging of one person",
    TaggingSchema,
    async (db, c) => findTagging(db, await tagOf(db, pathParam(c, 'parent')), pathParam(c, 'id')),
    taggingResource,
  );
}
