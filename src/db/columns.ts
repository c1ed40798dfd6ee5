// Column builders every feature's tables repeat, written once (drizzle's "column helpers" pattern).
// Each call returns a fresh builder, named by its key under the snake_case casing, so the SQL
// drizzle-kit generates is the same as with the columns written out.
import { index, integer, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** The languages a person's emails can be in. */
const LANGS = ['en', 'es'] as const;

/** A moment in epoch milliseconds; null until it happens. */
export const epochMs = () => integer({ mode: 'number' });

/** A moment in epoch milliseconds that every row has (created, updated, at). */
export const epochMsNotNull = () => integer({ mode: 'number' }).notNull();

/** A yes/no column stored as 0/1, with the value a new row gets. */
export const flag = (initial: boolean) => integer({ mode: 'boolean' }).notNull().default(initial);

/** Marks demo content (scripts/demo), so it can be told apart and cleared. */
export const demoFlag = () => flag(false);

/** The language of a person's or official's emails. */
export const langColumn = () => text({ enum: LANGS }).notNull();

/** The language column for rows that start in English. */
export const langColumnDefaultEn = () => langColumn().default('en');

/** A required choice among fixed values, with the value a new row gets. */
export const choice = <U extends string, T extends Readonly<[U, ...U[]]>>(values: T, initial: T[number]) =>
  text({ enum: values }).notNull().default(initial);

/** The id of the row this one belongs to: required, and deleted with it. */
export const ownerId = (parent: () => AnySQLiteColumn) =>
  text().notNull().references(parent, { onDelete: 'cascade' });

/** The id of a row this one needs (no cascade: the parent is never deleted while it is named). */
export const requiredRef = (parent: () => AnySQLiteColumn) => text().notNull().references(parent);

/**
 * The cursor of a paged, resumable fan-out (db/fanout-cursor.ts) on the row that started it: its
 * status, the pages stored so far, the last recipient id stored, and when it last moved.
 */
export const fanoutCursorColumns = <U extends string, T extends Readonly<[U, ...U[]]>>(
  statuses: T,
  initial: T[number],
) => ({
  fanoutStatus: choice(statuses, initial),
  fanoutPage: integer().notNull().default(0),
  fanoutAfter: text().notNull().default(''),
  fanoutUpdatedAt: epochMsNotNull(),
});

/**
 * The index the resume job finds unfinished fan-outs by (status, then how long since they moved),
 * named `<table>_fanout_idx`; every table with fanoutCursorColumns has it.
 */
export const fanoutCursorIndex = (
  table: string,
  t: { fanoutStatus: AnySQLiteColumn; fanoutUpdatedAt: AnySQLiteColumn },
) => index(`${table}_fanout_idx`).on(t.fanoutStatus, t.fanoutUpdatedAt);

/** When a row was made and last changed: the pair most tables carry. */
export const timestamps = () => ({
  createdAt: epochMsNotNull(),
  updatedAt: epochMsNotNull(),
});

const optionalText = () => text();
const requiredText = () => text().notNull();
type OptionalText = ReturnType<typeof optionalText>;
type RequiredText = ReturnType<typeof requiredText>;

/**
 * Organizer-written text in English and Spanish (`<name>En`, `<name>Es`, read with lib's
 * `pick(row, name, lang)`): `required` says which of the two a row must have.
 */
export function bilingual<N extends string>(name: N): { [K in `${N}En` | `${N}Es`]: OptionalText };
export function bilingual<N extends string>(
  name: N,
  required: 'en',
): { [K in `${N}En`]: RequiredText } & { [K in `${N}Es`]: OptionalText };
export function bilingual<N extends string>(
  name: N,
  required: 'both',
): { [K in `${N}En` | `${N}Es`]: RequiredText };
export function bilingual(name: string, required: 'none' | 'en' | 'both' = 'none') {
  return {
    [`${name}En`]: required === 'none' ? optionalText() : requiredText(),
    [`${name}Es`]: required === 'both' ? requiredText() : optionalText(),
  };
}

/**
 * A private link's row: the SHA-256 of its token as the key (the token itself is never stored),
 * and when it was made (links end by age).
 */
export const privateLinkColumns = () => ({
  tokenHash: text().primaryKey(),
  createdAt: epochMsNotNull(),
});
