// Private links end when their thing is over, plus a grace period: a registration's links 14 days
// after its day, a signer's withdraw link 30 days after the letter closed, a meeting record's link
// 30 days after the meeting was thanked or declined. Refused at once, deleted by the hourly clean-up.
import { createScheduledController } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocacyDays, dayRegistrationLinks, dayRegistrations } from '../../src/advocacy-days/schema';
import { getDb } from '../../src/db';
import { HOURLY_CRON } from '../../src/jobs';
import { updateLetter } from '../../src/letters/queries';
import { letterSignatures, letters } from '../../src/letters/schema';
import { DAY, HOUR } from '../../src/lib/time';
import { hashToken, newToken } from '../../src/lib/tokens';
import { meetings } from '../../src/meetings/schema';
import { officials } from '../../src/officials/schema';
import { request, stubFetch } from '../helpers';

const db = getDb(env);
const now = Date.now();
const tokens: Record<string, string> = {};
let outside: ReturnType<typeof stubFetch>;

async function link(name: string): Promise<string> {
  tokens[name] = newToken();
  return hashToken(tokens[name]);
}

async function seedDay(id: string, endedAgo: number) {
  await db.insert(advocacyDays).values({
    id,
    slug: id,
    title: id,
    summary: 'Summary',
    startsAt: now - endedAgo - 8 * HOUR,
    endsAt: now - endedAgo,
    placeName: 'Capitol',
    address: 'Capitol',
    state: 'ga',
    capacity: 10,
    registrationDeadline: now - endedAgo - 2 * DAY,
    status: 'published',
    reportSentAt: 1,
    createdAt: now - 60 * DAY,
  });
  await db.insert(dayRegistrations).values({
    id: `reg-${id}`,
    dayId: id,
    seq: 1,
    status: 'registered',
    name: 'Ana',
    email: `${id}@example.org`,
    faithRole: 'lay',
    checkInCode: `code-${id}`,
    reminder7SentAt: 1,
    reminder1SentAt: 1,
    debriefInviteSentAt: 1,
    createdAt: now - 30 * DAY,
  });
  await db
    .insert(dayRegistrationLinks)
    .values({ tokenHash: await link(id), registrationId: `reg-${id}`, createdAt: now - 30 * DAY });
}

async function seedLetter(id: string, closedAgo: number) {
  await db.insert(letters).values({
    id,
    slug: id,
    status: 'closed',
    titleEn: id,
    titleEs: id,
    bodyEn: 'Body',
    bodyEs: 'Cuerpo',
    closedAt: now - closedAgo,
    createdAt: now - 90 * DAY,
    updatedAt: now - closedAgo,
  });
  await db.insert(letterSignatures).values({
    id: `sig-${id}`,
    letterId: id,
    email: `${id}@example.org`,
    honorific: 'rev',
    firstName: 'Ana',
    lastName: 'Signer',
    role: 'clergy',
    tradition: 'mainline',
    city: 'Atlanta',
    state: 'GA',
    showPublicly: false,
    keepInformed: false,
    lang: 'en',
    confirmTokenHash: `confirm-${id}`,
    withdrawTokenHash: await link(id),
    lastConfirmationAt: now - 60 * DAY,
    confirmedAt: now - 60 * DAY,
    createdAt: now - 60 * DAY,
  });
}

async function seedMeeting(id: string, thankedAgo: number) {
  await db.insert(meetings).values({
    id,
    officialId: 'expiry-official',
    status: 'thanked',
    tokenHash: await link(id),
    senderName: 'Ana',
    senderEmail: `${id}@example.org`,
    groupName: 'St. Paul',
    city: 'Hartwell',
    purpose: 'Licenses',
    requestSubject: 'Meeting request',
    requestText: 'Dear Rep. Powell',
    heldOn: '2027-01-10',
    thankedAt: now - thankedAgo,
    createdAt: now - 60 * DAY,
    updatedAt: now - thankedAgo,
  });
}

beforeAll(async () => {
  outside = stubFetch(() => new Response('offline in tests', { status: 503 }));
  await db.insert(officials).values({
    id: 'expiry-official',
    name: 'Alan Powell',
    state: 'ga',
    chamber: 'lower',
    title: 'Representative',
    district: '33',
    email: 'alan.powell@house.ga.gov',
    source: 'manual',
    createdAt: now,
    updatedAt: now,
  });
  await seedDay('day-ended-15d', 15 * DAY);
  await seedDay('day-ended-13d', 13 * DAY);
  await seedLetter('letter-closed-31d', 31 * DAY);
  await seedLetter('letter-closed-29d', 29 * DAY);
  await seedMeeting('meeting-thanked-31d', 31 * DAY);
  await seedMeeting('meeting-thanked-29d', 29 * DAY);
});
afterAll(() => outside.restore());

describe('a registration’s private link', () => {
  it('works until 14 days after the day, then answers 410', async () => {
    expect((await request(`/days/r/${tokens['day-ended-13d']}`)).status).toBe(200);
    expect((await request(`/days/r/${tokens['day-ended-15d']}/debrief`)).status).toBe(410);
    expect((await request(`/days/r/${tokens['day-ended-15d']}`)).status).toBe(410);
  });
});

describe('a signer’s withdraw link', () => {
  it('works until 30 days after the letter closed, then answers 410', async () => {
    expect((await request(`/letters/letter-closed-29d/withdraw/${tokens['letter-closed-29d']}`)).status).toBe(
      200,
    );
    expect((await request(`/letters/letter-closed-31d/withdraw/${tokens['letter-closed-31d']}`)).status).toBe(
      410,
    );
  });

  it('ends from the moment an organizer closes the letter, kept through later edits', async () => {
    const [letter] = await db.select().from(letters).where(eq(letters.id, 'letter-closed-29d'));
    const input = {
      slug: letter!.slug,
      status: 'open' as const,
      titleEn: letter!.titleEn,
      titleEs: letter!.titleEs,
      bodyEn: letter!.bodyEn,
      bodyEs: letter!.bodyEs,
      addressees: '',
      deadline: null,
      goal: null,
    };
    await updateLetter(db, letter!.id, input, now);
    expect((await db.select().from(letters).where(eq(letters.id, letter!.id)))[0]!.closedAt).toBeNull();
    await updateLetter(db, letter!.id, { ...input, status: 'closed' }, now - HOUR);
    await updateLetter(db, letter!.id, { ...input, status: 'closed', titleEn: 'Edited' }, now);
    expect((await db.select().from(letters).where(eq(letters.id, letter!.id)))[0]!.closedAt).toBe(now - HOUR);
  });
});

describe('a meeting record’s link', () => {
  it('works until 30 days after the meeting was thanked, then answers 410', async () => {
    expect((await request(`/meetings/m/${tokens['meeting-thanked-29d']}`)).status).toBe(200);
    expect((await request(`/meetings/m/${tokens['meeting-thanked-31d']}`)).status).toBe(410);
  });
});

describe('the hourly clean-up', () => {
  it('deletes ended links and keeps the others', async () => {
    const worker = exports.default as unknown as { scheduled(c: ScheduledController): Promise<unknown> };
    await worker.scheduled(createScheduledController({ cron: HOURLY_CRON, scheduledTime: now }));
    const links = await db
      .select({ registrationId: dayRegistrationLinks.registrationId })
      .from(dayRegistrationLinks)
      .where(inArray(dayRegistrationLinks.registrationId, ['reg-day-ended-15d', 'reg-day-ended-13d']));
    expect(links.map((l) => l.registrationId)).toEqual(['reg-day-ended-13d']);
    const rows = await db
      .select({ id: meetings.id, tokenHash: meetings.tokenHash })
      .from(meetings)
      .where(inArray(meetings.id, ['meeting-thanked-31d', 'meeting-thanked-29d']))
      .orderBy(meetings.id);
    expect(rows.map((row) => [row.id, row.tokenHash === null])).toEqual([
      ['meeting-thanked-29d', false],
      ['meeting-thanked-31d', true],
    ]);
  });
});
