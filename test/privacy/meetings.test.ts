// The meeting log's personal data: retention (unconfirmed requests after 30 days; phones, attendees'
// contacts and stories 90 days after a meeting is over) run by the Worker's hourly Cron handler, and
// erasure of a requester clearing every field that names or describes them.
import { createScheduledController } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOURLY_CRON } from '../../src/jobs';
import { DAY } from '../../src/lib/time';
import { meetingCommitments, meetings } from '../../src/meetings/schema';
import { organizerCookie, postForm, request, stubFetch } from '../helpers';
import { db, seedParents } from './seed';

const now = Date.UTC(2027, 5, 1, 12, 0, 0);
let outside: ReturnType<typeof stubFetch>;
let cookie: string;

function meeting(id: string, over: Partial<typeof meetings.$inferInsert> = {}): typeof meetings.$inferInsert {
  return {
    id,
    officialId: 'p-official',
    status: 'thanked',
    tokenHash: `hash-${id}`,
    senderName: `Sender ${id}`,
    senderEmail: `${id}@example.org`,
    senderPhone: '404-555-0142',
    groupName: `Group of ${id}`,
    city: 'Hartwell',
    purpose: `Purpose of ${id}`,
    proposedDates: 'Any Tuesday',
    attendees: [{ name: `Attendee of ${id}`, contact: `att-${id}@example.org, 404-555-0143` }],
    story: `Story of ${id}`,
    requestSubject: `Request from Group of ${id}`,
    requestText: `Dear Rep. Powell, ${id} here, 404-555-0142. Story of ${id}`,
    heldOn: '2027-01-10',
    debriefNotes: `Notes of ${id}`,
    nextSteps: `Next steps of ${id}`,
    thankYouSubject: `Thanks from ${id}`,
    thankYouText: `Thank you, from Group of ${id}`,
    thankedAt: now - 91 * DAY,
    createdAt: now - 120 * DAY,
    updatedAt: now - 91 * DAY,
    ...over,
  };
}

async function runHourly(at: number) {
  const worker = exports.default as unknown as { scheduled(c: ScheduledController): Promise<unknown> };
  await worker.scheduled(createScheduledController({ cron: HOURLY_CRON, scheduledTime: at }));
}

async function byId(ids: string[]) {
  const rows = await db.select().from(meetings).where(inArray(meetings.id, ids));
  return Object.fromEntries(rows.map((row) => [row.id, row]));
}

beforeAll(async () => {
  outside = stubFetch(() => new Response('offline in tests', { status: 503 }));
  await seedParents();
  // One insert per row: D1 binds at most 100 parameters per statement.
  const rows = [
    meeting('unconfirmed-31d', { status: 'unconfirmed', thankedAt: null, createdAt: now - 31 * DAY }),
    meeting('unconfirmed-29d', { status: 'unconfirmed', thankedAt: null, createdAt: now - 29 * DAY }),
    meeting('thanked-91d'),
    meeting('thanked-89d', { thankedAt: now - 89 * DAY }),
    meeting('declined-91d', { status: 'declined', thankedAt: null, declinedAt: now - 91 * DAY }),
    meeting('held-long-ago', { status: 'held', thankedAt: null }),
    meeting('to-erase', { status: 'thanked', thankedAt: now - DAY, createdAt: now - 20 * DAY }),
  ];
  for (const row of rows) await db.insert(meetings).values(row);
  await db
    .insert(meetingCommitments)
    .values({ id: 'c-erase', meetingId: 'to-erase', text: 'Will co-sponsor HB 1105', createdAt: now });
});
afterAll(() => outside.restore());

describe('meeting retention, run by the hourly Cron handler', () => {
  it('deletes unconfirmed requests after 30 days and clears contacts 90 days after a meeting is over', async () => {
    await runHourly(now);
    const rows = await byId([
      'unconfirmed-31d',
      'unconfirmed-29d',
      'thanked-91d',
      'thanked-89d',
      'declined-91d',
      'held-long-ago',
    ]);
    expect(rows['unconfirmed-31d']).toBeUndefined();
    expect(rows['unconfirmed-29d']).toBeDefined();
    for (const id of ['thanked-91d', 'declined-91d']) {
      expect(rows[id], id).toMatchObject({
        senderPhone: null,
        story: null,
        requestText: '',
        // Names stay for the record; how to reach them goes.
        attendees: [{ name: `Attendee of ${id}`, contact: '' }],
        // The private link ended 30 days after it was over.
        tokenHash: null,
        status: id.startsWith('thanked') ? 'thanked' : 'declined',
      });
    }
    // Not over long enough, or not over at all: kept.
    for (const id of ['thanked-89d', 'held-long-ago']) {
      expect(rows[id], id).toMatchObject({ senderPhone: '404-555-0142', story: `Story of ${id}` });
      expect(rows[id]!.attendees[0]!.contact).toContain('@example.org');
    }
    expect(rows['thanked-89d']!.tokenHash).toBeNull();
    expect(rows['held-long-ago']!.tokenHash).toBe('hash-held-long-ago');
  });

  it('changes nothing when run a second time', async () => {
    const before = JSON.stringify(await db.select().from(meetings).orderBy(meetings.id));
    await runHourly(now);
    expect(JSON.stringify(await db.select().from(meetings).orderBy(meetings.id))).toBe(before);
  });
});

describe('exporting and erasing a requester', () => {
  const email = 'to-erase@example.org';
  // Signed in after the Cron runs above (they end sessions idle as of their far-off time).
  beforeAll(async () => {
    cookie = await organizerCookie();
  });
  const describing = [
    'Sender to-erase',
    'Group of to-erase',
    'Purpose of to-erase',
    'Attendee of to-erase',
    'Story of to-erase',
    'Notes of to-erase',
    'Next steps of to-erase',
    'Thank you, from Group of to-erase',
    'Any Tuesday',
  ];

  it('exports every meeting field that names or describes them', async () => {
    const response = await postForm('/admin/privacy/export', { email }, { cookie });
    const text = await response.text();
    for (const value of describing) expect(text, value).toContain(value);
  });

  it('clears every such field, in the record, the organizer view and the CSV', async () => {
    const erased = await postForm('/admin/privacy/erase', { email, confirm: 'on' }, { cookie });
    expect(erased.status).toBe(303);
    const [row] = await db.select().from(meetings).where(eq(meetings.id, 'to-erase'));
    const stored = JSON.stringify(row);
    for (const value of describing) expect(stored, value).not.toContain(value);
    expect(stored).not.toContain(email);
    // The coalition's record stays: the official, the outcome, the commitment.
    expect(row).toMatchObject({ status: 'thanked', officialId: 'p-official', heldOn: '2027-01-10' });
    const commitments = await db
      .select()
      .from(meetingCommitments)
      .where(eq(meetingCommitments.meetingId, 'to-erase'));
    expect(commitments.map((c) => c.text)).toEqual(['Will co-sponsor HB 1105']);

    const view = await (await request('/admin/meetings/view?id=to-erase', { cookie })).text();
    const csv = await (await request('/admin/meetings/export.csv', { cookie })).text();
    for (const value of describing) {
      expect(view, value).not.toContain(value);
      expect(csv, value).not.toContain(value);
    }
    expect(csv).toContain('Group of thanked-89d');
  });
});

describe('erasing a requester who also listed themselves among the attendees', () => {
  it('leaves none of the people they brought, not even those listed beside them', async () => {
    const email = 'self-listed@example.org';
    await db.insert(meetings).values(
      meeting('self-listed', {
        senderEmail: email,
        attendees: [
          { name: 'The requester again', contact: email },
          { name: 'A friend they brought', contact: 'friend-of-self-listed@example.org' },
        ],
      }),
    );
    const erased = await postForm('/admin/privacy/erase', { email, confirm: 'on' }, { cookie });
    expect(erased.status).toBe(303);
    const [row] = await db.select().from(meetings).where(eq(meetings.id, 'self-listed'));
    expect(row!.attendees).toEqual([]);
    expect(JSON.stringify(row)).not.toContain('friend-of-self-listed');
  });
});
