// OSDI collections as HAL+JSON: the paging fields, the links, and the records in `_embedded`.
import * as z from 'zod';
import type { PagePosition } from './paging';
import { encodeAfter } from './paging';
import { apiSchemas, LinkSchema, type Link } from './resources/common';

/** The schema of a collection of `osdi:<name>` items. */
export function collectionSchema<Item extends z.ZodType>(name: string, item: Item) {
  return z
    .object({
      total_pages: z.number().int(),
      per_page: z.number().int(),
      page: z.number().int(),
      total_records: z.number().int(),
      _links: z.object({ self: LinkSchema, next: LinkSchema.optional(), previous: LinkSchema.optional() }),
      _embedded: z.object({ [`osdi:${name}`]: z.array(item) }),
    })
    .register(apiSchemas, { id: `${name[0]!.toUpperCase()}${name.slice(1)}Collection` });
}

/** A collection page as a plain object, before serialisation. */
export interface CollectionPage<Item> {
  total_pages: number;
  per_page: number;
  page: number;
  total_records: number;
  _links: { self: Link; next?: Link; previous?: Link };
  _embedded: Record<string, Item[]>;
}

/** What a page's links need: where the request was, and the last row's position. */
export interface PageContext {
  url: string;
  position: PagePosition;
  total: number;
  last: { modified: number; id: string } | null;
}

function withParams(url: string, params: Record<string, string | null>): Link {
  const next = new URL(url);
  for (const [name, value] of Object.entries(params)) {
    if (value === null) next.searchParams.delete(name);
    else next.searchParams.set(name, value);
  }
  return { href: next.toString() };
}

/**
 * One page of a collection. `next` follows the last row by its (modified, id) position, so rows
 * added while a client pages (they sort last) are neither skipped nor repeated; a page past the end
 * is an empty list (clients stop on that).
 */
export function collectionPage<Item>(
  name: string,
  items: Item[],
  context: PageContext,
): CollectionPage<Item> {
  const { position, total, url } = context;
  const totalPages = Math.ceil(total / position.perPage);
  const perPage = String(position.perPage);
  const links: CollectionPage<Item>['_links'] = { self: { href: url } };
  if (context.last && items.length === position.perPage && position.page < totalPages) {
    links.next = withParams(url, {
      page: String(position.page + 1),
      per_page: perPage,
      after: encodeAfter(context.last.modified, context.last.id),
    });
  }
  if (position.page > 1) {
    links.previous = withParams(url, { page: String(position.page - 1), per_page: perPage, after: null });
  }
  return {
    total_pages: totalPages,
    per_page: position.perPage,
    page: position.page,
    total_records: total,
    _links: links,
    _embedded: { [`osdi:${name}`]: items },
  };
}
