// A meeting's contact fields are stored sealed (lib/sealed.ts): the sender's phone, the story, the
// request text (it quotes the story and the phone) and each attendee's contact. The queries seal
// them on the way in and open them on the way out, so pages, emails and exports see plain values.
//
// Attendees are sealed one contact at a time, not as one JSON blob: their names stay readable, so
// the retention job can still clear every contact in one SQL statement while keeping the names,
// and an attendee erased from the list leaves the others' sealed contacts as they were. Because
// the privacy lookup must find a meeting by an attendee's email, the emails in the contacts are
// also kept as keyed hashes (HMAC) in `attendeeEmailHashes`.
import { contactKeyring, type Db } from '../db';
import { keyedHash, keyedHashes, openStored, seal, type SealedPlace } from '../lib/sealed';
import type { Meeting, MeetingAttendee } from './schema';

/** The meeting columns stored sealed (besides each attendee's contact). */
export const SEALED_MEETING_COLUMNS = ['senderPhone', 'story', 'requestText'] as const;
type SealedColumn = (typeof SEALED_MEETING_COLUMNS)[number];
type SealedFields = Pick<Meeting, SealedColumn | 'attendees'>;

const SQL_NAMES: Record<SealedColumn | 'attendees', string> = {
  senderPhone: 'sender_phone',
  story: 'story',
  requestText: 'request_text',
  attendees: 'attendees',
};

function place(meetingId: string, column: SealedColumn | 'attendees'): SealedPlace {
  return { table: 'meetings', column: SQL_NAMES[column], rowId: meetingId };
}

/** The email addresses written in a contact ("ana@example.org, 404-555-0100"), lower-cased. */
export function emailsIn(contact: string): string[] {
  return contact
    .toLowerCase()
    .split(/[\s,;<>()"'[\]]+/)
    .map((part) => part.replace(/^mailto:/, ''))
    .filter((part) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(part));
}

/** The keyed hashes of the attendees' emails, space-separated (null when there are none). */
async function attendeeEmailHashes(db: Db, attendees: readonly MeetingAttendee[]): Promise<string | null> {
  const emails = [...new Set(attendees.flatMap((attendee) => emailsIn(attendee.contact)))];
  if (emails.length === 0) return null;
  const keyring = await contactKeyring(db);
  return (await Promise.all(emails.map((email) => keyedHash(keyring, email)))).join(' ');
}

/** Every keyed hash an address may be stored under (one per listed key), for the lookup. */
export async function attendeeEmailLookupHashes(db: Db, email: string): Promise<string[]> {
  return keyedHashes(await contactKeyring(db), email);
}

/**
 * The given fields of a meeting as they are stored: sealed, and the attendees' email hashes when
 * the attendees are among them. Fields not given are left out (an update changes only those).
 */
export async function sealMeetingContacts<T extends Partial<SealedFields>>(
  db: Db,
  meetingId: string,
  values: T,
): Promise<T & { attendeeEmailHashes?: string | null }> {
  const sealed: T & { attendeeEmailHashes?: string | null } = { ...values };
  const keyring = () => contactKeyring(db);
  for (const column of SEALED_MEETING_COLUMNS) {
    const value = values[column];
    if (value)
      Object.assign(sealed, { [column]: await seal(await keyring(), place(meetingId, column), value) });
  }
  if (values.attendees) {
    const attendees = values.attendees;
    sealed.attendees = await Promise.all(
      attendees.map(async (attendee) => ({
        name: attendee.name,
        contact: attendee.contact
          ? await seal(await keyring(), place(meetingId, 'attendees'), attendee.contact)
          : '',
      })),
    );
    sealed.attendeeEmailHashes = await attendeeEmailHashes(db, attendees);
  }
  return sealed;
}

/** A meeting as read, with its contact fields opened. */
export async function openMeeting<T extends Pick<Meeting, 'id'> & SealedFields>(db: Db, row: T): Promise<T> {
  const keyring = () => contactKeyring(db);
  return {
    ...row,
    senderPhone: await openStored(keyring, place(row.id, 'senderPhone'), row.senderPhone),
    story: await openStored(keyring, place(row.id, 'story'), row.story),
    requestText: (await openStored(keyring, place(row.id, 'requestText'), row.requestText)) ?? '',
    attendees: await Promise.all(
      row.attendees.map(async (attendee) => ({
        name: attendee.name,
        contact: (await openStored(keyring, place(row.id, 'attendees'), attendee.contact)) ?? '',
      })),
    ),
  };
}
