// The read side of the API: every collection and resource, each defined once for the OpenAPI
// document and its handler.
import type { Hono } from 'hono';
import { getDb, type Db } from '../db';
import { findPerson } from '../people/queries';
import { passesModified } from './filter';
import { AppError } from '../lib/errors';
import type { ApiEnv } from './auth';
import { linksFor, serveCollection, type CollectionSource } from './collections';
import { collectionSchema } from './hal';
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

/** Adds every GET of a collection or resource to the API router. */
export function addReadRoutes(api: Hono<ApiEnv>) {
  addRoute(api, readRoute('/people', 'People', PeopleCollection, true), async (c) =>
    c.json(await serveCollection(c, people), 200),
  );
  addRoute(api, readRoute('/people/{id}', 'A person', PersonSchema), async (c) => {
    const person = await findPerson(getDb(c.env), pathParam(c, 'id'));
    if (!person) throw new AppError('not_found');
    return c.json(personResource(person, linksFor(c)), 200);
  });
  addRoute(
    api,
    readRoute('/people/{id}/signatures', "A person's signatures", SignatureCollection, true),
    async (c) => c.json(await serveCollection(c, signatures({ personId: pathParam(c, 'id') })), 200),
  );
  addRoute(
    api,
    readRoute('/people/{id}/attendances', "A person's attendances", AttendanceCollection, true),
    async (c) => c.json(await serveCollection(c, attendances({ personId: pathParam(c, 'id') })), 200),
  );
  addRoute(
    api,
    readRoute('/people/{id}/submissions', "A person's submissions", SubmissionCollection, true),
    async (c) => c.json(await serveCollection(c, submissions({ personId: pathParam(c, 'id') })), 200),
  );
  addRoute(
    api,
    readRoute('/people/{id}/taggings', "A person's taggings", TaggingCollection, true),
    async (c) => c.json(await serveCollection(c, taggings({ personId: pathParam(c, 'id') })), 200),
  );
  addRoute(api, readRoute('/petitions', 'Petitions (letters)', PetitionCollection, true), async (c) =>
    c.json(await serveCollection(c, petitions), 200),
  );
  addRoute(api, readRoute('/petitions/{id}', 'A petition', PetitionSchema), async (c) => {
    const letter = await findPetition(getDb(c.env), pathParam(c, 'id'));
    if (!letter) throw new AppError('not_found');
    return c.json(petitionResource(letter, linksFor(c)), 200);
  });
  addRoute(
    api,
    readRoute('/petitions/{id}/signatures', "A petition's signatures", SignatureCollection, true),
    async (c) => c.json(await serveCollection(c, signatures({ parentId: pathParam(c, 'id') })), 200),
  );
  addRoute(
    api,
    readRoute('/petitions/{parent}/signatures/{id}', 'A signature', SignatureSchema),
    async (c) => {
      const [parent, id] = [pathParam(c, 'parent'), pathParam(c, 'id')];
      const row = await findSignature(getDb(c.env), parent, id);
      if (!row) throw new AppError('not_found');
      return c.json(signatureResource(row, linksFor(c)), 200);
    },
  );
  addRoute(
    api,
    readRoute('/events', 'Events (advocacy days and gatherings)', EventCollection, true),
    async (c) => c.json(await serveCollection(c, events), 200),
  );
  addRoute(api, readRoute('/events/{id}', 'An event', EventSchema), async (c) => {
    const day = await findEvent(getDb(c.env), pathParam(c, 'id'));
    if (!day) throw new AppError('not_found');
    return c.json(eventResource(day, linksFor(c)), 200);
  });
  addRoute(
    api,
    readRoute('/events/{id}/attendances', "An event's attendances", AttendanceCollection, true),
    async (c) => c.json(await serveCollection(c, attendances({ parentId: pathParam(c, 'id') })), 200),
  );
  addRoute(
    api,
    readRoute('/events/{parent}/attendances/{id}', 'An attendance', AttendanceSchema),
    async (c) => {
      const [parent, id] = [pathParam(c, 'parent'), pathParam(c, 'id')];
      const row = await findAttendance(getDb(c.env), parent, id);
      if (!row) throw new AppError('not_found');
      return c.json(attendanceResource(row, linksFor(c)), 200);
    },
  );
  addRoute(
    api,
    readRoute('/advocacy_campaigns', 'Advocacy campaigns', AdvocacyCampaignCollection, true),
    async (c) => c.json(await serveCollection(c, advocacyCampaigns), 200),
  );
  addRoute(
    api,
    readRoute('/advocacy_campaigns/{id}', 'An advocacy campaign', AdvocacyCampaignSchema),
    async (c) => {
      const campaign = await findAdvocacyCampaign(getDb(c.env), pathParam(c, 'id'));
      if (!campaign) throw new AppError('not_found');
      return c.json(advocacyCampaignResource(campaign, linksFor(c)), 200);
    },
  );
  addRoute(api, readRoute('/forms', 'Forms', FormCollection, true), async (c) =>
    c.json(await serveCollection(c, forms), 200),
  );
  addRoute(api, readRoute('/forms/{id}', 'A form', FormSchema), async (c) => {
    if (pathParam(c, 'id') !== MEETING_FORM_ID) throw new AppError('not_found');
    return c.json(meetingFormResource(await countSubmissions(getDb(c.env)), linksFor(c)), 200);
  });
  addRoute(
    api,
    readRoute('/forms/{id}/submissions', "A form's submissions", SubmissionCollection, true),
    async (c) => {
      if (pathParam(c, 'id') !== MEETING_FORM_ID) throw new AppError('not_found');
      return c.json(await serveCollection(c, submissions({})), 200);
    },
  );
  addRoute(
    api,
    readRoute('/tags', 'Tags (traditions, team roles, organizer tags)', TagCollection, true),
    async (c) => c.json(await serveCollection(c, tags), 200),
  );
  addRoute(api, readRoute('/tags/{id}', 'A tag', TagSchema), async (c) =>
    c.json(tagResource(await tagOf(getDb(c.env), pathParam(c, 'id')), linksFor(c)), 200),
  );
  addRoute(api, readRoute('/tags/{id}/taggings', "A tag's taggings", TaggingCollection, true), async (c) => {
    const tag = await tagOf(getDb(c.env), pathParam(c, 'id'));
    return c.json(await serveCollection(c, taggings({ tag })), 200);
  });
  addRoute(
    api,
    readRoute('/tags/{parent}/taggings/{id}', "A tag's tagging of one person", TaggingSchema),
    async (c) => {
      const db = getDb(c.env);
      const row = await findTagging(db, await tagOf(db, pathParam(c, 'parent')), pathParam(c, 'id'));
      if (!row) throw new AppError('not_found');
      return c.json(taggingResource(row, linksFor(c)), 200);
    },
  );
}
