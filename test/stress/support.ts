// Shared pieces of the stress suite: a load generator that counts every answer, and reading the
// database of a running `wrangler dev` through wrangler's platform proxy.
import { openLocalPlatform } from '../../scripts/lib/platform';

/**
 * The local D1 of a wrangler state folder, opened once through wrangler's platform proxy
 * (scripts/lib/platform.ts, the way the project's scripts reach it): one process for every query,
 * instead of one `wrangler d1 execute` each, which on a busy machine costs many seconds apiece.
 */
export async function openD1(persistDir: string) {
  process.env.WT_PERSIST_DIR = persistDir;
  const platform = await openLocalPlatform();
  return {
    /** Rows of one SQL statement. */
    async query<Row>(sql: string): Promise<Row[]> {
      // This process and wrangler dev's workerd share one SQLite file: while the app writes (its
      // queue consumer settling emails after a load), the file can be locked for a moment.
      for (let attempt = 1; ; attempt++) {
        try {
          const { results } = await platform.env.DB.prepare(sql).all<Row>();
          return results;
        } catch (error) {
          if (attempt >= 20 || !/SQLITE_BUSY|database is locked/.test(String(error))) throw error;
          await new Promise((done) => setTimeout(done, 250));
        }
      }
    },
    dispose: () => platform.dispose(),
  };
}

/** A SQL string literal (test-made values only: ids and addresses we generated). */
export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

let ipCounter = 0;
/**
 * A client address never used before in this run. wrangler dev passes a client-supplied
 * cf-connecting-ip through to the Worker (checked by the suite: the 21st post from one address is
 * refused), so the public limiter (20 a minute per address) sees many people, as production would.
 */
export function nextClientIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** Posts a form as a page of the site would (same Origin), from the given client address. */
export function postForm(baseUrl: string, path: string, fields: Record<string, string>, ip: string) {
  return fetch(new URL(path, baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: baseUrl,
      accept: 'text/html',
      'cf-connecting-ip': ip,
    },
    body: new URLSearchParams(fields),
    signal: AbortSignal.timeout(60_000),
  });
}

/** One answered (or failed) request of a load run. */
export interface LoadSample {
  key: string;
  status: number | 'network-error';
  location: string | null;
  ms: number;
}

/** What a load run did, for assertions and for the figures printed at the end. */
export interface LoadReport {
  samples: LoadSample[];
  durationMs: number;
  statusCounts: Record<string, number>;
}

/** When a load run stops: after a time, or once it has sent a number of requests. */
export type LoadLimit = { ms: number } | { requests: number };

/**
 * Runs `concurrency` virtual users: each sends one request, waits for the whole answer, and sends
 * the next, until the limit is reached. Every request is recorded, failures included.
 */
export async function runLoad(
  concurrency: number,
  limit: LoadLimit,
  send: (n: number) => Promise<{ key: string; response: Response }>,
): Promise<LoadReport> {
  const samples: LoadSample[] = [];
  const started = Date.now();
  let next = 0;
  const more = () => ('ms' in limit ? Date.now() - started < limit.ms : next < limit.requests);
  const user = async () => {
    while (more()) {
      const n = next++;
      const t0 = Date.now();
      try {
        const { key, response } = await send(n);
        await response.arrayBuffer();
        samples.push({
          key,
          status: response.status,
          location: response.headers.get('location'),
          ms: Date.now() - t0,
        });
      } catch {
        samples.push({ key: `#${n}`, status: 'network-error', location: null, ms: Date.now() - t0 });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, user));
  return { samples, durationMs: Date.now() - started, statusCounts: countStatuses(samples) };
}

/** How many answers had each status. */
export function countStatuses(samples: { status: number | string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sample of samples) counts[String(sample.status)] = (counts[String(sample.status)] ?? 0) + 1;
  return counts;
}

/** The p-th percentile (0..100) of some latencies, in ms. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Prints one line of figures, prefixed so the README can quote the run (`grep '\[stress\]'`). */
export function printFigures(name: string, figures: Record<string, unknown>): void {
  console.log(`[stress] ${name}: ${JSON.stringify(figures)}`);
}
