// Letters' queries: letters.
import { and, asc, desc, eq, inArray, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db';
import { isUniqueViolation } from '../../db/errors';
import { searchOfficials } from '../../officials/queries';
import { officials, type Official } from '../../officials/schema';
import { letterAddresseeOfficials, letterTallies, letters, type Letter } from '../schema';
import type { LetterTally } from '../tally';
import type { LetterInput } from '../validation';
import { s, tallyOrZero } from './shared';
import { findRow, listRows } from '../../db/find';

/** One letter by its public slug; undefined when there is none. */
export async function getLetterBySlug(db: Db, slug: string): Promise<Letter | undefined> {
  return findRow(db, letters, eq(letters.slug, slug));
}

// A surge of signatures reads the same letter row on every POST. Each isolate keeps the letter it
// read for signing a few seconds: an organizer's edit through updateLetter forgets it here, other
// isolates see the edit within SIGNING_LETTER_TTL_MS. A letter still closes on time, since the
// deadline is compared with the clock (signingState), not cached.
const SIGNING_LETTER_TTL_MS = 5_000;
const lettersForSigning = new Map<string, { letter: Letter | undefined; expires: number }>();

/**
 * The letter a signature is for, by slug: as getLetterBySlug, read at most once per
 * SIGNING_LETTER_TTL_MS by this isolate when `reuse` (off in the Worker tests, which change rows
 * behind the app's back).
 */
export async function getLetterForSigning(
  db: Db,
  slug: string,
  options: { reuse: boolean; now?: number },
): Promise<Letter | undefined> {
  const now = options.now ?? Date.now();
  const kept = options.reuse ? lettersForSigning.get(slug) : undefined;
  if (kept && kept.expires > now) return kept.letter;
  const letter = await getLetterBySlug(db, slug);
  // A few hundred letters at most are signed at once; past that, start over.
  if (lettersForSigning.size >= 500) lettersForSigning.clear();
  if (options.reuse) lettersForSigning.set(slug, { letter, expires: now + SIGNING_LETTER_TTL_MS });
  return letter;
}

/** Forgets every letter kept for signing in this isolate (after an organizer's edit). */
function forgetLettersForSigning(): void {
  lettersForSigning.clear();
}

/** One letter by id; undefined when there is none. */
export async function getLetterById(db: Db, id: string): Promise<Letter | undefined> {
  return findRow(db, letters, eq(letters.id, id));
}

/**
 * Letters open for signatures (status open) with how many signatures count, soonest deadline
 * first; the caller drops those past their deadline.
 */
export async function listOpenLetters(db: Db): Promise<(Letter & { signed: number })[]> {
  const rows = await db
    .select({ letter: letters, signed: tallyOrZero(letterTallies.signed) })
    .from(letters)
    .leftJoin(letterTallies, eq(letterTallies.letterId, letters.id))
    .where(eq(letters.status, 'open'))
    .orderBy(asc(letters.deadline), desc(letters.createdAt));
  return rows.map(({ letter, signed }) => ({ ...letter, signed }));
}

/** Public letters (open and closed), newest first, for /letters. */
export async function listPublicLetters(db: Db): Promise<Letter[]> {
  return listRows(db, letters, inArray(letters.status, ['open', 'closed']), {
    orderBy: [desc(letters.status), desc(letters.createdAt)],
    limit: 100,
  });
}

/** Every letter with its tally (see LetterTally), for the organizer list. */
export async function listLettersWithCounts(db: Db): Promise<(Letter & { tally: LetterTally })[]> {
  const rows = await db
    .select({
      letter: letters,
      confirmed: tallyOrZero(letterTallies.confirmed),
      signed: tallyOrZero(letterTallies.signed),
      named: tallyOrZero(letterTallies.named),
      hidden: tallyOrZero(letterTallies.hidden),
    })
    .from(letters)
    .leftJoin(letterTallies, eq(letterTallies.letterId, letters.id))
    .orderBy(desc(letters.createdAt));
  return rows.map(({ letter, ...tally }) => ({ ...letter, tally }));
}

/** Thrown when a new or edited letter would take a slug another letter has. */
export class SlugTakenError extends Error {
  constructor() {
    super('slug taken');
    this.name = 'SlugTakenError';
  }
}

/** Stores a new letter; throws SlugTakenError when the slug is in use. */
export async function createLetter(db: Db, id: string, input: LetterInput, at: number): Promise<void> {
  try {
    await db.insert(letters).values({
      id,
      ...input,
      closedAt: input.status === 'closed' ? at : null,
      createdAt: at,
      updatedAt: at,
    });
  } catch (error) {
    if (isUniqueViolation(error, 'letters.slug')) throw new SlugTakenError();
    throw error;
  }
}

/** Saves an organizer's changes to a letter; throws SlugTakenError when the slug is in use. */
export async function updateLetter(db: Db, id: string, input: LetterInput, at: number): Promise<void> {
  try {
    await db
      .update(letters)
      .set({
        ...input,
        // The first moment it was closed is kept through later edits; reopening clears it.
        closedAt: input.status === 'closed' ? sql`coalesce(${letters.closedAt}, ${at})` : null,
        updatedAt: at,
      })
      .where(eq(letters.id, id));
    forgetLettersForSigning();
  } catch (error) {
    if (isUniqueViolation(error, 'letters.slug')) throw new SlugTakenError();
    throw error;
  }
}

// ------------------------------------------------------------------------------------------------
// Addressees from the officials directory

/** Officials a letter is addressed to, by name. */
export async function listLetterOfficials(db: Db, letterId: string): Promise<Official[]> {
  return (await officialsOf(db, letterId)).map((row) => row.official);
}

/** The addressee section of the letter form: the letter's officials and those matching a search. */
export interface LetterAddresseePicker {
  officials: Official[];
  officialResults: Official[];
}

/** Loads the addressee section of the letter form; `query` searches officials by name when given. */
export async function loadAddresseePicker(
  db: Db,
  letterId: string,
  query: string,
): Promise<LetterAddresseePicker> {
  const [addressed, found] = await Promise.all([
    listLetterOfficials(db, letterId),
    query ? searchOfficials(db, { name: query, limit: 10 }) : undefined,
  ]);
  return { officials: addressed, officialResults: found?.rows ?? [] };
}

// By the letter's id or a subquery giving it (readLetterPage batches it).
export const officialsOf = (db: Db, letterId: string | SQLWrapper) =>
  db
    .select({ official: officials })
    .from(letterAddresseeOfficials)
    .innerJoin(officials, eq(officials.id, letterAddresseeOfficials.officialId))
    .where(eq(letterAddresseeOfficials.letterId, letterId))
    .orderBy(asc(officials.name));

/** Adds an official as an addressee (adding twice changes nothing). */
export async function addLetterOfficial(db: Db, letterId: string, officialId: string, at: number) {
  await db
    .insert(letterAddresseeOfficials)
    .values({ letterId, officialId, createdAt: at })
    .onConflictDoNothing();
}

/** Removes an official from a letter's addressees. */
export async function removeLetterOfficial(db: Db, letterId: string, officialId: string) {
  await db
    .delete(letterAddresseeOfficials)
    .where(
      and(
        eq(letterAddresseeOfficials.letterId, letterId),
        eq(letterAddresseeOfficials.officialId, officialId),
      ),
    );
}
