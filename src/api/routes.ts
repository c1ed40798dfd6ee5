// The OSDI / Action Network-compatible API at /api/v2: the entry point, the OpenAPI document, and
// the read and write routers behind the key check. Errors answer JSON `{ "error": "…" }`.
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { isTransientD1Error } from '../db/errors';
import { AppError, codeToStatus } from '../lib/errors';
import { logEvent } from '../lib/log';
import { API_TOKEN_HEADER, requireApiKey, type ApiEnv } from './auth';
import { UnsupportedFilter } from './filter';
import { addRoute, BodyError, openApiDocument, readRoute } from './openapi';
import { MAX_PER_PAGE } from './paging';
import { addReadRoutes } from './read-routes';
import { API_BASE, apiSchemas, LinkSchema } from './resources/common';
import { addWriteRoutes } from './write-routes';

const EntryPointSchema = z
  .object({
    motd: z.string(),
    max_pagesize: z.number().int(),
    vendor_name: z.string(),
    product_name: z.string(),
    osdi_version: z.literal('1.1.1'),
    _links: z.object({
      curies: z.array(z.object({ name: z.string(), href: z.string(), templated: z.literal(true) })),
      self: LinkSchema,
      'osdi:people': LinkSchema,
      'osdi:petitions': LinkSchema,
      'osdi:events': LinkSchema,
      'osdi:forms': LinkSchema,
      'osdi:advocacy_campaigns': LinkSchema,
      'osdi:tags': LinkSchema,
      'osdi:person_signup_helper': LinkSchema,
      docs: LinkSchema,
    }),
  })
  .register(apiSchemas, { id: 'EntryPoint' });

/** Short messages for failures, as Action Network's API words them. */
const MESSAGES: Partial<Record<AppError['code'], string>> = {
  unauthorized: `API key missing or not valid: send it in the ${API_TOKEN_HEADER} header`,
  forbidden: 'This API key is read-only',
  not_found: 'Not found',
  too_many_requests: 'Too many requests for this API key: slow down',
  bad_request: 'The request is malformed',
  unavailable: 'The database is busy: try again shortly',
};

/** The one error answer of the API. */
function apiError(c: Context, error: unknown) {
  if (error instanceof UnsupportedFilter || error instanceof BodyError)
    return c.json({ error: error.message }, 400);
  const code: AppError['code'] =
    error instanceof AppError ? error.code : isTransientD1Error(error) ? 'unavailable' : 'internal';
  if (code === 'internal') logEvent('error', 'api.failed', { route: c.req.routePath, error });
  if (code === 'unavailable' || code === 'too_many_requests') c.header('Retry-After', '5');
  return c.json({ error: MESSAGES[code] ?? 'Something went wrong' }, codeToStatus(code));
}

/** Where the API is mounted. */
export const API_PATH = API_BASE;

/** The API router, mounted at /api/v2. */
export function apiRoutes() {
  const api = new Hono<ApiEnv>();
  api.onError((error, c) => apiError(c, error));
  api.notFound((c) => c.json({ error: 'Not found' }, 404));
  api.get('/openapi.json', (c) =>
    c.json(
      openApiDocument(
        `${new URL(c.req.url).origin}${API_BASE}`,
        `${c.env.ORG_NAME || 'Welcome Table'} OSDI API`,
      ),
    ),
  );
  api.use('*', async function halContentType(c, next) {
    await next();
    if (c.res.status < 400 && c.res.headers.get('content-type')?.startsWith('application/json')) {
      c.res.headers.set('content-type', 'application/hal+json; charset=utf-8');
    }
    c.res.headers.set('cache-control', 'no-store');
  });
  api.use('*', async (c, next) => (c.req.path.endsWith('/openapi.json') ? next() : requireApiKey(c, next)));

  addRoute(api, readRoute('/', 'The entry point', EntryPointSchema), (c) => {
    const base = `${new URL(c.req.url).origin}/api/v2`;
    return c.json(
      {
        motd: `Welcome to the ${c.env.ORG_NAME || 'Welcome Table'} API`,
        max_pagesize: MAX_PER_PAGE,
        vendor_name: c.env.ORG_NAME || 'Welcome Table',
        product_name: 'Welcome Table',
        osdi_version: '1.1.1' as const,
        _links: {
          curies: [
            {
              name: 'osdi',
              href: 'https://opensupporter.github.io/osdi-docs/{rel}',
              templated: true as const,
            },
            { name: 'welcome_table', href: `${base}/openapi.json#{rel}`, templated: true as const },
          ],
          self: { href: `${base}/` },
          'osdi:people': { href: `${base}/people` },
          'osdi:petitions': { href: `${base}/petitions` },
          'osdi:events': { href: `${base}/events` },
          'osdi:forms': { href: `${base}/forms` },
          'osdi:advocacy_campaigns': { href: `${base}/advocacy_campaigns` },
          'osdi:tags': { href: `${base}/tags` },
          'osdi:person_signup_helper': { href: `${base}/people` },
          docs: { href: `${base}/openapi.json` },
        },
      },
      200,
    );
  });
  addReadRoutes(api);
  addWriteRoutes(api);
  return api;
}
