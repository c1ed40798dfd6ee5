import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerForDay } from '../../src/advocacy-days/registration';
import { advocacyDays, dayDebriefs, dayRegistrations, dayTeams } from '../../src/advocacy-days/schema';
import type { RegistrationInput } from '../../src/advocacy-days/validation';
import { officials } from '../../src/officials/schema';
import { meetingCommitments, meetings } from '../../src/meetings/schema';
import { DAY, HOUR } from '../../src/lib/time';
import { organizerCookie, postForm, request } from '../helpers';
import { createDay, db, outboxRows, tokenFrom } from './fixtures';

let cookie: string;
beforeAll(async () => {
  cookie = await organizerCookie();
  const at = Date.now();
  const legislator = (
    id: string,
    chamber: 'upper' | 'lower',
    district: string,
    name: string,
    title: string,
  ) => ({
    id,
    name,
    state: 'ga',
    chamber,
    title,
    district,
    party: 'Democratic',
    email: `${id.slice(-4)}@legis.ga.gov`,
    offices: [
      {
        classification: 'capitol',
        address: '18 Capitol Square SW, Atlanta, GA 30334',
        voice: '404-555-0199',
      },
    ],
    source: 'openstates' as const,
    createdAt: at,
    updatedAt: at,
  });
  await db
    .insert(officials)
    .values([
      legislator('ocd-person/test-sen-36', 'upper', '36', 'Nan Orrock', 'Senator'),
      legislator('ocd-person/test-rep-58', 'lower', '58', 'Park Cannon', 'Representative'),
    ])
    .onConflictDoNothing();
});

function input(email: string, over: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    name: email.split('@')[0]!,
    email,
    phone: '404-555-0100',
    address: '206 Washington St SW, Atlanta, GA 30334',
    congregation: 'First Church',
    faithRole: 'lay',
    languages: null,
    needsInterpretation: false,
    accessibilityNeeds: null,
    dietaryNeeds: null,
    firstTime: false,
    willingToShareStory: false,
    ride: 'none',
    rideSeats: null,
    photoConsent: false,
    ...over,
  };
}
const atlanta = { status: 'found' as const, state: 'ga', upperDistrict: '36', lowerDistrict: '58' };

describe('admin routes need a session', () => {
  it('send a person without one to sign in', async () => {
    const day = await createDay();
    for (const path of ['', '/teams', '/check-in', '/report', '/email', '/registrations.csv', '/packets']) {
      const response = await request(`/admin/days/${day.id}${path}`);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location')).toContain('/sign-in');
    }
    const post = await postForm(`/admin/days/${day.id}/teams/propose`, {});
    expect(post.status).toBe(401);
    expect(await db.select().from(dayTeams).where(eq(dayTeams.dayId, day.id))).toHaveLength(0);
  });
});

describe('/admin/days: create a day', () => {
  it('creates a day from wall-clock times in its zone, and refuses bad input with 422', async () => {
    const bad = await postForm('/admin/days/new', { title: '' }, { cookie });
    expect(bad.status).toBe(422);
    const fields = {
      title: 'South Carolina Day',
      slug: 'sc-day-test',
      summary: 'Meet your legislators.',
      status: 'published',
      startsAt: '2031-02-10T08:30',
      endsAt: '2031-02-10T16:00',
      registrationDeadline: '2031-02-03T23:59',
      timeZone: 'America/New_York',
      placeName: 'South Carolina State House',
      address: '1100 Gervais St, Columbia, SC 29201',
      state: 'SC',
      capacity: '40',
      agenda: '9:00 Training',
      whatToBring: '',
      accessibility: '',
      talkingPoints: '',
      leaveBehind: '',
    };
    const response = await postForm('/admin/days/new', fields, { cookie });
    expect(response.status).toBe(303);
    const [day] = await db.select().from(advocacyDays).where(eq(advocacyDays.slug, 'sc-day-test'));
    expect(day).toMatchObject({ state: 'sc', capacity: 40, startsAt: Date.UTC(2031, 1, 10, 13, 30) });
    const again = await postForm('/admin/days/new', fields, { cookie });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('Another day already uses this web address');
  });

  it('gives new seats to the waitlist when the capacity is raised', async () => {
    const day = await createDay({ capacity: 1 });
    await registerForDay(db, env, day, input('cap1@example.org'), 'en', atlanta);
    await registerForDay(db, env, day, input('cap2@example.org'), 'en', atlanta);
    const form = await (await request(`/admin/days/${day.id}/edit`, { cookie })).text();
    const values = Object.fromEntries(
      [...form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const response = await postForm(
      `/admin/days/${day.id}/edit`,
      {
        ...values,
        capacity: '2',
        summary: day.summary,
        status: 'published',
        timeZone: day.timeZone,
        agenda: day.agenda,
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    const rows = await db.select().from(dayRegistrations).where(eq(dayRegistrations.dayId, day.id));
    expect(rows.every((r) => r.status === 'registered')).toBe(true);
    const promoted = rows.find((r) => r.email === 'cap2@example.org')!;
    expect(await outboxRows(`days-promoted:${promoted.id}`)).toHaveLength(1);
  });
});

describe('team builder', () => {
  it('proposes teams per legislator with roles, moves people, and refuses a second facilitator', async () => {
    const day = await createDay({ capacity: 20 });
    await registerForDay(db, env, day, input('pastor@example.org', { faithRole: 'clergy' }), 'en', atlanta);
    await registerForDay(
      db,
      env,
      day,
      input('story@example.org', { willingToShareStory: true }),
      'en',
      atlanta,
    );
    await registerForDay(db, env, day, input('new@example.org', { firstTime: true }), 'en', atlanta);
    await registerForDay(db, env, day, input('vet@example.org'), 'en', atlanta);
    await registerForDay(db, env, day, input('nodistrict@example.org'), 'en', { status: 'pending' });

    expect((await postForm(`/admin/days/${day.id}/teams/propose`, {}, { cookie })).status).toBe(303);
    const teams = await db.select().from(dayTeams).where(eq(dayTeams.dayId, day.id));
    expect(teams.map((t) => [t.chamber, t.district, t.officialId, t.label]).sort()).toEqual([
      ['lower', '58', 'ocd-person/test-rep-58', 'Park Cannon'],
      ['upper', '36', 'ocd-person/test-sen-36', 'Nan Orrock'],
    ]);
    const people = await db.select().from(dayRegistrations).where(eq(dayRegistrations.dayId, day.id));
    expect(people.filter((p) => p.teamId).length).toBe(4);
    expect(people.find((p) => p.email === 'nodistrict@example.org')!.teamId).toBeNull();
    expect(people.find((p) => p.email === 'story@example.org')!.teamRole).toBe('storyteller');

    const page = await (await request(`/admin/days/${day.id}/teams`, { cookie })).text();
    expect(page).toContain('Nan Orrock · Senate District 36 (Democratic)');
    expect(page).toContain('Park Cannon · House District 58');
    // In Spanish, the seat, the title and the party too.
    const es = await (await request(`/admin/days/${day.id}/teams`, { cookie, lang: 'es' })).text();
    expect(es).toContain('Nan Orrock · Distrito 36 del Senado (Demócrata)');
    expect(es).not.toContain('Democratic');
    expect(page).toContain('nodistrict');

    // Move the person without districts onto the senator's team.
    const senate = teams.find((t) => t.chamber === 'upper')!;
    const nobody = people.find((p) => p.email === 'nodistrict@example.org')!;
    expect(
      (
        await postForm(
          `/admin/days/${day.id}/teams/move`,
          { registrationId: nobody.id, teamId: senate.id },
          { cookie },
        )
      ).status,
    ).toBe(303);
    const senateMembers = await db
      .select()
      .from(dayRegistrations)
      .where(eq(dayRegistrations.teamId, senate.id));
    expect(senateMembers.map((m) => m.email)).toContain('nodistrict@example.org');

    // Two facilitators: refused with 422, nothing saved.
    const roles = Object.fromEntries(senateMembers.map((m) => [`role:${m.id}`, 'facilitator']));
    const refused = await postForm(
      `/admin/days/${day.id}/teams/${senate.id}`,
      { ...roles, meetingAt: '', room: '' },
      { cookie },
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Too many people hold these roles: Facilitator');
    // One facilitator, meeting time and room: saved.
    const [first, ...rest] = senateMembers;
    const ok = await postForm(
      `/admin/days/${day.id}/teams/${senate.id}`,
      {
        [`role:${first!.id}`]: 'facilitator',
        ...Object.fromEntries(rest.map((m) => [`role:${m.id}`, 'notetaker' as string]).slice(0, 1)),
        ...Object.fromEntries(rest.slice(1).map((m) => [`role:${m.id}`, 'member'])),
        meetingAt: '2031-01-01T13:15',
        room: '341 CLOB',
      },
      { cookie },
    );
    expect(ok.status).toBe(303);
    const [savedTeam] = await db.select().from(dayTeams).where(eq(dayTeams.id, senate.id));
    expect(savedTeam!.room).toBe('341 CLOB');
    expect(savedTeam!.meetingAt).toBe(Date.UTC(2031, 0, 1, 18, 15));
    const [facilitator] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, first!.id));
    expect(facilitator!.teamRole).toBe('facilitator');

    // The printable packet: roster with roles and phones, the legislator, the day's talking points.
    const packet = await request(`/admin/days/${day.id}/teams/${senate.id}/packet`, { cookie });
    expect(packet.headers.get('cache-control')).toBe('no-store');
    const packetHtml = await packet.text();
    expect(packetHtml).toContain('Senator Nan Orrock');
    expect(packetHtml).toContain('404-555-0100');
    expect(packetHtml).toContain('404-555-0199');
    expect(packetHtml).toContain('Vote no on SB 6.');
    expect(packetHtml).toContain('Our congregations ask you');
    expect(packetHtml).toContain('341 CLOB');
    expect(packetHtml).toContain('Facilitator');
  });
});

describe('check-in', () => {
  it('finds people by name or code and checks them in with one tap, with counts', async () => {
    const day = await createDay({ capacity: 1 });
    const seat = await registerForDay(
      db,
      env,
      day,
      input('maria@example.org', { name: 'María Gómez' }),
      'en',
      atlanta,
    );
    await registerForDay(
      db,
      env,
      day,
      input('waiting@example.org', { name: 'María Waiting' }),
      'en',
      atlanta,
    );
    if (seat.kind !== 'registered') throw new Error('expected a seat');
    const search = await (await request(`/admin/days/${day.id}/check-in?q=Mar`, { cookie })).text();
    expect(search).toContain('1 of 1 registered · 0 checked in · 1 waitlisted');
    expect(search).toContain('Check in María Gómez');
    expect(search).not.toContain('Check in María Waiting');

    // Scanning the QR opens the page with the code: it shows the person, it does not check them in.
    const scanned = await (
      await request(`/admin/days/${day.id}/check-in?code=${seat.registration.checkInCode.toLowerCase()}`, {
        cookie,
      })
    ).text();
    expect(scanned).toContain('Check in María Gómez');
    const [before] = await db
      .select()
      .from(dayRegistrations)
      .where(eq(dayRegistrations.id, seat.registration.id));
    expect(before!.checkedInAt).toBeNull();

    const byCode = await postForm(
      `/admin/days/${day.id}/check-in/code`,
      { code: seat.registration.checkInCode },
      { cookie },
    );
    expect(byCode.status).toBe(200);
    expect(await byCode.text()).toContain('1 of 1 registered · 1 checked in · 1 waitlisted');
    const unknown = await postForm(`/admin/days/${day.id}/check-in/code`, { code: 'ZZZZZZ' }, { cookie });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('No registered person has this code');
  });
});

describe('registrations CSV', () => {
  it('streams every registration with formulas neutralized', async () => {
    const day = await createDay();
    await registerForDay(
      db,
      env,
      day,
      input('csv@example.org', { name: '=HYPERLINK("http://evil")' }),
      'en',
      atlanta,
    );
    const response = await request(`/admin/days/${day.id}/registrations.csv`, { cookie });
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    expect(text).toContain('seq,status,name,email');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('csv@example.org');
  });
});

describe('email to registrants', () => {
  it('queues one bulk email per registered person with their own link and unsubscribe', async () => {
    const day = await createDay({ capacity: 2 });
    await registerForDay(db, env, day, input('mail1@example.org'), 'en', atlanta);
    await registerForDay(db, env, day, input('mail2@example.org'), 'es', atlanta);
    await registerForDay(db, env, day, input('mail3@example.org'), 'en', atlanta);
    const response = await postForm(
      `/admin/days/${day.id}/email`,
      { audience: 'registered', subject: 'Parking update', body: 'Park on Mitchell St.' },
      { cookie },
    );
    expect(await response.text()).toContain('2 emails queued');
    const sent = (await outboxRows()).filter((row) => row.subject === 'Parking update');
    expect(sent.map((row) => row.to).sort()).toEqual(['mail1@example.org', 'mail2@example.org']);
    for (const row of sent) {
      expect(row.unsubscribeUrl).toMatch(/\/days\/r\/[A-Za-z0-9_-]+\/one-click-unsubscribe$/);
      expect(row.text).toContain('Park on Mitchell St.');
    }
    // Unsubscribing from the link (GET shows a button, POST does it) stops the next announcement.
    const token = tokenFrom(sent.find((row) => row.to === 'mail1@example.org')!.text);
    expect((await request(`/days/r/${token}/one-click-unsubscribe`)).status).toBe(200);
    // As a mail provider does it: no cookies, no Origin.
    const oneClick = await postForm(
      `/days/r/${token}/one-click-unsubscribe`,
      { 'List-Unsubscribe': 'One-Click' },
      { origin: null },
    );
    expect(oneClick.status).toBe(200);
    await postForm(
      `/admin/days/${day.id}/email`,
      { audience: 'registered', subject: 'Second', body: 'Hi' },
      { cookie },
    );
    expect((await outboxRows()).filter((row) => row.subject === 'Second').map((row) => row.to)).toEqual([
      'mail2@example.org',
    ]);
  });
});

describe('debrief and report', () => {
  it('takes a debrief from the private link into the report and sends the report-back', async () => {
    const now = Date.now();
    const day = await createDay({
      startsAt: now - 6 * HOUR,
      endsAt: now - HOUR,
      registrationDeadline: now - DAY,
    });
    const seat = await registerForDay(
      db,
      env,
      day,
      input('debrief@example.org'),
      'en',
      atlanta,
      now - 3 * DAY,
    );
    if (seat.kind !== 'registered') throw new Error('expected a seat');
    await postForm(`/admin/days/${day.id}/teams/propose`, {}, { cookie });
    const [team] = await db.select().from(dayTeams).where(eq(dayTeams.dayId, day.id));

    const form = await request(`/days/r/${seat.token}/debrief`);
    expect(form.status).toBe(200);
    const bad = await postForm(`/days/r/${seat.token}/debrief`, {
      teamId: team!.id,
      whatTheySaid: '',
      stance: 'nope',
    });
    expect(bad.status).toBe(422);
    const ok = await postForm(`/days/r/${seat.token}/debrief`, {
      teamId: team!.id,
      whatTheySaid: 'She listened and asked for data.',
      commitment: 'Will meet faith leaders again in March',
      stance: 'leaning_yes',
      followUp: 'Send the fact sheet',
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('The meeting is now in the meeting log');
    const [debrief] = await db.select().from(dayDebriefs).where(eq(dayDebriefs.dayId, day.id));
    expect(debrief).toMatchObject({ stance: 'leaning_yes', teamId: team!.id });
    // The debrief fed the meeting log: one held meeting with the legislator and the commitment.
    expect(debrief!.meetingRecordId).not.toBeNull();
    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, debrief!.meetingRecordId!));
    expect(meeting).toMatchObject({
      status: 'held',
      source: 'advocacy_day',
      officialId: team!.officialId,
      stancePerceived: 'undecided',
    });
    const commitments = await db
      .select()
      .from(meetingCommitments)
      .where(eq(meetingCommitments.meetingId, meeting!.id));
    expect(commitments.map((c) => c.text)).toEqual(['Will meet faith leaders again in March']);

    // Sent again (a double tap, the back button, a correction): the answers are replaced, and the
    // meeting is not counted twice in the report nor logged twice.
    const again = await postForm(`/days/r/${seat.token}/debrief`, {
      teamId: team!.id,
      whatTheySaid: 'She listened, asked for data and promised to read our letter.',
      commitment: 'Will meet faith leaders again in March',
      stance: 'leaning_yes',
      followUp: 'Send the fact sheet',
    });
    expect(again.status).toBe(200);
    const debriefsNow = await db.select().from(dayDebriefs).where(eq(dayDebriefs.dayId, day.id));
    expect(debriefsNow).toHaveLength(1);
    expect(debriefsNow[0]).toMatchObject({
      id: debrief!.id,
      whatTheySaid: 'She listened, asked for data and promised to read our letter.',
      meetingRecordId: debrief!.meetingRecordId,
    });
    expect(await db.select().from(meetings).where(eq(meetings.originRef, meeting!.originRef!))).toHaveLength(
      1,
    );

    const report = await (await request(`/admin/days/${day.id}/report`, { cookie })).text();
    expect(report).toContain('Will meet faith leaders again in March');
    expect(report).toContain('Send the fact sheet');
    expect(report).toContain('Leaning yes');

    expect((await postForm(`/admin/days/${day.id}/report/send`, {}, { cookie })).status).toBe(303);
    const sent = (await outboxRows()).filter(
      (row) => row.to === 'partners@example.org' && row.subject.includes(day.title),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Will meet faith leaders again in March');
    const [after] = await db
      .select()
      .from(advocacyDays)
      .where(and(eq(advocacyDays.id, day.id)));
    expect(after!.reportSentAt).not.toBeNull();

    // Marking the follow-up done takes it off the list of follow-ups due.
    await postForm(`/admin/days/${day.id}/debriefs/${debrief!.id}/follow-up-done`, {}, { cookie });
    expect(await (await request(`/admin/days/${day.id}/report`, { cookie })).text()).not.toContain(
      'Mark done',
    );
    const [done] = await db.select().from(dayDebriefs).where(eq(dayDebriefs.id, debrief!.id));
    expect(done!.followUpDoneAt).not.toBeNull();
  });
});

describe('districts by hand', () => {
  it('lets the organizer set districts the geocoder could not find', async () => {
    const day = await createDay();
    const result = await registerForDay(db, env, day, input('manual@example.org'), 'en', {
      status: 'pending',
    });
    if (result.kind !== 'registered') throw new Error('expected a seat');
    const overview = await (await request(`/admin/days/${day.id}`, { cookie })).text();
    expect(overview).toContain('Districts to set by hand');
    const response = await postForm(
      `/admin/days/${day.id}/registrations/${result.registration.id}/districts`,
      { upperDistrict: '036', lowerDistrict: '58' },
      { cookie },
    );
    expect(response.status).toBe(303);
    const [row] = await db
      .select()
      .from(dayRegistrations)
      .where(eq(dayRegistrations.id, result.registration.id));
    expect(row).toMatchObject({
      districtStatus: 'manual',
      homeState: 'ga',
      upperDistrict: '36',
      lowerDistrict: '58',
    });
  });
});

describe('the private page once the meeting has begun', () => {
  it('offers the debrief instead of change and cancel', async () => {
    const day = await createDay();
    const seat = await registerForDay(db, env, day, input('met@example.org'), 'en', atlanta);
    if (seat.kind !== 'registered') throw new Error('expected a seat');
    const before = await (await request(`/days/r/${seat.token}`)).text();
    expect(before).not.toContain('Tell us how your meeting went');
    await postForm(`/admin/days/${day.id}/teams/propose`, {}, { cookie });
    const [reg] = await db
      .select()
      .from(dayRegistrations)
      .where(eq(dayRegistrations.id, seat.registration.id));
    await db
      .update(dayTeams)
      .set({ meetingAt: Date.now() - HOUR })
      .where(eq(dayTeams.id, reg!.teamId!));
    const after = await (await request(`/days/r/${seat.token}`)).text();
    expect(after).toContain('Tell us how your meeting went');
    expect(after).not.toContain('Cancel my registration');
  });
});
