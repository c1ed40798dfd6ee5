import { describe, expect, it } from 'vitest';
import {
  ALREADY_REGISTERED_EMAIL_EVERY_MS,
  checkRoles,
  dueReminders,
  mayEmailAlreadyRegistered,
  normaliseCheckInCode,
  newCheckInCode,
  personalDataExpired,
  proposeTeams,
  registrationClosedReason,
  seatsLeft,
  suggestRoles,
  waitlistPosition,
  type RoleCandidate,
} from '../../src/advocacy-days/decisions';
import { buildReport } from '../../src/advocacy-days/debriefs';
import type { Debrief } from '../../src/advocacy-days/schema';
import { utcToZonedInput, zonedInputToUtc } from '../../src/advocacy-days/calendar';
import { DAY, HOUR } from '../../src/lib/time';

describe('mayEmailAlreadyRegistered', () => {
  it('allows the first email, then one per ten minutes', () => {
    const at = 1_800_000_000_000;
    expect(ALREADY_REGISTERED_EMAIL_EVERY_MS).toBe(10 * 60_000);
    expect(mayEmailAlreadyRegistered(null, at)).toBe(true);
    expect(mayEmailAlreadyRegistered(at, at)).toBe(false);
    expect(mayEmailAlreadyRegistered(at, at + ALREADY_REGISTERED_EMAIL_EVERY_MS - 1)).toBe(false);
    expect(mayEmailAlreadyRegistered(at, at + ALREADY_REGISTERED_EMAIL_EVERY_MS)).toBe(true);
  });
});

describe('seatsLeft', () => {
  it('never goes below zero', () => {
    expect(seatsLeft(10, 3)).toBe(7);
    expect(seatsLeft(10, 12)).toBe(0);
  });
});

describe('registrationClosedReason', () => {
  const day = { status: 'published' as const, registrationDeadline: 1000, startsAt: 2000 };
  it('is open before the deadline and closed from it on', () => {
    expect(registrationClosedReason(day, 999)).toBeNull();
    expect(registrationClosedReason(day, 1000)).toBe('deadline');
    expect(registrationClosedReason(day, 2000)).toBe('past');
    expect(registrationClosedReason({ ...day, status: 'draft' }, 0)).toBe('draft');
  });
});

describe('waitlistPosition', () => {
  it('counts the people waiting who arrived earlier', () => {
    expect(waitlistPosition(15, [11, 12, 15, 20])).toBe(3);
    expect(waitlistPosition(11, [11, 12])).toBe(1);
  });
});

describe('dueReminders', () => {
  const startsAt = 100 * DAY;
  const base = { startsAt, seatSince: 0, reminder7SentAt: null, reminder1SentAt: null };
  it('is due 7 days before, then 1 day before, never after the start', () => {
    expect(dueReminders(base, startsAt - 8 * DAY)).toEqual([]);
    expect(dueReminders(base, startsAt - 7 * DAY)).toEqual([7]);
    expect(dueReminders(base, startsAt - 2 * DAY)).toEqual([7]);
    expect(dueReminders(base, startsAt - DAY)).toEqual([1]);
    expect(dueReminders(base, startsAt)).toEqual([]);
  });
  it('is not due again once sent', () => {
    expect(dueReminders({ ...base, reminder7SentAt: 1 }, startsAt - 3 * DAY)).toEqual([]);
    expect(dueReminders({ ...base, reminder7SentAt: 1, reminder1SentAt: 2 }, startsAt - HOUR)).toEqual([]);
  });
  it('skips reminders whose point came before the person had a seat', () => {
    expect(dueReminders({ ...base, seatSince: startsAt - 3 * DAY }, startsAt - 2 * DAY)).toEqual([]);
    expect(dueReminders({ ...base, seatSince: startsAt - 3 * DAY }, startsAt - 12 * HOUR)).toEqual([1]);
    expect(dueReminders({ ...base, seatSince: startsAt - 10 * HOUR }, startsAt - 5 * HOUR)).toEqual([]);
  });
});

describe('personalDataExpired', () => {
  it('is true 90 days after the end of the day', () => {
    expect(personalDataExpired({ endsAt: 0 }, 89 * DAY)).toBe(false);
    expect(personalDataExpired({ endsAt: 0 }, 90 * DAY)).toBe(true);
  });
});

describe('proposeTeams', () => {
  const person = (id: string, seq: number, upper: string | null, lower: string | null) => ({
    id,
    seq,
    upperDistrict: upper,
    lowerDistrict: lower,
  });

  it('visits every legislator whose constituents registered when it can, and places everyone once', () => {
    const people = [
      person('a', 1, '36', '58'),
      person('b', 2, '36', '58'),
      person('c', 3, '36', '57'),
      person('d', 4, '2', '161'),
      person('e', 5, '36', '58'),
    ];
    const teams = proposeTeams(people);
    const seats = teams.map((t) => `${t.chamber}:${t.district}`);
    // d is the only constituent of both Senate 2 and House 161, so only one of the two can be visited.
    expect(seats).toEqual(['upper:2', 'upper:36', 'lower:57', 'lower:58']);
    const placed = teams.flatMap((t) => t.memberIds).sort();
    expect(placed).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Both senators and both representatives of the shared districts get a constituent.
    expect(teams.every((t) => t.memberIds.length >= 1)).toBe(true);
  });

  it('puts the rest on the smaller of their two teams, the House team on a tie', () => {
    const teams = proposeTeams([
      person('a', 1, '10', '20'),
      person('b', 2, '10', '20'),
      person('c', 3, '10', '20'),
    ]);
    const byseat = Object.fromEntries(teams.map((t) => [`${t.chamber}:${t.district}`, t.memberIds]));
    expect(byseat['upper:10']!.length + byseat['lower:20']!.length).toBe(3);
    expect(byseat['lower:20']!.length).toBeGreaterThanOrEqual(byseat['upper:10']!.length);
  });

  it('leaves out people without districts', () => {
    expect(proposeTeams([person('a', 1, null, null)])).toEqual([]);
  });
});

describe('suggestRoles', () => {
  const member = (id: string, over: Partial<RoleCandidate> = {}): RoleCandidate => ({
    id,
    faithRole: 'lay',
    firstTime: false,
    willingToShareStory: false,
    ...over,
  });

  it('gives the toolkit roles to distinct people and only willing people tell stories', () => {
    const roles = suggestRoles([
      member('pastor', { faithRole: 'clergy' }),
      member('teller', { willingToShareStory: true, firstTime: true }),
      member('new', { firstTime: true }),
      member('veteran'),
    ]);
    expect(roles.get('teller')).toBe('storyteller');
    expect(roles.get('pastor')).toBe('facilitator');
    expect(roles.get('veteran')).toBe('ask');
    expect(roles.get('new')).toBe('notetaker');
    expect(checkRoles([...roles.values()])).toEqual({ overLimit: [], missing: [] });
  });

  it('never makes someone a storyteller who did not offer', () => {
    const roles = suggestRoles([member('a'), member('b'), member('c')]);
    expect([...roles.values()]).not.toContain('storyteller');
  });

  it('has a lone visitor facilitate', () => {
    expect(suggestRoles([member('solo', { willingToShareStory: true })]).get('solo')).toBe('facilitator');
  });

  it('names two storytellers in a team of five or more', () => {
    const roles = suggestRoles(
      ['a', 'b', 'c', 'd', 'e'].map((id) => member(id, { willingToShareStory: true })),
    );
    expect([...roles.values()].filter((r) => r === 'storyteller')).toHaveLength(2);
  });
});

describe('checkRoles', () => {
  it('refuses two facilitators or three storytellers and lists what is missing', () => {
    expect(checkRoles(['facilitator', 'facilitator', null]).overLimit).toEqual(['facilitator']);
    expect(checkRoles(['storyteller', 'storyteller', 'storyteller']).overLimit).toEqual(['storyteller']);
    expect(checkRoles(['storyteller', 'storyteller']).overLimit).toEqual([]);
    expect(checkRoles(['facilitator']).missing).toEqual(['storyteller', 'ask', 'notetaker']);
  });
});

describe('check-in codes', () => {
  it('are six characters without look-alikes and typed codes are normalised', () => {
    const code = newCheckInCode();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(normaliseCheckInCode(' ab-c 234 ')).toBe('ABC234');
  });
});

describe('wall-clock times in the day’s zone', () => {
  it('round-trips, daylight saving included', () => {
    const winter = zonedInputToUtc('2027-02-10T08:30', 'America/New_York');
    expect(new Date(winter).toISOString()).toBe('2027-02-10T13:30:00.000Z');
    const summer = zonedInputToUtc('2027-07-10T08:30', 'America/New_York');
    expect(new Date(summer).toISOString()).toBe('2027-07-10T12:30:00.000Z');
    expect(utcToZonedInput(winter, 'America/New_York')).toBe('2027-02-10T08:30');
  });
});

describe('buildReport', () => {
  const debrief = (over: Partial<Debrief>): Debrief => ({
    id: crypto.randomUUID(),
    dayId: 'd',
    registrationId: null,
    teamId: 't1',
    officialId: null,
    legislatorLabel: 'Senator A · Senate District 36',
    whatTheySaid: 'Listened.',
    commitment: null,
    stance: 'undecided',
    followUp: null,
    followUpDoneAt: null,
    meetingRecordId: null,
    isDemo: false,
    createdAt: 1,
    ...over,
  });
  it('groups meetings per legislator and lists commitments and open follow-ups', () => {
    const report = buildReport({ registered: 10, waitlisted: 2, cancelled: 1, checkedIn: 8 }, [
      debrief({ commitment: 'Will read the bill', stance: 'leaning_yes' }),
      debrief({ followUp: 'Send fact sheet' }),
      debrief({
        teamId: 't2',
        legislatorLabel: 'Rep. B · House District 58',
        followUp: 'Thank-you',
        followUpDoneAt: 5,
      }),
    ]);
    expect(report.meetings).toEqual([
      { teamId: 't2', label: 'Rep. B · House District 58', debriefs: 1, stances: ['undecided'] },
      {
        teamId: 't1',
        label: 'Senator A · Senate District 36',
        debriefs: 2,
        stances: ['leaning_yes', 'undecided'],
      },
    ]);
    expect(report.commitments.map((c) => c.text)).toEqual(['Will read the bill']);
    expect(report.followUps.map((f) => [f.text, f.done])).toEqual([
      ['Send fact sheet', false],
      ['Thank-you', true],
    ]);
  });
});
