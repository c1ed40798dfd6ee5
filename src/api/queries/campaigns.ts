// What people act on, as the API pages it: letters (petitions) and advocacy days (events).
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { advocacyDays, dayRegistrations, type AdvocacyDay } from '../../advocacy-days/schema';
import { letterSignatures, letters, type Letter } from '../../letters/schema';
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
// select bare ("id"), which inside the subquery would mean the signature's or registration's own id.
const signatureCount = sql<number>`(select count(*) from ${letterSignatures} where ${letterSignatures.letterId} = ${sql.raw('"letters"."id"')} and ${letterSignatures.confirmedAt} is not null and ${letterSignatures.hiddenAt} is null)`;
const registeredCount = sql<number>`(select count(*) from ${dayRegistrations} where ${dayRegistrations.dayId} = ${sql.raw('"advocacy_days"."id"')} and ${dayRegistrations.status} = 'registered')`;

/** Letters that were ever published (open or closed), never drafts. */
/** A letter the public and the API may open (drafts answer 404). */
export const PUBLISHED_LETTER = ne(letters.status, 'draft');
/** A day the public and the API may open. */
export const PUBLISHED_DAY = eq(advocacyDays.status, 'published');

/** One page of petitions. */
export function pagePetitions(db: Db, filter: ApiFilter, position: PagePosition): Promise<Page<PetitionRow>> {
  return pageOf(PETITIONS, filter, position, PUBLISHED_LETTER, {
    rows: async (where, order, limit, offset) =>
      (
        await db
          .select({ letter: letters, signatureCount })
          .from(letters)
          .where(where)
          .orderBy(...order)
          .limit(limit)
          .offset(offset)
      ).map((row) => ({ ...row.letter, signatureCount: row.signatureCount })),
    count: (where) => db.select({ n: count() }).from(letters).where(where),
  });
}

/** One published petition, or null. */
export async function findPetition(db: Db, id: string): Promise<PetitionRow | null> {
  const [row] = await db
    .select({ letter: letters, signatureCount })
    .from(letters)
    .where(and(PUBLISHED_LETTER, eq(letters.id, id)));
  return row ? { ...row.letter, signatureCount: row.signatureCount } : null;
}

/** One page of events. */
export function pageEvents(db: Db, filter: ApiFilter, position: PagePosition): Promise<Page<EventRow>> {
  return pageOf(EVENTS, filter, position, PUBLISHED_DAY, {
    rows: async (where, order, limit, offset) =>
      (
        await db
          .select({ day: advocacyDays, registeredCount })
          .from(advocacyDays)
          .where(where)
          .orderBy(...order)
          .limit(limit)
          .offset(offset)
      ).map((row) => ({ ...row.day, registeredCount: row.registeredCount })),
    count: (where) => db.select({ n: count() }).from(advocacyDays).where(where),
  });
}

/** One published event, or null. */
export async function findEvent(db: Db, id: string): Promise<EventRow | null> {
  const [row] = await db
    .select({ day: advocacyDays, registeredCount })
    .from(advocacyDays)
    .where(and(PUBLISHED_DAY, eq(advocacyDays.id, id)));
  return row ? { ...row.day, registeredCount: row.registeredCount } : null;
}
