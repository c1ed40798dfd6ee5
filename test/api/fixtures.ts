// Shared setup for the API tests: keys, calls with a key, and rows in each feature.
import { env, exports } from 'cloudflare:workers';
import { getDb } from '../../src/db';
import { createApiKey } from '../../src/api/keys';
import type { ApiKeyScope } from '../../src/api/schema';
import { ORIGIN } from '../helpers';

export const db = getDb(env);

/** A new key's secret. */
export async function makeKey(scope: ApiKeyScope = 'read', name = 'Test client'): Promise<string> {
  return (await createApiKey(db, { name, scope, organizerId: null, at: Date.now() })).secret;
}

/** Calls the API with a key in the OSDI-API-Token header (a path or a whole URL). */
export function api(pathOrUrl: string, key: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (key) headers.set('OSDI-API-Token', key);
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${ORIGIN}/api/v2${pathOrUrl}`;
  return exports.default.fetch(new Request(url, { ...init, headers }));
}

/** GETs and reads the JSON body, failing on anything but 200. */
export async function getJson<T = Record<string, any>>(pathOrUrl: string, key: string): Promise<T> {
  const response = await api(pathOrUrl, key);
  if (response.status !== 200) throw new Error(`${pathOrUrl}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/** POSTs a JSON body. */
export function postJson(
  path: string,
  key: string,
  body: unknown,
  contentType: string | null = 'application/json',
) {
  return api(path, key, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: contentType ? { 'content-type': contentType } : {},
  });
}

/** Every page of a collection, by following `next` links; the records in order. */
export async function allPages(path: string, key: string, name: string): Promise<Record<string, any>[]> {
  const records: Record<string, any>[] = [];
  let url: string | undefined = path;
  while (url) {
    const page: Record<string, any> = await getJson(url, key);
    records.push(...page._embedded[`osdi:${name}`]);
    url = page._links.next?.href;
  }
  return records;
}
