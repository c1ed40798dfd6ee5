import { isTransientD1Error } from './errors';

/**
 * Runs idempotent database work again when D1 answers "overloaded" or drops the connection.
 * Only for reads and writes that are safe to repeat (upserts, conditional inserts keyed by id).
 */
export async function withD1Retry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientD1Error(error)) throw error;
      const backoff = 50 * 2 ** attempt + Math.random() * 50;
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
}

// Statements that only read: safe to send again when D1 is briefly overloaded.
const READ_ONLY = /^\s*(select|with|pragma)\b/i;
const unwrapped = new WeakMap<object, D1PreparedStatement>();

/**
 * The D1 binding with every read-only statement retried through `withD1Retry`, so a page read
 * survives a brief "overloaded"; writes and batches run once, and a failure becomes the 503 page.
 */
export function retryingReads(d1: D1Database): D1Database {
  return new Proxy(d1, {
    get(target, property) {
      if (property === 'prepare')
        return (query: string) => wrapStatement(target.prepare(query), READ_ONLY.test(query));
      if (property === 'batch') {
        return (statements: D1PreparedStatement[]) =>
          target.batch(statements.map((s) => unwrapped.get(s) ?? s));
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function wrapStatement(statement: D1PreparedStatement, readOnly: boolean): D1PreparedStatement {
  const wrapped = new Proxy(statement, {
    get(target, property) {
      if (property === 'bind')
        return (...values: unknown[]) => wrapStatement(target.bind(...values), readOnly);
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (
        readOnly &&
        (property === 'all' || property === 'first' || property === 'raw' || property === 'run')
      ) {
        return (...args: unknown[]) =>
          withD1Retry(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      }
      return value.bind(target);
    },
  });
  unwrapped.set(wrapped, statement);
  return wrapped;
}
