// Who may debrief a team's meeting, and who gets the meeting record's private link: only the
// team's own registered members, only from the day's start; the link goes to the team by email.
import { env } from 'cloudflare:workers';
import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerForDay } from '../../src/advocacy-days/registration';
import { dayDebriefs, dayRegistrations, dayTeams } from '../../src/advocacy-days/schema';
import type { AdvocacyDay } from '../../src/advocacy-days/schema';
import { meetings } from '../../src/meetings/schema';
import { officials } from '../../src/officials/schema';
import { DAY, HOUR } from '../../src/lib/time';
import { postForm, request } from '../helpers';
import { createDay, db, outboxRows } from './fixtures';

const atlanta = { status: 'found' as const, state: 'ga', upperDistrict: '36', lowerDistrict: '58' };

function input(email: string) {
  return {
    name: email.split('@')[0]!,
    email,
    phone: null,
    address: '206 Washington St SW, Atlanta, GA 30334',
    congregation: 'First Church',
    faithRole: 'lay' as const,
    languages: null,
    needsInterpretation: false,
    accessibilityNeeds: null,
    dietaryNeeds: null,
    firstTime: false,
    willingToShareStory: false,
    ride: 'none' as const,
    rideSeats: null,
    photoConsent: false,
  };
}

const debrief = (teamId: string) => ({
  teamId,
  whatTheySaid: 'She listened and asked for data.',
  commitment: 'Will read our letter',
  stance: 'leaning_yes',
  followUp: '',
});

/** A day with two teams; returns the people's private tokens. */
async function dayWithTeams(startsAt: number) {
  const now = Date.now();
  const day = await createDay({
    startsAt,
    endsAt: startsAt + 8 * HOUR,
    registrationDeadline: startsAt - DAY,
  });
  const [teamA, teamB] = await db
    .insert(dayTeams)
    .values([
      {
        id: `${day.id}-a`,
        dayId: day.id,
        officialId: 'ocd-person/debrief-sen',
        chamber: 'upper',
        district: '36',
        label: 'Sen. Nan Orrock',
        createdAt: now,
      },
      {
        id: `${day.id}-b`,
        dayId: day.id,
        officialId: 'ocd-person/debrief-rep',
        chamber: 'lower',
        district: '58',
        label: 'Rep. Park Cannon',
        createdAt: now,
      },
    ])
    .returning();
  const people: Record<string, string> = {};
  const place = async (who: string, teamId: string | null, role: 'facilitator' | null = null) => {
    const email = `${who}-${day.id}@example.org`;
    const seat = await registerForDay(db, env, day, input(email), 'en', atlanta, startsAt - 10 * DAY);
    if (seat.kind !== 'registered') throw new Error('expected a seat');
    await db
      .update(dayRegistrations)
      .set({ teamId, teamRole: role })
      .where(eq(dayRegistrations.id, seat.registration.id));
    people[who] = seat.token;
    return email;
  };
  const emails = {
    facilitator: await place('facilitator', teamA!.id, 'facilitator'),
    member: await place('member', teamA!.id),
    outsider: await place('outsider', teamB!.id),
    teamless: await place('teamless', null),
  };
  return { day, teamA: teamA!, teamB: teamB!, tokens: people, emails };
}

async function debriefsOf(day: AdvocacyDay) {
  return db.select().from(dayDebriefs).where(eq(dayDebriefs.dayId, day.id));
}

beforeAll(async () => {
  const at = Date.now();
  const official = (id: string, chamber: 'upper' | 'lower', district: string, name: string) => ({
    id,
    name,
    state: 'ga',
    chamber,
    title: chamber === 'upper' ? 'Senator' : 'Representative',
    district,
    email: `${district}@legis.ga.gov`,
    source: 'openstates' as const,
    createdAt: at,
    updatedAt: at,
  });
  await db
    .insert(officials)
    .values([
      official('ocd-person/debrief-sen', 'upper', '36', 'Nan Orrock'),
      official('ocd-person/debrief-rep', 'lower', '58', 'Park Cannon'),
    ]);
});

describe('POST /days/r/:token/debrief', () => {
  it('refuses a debrief before the day starts, even from the team, and records nothing', async () => {
    const { day, teamA, tokens } = await dayWithTeams(Date.now() + 21 * DAY);
    const page = await request(`/days/r/${tokens.member}/debrief`);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('Debriefs open when the day begins');
    const post = await postForm(`/days/r/${tokens.member}/debrief`, debrief(teamA.id));
    expect(post.status).toBe(403);
    expect(await debriefsOf(day)).toHaveLength(0);
    expect(
      await db
        .select()
        .from(meetings)
        .where(like(meetings.originRef, `%${day.id}%`)),
    ).toHaveLength(0);
  });

  it('refuses someone from another team, or on no team, and records nothing', async () => {
    const { day, teamA, tokens } = await dayWithTeams(Date.now() - 2 * HOUR);
    const outsider = await postForm(`/days/r/${tokens.outsider}/debrief`, debrief(teamA.id));
    expect(outsider.status).toBe(422);
    const form = await (await request(`/days/r/${tokens.outsider}/debrief`)).text();
    expect(form).not.toContain(teamA.id);
    const teamless = await postForm(`/days/r/${tokens.teamless}/debrief`, debrief(teamA.id));
    expect(teamless.status).toBe(403);
    expect(await teamless.text()).toContain('Only your team can debrief its meeting');
    expect(await debriefsOf(day)).toHaveLength(0);
    expect(
      await db
        .select()
        .from(meetings)
        .where(like(meetings.originRef, `%${day.id}%`)),
    ).toHaveLength(0);
    expect((await outboxRows('days-meeting-record:')).filter((row) => row.to.includes(day.id))).toHaveLength(
      0,
    );
  });

  it('takes a member’s debrief and emails the meeting record’s link to the team only', async () => {
    const { day, teamA, tokens, emails } = await dayWithTeams(Date.now() - 2 * HOUR);
    const response = await postForm(`/days/r/${tokens.member}/debrief`, debrief(teamA.id));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('we emailed everyone on your team');
    // The link is not handed to whoever sent the form: it goes to the team's inboxes.
    expect(page).not.toMatch(/\/meetings\/m\//);

    const [meeting] = await db
      .select()
      .from(meetings)
      .where(like(meetings.originRef, `%${day.id}:${teamA.id}`));
    // The thank-you goes out in the facilitator's name.
    expect(meeting).toMatchObject({ status: 'held', senderEmail: emails.facilitator });
    const sent = (await outboxRows('days-meeting-record:')).filter((row) => row.to.includes(day.id));
    expect(sent.map((row) => row.to).sort()).toEqual([emails.facilitator, emails.member].sort());
    const link = /\/meetings\/m\/([A-Za-z0-9_-]{20,})/.exec(sent[0]!.text)![1]!;
    expect(sent[1]!.text).toContain(link);
    expect((await request(`/meetings/m/${link}`)).status).toBe(200);
  });
});
