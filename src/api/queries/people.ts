// People as the API pages them: the people index, newest changes last.
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, type Person } from '../../people/schema';
import type { ApiFilter } from '../filter';
import type { PagePosition } from '../paging';
import { pageOf, type Keyset, type Page } from './keyset';

const PEOPLE: Keyset = { modified: people.modifiedAt, id: people.id };

/** One page of people matching the filter. */
export function pagePeople(db: Db, filter: ApiFilter, position: PagePosition): Promise<Page<Person>> {
  return pageOf(
    PEOPLE,
    filter,
    position,
    filter.email === undefined ? undefined : eq(people.email, filter.email),
    {
      rows: (where, order, limit, offset) =>
        db
          .select()
          .from(people)
          .where(where)
          .orderBy(...order)
          .limit(limit)
          .offset(offset),
      count: (where) => db.select({ n: count() }).from(people).where(where),
    },
  );
}
