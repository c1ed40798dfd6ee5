import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  deleteExpiredPersonalData,
  sendDebriefInvites,
  sendDueReminders,
  sendMissedPromotionNotices,
} from '../../src/advocacy-days/jobs';
import { openRegistration } from '../../src/advocacy-days/contact-fields';
import { registerForDay } from '../../src/advocacy-days/registration';
import { dayRegistrations, dayTeams } from '../../src/advocacy-days/schema';
import { DAY, HOUR } from '../../src/lib/time';
import { HOURLY_CRON, runScheduled } from '../../src/jobs';
import { createDay, db, outboxRows, registrationInput } from './fixtures';
import type { RegistrationInput } from '../../src/advocacy-days/validation';

/** A registration with a phone (retention and erasure clear it). */
const input = (email: string, over: Partial<RegistrationInput> = {}) =>
  registrationInput(email, { phone: '404-555-0100', ...over });

const found = { status: 'found' as const, state: 'ga', upperDistrict: '36', lowerDistrict: '58' };

describe('reminders', () => {
  it('sends the 7-day and the 1-day reminder exactly once each, however often the job runs', async () => {
    const now = Date.now();
    const day = await createDay({
      startsAt: now + 6 * DAY,
      endsAt: now + 6 * DAY + 8 * HOUR,
      registrationDeadline: now + 5 * DAY,
      capacity: 2,
    });
    const registeredAt = now - 10 * DAY;
    const a = await registerForDay(db, env, day, input('a@example.org'), 'en', found, registeredAt);
    await registerForDay(db, env, day, input('b@example.org'), 'es', found, registeredAt);
    await registerForDay(db, env, day, input('waiting@example.org'), 'en', found, registeredAt);
    expect(a.kind).toBe('registered');

    // A team with a meeting time and a role, so the reminder carries them.
    const teamId = `team-${day.id}-upper-36`;
    await db.insert(dayTeams).values({
      id: teamId,
      dayId: day.id,
      chamber: 'upper',
      district: '36',
      label: 'Senator Test',
      meetingAt: day.startsAt + 5 * HOUR,
      room: '341',
      createdAt: now,
    });
    await db
      .update(dayRegistrations)
      .set({ teamId, teamRole: 'storyteller' })
      .where(eq(dayRegistrations.email, 'a@example.org'));

    // The job runs twice in a row, and twice at once.
    expect(await sendDueReminders(db, env, now)).toBe(2);
    expect(await sendDueReminders(db, env, now + HOUR)).toBe(0);
    await Promise.all([sendDueReminders(db, env, now + 2 * HOUR), sendDueReminders(db, env, now + 2 * HOUR)]);
    const sevens = await outboxRows('days-reminder-7:');
    const mine = sevens.filter((row) =>
      ['a@example.org', 'b@example.org', 'waiting@example.org'].includes(row.to),
    );
    expect(mine.map((row) => row.to).sort()).toEqual(['a@example.org', 'b@example.org']);
    const toA = mine.find((row) => row.to === 'a@example.org')!;
    expect(toA.subject).toContain('In one week');
    expect(toA.text).toContain('Senator Test');
    expect(toA.text).toContain('room 341');
    expect(toA.text).toContain('Storyteller');
    expect(mine.find((row) => row.to === 'b@example.org')!.subject).toContain('En una semana');

    // One day before: the 1-day reminder, once.
    const oneDayBefore = day.startsAt - DAY + HOUR;
    expect(await sendDueReminders(db, env, oneDayBefore)).toBe(2);
    expect(await sendDueReminders(db, env, oneDayBefore + HOUR)).toBe(0);
    const ones = (await outboxRows('days-reminder-1:')).filter(
      (row) => row.to.endsWith('@example.org') && row.subject.includes(day.title),
    );
    expect(ones.map((row) => row.to).sort()).toEqual(['a@example.org', 'b@example.org']);
  });

  it('runs from the hourly Cron through runScheduled', async () => {
    const now = Date.now();
    const day = await createDay({
      startsAt: now + 6 * DAY,
      endsAt: now + 6 * DAY + 8 * HOUR,
      registrationDeadline: now + 5 * DAY,
    });
    const result = await registerForDay(db, env, day, input('cron@example.org'), 'en', found, now - 9 * DAY);
    expect(result.kind).toBe('registered');
    await runScheduled(HOURLY_CRON, env, now);
    await runScheduled(HOURLY_CRON, env, now);
    expect(
      (await outboxRows('days-reminder-7:')).filter((row) => row.to === 'cron@example.org'),
    ).toHaveLength(1);
  });
});

describe('retention', () => {
  it('deletes phones and street addresses 90 days after the day and keeps districts', async () => {
    const now = Date.now();
    const old = await createDay({
      startsAt: now - 100 * DAY,
      endsAt: now - 91 * DAY,
      registrationDeadline: now - 101 * DAY,
    });
    const recent = await createDay({
      startsAt: now - 20 * DAY,
      endsAt: now - 19 * DAY,
      registrationDeadline: now - 21 * DAY,
    });
    // Registrations made while the days were open.
    await registerForDay(db, env, old, input('old@example.org'), 'en', found, now - 105 * DAY);
    await registerForDay(db, env, recent, input('recent@example.org'), 'en', found, now - 25 * DAY);

    expect(await deleteExpiredPersonalData(db, now)).toBe(1);
    expect(await deleteExpiredPersonalData(db, now)).toBe(0);
    const [oldRow] = await db
      .select()
      .from(dayRegistrations)
      .where(eq(dayRegistrations.email, 'old@example.org'));
    expect(oldRow).toMatchObject({
      phone: null,
      address: null,
      upperDistrict: '36',
      lowerDistrict: '58',
      homeState: 'ga',
    });
    expect(oldRow!.personalDataDeletedAt).toBe(now);
    const [recentRow] = await db
      .select()
      .from(dayRegistrations)
      .where(eq(dayRegistrations.email, 'recent@example.org'));
    // Stored sealed; opened, they are what the person typed.
    expect(recentRow!.phone).toMatch(/^wt1\./);
    expect(await openRegistration(db, recentRow!)).toMatchObject({
      phone: '404-555-0100',
      address: '206 Washington St SW, Atlanta, GA 30334',
    });
  });
});

describe('debrief invitations', () => {
  it('ask everyone who checked in, once, after the day', async () => {
    const now = Date.now();
    const day = await createDay({
      startsAt: now - 10 * HOUR,
      endsAt: now - 2 * HOUR,
      registrationDeadline: now - DAY,
    });
    await registerForDay(db, env, day, input('came@example.org'), 'en', found, now - 5 * DAY);
    await registerForDay(db, env, day, input('absent@example.org'), 'en', found, now - 5 * DAY);
    await db
      .update(dayRegistrations)
      .set({ checkedInAt: now - 9 * HOUR })
      .where(eq(dayRegistrations.email, 'came@example.org'));
    expect(await sendDebriefInvites(db, env, now)).toBe(1);
    expect(await sendDebriefInvites(db, env, now)).toBe(0);
    const invites = (await outboxRows('days-debrief:')).filter((row) => row.to === 'came@example.org');
    expect(invites).toHaveLength(1);
    expect(invites[0]!.text).toMatch(/\/days\/r\/[A-Za-z0-9_-]+\/debrief/);
  });
});

describe('missed promotion notices', () => {
  it('are sent by the frequent job when the request that promoted someone did not get to it', async () => {
    const now = Date.now();
    const day = await createDay({ capacity: 1 });
    await registerForDay(db, env, day, input('p@example.org'), 'en', found, now);
    // A promotion whose email was never written (the request ended after the UPDATE).
    const [row] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.email, 'p@example.org'));
    await db
      .update(dayRegistrations)
      .set({ promotedAt: now - 5 * 60_000 })
      .where(eq(dayRegistrations.id, row!.id));
    expect(await sendMissedPromotionNotices(db, env, now)).toBe(1);
    expect(await sendMissedPromotionNotices(db, env, now)).toBe(0);
    expect(await outboxRows(`days-promoted:${row!.id}`)).toHaveLength(1);
  });
});
