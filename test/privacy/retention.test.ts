// The retention promises of docs/privacy.md, checked across features through the Worker's own
// hourly Cron handler: old personal data goes, fresh data stays, and a second run changes nothing.
import { createScheduledController } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { advocacyDays, dayRegistrations } from '../../src/advocacy-days/schema';
import { outbox } from '../../src/email/schema';
import { HOURLY_CRON } from '../../src/jobs';
import { letterSignatures } from '../../src/letters/schema';
import { DAY, HOUR } from '../../src/lib/time';
import { stubFetch } from '../helpers';
import { db, seedParents } from './seed';

const now = Date.UTC(2027, 2, 1, 12, 0, 0);
let outside: ReturnType<typeof stubFetch>;

async function runHourly(at: number) {
  // `scheduled()` on the Worker's own entrypoint exists with service_binding_extra_handlers (vitest.config.ts).
  const worker = exports.default as unknown as {
    scheduled(controller: ScheduledController): Promise<unknown>;
  };
  await worker.scheduled(createScheduledController({ cron: HOURLY_CRON, scheduledTime: at }));
}

/** Every row of every table, to compare two runs. */
async function snapshot(): Promise<string> {
  const { results: tables } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' order by name",
  ).all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of tables) {
    const { results } = await env.DB.prepare(`select * from "${name}" order by rowid`).all();
    parts.push(`${name}:${JSON.stringify(results)}`);
  }
  return parts.join('\n');
}

function signature(id: string, createdAt: number, confirmedAt: number | null) {
  return {
    id,
    letterId: 'p-letter',
    email: `${id}@example.org`,
    honorific: 'rev',
    firstName: 'Ana',
    lastName: id,
    role: 'clergy' as const,
    tradition: 'mainline',
    city: 'Atlanta',
    state: 'GA',
    showPublicly: true,
    keepInformed: false,
    lang: 'en' as const,
    confirmTokenHash: `c-${id}`,
    withdrawTokenHash: `w-${id}`,
    lastConfirmationAt: createdAt,
    confirmedAt,
    createdAt,
  };
}

function registration(id: string, dayId: string, seq: number) {
  return {
    id,
    dayId,
    seq,
    status: 'registered' as const,
    name: `Person ${id}`,
    email: `${id}@example.org`,
    phone: '404-555-0100',
    address: '12 Peachtree St, Atlanta, GA',
    faithRole: 'lay' as const,
    districtStatus: 'found' as const,
    homeState: 'ga',
    upperDistrict: '36',
    lowerDistrict: '58',
    checkInCode: `code-${id}`,
    // Reminders and debrief invitations already went out, so the hourly jobs have nothing to send.
    reminder7SentAt: 1,
    reminder1SentAt: 1,
    debriefInviteSentAt: 1,
    createdAt: now - 200 * DAY,
  };
}

function day(id: string, endsAt: number) {
  return {
    id,
    slug: id,
    title: id,
    summary: 'Summary',
    startsAt: endsAt - 8 * HOUR,
    endsAt,
    placeName: 'Capitol',
    address: '206 Washington St SW',
    state: 'ga',
    capacity: 10,
    registrationDeadline: endsAt - 10 * DAY,
    status: 'published' as const,
    reportSentAt: 1,
    createdAt: now - 300 * DAY,
  };
}

function email(id: string, createdAt: number, status: 'sent' | 'pending') {
  return {
    id,
    template: 'letters-confirm',
    toAddress: `${id}@example.org`,
    lang: 'en',
    subject: `Subject ${id}`,
    textBody: `Text body ${id}`,
    htmlBody: `<p>Html body ${id}</p>`,
    status,
    // Pending rows are not yet due, so the frequent sweep (not run here) would leave them too.
    nextAttemptAt: now + DAY,
    createdAt,
    sentAt: status === 'sent' ? createdAt : null,
  };
}

beforeAll(async () => {
  // The hourly jobs must not reach the outside world from a test.
  outside = stubFetch(() => new Response('offline in tests', { status: 503 }));
  await seedParents();
  await db.batch([
    db
      .insert(letterSignatures)
      .values([
        signature('sig-unconfirmed-8d', now - 8 * DAY, null),
        signature('sig-unconfirmed-6d', now - 6 * DAY, null),
        signature('sig-confirmed-old', now - 60 * DAY, now - 60 * DAY + HOUR),
      ]),
    db
      .insert(advocacyDays)
      .values([day('day-ended-91d', now - 91 * DAY), day('day-ended-89d', now - 89 * DAY)]),
    db
      .insert(dayRegistrations)
      .values([
        registration('reg-old-day', 'day-ended-91d', 1),
        registration('reg-recent-day', 'day-ended-89d', 1),
      ]),
    db
      .insert(outbox)
      .values([
        email('mail-sent-91d', now - 91 * DAY, 'sent'),
        email('mail-sent-89d', now - 89 * DAY, 'sent'),
        email('mail-pending-91d', now - 91 * DAY, 'pending'),
      ]),
  ]);
});

afterAll(() => outside.restore());

describe('retention jobs, run by the hourly Cron handler', () => {
  it('deletes what has expired and keeps the rest', async () => {
    await runHourly(now);

    const signatures = await db
      .select({ id: letterSignatures.id })
      .from(letterSignatures)
      .where(inArray(letterSignatures.id, ['sig-unconfirmed-8d', 'sig-unconfirmed-6d', 'sig-confirmed-old']));
    expect(signatures.map((s) => s.id).sort()).toEqual(['sig-confirmed-old', 'sig-unconfirmed-6d']);

    const [old] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, 'reg-old-day'));
    expect(old).toMatchObject({ phone: null, address: null, upperDistrict: '36', lowerDistrict: '58' });
    expect(old!.personalDataDeletedAt).toBe(now);
    const [recent] = await db
      .select()
      .from(dayRegistrations)
      .where(eq(dayRegistrations.id, 'reg-recent-day'));
    expect(recent).toMatchObject({ phone: '404-555-0100', address: '12 Peachtree St, Atlanta, GA' });

    const mails = Object.fromEntries(
      (
        await db
          .select()
          .from(outbox)
          .where(inArray(outbox.id, ['mail-sent-91d', 'mail-sent-89d', 'mail-pending-91d']))
      ).map((row) => [row.id, row]),
    );
    expect(mails['mail-sent-91d']).toMatchObject({
      textBody: '',
      htmlBody: '',
      subject: 'Subject mail-sent-91d',
    });
    expect(mails['mail-sent-89d']).toMatchObject({ textBody: 'Text body mail-sent-89d' });
    // Not delivered yet: the body is still needed to send it.
    expect(mails['mail-pending-91d']).toMatchObject({ textBody: 'Text body mail-pending-91d' });
  });

  it('changes nothing when run a second time', async () => {
    const before = await snapshot();
    await runHourly(now);
    expect(await snapshot()).toBe(before);
  });
});
