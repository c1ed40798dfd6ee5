// Conditional GET (RFC 9110 §13): a response carries an ETag (a hash of its body) and a
// Last-Modified date; a client that already holds it gets 304 Not Modified and no body.
import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** A strong entity tag of a body: the first 128 bits of its SHA-256, in hex. */
export async function bodyEtag(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  const hex = [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `"${hex}"`;
}

/**
 * True when the request's validators say the client's copy is current: If-None-Match (weak
 * comparison) when present, otherwise If-Modified-Since at the precision of an HTTP date.
 */
export function isNotModified(
  request: { header(name: string): string | undefined },
  etag: string,
  lastModified: number,
): boolean {
  const ifNoneMatch = request.header('if-none-match');
  if (ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  }
  const since = Date.parse(request.header('if-modified-since') ?? '');
  return !Number.isNaN(since) && Math.floor(lastModified / 1000) * 1000 <= since;
}

/** Answers a GET with `body` and its validators, or with 304 when the client's copy is current. */
export async function conditionalResponse(
  c: Context<AppEnv>,
  body: string,
  lastModified: number,
  headers: { contentType: string; cacheControl: string },
): Promise<Response> {
  const etag = await bodyEtag(body);
  const validators = {
    'Cache-Control': headers.cacheControl,
    ETag: etag,
    'Last-Modified': new Date(lastModified).toUTCString(),
  };
  if (isNotModified(c.req, etag, lastModified)) return c.body(null, 304, validators);
  return c.body(body, 200, { ...validators, 'Content-Type': headers.contentType });
}
