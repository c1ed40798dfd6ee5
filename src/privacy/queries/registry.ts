// Every table that can hold a person's email or contact details, in one place. Finding, exporting
// and erasing an address all walk this list, and test/privacy/registry.test.ts fails when a schema
// column named like an email, phone, address or contact is not listed here (so a new table with
// personal data cannot be forgotten).
import { and, eq, gt, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import { openRegistrations } from '../../advocacy-days/contact-fields';
import { promoteFromWaitlistStatement } from '../../advocacy-days/queries/seats';
import { deleteRegistrationTermsStatement } from '../../advocacy-days/queries/search';
import { dayRegistrationLinks, dayRegistrations, advocacyDays } from '../../advocacy-days/schema';
import { billSubscriptionLinks, billSubscriptions } from '../../bills/schema';
import { emailSuppressions, outbox } from '../../email/schema';
import { letterSignatures, letters } from '../../letters/schema';
import { attendeeEmailLookupHashes, openMeeting, sealMeetingContacts } from '../../meetings/contact-fields';
import { meetings, type MeetingAttendee } from '../../meetings/schema';
import { officials } from '../../officials/schema';
import { organizerSessions, organizers, signInTokens } from '../../organizers/schema';
import { people, peopleTags, tags } from '../../people/schema';
import type { FoundRow, PersonalDataKey, PersonalDataSource } from './registry-types';
import { listRows } from '../../db/find';

export type { ErasureMode, FoundRow, PersonalDataKey, PersonalDataSource } from './registry-types';

/** The name put where a person's name was, in rows kept for the coalition's counts. */
export const ERASED_NAME = '—';

/** Same address, whatever its case or surrounding spaces. */
function sameAddress(column: SQLiteColumn, email: string): SQL {
  return sql`lower(trim(${column})) = ${email}`;
}

/**
 * A table whose rows hold the address in `column` and are erased by deleting them, after the rows
 * of other tables that point at their `id` (`linked` gets those ids as a subquery; same batch).
 */
function deletedByAddress(
  key: PersonalDataKey,
  column: SQLiteColumn,
  mode: 'delete' | 'delete-if-chosen',
  pointers?: { id: SQLiteColumn; linked: (db: Db, ids: SQLWrapper) => BatchItem<'sqlite'>[] },
): PersonalDataSource {
  const table = column.table;
  return {
    key,
    table,
    columns: [column],
    mode,
    find: (db, email) => db.select().from(table).where(sameAddress(column, email)),
    erase: (db, email) => [
      ...(pointers
        ? pointers.linked(db, db.select({ id: pointers.id }).from(table).where(sameAddress(column, email)))
        : []),
      db.delete(table).where(sameAddress(column, email)),
    ],
  };
}

/** Whether free text (an attendee's "contact", a JSON list) names the address as a whole word. */
export function textNamesAddress(text: string | null | undefined, email: string): boolean {
  if (!text) return false;
  return text
    .toLowerCase()
    .split(/[\s,;<>()"'[\]]+/)
    .some((part) => part === email || part === `mailto:${email}`);
}

function withoutHashes(row: Record<string, unknown>): FoundRow {
  return Object.fromEntries(Object.entries(row).filter(([name]) => !/hash(es)?$/i.test(name)));
}

function attendeesWithout(attendees: MeetingAttendee[], email: string): MeetingAttendee[] {
  return attendees.filter((a) => !textNamesAddress(a.contact, email));
}

function parseAddressList(value: unknown): string[] {
  if (typeof value !== 'string' || !value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Every table with a column that can hold an email or contact details, in the order erasure runs
 * (link tables before the rows they point at).
 */
export const personalDataSources: PersonalDataSource[] = [
  {
    key: 'letter_signatures',
    table: letterSignatures,
    columns: [letterSignatures.email],
    mode: 'delete',
    async find(db, email) {
      const rows = await db.select().from(letterSignatures).where(sameAddress(letterSignatures.email, email));
      return rows.map(withoutHashes);
    },
    erase(db, email) {
      return [db.delete(letterSignatures).where(sameAddress(letterSignatures.email, email))];
    },
  },
  {
    key: 'day_registrations',
    table: dayRegistrations,
    columns: [dayRegistrations.email, dayRegistrations.phone, dayRegistrations.address],
    mode: 'blank',
    async find(db, email) {
      const rows = await db.select().from(dayRegistrations).where(sameAddress(dayRegistrations.email, email));
      return (await openRegistrations(db, rows)).map(withoutHashes);
    },
    async erase(db, email, rows, at) {
      // Someone erased cannot come to a day still ahead (no contact, no check-in link): their seat
      // or waitlist place is cancelled and the seat goes to the first person waiting (the frequent
      // job emails them). Past days keep the row as it was, for the counts.
      const dayIds = [...new Set(rows.map((row) => row.dayId as string))];
      const upcoming = dayIds.length
        ? (
            await db
              .select({ id: advocacyDays.id })
              .from(advocacyDays)
              .where(and(inArray(advocacyDays.id, dayIds), gt(advocacyDays.endsAt, at)))
          ).map((day) => day.id)
        : [];
      const mine = db
        .select({ id: dayRegistrations.id })
        .from(dayRegistrations)
        .where(sameAddress(dayRegistrations.email, email));
      const statements: BatchItem<'sqlite'>[] = [
        db.delete(dayRegistrationLinks).where(inArray(dayRegistrationLinks.registrationId, mine)),
        // The kept row is blanked, so nothing of it may be found by a search either.
        deleteRegistrationTermsStatement(db, mine),
      ];
      if (upcoming.length) {
        statements.push(
          db
            .update(dayRegistrations)
            .set({ status: 'cancelled', cancelledAt: at, teamId: null, teamRole: null })
            .where(
              and(
                sameAddress(dayRegistrations.email, email),
                inArray(dayRegistrations.dayId, upcoming),
                inArray(dayRegistrations.status, ['registered', 'waitlisted']),
              ),
            ),
        );
      }
      statements.push(
        db
          .update(dayRegistrations)
          .set({
            name: ERASED_NAME,
            // Unique per day among active rows, and no longer an address.
            email: sql`'erased:' || ${dayRegistrations.id}`,
            phone: null,
            address: null,
            congregation: null,
            languages: null,
            accessibilityNeeds: null,
            dietaryNeeds: null,
            announcementsOptOut: true,
            personalDataDeletedAt: at,
          })
          .where(sameAddress(dayRegistrations.email, email)),
        ...upcoming.map((dayId) => promoteFromWaitlistStatement(db, dayId, at)),
      );
      return statements;
    },
  },
  {
    key: 'meetings',
    table: meetings,
    columns: [meetings.senderEmail, meetings.senderPhone, meetings.attendees, meetings.attendeeEmailHashes],
    mode: 'blank',
    async find(db, email) {
      // Attendees' contacts are sealed: their emails are found by keyed hash (one per listed key),
      // or as text in a row stored before sealing and not yet re-sealed (contact-key:rotate).
      const hashes = await attendeeEmailLookupHashes(db, email);
      const namedAsAttendee = hashes.map((hash) => sql`instr(${meetings.attendeeEmailHashes}, ${hash}) > 0`);
      const rows = await listRows(
        db,
        meetings,
        or(
          sameAddress(meetings.senderEmail, email),
          ...namedAsAttendee,
          sql`instr(lower(${meetings.attendees}), ${email}) > 0`,
        ),
      );
      const opened = await Promise.all(rows.map((row) => openMeeting(db, row)));
      return opened
        .filter(
          (row) =>
            row.senderEmail.trim().toLowerCase() === email ||
            row.attendees.some((a) => textNamesAddress(a.contact, email)),
        )
        .map(withoutHashes);
    },
    async erase(db, email, rows) {
      const statements: BatchItem<'sqlite'>[] = [
        db
          .update(meetings)
          // Everything that names or describes the sender (their group, city, purpose, the people
          // they brought, the words they wrote or reported) goes; the official, the dates, the
          // stance and the official's commitments stay as the coalition's record.
          .set({
            senderName: ERASED_NAME,
            senderEmail: sql`'erased:' || ${meetings.id}`,
            senderPhone: null,
            groupName: ERASED_NAME,
            city: ERASED_NAME,
            purpose: ERASED_NAME,
            proposedDates: null,
            attendees: [],
            attendeeEmailHashes: null,
            story: null,
            requestSubject: '',
            requestText: '',
            place: null,
            nextSteps: null,
            debriefNotes: null,
            thankYouSubject: null,
            thankYouText: null,
            declineNote: null,
            tokenHash: null,
          })
          .where(sameAddress(meetings.senderEmail, email)),
      ];
      for (const row of rows) {
        // Their own requests lose every attendee above; rewriting the list here would bring back
        // the others they listed.
        if (String(row.senderEmail).trim().toLowerCase() === email) continue;
        const attendees = row.attendees as MeetingAttendee[];
        const kept = attendeesWithout(attendees, email);
        if (kept.length !== attendees.length) {
          const id = row.id as string;
          statements.push(
            db
              .update(meetings)
              .set(await sealMeetingContacts(db, id, { attendees: kept }))
              .where(eq(meetings.id, id)),
          );
        }
      }
      return statements;
    },
  },
  deletedByAddress('bill_subscriptions', billSubscriptions.email, 'delete', {
    id: billSubscriptions.id,
    linked: (db, mine) => [
      db.delete(billSubscriptionLinks).where(inArray(billSubscriptionLinks.subscriptionId, mine)),
    ],
  }),
  {
    key: 'outbox',
    table: outbox,
    columns: [outbox.toAddress, outbox.replyTo, outbox.cc],
    mode: 'blank',
    async find(db, email) {
      const rows = await listRows(
        db,
        outbox,
        sql`${sameAddress(outbox.toAddress, email)} or ${sameAddress(outbox.replyTo, email)} or instr(lower(${outbox.cc}), ${email}) > 0`,
      );
      return rows.filter(
        (row) =>
          row.toAddress.trim().toLowerCase() === email ||
          (row.replyTo ?? '').trim().toLowerCase() === email ||
          parseAddressList(row.cc).some((a) => a.trim().toLowerCase() === email),
      );
    },
    erase(db, email, rows) {
      const statements: BatchItem<'sqlite'>[] = [
        db.delete(outbox).where(sameAddress(outbox.toAddress, email)),
      ];
      for (const row of rows) {
        if ((row.toAddress as string).trim().toLowerCase() === email) continue;
        const cc = parseAddressList(row.cc).filter((a) => a.trim().toLowerCase() !== email);
        const unsent = row.status === 'pending' || row.status === 'sending';
        statements.push(
          db
            .update(outbox)
            .set({
              replyTo:
                (row.replyTo as string | null)?.trim().toLowerCase() === email
                  ? null
                  : (row.replyTo as string | null),
              cc: cc.length ? JSON.stringify(cc) : null,
              textBody: '',
              htmlBody: '',
              attachments: null,
              ...(unsent ? { status: 'suppressed' as const, lastError: 'erased' } : {}),
            })
            .where(eq(outbox.id, row.id as string)),
        );
      }
      return statements;
    },
  },
  deletedByAddress('email_suppressions', emailSuppressions.email, 'delete'),
  {
    key: 'people',
    table: people,
    columns: [people.email, people.postalCode],
    mode: 'delete',
    async find(db, email) {
      const rows = await db.select().from(people).where(sameAddress(people.email, email));
      // With the names of the tags organizers gave them (an export shows them; erasure drops them).
      return Promise.all(
        rows.map(async (row) => {
          const given = await db
            .select({ name: tags.name })
            .from(peopleTags)
            .innerJoin(tags, eq(tags.id, peopleTags.tagId))
            .where(eq(peopleTags.personId, row.id));
          return { ...row, tags: given.map((tag) => tag.name) };
        }),
      );
    },
    erase(db, email) {
      // Their organizer tags go with them (the foreign key cascades too; this says so here).
      const mine = db.select({ id: people.id }).from(people).where(sameAddress(people.email, email));
      return [
        db.delete(peopleTags).where(inArray(peopleTags.personId, mine)),
        db.delete(people).where(sameAddress(people.email, email)),
      ];
    },
  },
  deletedByAddress('organizers', organizers.email, 'delete-if-chosen', {
    id: organizers.id,
    linked: (db, mine) => [
      db.delete(organizerSessions).where(inArray(organizerSessions.organizerId, mine)),
      db.delete(signInTokens).where(inArray(signInTokens.organizerId, mine)),
    ],
  }),
  {
    key: 'officials',
    table: officials,
    columns: [officials.email],
    mode: 'keep',
    async find(db, email) {
      return db
        .select({ id: officials.id, name: officials.name, email: officials.email, title: officials.title })
        .from(officials)
        .where(sameAddress(officials.email, email));
    },
  },
];

/**
 * Columns whose names look like contact details but hold none of a private person's: listed with
 * the reason, so the registry test knows they were looked at.
 */
export const notPersonalColumns: { column: SQLiteColumn; why: string }[] = [
  { column: advocacyDays.address, why: 'The public address of the capitol venue.' },
  {
    column: letters.addressees,
    why: 'Who a letter is addressed to: public officials, written by organizers.',
  },
  { column: meetings.attendeeListSentAt, why: 'A timestamp, not a contact.' },
  { column: dayRegistrations.alreadyRegisteredEmailAt, why: 'A timestamp, not a contact.' },
  {
    column: people.emailStatus,
    why: 'Whether an API client said the person subscribed: a flag, not a contact.',
  },
];

/** Lower-cases and trims an address the way every flow stores it. */
export function normalizeAddress(email: string): string {
  return email.trim().toLowerCase();
}

/** Everything held about one address, per registry entry. */
export async function findEverything(db: Db, email: string): Promise<Record<string, FoundRow[]>> {
  const address = normalizeAddress(email);
  const found: Record<string, FoundRow[]> = {};
  for (const source of personalDataSources) found[source.key] = await source.find(db, address);
  return found;
}
