import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { advocacyDays, dayRegistrationLinks, dayRegistrations } from '../../src/advocacy-days/schema';
import { DAY, HOUR } from '../../src/lib/time';
import { billSubscriptionLinks, billSubscriptions } from '../../src/bills/schema';
import { emailSuppressions, outbox } from '../../src/email/schema';
import { letterSignatures } from '../../src/letters/schema';
import { openMeeting } from '../../src/meetings/contact-fields';
import { meetings } from '../../src/meetings/schema';
import { organizers } from '../../src/organizers/schema';
import { privacyErasures } from '../../src/privacy/schema';
import { countFound } from '../../src/privacy/erasure';
import { findEverything } from '../../src/privacy/queries/registry';
import { organizerCookie, postForm, request } from '../helpers';
import { db, seedOrganizer, seedParents, seedPerson, type SeededPerson } from './seed';

let target: SeededPerson;
let bystander: SeededPerson;
let cookie: string;

beforeAll(async () => {
  await seedParents();
  target = await seedPerson('maria@example.org', 't');
  bystander = await seedPerson('bystander@example.org', 'b');
  await seedOrganizer('maria@example.org', 'org-maria');
  // A day already over, and a full day ahead with the bystander first on the waitlist.
  const at = Date.now();
  const day = (id: string, endsAt: number, capacity: number) => ({
    id,
    slug: id,
    title: id,
    summary: 'Summary',
    startsAt: endsAt - 8 * HOUR,
    endsAt,
    placeName: 'Capitol',
    address: 'Capitol',
    state: 'ga',
    capacity,
    registrationDeadline: endsAt - DAY,
    status: 'published' as const,
    createdAt: at,
  });
  const registration = (
    id: string,
    dayId: string,
    seq: number,
    email: string,
    status: 'registered' | 'waitlisted',
  ) => ({
    id,
    dayId,
    seq,
    status,
    name: `Person ${id}`,
    email,
    phone: '404-555-0100',
    faithRole: 'lay' as const,
    upperDistrict: '12',
    checkInCode: `code-${id}`,
    createdAt: at,
  });
  await db.batch([
    db.insert(advocacyDays).values([day('day-past', at - 10 * DAY, 10), day('day-full', at + 10 * DAY, 1)]),
    db
      .insert(dayRegistrations)
      .values([
        registration('reg-past', 'day-past', 1, 'maria@example.org', 'registered'),
        registration('reg-full', 'day-full', 1, 'maria@example.org', 'registered'),
        registration('reg-waiting', 'day-full', 2, 'bystander@example.org', 'waitlisted'),
      ]),
  ]);
  cookie = await organizerCookie('lead@example.org');
});

/** Every column value of every table, as one string (to look for the address anywhere). */
async function wholeDatabaseText(): Promise<string> {
  const { results: tables } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations'",
  ).all<{ name: string }>();
  let text = '';
  for (const { name } of tables) {
    const { results } = await env.DB.prepare(`select * from "${name}"`).all();
    text += JSON.stringify(results).toLowerCase();
  }
  return text;
}

describe('privacy operations (/admin/privacy)', () => {
  it('finds the address in every table, whatever its case, and counts per table', async () => {
    const found = countFound(await findEverything(db, '  MARIA@example.org '));
    expect(found).toEqual({
      letter_signatures: 1,
      day_registrations: 3,
      meetings: 2,
      bill_subscriptions: 1,
      outbox: 2,
      email_suppressions: 1,
      people: 1,
      organizers: 1,
      officials: 0,
    });
    // A substring of another address is not a match.
    expect(countFound(await findEverything(db, 'ria@example.org')).meetings).toBe(0);
  });

  it('shows the counts to an organizer and refuses an invalid address with 422', async () => {
    const page = await postForm('/admin/privacy/find', { email: 'maria@example.org' }, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/id="count-meetings"[^]*?<td>2<\/td>/);
    expect(html).toContain('action="/admin/privacy/erase"');
    expect(page.headers.get('cache-control')).toContain('no-store');

    const bad = await postForm('/admin/privacy/find', { email: 'not an address' }, { cookie });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#field-email"');
  });

  it('exports everything as a JSON attachment, without token hashes', async () => {
    const response = await postForm('/admin/privacy/export', { email: 'maria@example.org' }, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="welcome-table-export-/,
    );
    expect(response.headers.get('cache-control')).toContain('no-store');
    const data = (await response.json()) as { email: string; tables: Record<string, { id?: string }[]> };
    expect(data.email).toBe('maria@example.org');
    expect(data.tables.letter_signatures?.[0]?.id).toBe(target.signatureId);
    expect(data.tables.day_registrations?.[0]?.id).toBe(target.registrationId);
    expect(data.tables.meetings?.map((m) => m.id).sort()).toEqual(
      [target.meetingAsAttendeeId, target.meetingAsSenderId].sort(),
    );
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/confirm-t|withdraw-t|meet-t"/);
    expect(text).not.toContain('bystander@example.org');
  });

  it('asks for confirmation before erasing: without the box ticked nothing changes', async () => {
    const response = await postForm('/admin/privacy/erase', { email: 'maria@example.org' }, { cookie });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('href="#field-confirm"');
    expect(countFound(await findEverything(db, 'maria@example.org')).letter_signatures).toBe(1);
    expect(await db.select().from(privacyErasures)).toHaveLength(0);
  });

  it('erases across every table, keeps counts the coalition needs, and records it without the address', async () => {
    const response = await postForm(
      '/admin/privacy/erase',
      { email: 'Maria@Example.org', confirm: 'on' },
      { cookie },
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/privacy\?erased=/);

    // Deleted.
    expect(
      await db.select().from(letterSignatures).where(eq(letterSignatures.id, target.signatureId)),
    ).toHaveLength(0);
    expect(
      await db.select().from(billSubscriptions).where(eq(billSubscriptions.id, target.subscriptionId)),
    ).toHaveLength(0);
    expect(
      await db
        .select()
        .from(billSubscriptionLinks)
        .where(eq(billSubscriptionLinks.subscriptionId, target.subscriptionId)),
    ).toHaveLength(0);
    expect(await db.select().from(outbox).where(eq(outbox.id, target.outboxToId))).toHaveLength(0);
    expect(
      await db.select().from(emailSuppressions).where(eq(emailSuppressions.email, target.email)),
    ).toHaveLength(0);
    expect(
      await db
        .select()
        .from(dayRegistrationLinks)
        .where(eq(dayRegistrationLinks.registrationId, target.registrationId)),
    ).toHaveLength(0);

    // Blanked, row kept for the counts.
    const [registration] = await db
      .select()
      .from(dayRegistrations)
      .where(eq(dayRegistrations.id, target.registrationId));
    expect(registration).toMatchObject({
      status: 'cancelled',
      phone: null,
      address: null,
      upperDistrict: '36',
    });
    expect(registration!.email).not.toContain('@');
    expect(registration!.name).not.toContain('Registrant');
    // A day ahead: the seat is given up and goes to the first person waiting; a past day keeps it.
    const [past] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, 'reg-past'));
    expect(past).toMatchObject({ status: 'registered', phone: null, upperDistrict: '12' });
    expect(past!.email).not.toContain('@');
    const [full] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, 'reg-full'));
    expect(full!.status).toBe('cancelled');
    const [waiting] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, 'reg-waiting'));
    expect(waiting!.status).toBe('registered');
    expect(waiting!.promotedAt).not.toBeNull();
    const [sent] = await db.select().from(meetings).where(eq(meetings.id, target.meetingAsSenderId));
    expect(sent).toMatchObject({
      status: 'requested',
      senderPhone: null,
      story: null,
      tokenHash: null,
      requestText: '',
    });
    // The people they brought and what describes their group go with them (test/privacy/meetings.test.ts).
    expect(sent).toMatchObject({ attendees: [], groupName: '—', city: '—', purpose: '—' });
    const [attended] = await db.select().from(meetings).where(eq(meetings.id, target.meetingAsAttendeeId));
    // The attendees left are stored again, sealed (the seeded row was plain text from before sealing).
    expect(attended!.attendees[0]!.contact).toMatch(/^wt1\./);
    expect((await openMeeting(db, attended!)).attendees).toEqual([
      { name: 'Kept Attendee', contact: 'kept@example.org' },
    ]);
    expect(attended!.senderEmail).toBe('other-sender-t@example.org');
    const [requestEmail] = await db.select().from(outbox).where(eq(outbox.id, target.outboxReplyToId));
    expect(requestEmail).toMatchObject({
      replyTo: null,
      cc: JSON.stringify(['kept@example.org']),
      textBody: '',
      status: 'suppressed',
    });

    // The organizer account stays unless chosen.
    expect(await db.select().from(organizers).where(eq(organizers.id, 'org-maria'))).toHaveLength(1);

    // Nothing else holds the address, except the organizer row that was not chosen.
    const text = await wholeDatabaseText();
    expect(text.split('maria@example.org').length - 1).toBe(1);

    // The bystander is untouched.
    const bystanderCounts = countFound(await findEverything(db, bystander.email));
    expect(bystanderCounts).toMatchObject({
      letter_signatures: 1,
      day_registrations: 2,
      meetings: 2,
      outbox: 2,
    });

    // The record: counts and organizer, no address.
    const [record] = await db.select().from(privacyErasures);
    expect(record!.counts).toMatchObject({
      letter_signatures: 1,
      day_registrations: 3,
      meetings: 2,
      outbox: 2,
    });
    expect(record!.counts).not.toHaveProperty('organizers');
    expect(record!.organizerId).toBe('organizer-lead@example.org');
    expect(JSON.stringify(record)).not.toContain('maria');

    const listing = await request(location, { cookie });
    const html = await listing.text();
    expect(html).toContain(`id="erasure-${record!.id}"`);
    expect(html).toContain('role="status"');
    expect(html).not.toContain('maria@example.org');
    // The audit names the organizer who erased, not their internal id.
    expect(html).toContain('<td>Test Organizer · lead@example.org</td>');
    expect(html).not.toContain('organizer-lead@example.org');
  });

  it('removes the organizer account only when explicitly chosen', async () => {
    const response = await postForm(
      '/admin/privacy/erase',
      { email: 'maria@example.org', confirm: 'on', includeOrganizer: 'on' },
      { cookie },
    );
    expect(response.status).toBe(303);
    expect(await db.select().from(organizers).where(eq(organizers.id, 'org-maria'))).toHaveLength(0);
    expect(await wholeDatabaseText()).not.toContain('maria@example.org');
    expect(await db.select().from(privacyErasures)).toHaveLength(2);
  });

  it('is organizer-only', async () => {
    const response = await postForm('/admin/privacy/find', { email: 'bystander@example.org' });
    expect([302, 303, 401, 403]).toContain(response.status);
    expect(await response.text()).not.toContain('bystander@example.org');
  });
});
