// The handler shape every collection shares: read paging and filter, load one page, serialise it.
import type { Context } from 'hono';
import { getDb, type Db } from '../db';
import type { ApiEnv } from './auth';
import { parseFilter, type ApiFilter } from './filter';
import { collectionPage, type CollectionPage } from './hal';
import { readPagePosition, type PagePosition } from './paging';
import type { Page } from './queries/keyset';
import { ApiLinks } from './resources/common';

/** How one collection loads and shows its rows. */
export interface CollectionSource<Row, Item> {
  /** `osdi:<name>` in `_embedded` and `_links`. */
  name: string;
  load(db: Db, filter: ApiFilter, position: PagePosition): Promise<Page<Row>>;
  toItem(row: Row, links: ApiLinks): Item;
  /** The row's place in (modified, id) order, for the next page's token. */
  positionOf(row: Row): { modified: number; id: string };
  /** Whether `email_address eq` is allowed (people only). */
  allowEmail?: boolean;
}

/** Links built from the address the request came to. */
export function linksFor(c: Context<ApiEnv>): ApiLinks {
  return new ApiLinks(new URL(c.req.url).origin);
}

/** One page of a collection for this request. */
export async function serveCollection<Row, Item>(
  c: Context<ApiEnv>,
  source: CollectionSource<Row, Item>,
): Promise<CollectionPage<Item>> {
  const query = c.req.query();
  const filter = parseFilter(query.filter, source.allowEmail ?? false);
  const position = readPagePosition(query);
  const db = getDb(c.env);
  const page = await source.load(db, filter, position);
  const links = linksFor(c);
  const last = page.rows.at(-1);
  return collectionPage(
    source.name,
    page.rows.map((row) => source.toItem(row, links)),
    { url: c.req.url, position, total: page.total, last: last ? source.positionOf(last) : null },
  );
}
