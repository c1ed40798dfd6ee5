import { isTransientD1Error } from '../web/errors';

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
