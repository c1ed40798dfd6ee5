// The API's routes as data: each is added to a plain hono router and described in the OpenAPI 3.1
// document, whose schemas zod itself writes (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1
// uses). No OpenAPI library in the Worker: the generators import all of zod (see
// docs/performance.md, "Bundle").
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import { AppError } from '../lib/errors';
import { API_TOKEN_HEADER, type ApiEnv } from './auth';
import { MAX_PER_PAGE } from './paging';
import { apiSchemas } from './resources/common';

/** One route: what the document says of it. */
export interface ApiRoute {
  method: 'get' | 'post';
  /** OpenAPI style: `/people/{id}`. */
  path: string;
  summary: string;
  response: z.ZodType;
  body?: z.ZodType;
  /** Takes `page`, `per_page`, `filter`, `after`. */
  collection?: boolean;
}

/** A GET of a resource or collection. */
export function readRoute(path: string, summary: string, response: z.ZodType, collection = false): ApiRoute {
  return { method: 'get', path, summary, response, collection };
}

/** A POST of a JSON body (`?background_processing=true` answers `{}`). */
export function writeRoute(path: string, summary: string, body: z.ZodType, response: z.ZodType): ApiRoute {
  return { method: 'post', path, summary, body, response };
}

/** Every route added so far, in order: the document lists them. */
const documented: ApiRoute[] = [];

/** Adds a route to the router and to the document. */
export function addRoute(
  api: Hono<ApiEnv>,
  route: ApiRoute,
  handler: (c: Context<ApiEnv>) => Response | Promise<Response>,
): void {
  if (!documented.some((known) => known.method === route.method && known.path === route.path))
    documented.push(route);
  const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
  if (route.method === 'get') api.get(honoPath, handler);
  else api.post(honoPath, handler);
}

/**
 * The JSON body of a write, whatever its Content-Type says (Action Network clients do not all send
 * `application/json`), checked against the route's schema: 400 naming the first wrong field.
 */
export async function readJson<Schema extends z.ZodType>(
  c: Context<ApiEnv>,
  schema: Schema,
): Promise<z.output<Schema>> {
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('bad_request');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BodyError(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'not valid'}`);
  }
  return result.data;
}

/** A `{name}` of the route's path. */
export function pathParam(c: Context<ApiEnv>, name: string): string {
  const value = c.req.param(name);
  if (value === undefined) throw new AppError('not_found');
  return value;
}

/** A body that does not fit its schema: answered 400 with the message. */
export class BodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyError';
  }
}

const ErrorSchema = z.object({ error: z.string() }).register(apiSchemas, { id: 'Error' });
const HAL = 'application/hal+json';

function refOf(schema: z.ZodType): object {
  const id = apiSchemas.get(schema)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : z.toJSONSchema(schema, { unrepresentable: 'any' });
}

function parameters(route: ApiRoute): object[] {
  const list: object[] = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = (name: string, description: string) => ({
    name,
    in: 'query',
    schema: { type: 'string' },
    description,
  });
  if (route.collection) {
    list.push(
      query('page', 'Page number, from 1.'),
      query('per_page', `Records per page, at most ${MAX_PER_PAGE}.`),
      query('filter', "`modified_date gt|ge|lt|le|eq '<ISO date>'`, joined by `and`."),
      query('after', 'Opaque position from a `next` link.'),
    );
  }
  if (route.method === 'post') list.push(query('background_processing', '`true`: answer `{}` at once.'));
  return list;
}

const errorResponses = Object.fromEntries(
  [
    [400, 'A malformed request or an unsupported filter'],
    [401, `No valid key in ${API_TOKEN_HEADER}`],
    [403, 'A read-only key on a write'],
    [404, 'No such resource'],
    [429, 'Too many requests for this key'],
  ].map(([status, description]) => [
    status,
    { description, content: { 'application/json': { schema: refOf(ErrorSchema) } } },
  ]),
);

/** The OpenAPI 3.1 document of every route added. */
export function openApiDocument(serverUrl: string, title: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of documented) {
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      summary: route.summary,
      security: [{ osdiApiToken: [] }],
      parameters: parameters(route),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: refOf(route.body) } } } }
        : {}),
      responses: {
        200: { description: route.summary, content: { [HAL]: { schema: refOf(route.response) } } },
        ...errorResponses,
      },
    };
  }
  const { schemas } = z.toJSONSchema(apiSchemas, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  });
  return {
    openapi: '3.1.0',
    info: { title, version: '1.1.1' },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas,
      securitySchemes: { osdiApiToken: { type: 'apiKey', in: 'header', name: API_TOKEN_HEADER } },
    },
  };
}
