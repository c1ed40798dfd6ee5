// A query that fails with personal data in its bound parameters never puts that data in a log
// line: the failing job's line, and the one logger's handling of any error it is given.
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../src/db';
import { FREQUENT_CRON, runScheduled, scheduledJobs } from '../../src/jobs';
import { type ScheduledJob } from '../../src/lib/jobs';
import { letterSignatures } from '../../src/letters/schema';
import { errorSummary, logEvent } from '../../src/lib/log';
import { stubFetch } from '../helpers';

const SECRET_EMAIL = 'leaky-person@example.org';
const SECRET_NAME = 'Esperanza Secretname';
const SECRET_LINK = 'https://welcome.test/letters/x/confirm/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

/** Every line written to the console while a test runs. */
let lines: string[];
let outside: ReturnType<typeof stubFetch>;

beforeEach(() => {
  lines = [];
  outside = stubFetch(() => new Response('offline in tests', { status: 503 }));
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  outside.restore();
});

/** A query that fails (no such letter: the foreign key refuses it) with personal data bound. */
async function failingInsert(): Promise<void> {
  await getDb(env).insert(letterSignatures).values({
    id: 'sig-leak',
    letterId: 'no-such-letter',
    email: SECRET_EMAIL,
    honorific: 'rev',
    firstName: SECRET_NAME,
    lastName: SECRET_LINK,
    role: 'clergy',
    tradition: 'mainline',
    city: 'Atlanta',
    state: 'GA',
    showPublicly: false,
    keepInformed: false,
    lang: 'en',
    confirmTokenHash: 'c-leak',
    withdrawTokenHash: 'w-leak',
    lastConfirmationAt: 1,
    createdAt: 1,
  });
}

function expectNoSecrets() {
  for (const line of lines) {
    expect(line, 'a log line').not.toContain(SECRET_EMAIL);
    expect(line, 'a log line').not.toContain(SECRET_NAME);
    expect(line, 'a log line').not.toContain(SECRET_LINK);
    expect(line, 'a log line').not.toMatch(/params|Failed query/i);
  }
}

describe('a failing scheduled job', () => {
  it('logs the job and the error name, never the query text or its parameters', async () => {
    // The query error really carries the email: that is what must not be written.
    const thrown = await failingInsert().catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Error);
    expect(`${(thrown as Error).message}`).toContain(SECRET_EMAIL);

    const failing: ScheduledJob = { name: 'test.failing', every: 'frequent', run: failingInsert };
    const jobs = scheduledJobs.splice(0, scheduledJobs.length, failing);
    try {
      await runScheduled(FREQUENT_CRON, env, Date.now());
    } finally {
      scheduledJobs.splice(0, scheduledJobs.length, ...jobs);
    }
    const failed = lines.filter((line) => line.includes('job.failed'));
    expect(failed).toHaveLength(1);
    expect(JSON.parse(failed[0]!)).toMatchObject({
      job: 'test.failing',
      error: { name: expect.any(String) },
    });
    expectNoSecrets();
  });
});

describe('logEvent, the one logger', () => {
  it('writes only the name and a fixed code of any error it is given', async () => {
    const thrown = await failingInsert().catch((error: unknown) => error);
    logEvent('error', 'test.query_failed', { error: thrown, nested: new Error(`to ${SECRET_EMAIL}`) });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line.error).toEqual(errorSummary(thrown));
    expect(line.nested).toEqual({ name: 'Error' });
    expectNoSecrets();
  });

  it('keeps a SQLite code when the error has one, and nothing else of the message', () => {
    const error = new Error(`D1_ERROR: UNIQUE constraint failed: SQLITE_CONSTRAINT (${SECRET_EMAIL})`);
    expect(errorSummary(error)).toEqual({ name: 'Error', code: 'SQLITE_CONSTRAINT' });
    expect(errorSummary('a string with ' + SECRET_EMAIL)).toEqual({ name: 'string' });
  });
});
