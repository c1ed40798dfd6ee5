// The columns of a table a query reads, named once: the select's shape and its row type both
// follow from the list (`db.select(pickColumns(letters, 'id', 'slug'))`).
import { getTableColumns, type Table } from 'drizzle-orm';

/** The named columns of `table`, keyed as in the table, for `db.select(...)`. */
export function pickColumns<T extends Table, K extends keyof T['_']['columns'] & string>(
  table: T,
  ...keys: K[]
): Pick<T['_']['columns'], K> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, columns[key]])) as Pick<T['_']['columns'], K>;
}
