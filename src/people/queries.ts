// Every query of the people index the app runs: finding and merging (triggers fill it, see schema.ts).
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { runBatch } from '../db/batch';
import { insertNewRowsStatements } from '../db/chunks';
import { newId } from '../lib/tokens';
import { people, peopleTags, tags, type Person } from './schema';
import { findRow } from '../db/find';

/** What we call ourselves in `origin_system`. */
export const OUR_ORIGIN = 'Welcome Table';

/** The person with this address (any case), or null. */
export async function findPersonByEmail(db: Db, email: string): Promise<Person | null> {
  const row = await findRow(db, people, eq(people.email, email.trim().toLowerCase()));
  return row ?? null;
}

/** The person with this id, or null. */
export async function findPerson(db: Db, id: string): Promise<Person | null> {
  const row = await findRow(db, people, eq(people.id, id));
  return row ?? null;
}

/** What another system may tell us about a person; absent fields leave ours as they are. */
export type PersonChanges = Partial<
  Pick<
    Person,
    | 'givenName'
    | 'familyName'
    | 'clergyTitle'
    | 'tradition'
    | 'denomination'
    | 'congregation'
    | 'locality'
    | 'region'
    | 'postalCode'
    | 'lang'
    | 'emailStatus'
  >
> & { identifiers?: string[] };

/**
 * Creates the person for an address or merges into the one there is: fields sent replace ours,
 * fields not sent stay, identifiers are added to (never removed). Returns the person as stored.
 */
export async function mergePerson(
  db: Db,
  email: string,
  changes: PersonChanges,
  options: { originSystem: string; at: number },
): Promise<Person> {
  const address = email.trim().toLowerCase();
  const { identifiers = [], ...fields } = changes;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const known = await findPersonByEmail(db, address);
  if (!known) {
    await db
      .insert(people)
      .values({
        id: crypto.randomUUID(),
        email: address,
        ...defined,
        identifiers: [...new Set(identifiers)],
        originSystem: options.originSystem,
        createdAt: options.at,
        modifiedAt: options.at,
      })
      .onConflictDoNothing();
  } else {
    const merged = [...new Set([...known.identifiers, ...identifiers])];
    await db
      .update(people)
      .set({ ...defined, identifiers: merged, modifiedAt: Math.max(options.at, known.modifiedAt + 1) })
      .where(eq(people.id, known.id));
  }
  return (await findPersonByEmail(db, address))!;
}

/** A tag name as stored: trimmed, inner spaces collapsed. */
function tagName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** A tag name as compared: as stored, lower-cased ("  Volunteer " = "volunteer"). */
export function tagNameKey(name: string): string {
  return tagName(name).toLowerCase();
}

/**
 * Gives a person organizer tags by name: a name not stored yet becomes a tag (as first written), a
 * name that differs only in case or spacing is the tag there is, and a tag the person has already
 * stays as it was. One batch; safe to run twice.
 */
export async function tagPerson(
  db: Db,
  personId: string,
  names: readonly string[],
  options: { originSystem: string; at: number },
): Promise<void> {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = tagNameKey(name);
    if (key && !byKey.has(key)) byKey.set(key, tagName(name));
  }
  if (!byKey.size) return;
  const newTags = [...byKey].map(([nameKey, name]) => ({
    id: newId(),
    name,
    nameKey,
    originSystem: options.originSystem,
    createdAt: options.at,
    modifiedAt: options.at,
  }));
  await runBatch(db, [
    ...insertNewRowsStatements(db, tags, newTags),
    db
      .insert(peopleTags)
      .select(
        db
          .select({
            personId: sql<string>`${personId}`.as('person_id'),
            tagId: tags.id,
            createdAt: sql<number>`${options.at}`.as('created_at'),
          })
          .from(tags)
          .where(inArray(tags.nameKey, [...byKey.keys()])),
      )
      .onConflictDoNothing(),
  ]);
}
