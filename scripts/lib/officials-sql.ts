// The officials import as SQL text, for `wrangler d1 execute --remote --file` (no bindings there):
// the same drizzle statements the local import runs, with their bound values written as literals.
import { drizzle } from 'drizzle-orm/d1';
import type { ImportPlan } from '../../src/officials/import';
import { importStatements } from '../../src/officials/queries';

/** SQL literal for one bound value (our statements only bind strings, numbers and null). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** One SQL statement per line of the plan, values inlined; empty when there is nothing to do. */
export function importPlanToSql(plan: ImportPlan, at: number): string[] {
  // Never executed: drizzle only needs a database object to build statements for toSQL().
  const builder = drizzle({} as D1Database, { casing: 'snake_case' });
  return importStatements(builder, plan, at).map((statement) => {
    const { sql, params } = (statement as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
    // Placeholders are the only "?" drizzle writes: every value, text included, is a bound parameter.
    let index = 0;
    return `${sql.replace(/\?/g, () => literal(params[index++]))};`;
  });
}
