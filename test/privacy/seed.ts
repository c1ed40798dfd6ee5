// Rows holding one person's address in every table the privacy registry covers, inserted directly.
import { env } from 'cloudflare:workers';
import { getDb } from '../../src/db';
import { advocacyDays, dayRegistrationLinks, dayRegistrations } from '../../src/advocacy-days/schema';
import { billSubscriptionLinks, billSubscriptions, bills } from '../../src/bills/schema';
import { emailSuppressions, outbox } from '../../src/email/schema';
import { letterSignatures, letters } from '../../src/letters/schema';
import { meetings } from '../../src/meetings/schema';
import { officials } from '../../src/officials/schema';
import { organizers } from '../../src/organizers/schema';
import { DAY, HOUR } from '../../src/lib/time';

export const db = getDb(env);

/** Inserts the shared parents (a letter, a day, an official, a bill) once per test file. */
export async function seedParents(): Promise<void> {
  const at = Date.now();
  await db.batch([
    db
      .insert(letters)
      .values({
        id: 'p-letter',
        slug: 'p-letter',
        status: 'open',
        titleEn: 'Privacy letter',
        titleEs: 'Carta de privacidad',
        bodyEn: 'Body',
        bodyEs: 'Cuerpo',
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing(),
    db
      .insert(advocacyDays)
      .values({
        id: 'p-day',
        slug: 'p-day',
        title: 'Privacy day',
        summary: 'Summary',
        startsAt: at + 30 * DAY,
        endsAt: at + 30 * DAY + 8 * HOUR,
        placeName: 'Capitol',
        address: '206 Washington St SW, Atlanta, GA 30334',
        state: 'ga',
        capacity: 50,
        registrationDeadline: at + 20 * DAY,
        status: 'published',
        createdAt: at,
      })
      .onConflictDoNothing(),
    db
      .insert(officials)
      .values({
        id: 'p-official',
        name: 'Alan Powell',
        state: 'ga',
        chamber: 'lower',
        title: 'Representative',
        district: '33',
        email: 'alan.powell@house.ga.gov',
        source: 'manual',
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing(),
    db
      .insert(bills)
      .values({
        id: 'p-bill',
        state: 'GA',
        session: '2027',
        identifier: 'SB 9',
        slug: 'sb-9',
        title: 'Privacy bill',
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing(),
  ]);
}

/** Ids of the rows seeded for one person. */
export interface SeededPerson {
  email: string;
  signatureId: string;
  registrationId: string;
  meetingAsSenderId: string;
  meetingAsAttendeeId: string;
  subscriptionId: string;
  outboxToId: string;
  outboxReplyToId: string;
}

/**
 * One of everything for `email` (tag keeps ids apart): a signature, a registration with a link, a
 * meeting they sent and one they attend, a subscription with a link, emails to them and carrying
 * them as reply-to and cc, and a suppression. `Email` is stored with upper case on purpose.
 */
export async function seedPerson(email: string, tag: string): Promise<SeededPerson> {
  const at = Date.now();
  const ids: SeededPerson = {
    email,
    signatureId: `sig-${tag}`,
    registrationId: `reg-${tag}`,
    meetingAsSenderId: `meet-s-${tag}`,
    meetingAsAttendeeId: `meet-a-${tag}`,
    subscriptionId: `sub-${tag}`,
    outboxToId: `out-to-${tag}`,
    outboxReplyToId: `out-reply-${tag}`,
  };
  const mixedCase = email.replace(/^./, (ch) => ch.toUpperCase());
  await db.batch([
    db.insert(letterSignatures).values({
      id: ids.signatureId,
      letterId: 'p-letter',
      email,
      honorific: 'rev',
      firstName: `First${tag}`,
      lastName: `Last${tag}`,
      role: 'clergy',
      tradition: 'mainline',
      congregation: `Congregation ${tag}`,
      city: 'Atlanta',
      state: 'GA',
      showPublicly: true,
      keepInformed: true,
      lang: 'en',
      confirmTokenHash: `confirm-${tag}`,
      withdrawTokenHash: `withdraw-${tag}`,
      lastConfirmationAt: at,
      confirmedAt: at,
      createdAt: at,
    }),
    db.insert(dayRegistrations).values({
      id: ids.registrationId,
      dayId: 'p-day',
      seq: Math.floor(Math.random() * 1e9),
      status: 'registered',
      name: `Registrant ${tag}`,
      email: mixedCase,
      phone: '404-555-0199',
      address: '12 Peachtree St, Atlanta, GA',
      congregation: 'St. Mark',
      faithRole: 'lay',
      languages: 'English',
      dietaryNeeds: 'Vegetarian',
      upperDistrict: '36',
      lowerDistrict: '58',
      checkInCode: `code-${tag}`,
      createdAt: at,
    }),
    db
      .insert(dayRegistrationLinks)
      .values({ tokenHash: `reglink-${tag}`, registrationId: ids.registrationId, createdAt: at }),
    db.insert(meetings).values({
      id: ids.meetingAsSenderId,
      officialId: 'p-official',
      status: 'requested',
      tokenHash: `meet-${tag}`,
      senderName: `Sender ${tag}`,
      senderEmail: email,
      senderPhone: '404-555-0198',
      groupName: 'St. Paul',
      city: 'Hartwell',
      purpose: 'Licenses',
      attendees: [{ name: 'Pastor Luis', contact: 'luis@example.org' }],
      story: 'A private story',
      requestSubject: 'Meeting request',
      requestText: `Dear Rep. Powell, ... Sender ${tag}`,
      createdAt: at,
      updatedAt: at,
    }),
    db.insert(meetings).values({
      id: ids.meetingAsAttendeeId,
      officialId: 'p-official',
      status: 'held',
      senderName: 'Someone Else',
      senderEmail: `other-sender-${tag}@example.org`,
      groupName: 'First Baptist',
      city: 'Macon',
      purpose: 'Licenses',
      attendees: [
        { name: `Attendee ${tag}`, contact: `${mixedCase}, 404-555-0197` },
        { name: 'Kept Attendee', contact: 'kept@example.org' },
      ],
      requestSubject: 'Meeting request',
      requestText: 'Dear Rep. Powell',
      createdAt: at,
      updatedAt: at,
    }),
    db.insert(billSubscriptions).values({
      id: ids.subscriptionId,
      email,
      scopeKey: 'bill:p-bill',
      billId: 'p-bill',
      state: 'GA',
      lang: 'en',
      frequency: 'immediate',
      status: 'confirmed',
      createdAt: at,
      confirmedAt: at,
    }),
    db.insert(billSubscriptionLinks).values({
      tokenHash: `sublink-${tag}`,
      subscriptionId: ids.subscriptionId,
      purpose: 'manage',
      createdAt: at,
    }),
    db.insert(outbox).values({
      id: ids.outboxToId,
      template: 'letters-confirm',
      toAddress: email,
      lang: 'en',
      subject: 'Confirm your signature',
      textBody: 'Please confirm',
      htmlBody: '<p>Please confirm</p>',
      status: 'sent',
      nextAttemptAt: at,
      createdAt: at,
      sentAt: at,
    }),
    db.insert(outbox).values({
      id: ids.outboxReplyToId,
      template: 'meetings-request',
      toAddress: 'alan.powell@house.ga.gov',
      lang: 'en',
      subject: 'Meeting request',
      textBody: `Dear Rep. Powell, from Sender ${tag}`,
      htmlBody: `<p>Dear Rep. Powell, from Sender ${tag}</p>`,
      replyTo: email,
      cc: JSON.stringify([email, 'kept@example.org']),
      status: 'pending',
      nextAttemptAt: at + HOUR,
      createdAt: at,
    }),
    db.insert(emailSuppressions).values({ email, reason: 'bounced', createdAt: at }),
  ]);
  return ids;
}

/** An organizer account with this address. */
export async function seedOrganizer(email: string, id: string): Promise<void> {
  await db.insert(organizers).values({ id, email, name: 'Staff', createdAt: Date.now() });
}
