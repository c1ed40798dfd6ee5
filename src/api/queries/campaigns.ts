// What people act on, as the API pages it: letters (petitions) and advocacy days (events).
import { and, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { advocacyDays, dayRegistrations, type AdvocacyDay } from '../../advocacy-days/schema';
import { letterTallies, letters, type Letter } from '../../letters/schema';
import { tallyOrZero } from '../../letters/queries';
import type { ApiFilter } from '../filter';
import type { PagePosition } from '../paging';
import { pageOf, type Keyset, type Page } from './keyset';

const PETITIONS: Keyset = { modified: letters.updatedAt, id: letters.id };
const EVENTS: Keyset = { modified: advocacyDays.updatedAt, id: advocacyDays.id };

/** A letter with the number of signatures that count. */
export type PetitionRow = Letter & { signatureCount: number };
/** A day with the number of seats taken. */
export type EventRow = AdvocacyDay & { registeredCount: number };

// The outer row's id is written with its table's name: drizzle renders a column of a one-table
// select bare ("id"), which inside the subquery would mean the registration's own id.
const registeredCount = sql<number>`(select count(*) from ${dayRegistrations} where ${dayRegistrations.dayId} = ${sql.raw('"advocacy_days"."id"')} and ${dayRegistrations.status} = 'registered')`;

/** Letters that were ever published (open or closed), never drafts. */
/** A letter the public and the API may open (drafts answer 404). */
export const PUBLISHED_LETTER = ne(letters.status, 'draft');
/** A day the public and the API may open. */
export const PUBLISHED_DAY = eq(advocacyDays.status, 'published');

/** A published collection's rows where a condition holds, in its order, one page of them. */
type RowsReader<Row> = (
  db: Db,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  offset: number,
) => Promise<Row[]>;

/** The pages of a published collection, and one of its rows by id, read through the same `rows`. */
function publishedCollection<Row>(
  keyset: Keyset,
  published: SQL,
  table: typeof letters | typeof advocacyDays,
  rows: RowsReader<Row>,
) {
  return {
    page: (db: Db, filter: ApiFilter, position: PagePosition): Promise<Page<Row>> =>
      pageOf(keyset, filter, position, published, {
        rows: (where, order, limit, offset) => rows(db, where, order, limit, offset),
        count: (where) => db.select({ n: count() }).from(table).where(where),
      }),
    find: async (db: Db, id: string): Promise<Row | null> =>
      (await rows(db, and(published, eq(table.id, id)), [], 1, 0))[0] ?? null,
  };
}

const petitions = publishedCollection<PetitionRow>(
  PETITIONS,
  PUBLISHED_LETTER,
  letters,
  async (db, where, order, limit, offset) =>
    (
      await db
        // The signatures that count, from the letter's tally row (the one definition of "signed").
        .select({ letter: letters, signatureCount: tallyOrZero(letterTallies.signed) })
        .from(letters)
        .leftJoin(letterTallies, eq(letterTallies.letterId, letters.id))
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset)
    ).map((row) => ({ ...row.letter, signatureCount: row.signatureCount })),
);

const events = publishedCollection<EventRow>(
  EVENTS,
  PUBLISHED_DAY,
  advocacyDays,
  async (db, where, order, limit, offset) =>
    (
      await db
        .select({ day: advocacyDays, registeredCount })
        .from(advocacyDays)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset)
    ).map((row) => ({ ...row.day, registeredCount: row.registeredCount })),
);

/** One page of petitions. */
export const pagePetitions = petitions.page;
/** One published petition, or null. */
export const findPetition = petitions.find;
/** One page of events. */
export const pageEvents = events.page;
/** One published event, or null. */
export const findEvent = events.find;
