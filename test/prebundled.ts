/**
 * Packages the Worker imports, pre-bundled for the Workers tests. List every entry point used (a
 * missing one is loaded unbundled, as a second copy of the package): test/node/prebundled.test.ts
 * fails when an import is not listed.
 */
export const PREBUNDLED = [
  '@passwordless-id/webauthn/dist/esm/parsers.js',
  '@passwordless-id/webauthn/dist/esm/server.js',
  '@passwordless-id/webauthn/dist/esm/utils.js',
  'csv-stringify/sync',
  'drizzle-orm',
  'drizzle-orm/batch',
  'drizzle-orm/d1',
  'drizzle-orm/sqlite-core',
  'fast-check',
  'fast-xml-parser',
  'hono',
  'hono/cookie',
  'hono/body-limit',
  'hono/csrf',
  'hono/html',
  'hono/jsx',
  'hono/jsx/jsx-runtime',
  'hono/jsx/jsx-dev-runtime',
  'hono/jsx-renderer',
  'ical.js',
  'ical-generator',
  'ipaddr.js',
  'marked',
  'mustache',
  'saxes',
  'standardwebhooks',
  'uqr',
  'yaml',
  'zod',
];
