// Test doubles for fault injection: a Resend that keeps its promise about Idempotency-Key (a
// repeated key sends nothing new and answers as the first time) and can fail on purpose, and a D1
// binding whose calls can be made to throw.

import { sessionThrough } from '../helpers';

/** A small seeded random generator (mulberry32), so a failing run can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the fake Resend does with one call. */
export type ResendFault = 'none' | '429' | '500' | 'timeout-before' | 'timeout-after';

/**
 * A fake of Resend's API (POST /emails and /emails/batch) as a fetch handler. Like Resend, it
 * accepts each Idempotency-Key once: a repeat answers the first answer again and delivers nothing
 * new. `fault` decides, call by call, whether to fail: 429 with retry-after, 500, or a timeout
 * before Resend got the request, or after it accepted it (the answer is lost on the way back).
 */
export function fakeResend(fault: (call: number) => ResendFault) {
  const accepted = new Map<string, { status: number; body: unknown }>();
  /** Every acceptance of a key (a key accepted twice would appear twice). */
  const acceptances: string[] = [];
  /** Every email Resend delivered, by recipient. */
  const deliveredTo: string[] = [];
  const injected: Record<ResendFault, number> = {
    none: 0,
    '429': 0,
    '500': 0,
    'timeout-before': 0,
    'timeout-after': 0,
  };
  let calls = 0;
  let nextId = 0;

  const timeout = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError');

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== 'POST' || !/^\/emails(\/batch)?$/.test(url.pathname))
      return new Response('unexpected request', { status: 599 });
    calls += 1;
    const key = request.headers.get('idempotency-key');
    if (!key) return Response.json({ name: 'missing_idempotency_key' }, { status: 422 });
    const kind = fault(calls);
    injected[kind] += 1;
    if (kind === '429')
      return Response.json({ name: 'rate_limit_exceeded' }, { status: 429, headers: { 'retry-after': '2' } });
    if (kind === '500') return Response.json({ name: 'internal_server_error' }, { status: 500 });
    if (kind === 'timeout-before') throw timeout();

    let answer = accepted.get(key);
    if (!answer) {
      const payload = (await request.json()) as { to: string[] } | { to: string[] }[];
      const emails = Array.isArray(payload) ? payload : [payload];
      for (const email of emails) deliveredTo.push(...email.to);
      const ids = emails.map(() => `re_${++nextId}`);
      answer = {
        status: 200,
        body: Array.isArray(payload) ? { data: ids.map((id) => ({ id })) } : { id: ids[0] },
      };
      accepted.set(key, answer);
      acceptances.push(key);
    }
    if (kind === 'timeout-after') throw timeout();
    return Response.json(answer.body, { status: answer.status });
  }

  return {
    handle,
    acceptances,
    deliveredTo,
    injected,
    get calls() {
      return calls;
    },
  };
}

/** How many times each value occurs. */
export function tally(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Wraps a D1 binding: before each prepare() and batch(), `fault` may return an error to throw
 * (given the SQL, or null for a batch). Everything else goes to the real database.
 */
export function faultyD1(real: D1Database, fault: (sql: string | null) => Error | null): D1Database {
  const fake: D1Database = new Proxy(real, {
    get(target, property) {
      if (property === 'withSession') return () => sessionThrough(fake);
      if (property === 'prepare')
        return (sql: string) => {
          const error = fault(sql);
          if (error) throw error;
          return target.prepare(sql);
        };
      if (property === 'batch')
        return (statements: D1PreparedStatement[]) => {
          const error = fault(null);
          if (error) throw error;
          return target.batch(statements);
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return fake;
}

/** The error D1 gives when it is overloaded (a transient failure). */
export function overloaded(): Error {
  return new Error('D1_ERROR: Too many requests queued, the database is overloaded. Try again later.');
}
