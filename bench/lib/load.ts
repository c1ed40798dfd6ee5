// One load run with autocannon, and the summary of several rounds.
import autocannon from 'autocannon';

/** What one side of a scenario sends. */
export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Builds a distinct body for each request (n counts from 0 across the whole run). */
  body?: (n: number) => string;
  /** Extra headers per request (e.g. a distinct client address). */
  perRequestHeaders?: (n: number) => Record<string, string>;
  /** The status a correct answer has (200, or 303 for a form post). */
  expectStatus: 200 | 303;
}

/** The figures of one run. */
export interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers with another status than expected, plus errors and timeouts. */
  bad: number;
}

let counter = 0;

/** Drives one target for `seconds` with `connections` concurrent connections. */
export async function drive(target: LoadTarget, connections: number, seconds: number): Promise<RunFigures> {
  const url = new URL(target.url);
  const result = await autocannon({
    url: url.origin,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: target.method ?? 'GET',
        path: url.pathname + url.search,
        headers: target.headers,
        setupRequest: (request) => {
          const n = counter++;
          const headers = { ...request.headers, ...target.perRequestHeaders?.(n) };
          return target.body ? { ...request, headers, body: target.body(n) } : { ...request, headers };
        },
      },
    ],
  });
  const good = target.expectStatus === 200 ? result['2xx'] : result['3xx'];
  const total = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    rps: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: total,
    bad: total - good + result.errors + result.timeouts,
  };
}

/** The median of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
