// The shapes of the personal-data registry (registry.ts): what a source is and how it is erased.
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';

/** A found row, as exported (private-link hashes left out). */
export type FoundRow = Record<string, unknown>;

/** What erasing does to a table's rows. */
export type ErasureMode =
  /** The rows are deleted. */
  | 'delete'
  /** Personal fields are blanked; the row stays because counts or records depend on it. */
  | 'blank'
  /** Deleted only when the organizer explicitly ticks it (organizer accounts). */
  | 'delete-if-chosen'
  /** Shown, never erased: not a private person's data. */
  | 'keep';

/** Registry keys: the SQL table names. Each has `privacy.table.<key>` and `privacy.why.<key>` messages. */
export type PersonalDataKey =
  | 'letter_signatures'
  | 'day_registrations'
  | 'meetings'
  | 'bill_subscriptions'
  | 'outbox'
  | 'email_suppressions'
  | 'people'
  | 'organizers'
  | 'officials';

/** One table that can hold an address: how to find it and how to erase it. */
export interface PersonalDataSource {
  /** Stable key (the SQL table name), used in exports and in erasure records. */
  key: PersonalDataKey;
  table: SQLiteTable;
  /** The columns that can carry the address or other contact details (checked by a test). */
  columns: SQLiteColumn[];
  mode: ErasureMode;
  /** Rows holding the (lower-cased, trimmed) address. */
  find(db: Db, email: string): Promise<FoundRow[]>;
  /** The statements that erase the found rows (run together in one db.batch). */
  erase?(
    db: Db,
    email: string,
    rows: FoundRow[],
    at: number,
  ): BatchItem<'sqlite'>[] | Promise<BatchItem<'sqlite'>[]>;
}
