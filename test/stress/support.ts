// Shared pieces of the stress suite: a load generator that counts every answer, and reading the
// database of a running `wrangler dev` with `wrangler d1 execute --local --persist-to DIR --json`.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');

/** Rows of one SQL statement run on the local D1 of a wrangler state folder. */
export async function queryD1<Row>(persistDir: string, sql: string): Promise<Row[]> {
  const { stdout } = await run(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['d1', 'execute', 'DB', '--local', '--persist-to', persistDir, '--json', '--command', sql],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
        CI: '1',
        WRANGLER_SEND_METRICS: 'false',
      },
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const parsed = JSON.parse(stdout) as { results: Row[] }[];
  return parsed.flatMap((result) => result.results);
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

/**
 * Runs `concurrency` virtual users for `durationMs`: each sends one request, waits for the whole
 * answer, and sends the next, until the time is up. Every request is recorded, failures included.
 */
export async function runLoad(
  concurrency: number,
  durationMs: number,
  send: (n: number) => Promise<{ key: string; response: Response }>,
): Promise<LoadReport> {
  const samples: LoadSample[] = [];
  const started = Date.now();
  let next = 0;
  const user = async () => {
    while (Date.now() - started < durationMs) {
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
