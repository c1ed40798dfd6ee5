// Paging of every collection: `page` and `per_page` as OSDI clients send them, served by keyset
// (modified, id) so that page 4,000 costs what page 1 costs. The `next` link carries the last row's
// position as an opaque `after` token; a `page=N` without it (a client that builds its own URLs)
// is served by skipping rows, which is correct but slower.
import { fromBase64Url, toBase64Url } from '../lib/base64url';

/** OSDI's max_pagesize: Action Network's too. */
export const MAX_PER_PAGE = 25;

/** Where a page starts: after a known row, or at a row count. */
export interface PagePosition {
  page: number;
  perPage: number;
  after: { modified: number; id: string } | null;
}

/** A page position from `page`, `per_page` and `after` (out-of-range values are clamped). */
export function readPagePosition(query: { page?: string; per_page?: string; after?: string }): PagePosition {
  const page = Math.max(1, Math.floor(Number(query.page)) || 1);
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(Number(query.per_page)) || MAX_PER_PAGE));
  return { page, perPage, after: query.after ? decodeAfter(query.after) : null };
}

/** The `after` token of a row. */
export function encodeAfter(modified: number, id: string): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([modified, id])));
}

function decodeAfter(token: string): PagePosition['after'] {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(token)));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { modified: value[0], id: value[1] };
    }
  } catch {
    // A token that is not ours: start at the page number instead.
  }
  return null;
}

/** How many rows to skip when there is no `after` token. */
export function rowsToSkip(position: PagePosition): number {
  return position.after ? 0 : (position.page - 1) * position.perPage;
}
