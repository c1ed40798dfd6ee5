// drizzle-orm 0.45's D1 batch cannot bind the parameters of raw `db.run(sql`…`)` statements (it
// looks for a prepared `stmt` that raw queries do not have), and the capacity decisions here must be
// raw INSERT … SELECT / UPDATE statements inside the same batch as their emails. So batches go to D1
// directly: every item is turned into SQL and parameters, then `D1Database.batch` runs them as one
// atomic unit, exactly as `db.batch` would.
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQL } from 'drizzle-orm';
import type { Db } from '.';

type Compiled = { sql: string; params: unknown[] };

interface RawItem {
  getSQL(): SQL;
  dialect: { sqlToQuery(sql: SQL): Compiled };
}

function compile(item: BatchItem<'sqlite'>): Compiled {
  if ('toSQL' in item && typeof item.toSQL === 'function') return item.toSQL() as Compiled;
  const raw = item as unknown as RawItem;
  return raw.dialect.sqlToQuery(raw.getSQL());
}

/** Runs statements as one D1 batch (all or nothing), raw `db.run(sql…)` statements included. */
export async function runBatch(db: Db, items: readonly BatchItem<'sqlite'>[]): Promise<D1Result[]> {
  const client = db.$client;
  const statements = items.map((item) => {
    const { sql, params } = compile(item);
    return client.prepare(sql).bind(...params);
  });
  return client.batch(statements);
}
