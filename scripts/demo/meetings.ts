import { sql } from 'drizzle-orm';
import { DAY } from '../../src/lib/time';
import { sealMeetingContacts } from '../../src/meetings/contact-fields';
import { hashToken } from '../../src/lib/tokens';
import {
  meetingCommitments,
  meetings,
  type MeetingAttendee,
  type MeetingStatus,
} from '../../src/meetings/schema';
import { officials } from '../../src/officials/schema';
import type { DemoContext } from './context';

const CAMPAIGN = 'driver-licenses-2027';
const ATTENDEES: MeetingAttendee[] = [
  { name: 'Pastor Luis Vega', contact: 'luis@example.org' },
  { name: 'Sister Mary Kate', contact: '404-555-0101' },
];

interface DemoMeeting {
  status: MeetingStatus;
  officialId: string;
  groupName: string;
  city: string;
  senderName: string;
  commitments?: { text: string; followUpInDays?: number }[];
}

// Real Georgia and South Carolina legislators from the Open States files in data/openstates-people.
const DEMO_MEETINGS: DemoMeeting[] = [
  {
    status: 'requested',
    officialId: 'ocd-person/5c5ab5cb-54f6-4218-8d1d-a99d36bca436',
    groupName: 'Ebenezer Interfaith Circle',
    city: 'Atlanta',
    senderName: 'Rev. Grace Holloway',
  },
  {
    status: 'scheduled',
    officialId: 'ocd-person/bf2c1ec5-d995-4605-85ac-139adb037d99',
    groupName: 'St. Paul Methodist Church',
    city: 'Atlanta',
    senderName: 'Ana Morales',
  },
  {
    status: 'held',
    officialId: 'ocd-person/bb48e87c-29db-4a4d-a278-fa299be2020e',
    groupName: 'Hartwell Interfaith Council',
    city: 'Hartwell',
    senderName: 'Deacon Samuel Brooks',
    commitments: [
      { text: 'Will read the driver’s license bill and answer within two weeks', followUpInDays: -1 },
    ],
  },
  {
    status: 'thanked',
    officialId: 'ocd-person/938f2479-c51f-446a-87f0-76d4f07c61e5',
    groupName: 'Masjid Al-Noor Community',
    city: 'Lilburn',
    senderName: 'Imam Yusuf Khan',
    commitments: [
      { text: 'Will co-sponsor the driver’s license bill', followUpInDays: 14 },
      { text: 'Will meet families from the congregation in March' },
    ],
  },
  {
    status: 'declined',
    officialId: 'ocd-person/ad25d5ef-8d4f-425f-9dbd-0b018f1771cc',
    groupName: 'Columbia Friends Meeting',
    city: 'Columbia',
    senderName: 'Ruth Abernathy',
  },
];

function day(now: number, offsetDays: number): string {
  return new Date(now + offsetDays * DAY).toISOString().slice(0, 10);
}

/** The private-link token of a demo meeting (fixed, so the demo's pages can be opened from the log). */
export function demoMeetingToken(status: MeetingStatus): string {
  return `demo-meeting-${status}-private-link-token-0000`;
}

/** A few meeting records at each status, one with commitments and a sent thank-you. */
export async function seedMeetings({ db, env, now, log }: DemoContext): Promise<void> {
  const wanted = DEMO_MEETINGS.map((m) => m.officialId);
  const present = new Set(
    (
      await db
        .select({ id: officials.id })
        .from(officials)
        .where(sql`${officials.id} in ${wanted}`)
    ).map((r) => r.id),
  );
  for (const demo of DEMO_MEETINGS) {
    if (!present.has(demo.officialId)) {
      log(`meetings: skipped ${demo.status} (official ${demo.officialId} not imported)`);
      continue;
    }
    const id = `demo-meeting-${demo.status}`;
    const reached = (status: MeetingStatus) =>
      ['requested', 'scheduled', 'held', 'thanked'].indexOf(demo.status) >=
      ['requested', 'scheduled', 'held', 'thanked'].indexOf(status);
    const heldOn = day(now, -7);
    const subject = `Meeting request from ${demo.groupName} (${demo.city})`;
    const text = `Dear Legislator,\n\nMy name is ${demo.senderName}. I am writing on behalf of ${demo.groupName} in ${demo.city}. We would like to meet with you about driver’s licenses for all residents.\n\nWith respect,\n${demo.senderName}`;
    await db
      .insert(meetings)
      .values(
        await sealMeetingContacts<typeof meetings.$inferInsert>(db, id, {
          id,
          officialId: demo.officialId,
          status: demo.status,
          source: 'demo',
          campaign: CAMPAIGN,
          tokenHash: await hashToken(demoMeetingToken(demo.status)),
          senderName: demo.senderName,
          senderEmail: `${demo.status}.sender@example.org`,
          senderPhone: '404-555-0100',
          senderLang: 'en',
          groupName: demo.groupName,
          city: demo.city,
          purpose: 'Driver’s licenses for all residents; we ask you to co-sponsor the bill.',
          proposedDates: 'Tuesday or Thursday mornings in the next three weeks',
          attendees: ATTENDEES,
          story: 'Families in our congregation cannot drive their children to school without fear.',
          officialLang: 'en',
          requestSubject: subject,
          requestText: text,
          confirmedAt: now - 21 * DAY,
          scheduledFor:
            demo.status === 'scheduled'
              ? `${day(now, 10)}T10:00`
              : reached('held')
                ? `${heldOn}T10:00`
                : null,
          place:
            demo.status === 'scheduled' || reached('held')
              ? 'Coverdell Legislative Office Building, Atlanta'
              : null,
          attendeeListSentAt: reached('held') ? now - 10 * DAY : null,
          heldOn: reached('held') && demo.status !== 'scheduled' ? heldOn : null,
          stancePerceived: demo.status === 'thanked' ? 'ally' : demo.status === 'held' ? 'undecided' : null,
          nextSteps:
            reached('held') && demo.status !== 'scheduled'
              ? 'Call the office in two weeks; invite them to the vigil.'
              : null,
          debriefNotes:
            reached('held') && demo.status !== 'scheduled'
              ? 'Listened carefully; asked about costs and insurance.'
              : null,
          thankYouSubject: demo.status === 'thanked' ? `Thank you for meeting with ${demo.groupName}` : null,
          thankYouText:
            demo.status === 'thanked'
              ? `Thank you for meeting with us. We want to restate what we understood you committed to:\n- Will co-sponsor the driver’s license bill\n- Will meet families from the congregation in March\n\nWith gratitude,\n${demo.senderName}`
              : null,
          thankedAt: demo.status === 'thanked' ? now - 5 * DAY : null,
          declinedAt: demo.status === 'declined' ? now - 14 * DAY : null,
          declineNote:
            demo.status === 'declined'
              ? 'The scheduler said the calendar is full until the session ends.'
              : null,
          createdAt: now - 21 * DAY,
          updatedAt: now - 5 * DAY,
        }),
      )
      .onConflictDoNothing();
    for (const [position, commitment] of (demo.commitments ?? []).entries()) {
      await db
        .insert(meetingCommitments)
        .values({
          id: `${id}-commitment-${position}`,
          meetingId: id,
          position,
          text: commitment.text,
          followUpOn: commitment.followUpInDays === undefined ? null : day(now, commitment.followUpInDays),
          createdAt: now - 7 * DAY,
        })
        .onConflictDoNothing();
    }
    log(`meetings: ${demo.status} · ${env.PUBLIC_URL}/meetings/m/${demoMeetingToken(demo.status)}`);
  }
}
