// People as the API pages them: the people index, newest changes last.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, type Person } from '../../people/schema';
import type { ApiFilter } from '../filter';
import type { PagePosition } from '../paging';
import { pageOf, tableReader, type Keyset, type Page } from './keyset';

const PEOPLE: Keyset = { modified: people.modifiedAt, id: people.id };

/** One page of people matching the filter. */
export function pagePeople(db: Db, filter: ApiFilter, position: PagePosition): Promise<Page<Person>> {
  return pageOf(
    PEOPLE,
    filter,
    position,
    filter.email === undefined ? undefined : eq(people.email, filter.email),
    tableReader(db, people),
  );
}
