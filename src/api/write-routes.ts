// The write side of the API (read-write keys): the three helpers, each answering the resource it
// made, or `{}` at once with `?background_processing=true` (the work then goes through a Queue).
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import type { ApiEnv } from './auth';
import { linksFor } from './collections';
import { addRoute, pathParam, readJson, writeRoute } from './openapi';
import { findAttendance, findSignature } from './queries/actions';
import { AttendanceSchema, attendanceResource } from './resources/attendance';
import { apiSchemas } from './resources/common';
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
  addRoute(
    api,
    writeRoute(
      '/petitions/{id}/signatures',
      'The record signature helper',
      SignatureBodySchema,
      SignatureSchema.or(Accepted),
    ),
    async (c) => {
      const body = await readJson(c, SignatureBodySchema);
      const letterId = pathParam(c, 'id');
      const write = writeContext(c);
      if (await inBackground(c, { kind: 'signature', parentId: letterId, body, ...write }))
        return c.json({}, 200);
      const db = getDb(c.env);
      const { signatureId } = await recordSignatureFor(db, letterId, body, write);
      const row = await findSignature(db, letterId, signatureId);
      if (!row) throw new AppError('not_found');
      return c.json(signatureResource(row, linksFor(c)), 200);
    },
  );
  addRoute(
    api,
    writeRoute(
      '/events/{id}/attendances',
      'The record attendance helper',
      AttendanceBodySchema,
      AttendanceSchema.or(Accepted),
    ),
    async (c) => {
      const body = await readJson(c, AttendanceBodySchema);
      const dayId = pathParam(c, 'id');
      const write = writeContext(c);
      if (await inBackground(c, { kind: 'attendance', parentId: dayId, body, ...write }))
        return c.json({}, 200);
      const db = getDb(c.env);
      const { registrationId } = await recordAttendanceFor(db, c.env, dayId, body, write);
      const row = await findAttendance(db, dayId, registrationId);
      if (!row) throw new AppError('not_found');
      return c.json(attendanceResource(row, linksFor(c)), 200);
    },
  );
}
