// The write side of the API (read-write keys): the three helpers, each answering the resource it
// made, or `{}` at once with `?background_processing=true` (the work then goes through a Queue).
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import { getDb, type Db } from '../db';
import { AppError } from '../lib/errors';
import type { ApiEnv } from './auth';
import { linksFor } from './collections';
import { addRoute, pathParam, readJson, writeRoute } from './openapi';
import { findAttendance, findSignature } from './queries/actions';
import { AttendanceSchema, attendanceResource } from './resources/attendance';
import { apiSchemas, type ApiLinks } from './resources/common';
import { PersonSchema, personResource } from './resources/person';
import { SignatureSchema, signatureResource } from './resources/signature';
import { AttendanceBodySchema, SignatureBodySchema, SignupBodySchema } from './validation';
import { recordAttendanceFor, recordSignatureFor, signUpPerson, type WriteContext } from './writes';
import type { ApiWrite } from './background';

const Accepted = z.object({}).register(apiSchemas, { id: 'Accepted' });

function writeContext(c: Context<ApiEnv>): WriteContext {
  return { origin: c.var.apiKey.name, at: Date.now() };
}

/** With `background_processing=true`: queue the write and answer `{}` at once. */
async function inBackground(c: Context<ApiEnv>, write: ApiWrite): Promise<boolean> {
  if (c.req.query('background_processing') !== 'true') return false;
  await c.env.API_QUEUE.send(write);
  return true;
}

/** A helper that records one row below a resource (a petition's signature, an event's attendance). */
interface RecordHelper<Body extends z.ZodType, Row, Item> {
  path: string;
  summary: string;
  body: Body;
  response: z.ZodType;
  /** The queued write, without its context. */
  queued(parentId: string, body: z.output<Body>): DistributiveOmit<ApiWrite, keyof WriteContext>;
  /** Records the row; its id. */
  record(
    db: Db,
    env: ApiEnv['Bindings'],
    parentId: string,
    body: z.output<Body>,
    write: WriteContext,
  ): Promise<string>;
  find(db: Db, parentId: string, id: string): Promise<Row | null | undefined>;
  toItem(row: Row, links: ApiLinks): Item;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Adds a record helper: it answers the row it recorded, or `{}` when queued. */
function addRecordHelper<Body extends z.ZodType, Row, Item>(
  api: Hono<ApiEnv>,
  helper: RecordHelper<Body, Row, Item>,
) {
  const route = writeRoute(helper.path, helper.summary, helper.body, helper.response.or(Accepted));
  addRoute(api, route, async (c) => {
    const body = await readJson(c, helper.body);
    const parentId = pathParam(c, 'id');
    const write = writeContext(c);
    if (await inBackground(c, { ...helper.queued(parentId, body), ...write })) return c.json({}, 200);
    const db = getDb(c.env);
    const row = await helper.find(db, parentId, await helper.record(db, c.env, parentId, body, write));
    if (!row) throw new AppError('not_found');
    return c.json(helper.toItem(row, linksFor(c)), 200);
  });
}

/** Adds the helpers to the API router. */
export function addWriteRoutes(api: Hono<ApiEnv>) {
  addRoute(
    api,
    writeRoute('/people', 'The person signup helper', SignupBodySchema, PersonSchema.or(Accepted)),
    async (c) => {
      const body = await readJson(c, SignupBodySchema);
      const write = writeContext(c);
      if (await inBackground(c, { kind: 'signup', body, ...write })) return c.json({}, 200);
      const person = await signUpPerson(getDb(c.env), body.person, write, body.add_tags);
      return c.json(personResource(person, linksFor(c)), 200);
    },
  );
  addRecordHelper(api, {
    path: '/petitions/{id}/signatures',
    summary: 'The record signature helper',
    body: SignatureBodySchema,
    response: SignatureSchema,
    queued: (parentId, body) => ({ kind: 'signature', parentId, body }),
    record: async (db, _env, letterId, body, write) =>
      (await recordSignatureFor(db, letterId, body, write)).signatureId,
    find: findSignature,
    toItem: signatureResource,
  });
  addRecordHelper(api, {
    path: '/events/{id}/attendances',
    summary: 'The record attendance helper',
    body: AttendanceBodySchema,
    response: AttendanceSchema,
    queued: (parentId, body) => ({ kind: 'attendance', parentId, body }),
    record: async (db, env, dayId, body, write) =>
      (await recordAttendanceFor(db, env, dayId, body, write)).registrationId,
    find: findAttendance,
    toItem: attendanceResource,
  });
}
