import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { recordHeldMeeting } from '../../src/meetings/lifecycle';
import { canDo, statusAfter, LIMITS } from '../../src/meetings/status';
import { organizerCookie, request } from '../helpers';
import { insertOfficial, outboxRows, postAs, requestFields, tokenFromConfirmation } from './helpers';

const OFFICIAL = 'ocd-person/938f2479-c51f-446a-87f0-76d4f07c61e5';
const EMAIL = 'akbar.ali@house.ga.gov';

beforeAll(async () => {
  await insertOfficial(OFFICIAL, { name: 'Akbar Ali', familyName: 'Ali', district: '106', email: EMAIL });
});

async function statusOf(token: string): Promise<string> {
  const html = await (await request(`/meetings/m/${token}`)).text();
  return (
    /<li aria-current="step"[^>]*>([^<]+)</.exec(html)?.[1] ??
    /class="meeting-status"><strong>([^<]+)</.exec(html)?.[1] ??
    ''
  );
}

async function confirmedRequest(senderEmail: string): Promise<string> {
  await postAs('/meetings/new/send', requestFields(OFFICIAL, { senderEmail }));
  const token = await tokenFromConfirmation(senderEmail);
  expect((await postAs(`/meetings/m/${token}/confirm`, {})).status).toBe(303);
  return token;
}

describe('status rules', () => {
  it('allows each step only from the statuses it makes sense in', () => {
    expect(canDo('confirm', 'unconfirmed')).toBe(true);
    expect(canDo('schedule', 'unconfirmed')).toBe(false);
    expect(canDo('sendAttendeeList', 'requested')).toBe(false);
    expect(canDo('sendThanks', 'scheduled')).toBe(false);
    expect(canDo('sendThanks', 'held')).toBe(true);
    expect(canDo('decline', 'held')).toBe(false);
    expect(statusAfter('record', 'requested')).toBe('held');
    expect(statusAfter('sendReport', 'thanked')).toBe('thanked');
  });
});

describe('a meeting from request to thank-you', () => {
  let token = '';

  it('is requested once confirmed', async () => {
    token = await confirmedRequest('loop@example.org');
    expect(await statusOf(token)).toBe('Requested');
  });

  it('refuses a thank-you before the meeting was held', async () => {
    const response = await postAs(`/meetings/m/${token}/thanks`, {
      subject: 'Thanks',
      body: 'Thank you for the meeting we did not have.',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('done=already');
    expect((await outboxRows()).filter((row) => row.subject === 'Thanks')).toHaveLength(0);
  });

  it('becomes scheduled with a date and place; a bad date is refused with 422', async () => {
    const bad = await postAs(`/meetings/m/${token}/schedule`, {
      scheduledFor: 'next tuesday',
      place: 'Room 409-E',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Choose a date and a time.');
    const ok = await postAs(`/meetings/m/${token}/schedule`, {
      scheduledFor: '2027-01-12T10:00',
      place: 'Room 409-E, Coverdell Building',
    });
    expect(ok.status).toBe(303);
    const html = await (await request(`/meetings/m/${token}`)).text();
    expect(html).toContain('Scheduled for January 12, 2027');
    expect(html).toContain('Room 409-E, Coverdell Building');
  });

  it('sends the attendee list in one click, with everyone’s contacts', async () => {
    expect((await postAs(`/meetings/m/${token}/attendees`, {})).status).toBe(303);
    const sent = (await outboxRows()).filter(
      (row) => row.to_address === EMAIL && row.subject.startsWith('Attendees'),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text_body).toContain('Pastor Luis Vega (luis@example.org)');
    expect(sent[0]!.text_body).toContain(
      'Ana Morales, St. Paul Methodist Church (loop@example.org, 404-555-0100)',
    );
    expect(sent[0]!.reply_to).toBe('loop@example.org');
  });

  it('becomes held when the outcome is recorded, with commitments', async () => {
    const bad = await postAs(`/meetings/m/${token}/record`, {
      heldOn: '2027-01-12',
      stancePerceived: 'sort of',
    });
    expect(bad.status).toBe(422);
    const ok = await postAs(`/meetings/m/${token}/record`, {
      heldOn: '2027-01-12',
      stancePerceived: 'ally',
      commitment1: 'Will co-sponsor the driver’s license bill',
      followUp1: '2027-01-26',
      commitment2: 'Will meet the families in March',
      nextSteps: 'Call the office on January 26',
      debriefNotes: 'Asked about costs.',
    });
    expect(ok.status).toBe(303);
    expect(await statusOf(token)).toBe('Held');
  });

  it('prepares the thank-you restating the commitments, and sends it as edited', async () => {
    const page = await request(`/meetings/m/${token}/thanks`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Will co-sponsor the driver’s license bill');
    expect(html).toContain('Will meet the families in March');
    expect(html).toContain('Dear Representative Ali,');

    const response = await postAs(`/meetings/m/${token}/thanks`, {
      subject: 'Thank you, Representative Ali',
      body: 'Dear Representative Ali,\n\nThank you. You committed to:\n- Will co-sponsor the driver’s license bill\n\nAna',
    });
    expect(response.status).toBe(303);
    const sent = (await outboxRows()).filter((row) => row.subject === 'Thank you, Representative Ali');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to_address: EMAIL, reply_to: 'loop@example.org' });
    expect(sent[0]!.text_body).toContain('Will co-sponsor the driver’s license bill');
    expect(await statusOf(token)).toBe('Thanked');
  });

  it('sends the report-back to the coalition once', async () => {
    const page = await (await request(`/meetings/m/${token}/report`)).text();
    expect(page).toContain('Report back: meeting with Akbar Ali');
    expect(page).toContain('Stance we perceived: Ally');
    await postAs(`/meetings/m/${token}/report`, {
      subject: 'Report: Akbar Ali',
      body: 'Dear partners,\n\nWe met Rep. Ali. He is an ally.',
    });
    await postAs(`/meetings/m/${token}/report`, {
      subject: 'Report: Akbar Ali',
      body: 'Dear partners,\n\nWe met Rep. Ali. He is an ally.',
    });
    const sent = (await outboxRows()).filter((row) => row.to_address === env.COALITION_EMAIL);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.reply_to).toBe('loop@example.org');
  });

  it('shows organizers the meeting, its commitments and the follow-up due, and exports CSV', async () => {
    const cookie = await organizerCookie();
    const list = await (await request('/admin/meetings', { cookie })).text();
    expect(list).toContain('Akbar Ali');
    expect(list).toContain('St. Paul Methodist Church');
    const csv = await (await request('/admin/meetings/export.csv', { cookie })).text();
    expect(csv).toContain('meeting_id,official,official_id');
    expect(csv).toContain('Akbar Ali');
    expect(csv).toContain('thanked');
  });
});

describe('declining', () => {
  it('marks a requested meeting declined, and nothing more can be sent', async () => {
    const token = await confirmedRequest('declined@example.org');
    expect((await postAs(`/meetings/m/${token}/decline`, { note: 'Their scheduler said no.' })).status).toBe(
      303,
    );
    expect(await statusOf(token)).toBe('Declined');
    const response = await postAs(`/meetings/m/${token}/attendees`, {});
    expect(response.headers.get('location')).toContain('done=already');
  });
});

describe('limits', () => {
  it(`lets one address start at most ${LIMITS.senderStartsPerDay} requests a day`, async () => {
    for (let i = 0; i < LIMITS.senderStartsPerDay; i += 1) {
      expect(
        (await postAs('/meetings/new/send', requestFields(OFFICIAL, { senderEmail: 'eager@example.org' })))
          .status,
      ).toBe(200);
    }
    const refused = await postAs(
      '/meetings/new/send',
      requestFields(OFFICIAL, { senderEmail: 'eager@example.org' }),
    );
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('try again tomorrow');
  });

  it(`sends at most ${LIMITS.officialReceivesPerDay} requests a day to one official`, async () => {
    const id = 'manual-limited-official';
    await insertOfficial(id, {
      name: 'Busy Commissioner',
      chamber: 'county_commissioner',
      title: 'Commissioner',
      source: 'manual',
      email: 'busy@county.example',
    });
    const tokens: string[] = [];
    for (let i = 0; i <= LIMITS.officialReceivesPerDay; i += 1) {
      const senderEmail = `neighbor${i}@example.org`;
      await postAs('/meetings/new/send', requestFields(id, { senderEmail }));
      tokens.push(await tokenFromConfirmation(senderEmail));
    }
    const results = await Promise.all(tokens.map((token) => postAs(`/meetings/m/${token}/confirm`, {})));
    expect(results.filter((r) => r.status === 303)).toHaveLength(LIMITS.officialReceivesPerDay);
    const refused = results.find((r) => r.status === 429)!;
    expect(await refused.text()).toContain('already received several meeting requests');
    expect((await outboxRows()).filter((row) => row.to_address === 'busy@county.example')).toHaveLength(
      LIMITS.officialReceivesPerDay,
    );
  });

  it(`lets one address send at most ${LIMITS.senderSendsPerDay} requests a day`, async () => {
    const tokens: string[] = [];
    for (let i = 0; i <= LIMITS.senderSendsPerDay; i += 1) {
      const id = `manual-sends-${i}`;
      await insertOfficial(id, {
        name: `Council Member ${i}`,
        chamber: 'city_council',
        title: 'Council Member',
        source: 'manual',
        email: `council${i}@city.example`,
      });
      await postAs('/meetings/new/send', requestFields(id, { senderEmail: 'busy.sender@example.org' }));
      const rows = (await outboxRows()).filter((row) => row.to_address === 'busy.sender@example.org');
      tokens.push(/\/meetings\/m\/([A-Za-z0-9_-]+)/.exec(rows.at(-1)!.text_body)![1]!);
    }
    for (const token of tokens.slice(0, LIMITS.senderSendsPerDay)) {
      expect((await postAs(`/meetings/m/${token}/confirm`, {})).status).toBe(303);
    }
    const refused = await postAs(`/meetings/m/${tokens.at(-1)}/confirm`, {});
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('You have already sent several meeting requests today');
  });
});

describe('recordHeldMeeting (for advocacy-day debriefs)', () => {
  it('records a held meeting with commitments once per origin', async () => {
    const input = {
      officialId: OFFICIAL,
      senderName: 'Team lead',
      senderEmail: 'lead@example.org',
      senderLang: 'es' as const,
      groupName: 'Equipo del distrito 106',
      city: 'Atlanta',
      purpose: 'Licencias de conducir',
      heldOn: '2027-02-14',
      stancePerceived: 'undecided' as const,
      nextSteps: null,
      debriefNotes: null,
      commitments: [{ text: 'Leerá el proyecto' }],
      source: 'advocacy_day' as const,
      originRef: 'advocacy-day:day-1:team-106',
    };
    const first = await recordHeldMeeting(getDb(env), env, input);
    expect(first.created).toBe(true);
    expect(first.privateUrl).toMatch(/\/meetings\/m\/[A-Za-z0-9_-]{43}$/);
    const second = await recordHeldMeeting(getDb(env), env, input);
    expect(second).toEqual({ meetingId: first.meetingId, created: false, privateUrl: null });
    const token = first.privateUrl!.split('/').pop()!;
    const html = await (await request(`/meetings/m/${token}/thanks`)).text();
    expect(html).toContain('Leerá el proyecto');
  });
});

describe('/admin/meetings/view', () => {
  it('shows organizers the sender’s contact and lets them mark a commitment kept and set a campaign', async () => {
    const cookie = await organizerCookie();
    const { results } = await env.DB.prepare(
      "select m.id as meeting_id, c.id as commitment_id from meetings m join meeting_commitments c on c.meeting_id = m.id where m.sender_email = 'loop@example.org' order by c.position",
    ).all<{ meeting_id: string; commitment_id: string }>();
    const { meeting_id: meetingId, commitment_id: commitmentId } = results[0]!;
    const html = await (await request(`/admin/meetings/view?id=${meetingId}`, { cookie })).text();
    expect(html).toContain('loop@example.org');
    expect(html).toContain('Will co-sponsor the driver’s license bill');
    const done = await postAs(`/admin/meetings/commitment?id=${commitmentId}&meeting=${meetingId}`, {
      done: '1',
    });
    expect([302, 303, 401, 403]).toContain(done.status);
    const untouched = await env.DB.prepare('select done from meeting_commitments where id = ?')
      .bind(commitmentId)
      .first<{ done: number }>();
    expect(untouched!.done).toBe(0);
    const { postForm } = await import('../helpers');
    expect(
      (
        await postForm(
          `/admin/meetings/commitment?id=${commitmentId}&meeting=${meetingId}`,
          { done: '1' },
          { cookie },
        )
      ).status,
    ).toBe(303);
    expect(
      (await postForm(`/admin/meetings/campaign?id=${meetingId}`, { campaign: 'licenses-2027' }, { cookie }))
        .status,
    ).toBe(303);
    const after = await (await request(`/admin/meetings/view?id=${meetingId}`, { cookie })).text();
    expect(after).toContain('<s>Will co-sponsor the driver’s license bill</s>');
    expect(after).toContain('value="licenses-2027"');
    const filtered = await (await request('/admin/meetings?campaign=licenses-2027', { cookie })).text();
    expect(filtered).toContain('St. Paul Methodist Church');
    expect(await (await request('/admin/meetings?campaign=none-such', { cookie })).text()).toContain(
      'No meetings yet.',
    );
  });
});
