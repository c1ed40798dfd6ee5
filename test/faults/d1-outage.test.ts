// D1 answering "overloaded": idempotent work retried by withD1Retry, and a person signing a letter
// during an outage told to try again (503, Retry-After, their text shown back), never told it
// worked; once the database is back, signing again stores exactly one signature.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { getDb } from '../../src/db';
import { withD1Retry } from '../../src/db/retry';
import { isTransientD1Error } from '../../src/db/errors';
import { outbox } from '../../src/email/schema';
import { letterSignatures } from '../../src/letters/schema';
import { ORIGIN, sessionThrough } from '../helpers';
import { freshIp, makeLetter, signatureFields } from '../letters/fixtures';
import { faultyD1, overloaded } from './support';

const app = buildApp();

/** A D1 binding that answers "overloaded" to its first `failures` calls, then works. */
function flakyDb(failures: number) {
  let calls = 0;
  let refused = 0;
  const db = faultyD1(env.DB, () => {
    calls += 1;
    if (refused < failures) {
      refused += 1;
      return overloaded();
    }
    return null;
  });
  return {
    db,
    get calls() {
      return calls;
    },
    get refused() {
      return refused;
    },
  };
}

async function signThrough(database: D1Database, slug: string, fields: Record<string, string>, lang = 'en') {
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(new URL(`/letters/${slug}/sign`, ORIGIN), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        accept: 'text/html',
        'accept-language': lang,
        'cf-connecting-ip': freshIp(),
      },
      body: new URLSearchParams(fields),
    }),
    { ...env, DB: database } as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

describe('D1 overloaded', () => {
  it('withD1Retry retries an idempotent read through two "overloaded" answers', async () => {
    const flaky = flakyDb(2);
    const letter = await makeLetter();
    const row = await withD1Retry(() =>
      flaky.db.prepare('SELECT slug FROM letters WHERE id = ?').bind(letter.id).first<{ slug: string }>(),
    );
    expect(row?.slug).toBe(letter.slug);
    expect(flaky.refused).toBe(2);
    expect(flaky.calls).toBe(3);
  });

  it('withD1Retry gives up after its attempts and passes the error on (for the 503 page)', async () => {
    const flaky = flakyDb(Infinity);
    await expect(withD1Retry(() => flaky.db.prepare('SELECT 1').first())).rejects.toThrow(/overloaded/);
    expect(flaky.calls).toBe(3);
  });

  it('withD1Retry does not repeat work that failed for another reason', async () => {
    let calls = 0;
    await expect(
      withD1Retry(async () => {
        calls += 1;
        throw new Error('D1_ERROR: UNIQUE constraint failed: letters.slug');
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(calls).toBe(1);
  });

  it('a signature sent during an outage gets a 503 "try again" page with Retry-After and the text, never a success page; sent again later, it is stored once', async () => {
    const letter = await makeLetter();
    const fields = signatureFields({ comment: 'Welcome the stranger, Leviticus 19:34' });
    const outage = flakyDb(Infinity);

    for (const lang of ['en', 'es']) {
      const response = await signThrough(outage.db, letter.slug, fields, lang);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.headers.get('location')).toBeNull();
      // The page holds the person's own words: not cached anywhere.
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      expect(html).toContain(
        lang === 'en' ? 'Please try again in a moment' : 'Inténtelo de nuevo en un momento',
      );
      // What the person wrote is on the page, so nothing they typed is lost.
      expect(html).toContain('Welcome the stranger, Leviticus 19:34');
      expect(html).toContain(fields.congregation!);
    }
    expect(outage.refused).toBeGreaterThan(0);
    const db = getDb(env);
    const stored = () =>
      db
        .select()
        .from(letterSignatures)
        .where(and(eq(letterSignatures.letterId, letter.id), eq(letterSignatures.email, fields.email!)));
    expect(await stored()).toHaveLength(0);

    // The database recovers after a few more refusals: the person sends the form again.
    const recovering = flakyDb(0);
    const again = await signThrough(recovering.db, letter.slug, fields);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/letters/${letter.slug}/check-email`);
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(await db.select().from(outbox).where(eq(outbox.toAddress, fields.email!))).toHaveLength(1);
  });

  it('a D1 outage that starts after the signature is stored never shows the person a success page without the row', async () => {
    // Fail every call from the Nth on, for each N: whatever the point of failure, either the
    // person sees the success redirect and the signature is stored with its email, or they see
    // the 503 page.
    let outcomes = 0;
    const seen: Record<string, number> = {};
    for (let healthyCalls = 0; healthyCalls < 8; healthyCalls++) {
      const letter = await makeLetter();
      const fields = signatureFields();
      let calls = 0;
      const partial = faultyD1(env.DB, () => (++calls > healthyCalls ? overloaded() : null));
      const response = await signThrough(partial, letter.slug, fields);
      const rows = await getDb(env)
        .select({ id: letterSignatures.id })
        .from(letterSignatures)
        .where(eq(letterSignatures.letterId, letter.id));
      if (response.status === 303) {
        expect(rows).toHaveLength(1);
        expect(
          await getDb(env).select().from(outbox).where(eq(outbox.toAddress, fields.email!)),
        ).toHaveLength(1);
      } else {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).not.toBeNull();
      }
      seen[response.status] = (seen[response.status] ?? 0) + 1;
      outcomes += 1;
    }
    console.log(`[faults] D1 overloaded from call 1..8 of a signing: ${JSON.stringify(seen)}`);
    expect(outcomes).toBe(8);
  });
});

/** A D1 binding whose first `failures` statement executions answer "overloaded", as D1 does. */
function overloadedOnExecution(failures: number) {
  const state = { executions: 0, refused: 0 };
  const statement = (real: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(real, {
      get(target, property) {
        if (property === 'bind') return (...values: unknown[]) => statement(target.bind(...values));
        const value = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (['all', 'first', 'raw', 'run'].includes(String(property))) {
          return async (...args: unknown[]) => {
            state.executions += 1;
            if (state.refused < failures) {
              state.refused += 1;
              throw overloaded();
            }
            return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const db: D1Database = new Proxy(env.DB, {
    get(target, property) {
      if (property === 'withSession') return () => sessionThrough(db);
      if (property === 'prepare') return (query: string) => statement(target.prepare(query));
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, state };
}

describe('getDb on an overloaded D1', () => {
  it('retries a read through two "overloaded" answers', async () => {
    const flaky = overloadedOnExecution(2);
    const rows = await getDb({ DB: flaky.db })
      .select({ id: letterSignatures.id })
      .from(letterSignatures)
      .limit(1);
    expect(Array.isArray(rows)).toBe(true);
    expect(flaky.state.refused).toBe(2);
    expect(flaky.state.executions).toBe(3);
  });

  it('runs a write once and passes the failure on, so the person sees the 503 page', async () => {
    const flaky = overloadedOnExecution(1);
    await expect(
      getDb({ DB: flaky.db }).delete(letterSignatures).where(eq(letterSignatures.id, 'no-such-signature')),
    ).rejects.toSatisfy((error: Error) => isTransientD1Error(error));
    expect(flaky.state.executions).toBe(1);
  });
});
