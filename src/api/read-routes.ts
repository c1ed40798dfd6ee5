// The read side of the API: every collection and resource, each defined once for the OpenAPI
// document and its handler.
import type { Context, Hono } from 'hono';
import type * as z from 'zod';
import { getDb, type Db } from '../db';
import { findPerson } from '../people/queries';
import { passesModified } from './filter';
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

function signatures(scope: ActionScope) {
  return {
    name: 'signatures',
    load: (db, filter, position) => pageSignatures(db, scope, filter, position),
    toItem: signatureResource,
    positionOf: (row) => ({ modified: row.confirmedAt ?? row.createdAt, id: row.id }),
  } satisfies CollectionSource<Parameters<typeof signatureResource>[0], ReturnType<typeof signatureResource>>;
}

function attendances(scope: ActionScope) {
  return {
    name: 'attendances',
    load: (db, filter, position) => pageAttendances(db, scope, filter, position),
    toItem: attendanceResource,
    positionOf: (row) => ({ modified: row.updatedAt, id: row.id }),
  } satisfies CollectionSource<
    Parameters<typeof attendanceResource>[0],
    ReturnType<typeof attendanceResource>
  >;
}

function submissions(scope: ActionScope) {
  return {
    name: 'submissions',
    load: (db, filter, position) => pageSubmissions(db, scope, filter, position),
    toItem: submissionResource,
    positionOf: (row) => ({ modified: row.updatedAt, id: row.id }),
  } satisfies CollectionSource<
    Parameters<typeof submissionResource>[0],
    ReturnType<typeof submissionResource>
  >;
}

const petitions = {
  name: 'petitions',
  load: pagePetitions,
  toItem: petitionResource,
  positionOf: (row) => ({ modified: row.updatedAt, id: row.id }),
} satisfies CollectionSource<Parameters<typeof petitionResource>[0], ReturnType<typeof petitionResource>>;

const events = {
  name: 'events',
  load: pageEvents,
  toItem: eventResource,
  positionOf: (row) => ({ modified: row.updatedAt, id: row.id }),
} satisfies CollectionSource<Parameters<typeof eventResource>[0], ReturnType<typeof eventResource>>;

const advocacyCampaigns = {
  name: 'advocacy_campaigns',
  load: pageAdvocacyCampaigns,
  toItem: advocacyCampaignResource,
  positionOf: (row) => ({ modified: row.updatedAt, id: row.id }),
} satisfies CollectionSource<
  Parameters<typeof advocacyCampaignResource>[0],
  ReturnType<typeof advocacyCampaignResource>
>;
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
  const ofParent = (c: Context<ApiEnv>) => ({ parentId: pathParam(c, 'id') });
  addCollection(api, '/petitions', 'Petitions (letters)', PetitionCollection, () => petitions);
  addResource(
    api,
    '/petitions/{id}',
    'A petition',
    PetitionSchema,
    (db, c) => findPetition(db, pathParam(c, 'id')),
    petitionResource,
  );
  addCollection(api, '/petitions/{id}/signatures', "A petition's signatures", SignatureCollection, (c) =>
    signatures(ofParent(c)),
  );
  addResource(
    api,
    '/petitions/{parent}/signatures/{id}',
    'A signature',
    SignatureSchema,
    (db, c) => findSignature(db, ...parentAndId(c)),
    signatureResource,
  );
  addCollection(api, '/events', 'Events (advocacy days and gatherings)', EventCollection, () => events);
  addResource(
    api,
    '/events/{id}',
    'An event',
    EventSchema,
    (db, c) => findEvent(db, pathParam(c, 'id')),
    eventResource,
  );
  addCollection(api, '/events/{id}/attendances', "An event's attendances", AttendanceCollection, (c) =>
    attendances(ofParent(c)),
  );
  addResource(
    api,
    '/events/{parent}/attendances/{id}',
    'An attendance',
    AttendanceSchema,
    (db, c) => findAttendance(db, ...parentAndId(c)),
    attendanceResource,
  );
  addCollection(
    api,
    '/advocacy_campaigns',
    'Advocacy campaigns',
    AdvocacyCampaignCollection,
    () => advocacyCampaigns,
  );
  addResource(
    api,
    '/advocacy_campaigns/{id}',
    'An advocacy campaign',
    AdvocacyCampaignSchema,
    (db, c) => findAdvocacyCampaign(db, pathParam(c, 'id')),
    advocacyCampaignResource,
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
