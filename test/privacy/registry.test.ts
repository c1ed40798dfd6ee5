import { is } from 'drizzle-orm';
import { SQLiteTable, getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/schema';
import { notPersonalColumns, personalDataSources } from '../../src/privacy/queries/registry';

/** Column names that can hold a person's email or other contact details. */
const CONTACT_LIKE = /e_?mail|address|reply_?to|^cc$|phone|contact|attendee/i;

const tables = Object.values(schema).filter((value) => is(value, SQLiteTable)) as unknown as SQLiteTable[];

function label(table: SQLiteTable, column: SQLiteColumn): string {
  return `${getTableConfig(table).name}.${column.name}`;
}

describe('privacy registry', () => {
  it('reads the tables from the schema', () => {
    expect(tables.length).toBeGreaterThan(10);
  });

  it('covers every column named like an email, address, phone or contact', () => {
    const covered = new Set<SQLiteColumn>([
      ...personalDataSources.flatMap((source) => source.columns),
      ...notPersonalColumns.map((entry) => entry.column),
    ]);
    const missing: string[] = [];
    for (const table of tables) {
      for (const column of getTableConfig(table).columns) {
        if (CONTACT_LIKE.test(column.name) && !covered.has(column)) missing.push(label(table, column));
      }
    }
    // A failure here means a table gained a column that can hold someone's contact details:
    // add it to personalDataSources in src/privacy/registry.ts (find, export and erase it) or,
    // if it never holds a private person's details, to notPersonalColumns with the reason.
    expect(missing).toEqual([]);
  });

  it('lists each table once, with columns of that table', () => {
    const keys = personalDataSources.map((source) => source.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const source of personalDataSources) {
      expect(getTableConfig(source.table as SQLiteTable).name).toBe(source.key);
      const own = new Set<SQLiteColumn>(getTableConfig(source.table as SQLiteTable).columns);
      for (const column of source.columns) expect(own.has(column)).toBe(true);
      if (source.mode !== 'keep') expect(source.erase).toBeTypeOf('function');
    }
  });
});
