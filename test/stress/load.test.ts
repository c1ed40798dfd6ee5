// Load against a real `wrangler dev` (fresh database, migrations, demo content): a surge of
// signatures on one letter (2,000 from 100 connections, as after a viral share or a bulk alert),
// a race for the last seats of an advocacy day, and one address submitted many times at once. Every answer is counted and the database is read afterwards.
//
// Rate limit: the public POST limiter (RL_PUBLIC, 20 a minute per client key) keys on the
// cf-connecting-ip header. wrangler dev passes a client-supplied cf-connecting-ip through to the
// Worker (the first test proves it: the 21st post from one address is refused, a fresh address is
// not), so the load gives each request its own address, as 2,000 real people would have, and runs
// against the same wrangler.toml as production: no `[env.loadtest]` with looser limits is needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type BrowserHarness } from '../browser/harness';
import {
  countStatuses,
  nextClientIp,
  percentile,
  postForm,
  printFigures,
  openD1,
  runLoad,
  sqlText,
} from './support';

// The surge: 2,000 signatures through 100 connections at once, each connection sending its next
// signature as soon as the last is answered (about 20 seconds on a quiet two-core machine).
const SURGE_SIGNATURES = 2000;
const SURGE_CONNECTIONS = 100;
const LETTER = 'alder-county-trust-policy';
const SAME_EMAIL_LETTER = 'georgia-racial-profiling-prevention';
const RUN = Date.now().toString(36);

let server: BrowserHarness;
let database: Awaited<ReturnType<typeof openD1>>;
const queryD1 = <Row>(sql: string) => database.query<Row>(sql);

beforeAll(async () => {
  server = await startHarness({ browser: false });
  database = await openD1(server.persistDir);
}, 300_000);
afterAll(async () => {
  await database?.dispose();
  await server?.stop();
}, 60_000);

function signatureFields(email: string): Record<string, string> {
  return {
    honorific: 'rev',
    honorificOther: '',
    firstName: 'Ana',
    lastName: 'Reyes',
    role: 'clergy',
    tradition: 'mainline',
    denomination: 'ELCA',
    congregation: 'Grace Lutheran Church',
    city: 'Atlanta',
    state: 'GA',
    email,
    comment: 'Welcome the stranger.',
    showPublicly: 'on',
    keepInformed: '',
    website: '',
  };
}

async function letterId(slug: string): Promise<string> {
  const [row] = await queryD1<{ id: string }>(`SELECT id FROM letters WHERE slug = ${sqlText(slug)}`);
  if (!row) throw new Error(`demo letter ${slug} is missing`);
  return row.id;
}

describe('load against wrangler dev', () => {
  it('refuses the 21st public post from one address and not a fresh one (the limiter sees cf-connecting-ip)', async () => {
    const ip = nextClientIp();
    // The local limiter counts in windows aligned to the wall clock's minutes: 21 posts that
    // straddle a minute would start counting again. Start them early in a minute.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((done) => setTimeout(done, 60_500 - intoMinute));
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      // An invalid form: validated (422) after the limiter, nothing written.
      const response = await postForm(server.baseUrl, `/letters/${LETTER}/sign`, { firstName: '' }, ip);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(422));
    expect(statuses[20]).toBe(429);
    const fresh = await postForm(
      server.baseUrl,
      `/letters/${LETTER}/sign`,
      { firstName: '' },
      nextClientIp(),
    );
    expect(fresh.status).toBe(422);
  });

  it(`a surge of ${SURGE_SIGNATURES} signatures from ${SURGE_CONNECTIONS} connections: none lost, none doubled, no 5xx, every confirmation email queued`, async () => {
    const report = await runLoad(SURGE_CONNECTIONS, { requests: SURGE_SIGNATURES }, async (n) => {
      const email = `load-${RUN}-${n}@example.org`;
      const response = await postForm(
        server.baseUrl,
        `/letters/${LETTER}/sign`,
        signatureFields(email),
        nextClientIp(),
      );
      return { key: email, response };
    });
    const acknowledged = report.samples.filter(
      (s) => s.status === 303 && s.location?.endsWith(`/letters/${LETTER}/check-email`),
    );
    // The page the acknowledgement leads to is the "check your email" page.
    const page = await fetch(new URL(`/letters/${LETTER}/check-email`, server.baseUrl));
    expect(page.status).toBe(200);

    const id = await letterId(LETTER);
    const rows = await queryD1<{
      email: string;
      mails: number;
      mailStatus: string | null;
    }>(`SELECT s.email AS email,
              (SELECT count(*) FROM outbox o WHERE o.id = 'letters-confirm:' || s.id || ':1' AND o.to_address = s.email) AS mails,
              (SELECT status FROM outbox o WHERE o.id = 'letters-confirm:' || s.id || ':1') AS mailStatus
         FROM letter_signatures s
        WHERE s.letter_id = ${sqlText(id)} AND s.email LIKE ${sqlText(`load-${RUN}-%`)}`);
    const stored = new Map<string, number>();
    for (const row of rows) stored.set(row.email, (stored.get(row.email) ?? 0) + 1);
    // The queue consumer (the local mailbox in development) catches up after the load, slowly: the
    // local queue hands over 10 messages at most every second (max_batch_timeout). Give it 30 s and
    // report how far it got; none may have failed (delivery under faults is test/faults).
    const drainStarted = Date.now();
    const undelivered = () =>
      queryD1<{ count: number }>(
        `SELECT count(*) AS count FROM outbox WHERE template = 'letters-confirm'
           AND to_address LIKE ${sqlText(`load-${RUN}-%`)} AND status <> 'sent'`,
      ).then(([row]) => row?.count ?? 0);
    let left = await undelivered();
    while (left > 0 && Date.now() - drainStarted < 30_000) {
      await new Promise((done) => setTimeout(done, 2000));
      left = await undelivered();
    }
    const latencies = report.samples.map((s) => s.ms);
    printFigures('surge', {
      connections: SURGE_CONNECTIONS,
      durationS: Math.round(report.durationMs / 100) / 10,
      requestsSent: report.samples.length,
      requestsPerSecond: Math.round(report.samples.length / (report.durationMs / 1000)),
      acknowledged: acknowledged.length,
      statusCounts: report.statusCounts,
      latencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        max: percentile(latencies, 100),
      },
      signaturesStored: rows.length,
      confirmationEmailsAtEndOfLoad: countStatuses(rows.map((r) => ({ status: r.mailStatus ?? 'missing' }))),
      confirmationEmailsNotYetSentAfterDrain: left,
      drainSeconds: Math.round((Date.now() - drainStarted) / 1000),
    });

    // Every request got an answer, none of them a server error.
    expect(report.samples.filter((s) => s.status === 'network-error')).toEqual([]);
    expect(report.samples.filter((s) => typeof s.status === 'number' && s.status >= 500)).toEqual([]);
    expect(report.samples.length).toBe(SURGE_SIGNATURES);
    // Distinct people, distinct addresses: everyone was acknowledged.
    expect(acknowledged.length).toBe(report.samples.length);
    // Each acknowledged signature is stored exactly once, with its confirmation email in the outbox.
    const missing = acknowledged.filter((s) => stored.get(s.key) !== 1).map((s) => s.key);
    expect(missing).toEqual([]);
    expect(rows.length).toBe(acknowledged.length);
    expect(rows.filter((r) => r.mails !== 1).map((r) => r.email)).toEqual([]);
    // None of them failed; those not yet sent are waiting for the queue, untouched.
    const [notSent] = await queryD1<{ failed: number; waiting: number }>(
      `SELECT sum(status NOT IN ('pending', 'sending', 'sent')) AS failed,
              sum(status = 'pending' AND attempts = 0) AS waiting
         FROM outbox WHERE template = 'letters-confirm' AND to_address LIKE ${sqlText(`load-${RUN}-%`)}`,
    );
    expect(notSent?.failed ?? 0).toBe(0);
    expect(notSent?.waiting ?? 0).toBeLessThanOrEqual(left);
  });

  it('30 concurrent registrations for 10 seats: 10 registered, 20 waitlisted in arrival order (geocoder unreachable)', async () => {
    const dayId = `stress-day-${RUN}`;
    const slug = `stress-day-${RUN}`;
    const now = Date.now();
    const DAY = 86_400_000;
    await queryD1(`INSERT INTO advocacy_days (id, slug, title, summary, starts_at, ends_at, time_zone, place_name, address, state,
         capacity, registration_deadline, status, created_at)
       VALUES (${sqlText(dayId)}, ${sqlText(slug)}, 'Stress Advocacy Day', 'Ten seats, thirty people.',
         ${now + 30 * DAY}, ${now + 30 * DAY + 8 * 3_600_000}, 'America/New_York', 'Georgia State Capitol',
         '206 Washington St SW, Atlanta, GA 30334', 'ga', 10, ${now + 20 * DAY}, 'published', ${now})`);
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const response = await postForm(
          server.baseUrl,
          `/days/${slug}/register`,
          {
            name: `Person ${i}`,
            email: `day-${RUN}-${i}@example.org`,
            phone: '404-555-0100',
            // Not one of the recorded demo addresses: the Census geocoder is really called, and it
            // is unreachable here (or cannot place it): registrations go through, districts wait.
            address: `${i + 1} Nowhere Lane, Testville, GA 39901`,
            congregation: 'St. Mark UMC',
            faithRole: 'lay',
            languages: 'English, Spanish',
            accessibilityNeeds: '',
            dietaryNeeds: '',
            ride: 'none',
            rideSeats: '',
            photoConsent: 'on',
            website: '',
          },
          nextClientIp(),
        );
        await response.arrayBuffer();
        return {
          email: `day-${RUN}-${i}@example.org`,
          status: response.status,
          location: response.headers.get('location'),
        };
      }),
    );
    const durationMs = Date.now() - started;
    const rows = await queryD1<{
      email: string;
      seq: number;
      status: string;
      districtStatus: string;
      mails: string;
      waitText: string | null;
    }>(`SELECT r.email AS email, r.seq AS seq, r.status AS status, r.district_status AS districtStatus,
              (SELECT group_concat(o.template) FROM outbox o
                WHERE o.id IN ('days-seat:' || r.id, 'days-waitlisted:' || r.id)) AS mails,
              (SELECT o.text_body FROM outbox o WHERE o.id = 'days-waitlisted:' || r.id) AS waitText
         FROM day_registrations r WHERE r.day_id = ${sqlText(dayId)} ORDER BY r.seq`);
    printFigures('seats', {
      requests: responses.length,
      durationMs,
      statusCounts: countStatuses(responses),
      registered: rows.filter((r) => r.status === 'registered').length,
      waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
      districtsPending: rows.filter((r) => r.districtStatus === 'pending').length,
    });

    // Everyone gets the same "check your email" answer (nobody learns who is on the list).
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(303));
    expect(new Set(responses.map((r) => r.location))).toEqual(new Set([`/days/${slug}/check-email`]));
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows.slice(0, 10).every((r) => r.status === 'registered')).toBe(true);
    expect(rows.slice(10).every((r) => r.status === 'waitlisted')).toBe(true);
    // Each person's waitlist email names their own place, and the places follow the order of arrival.
    const places = rows
      .slice(10)
      .map((r) => Number(/Your place on the waitlist: (\d+)/.exec(r.waitText ?? '')?.[1]));
    expect(places).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // One confirmation each, of the right kind; the geocoder is unreachable here, so districts wait.
    for (const row of rows)
      expect(row.mails).toBe(row.status === 'registered' ? 'days-confirmation' : 'days-waitlisted');
    expect(rows.every((r) => r.districtStatus === 'pending')).toBe(true);
  });

  it('the same address registering for a day 20 times at once: one registration, one answer for all', async () => {
    const dayId = `stress-same-day-${RUN}`;
    const now = Date.now();
    const DAY = 86_400_000;
    await queryD1(`INSERT INTO advocacy_days (id, slug, title, summary, starts_at, ends_at, time_zone, place_name, address, state,
         capacity, registration_deadline, status, created_at)
       VALUES (${sqlText(dayId)}, ${sqlText(dayId)}, 'Same Address Day', 'One person, twenty tries.',
         ${now + 30 * DAY}, ${now + 30 * DAY + 8 * 3_600_000}, 'America/New_York', 'Georgia State Capitol',
         '206 Washington St SW, Atlanta, GA 30334', 'ga', 10, ${now + 20 * DAY}, 'published', ${now})`);
    const email = `same-day-${RUN}@example.org`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const response = await postForm(
          server.baseUrl,
          `/days/${dayId}/register`,
          {
            name: `Try ${i}`,
            email,
            address: '1 Nowhere Lane, Testville, GA 39901',
            faithRole: 'lay',
            ride: 'none',
            website: '',
          },
          nextClientIp(),
        );
        await response.arrayBuffer();
        return { status: response.status, location: response.headers.get('location') };
      }),
    );
    const registrations = await queryD1<{ id: string }>(
      `SELECT id FROM day_registrations WHERE day_id = ${sqlText(dayId)} AND email = ${sqlText(email)}`,
    );
    const mails = await queryD1<{ template: string }>(
      `SELECT template FROM outbox WHERE to_address = ${sqlText(email)} ORDER BY template`,
    );
    printFigures('same-address-day', {
      requests: responses.length,
      statusCounts: countStatuses(responses),
      registrations: registrations.length,
      emails: mails.length,
    });
    expect(responses.every((r) => r.status === 303 && r.location === `/days/${dayId}/check-email`)).toBe(
      true,
    );
    expect(registrations).toHaveLength(1);
    // One confirmation; the 19 repeats add exactly one "already registered" email between them.
    expect(mails.map((m) => m.template)).toEqual(['days-already-registered', 'days-confirmation']);
  });

  it('the same email submitted 20 times at once: one signature, at most one confirmation email', async () => {
    const email = `same-${RUN}@example.org`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const response = await postForm(
          server.baseUrl,
          `/letters/${SAME_EMAIL_LETTER}/sign`,
          signatureFields(email),
          nextClientIp(),
        );
        await response.arrayBuffer();
        return { status: response.status, location: response.headers.get('location') };
      }),
    );
    const id = await letterId(SAME_EMAIL_LETTER);
    const signatures = await queryD1<{ id: string }>(
      `SELECT id FROM letter_signatures WHERE letter_id = ${sqlText(id)} AND email = ${sqlText(email)}`,
    );
    const mails = await queryD1<{ id: string }>(
      `SELECT id FROM outbox WHERE template = 'letters-confirm' AND to_address = ${sqlText(email)}`,
    );
    printFigures('same-email', {
      requests: responses.length,
      statusCounts: countStatuses(responses),
      signatures: signatures.length,
      confirmationEmails: mails.length,
    });
    // Everyone sees the same "check your email" page (nobody learns whether the address signed).
    expect(responses.every((r) => r.status === 303 && r.location?.endsWith('/check-email'))).toBe(true);
    expect(signatures).toHaveLength(1);
    expect(mails.length).toBeLessThanOrEqual(1);
    expect(mails.map((m) => m.id)).toEqual([`letters-confirm:${signatures[0]!.id}:1`]);
  });
});
