// Each change that other systems hear about records its webhook event in the change's own batch:
// once (a re-run records nothing twice), with one delivery per endpoint that chose it, and not at
// all when the change fails or changes nothing.
import { env } from 'cloudflare:workers';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocacyDays } from '../../src/advocacy-days/schema';
import { cancelRegistration } from '../../src/advocacy-days/registration';
import { storeConfirmation, unsubscribeAddress } from '../../src/bills/queries/subscriptions';
import { billSubscriptions } from '../../src/bills/schema';
import { confirmSignature } from '../../src/letters/queries/signatures';
import { letterSignatures } from '../../src/letters/schema';
import { markRequestSent, storeMeetingOutcome } from '../../src/meetings/queries';
import { meetings } from '../../src/meetings/schema';
import { eraseEverything } from '../../src/privacy/erasure';
import { recordSignature } from '../../src/api/queries/writes';
import { attemptDelivery } from '../../src/webhooks/delivery';
import { WEBHOOK_PAYLOADS } from '../../src/webhook-payloads';
import { stubFetch } from '../helpers';
import { seedParents, seedPerson, type SeededPerson } from '../privacy/seed';
import { addEndpoint, db, deliveriesOf, eventsOf } from './support';

let person: SeededPerson;
// Dispatched deliveries reach the queue consumer of this test Worker: it must never reach out.
const network = stubFetch(() => new Response(null, { status: 204 }));
afterAll(() => network.restore());

beforeAll(async () => {
  await seedParents();
  person = await seedPerson('hook-person@example.org', 'hooks');
  await addEndpoint('ep-all');
});

describe('signature confirmed', () => {
  it('is recorded once, when the confirm link changes the signature, with a delivery to the endpoint', async () => {
    await db
      .update(letterSignatures)
      .set({ confirmedAt: null, confirmTokenHash: 'hook-confirm', lastConfirmationAt: Date.now() })
      .where(eq(letterSignatures.id, person.signatureId));
    const at = Date.now();
    expect(await confirmSignature(db, 'p-letter', 'hook-confirm', at)).toBe('confirmed');
    expect(await confirmSignature(db, 'p-letter', 'hook-confirm', at + 1)).toBe('already');
    expect(await eventsOf('signature.confirmed')).toEqual([
      { id: `signature.confirmed:${person.signatureId}`, subject_id: person.signatureId, item: null },
    ]);
    expect(await deliveriesOf(`signature.confirmed:${person.signatureId}`)).toEqual([
      expect.objectContaining({ endpoint_id: 'ep-all', attempts: expect.any(Number) }),
    ]);
  });

  it("is delivered as the API's own signature resource", async () => {
    const deliveryId = `signature.confirmed:${person.signatureId}>ep-all`;
    expect(await attemptDelivery(env, deliveryId, WEBHOOK_PAYLOADS)).toEqual({ status: 'delivered' });
    const sent = network.calls.find((call) => call.headers.get('webhook-id') === deliveryId)!;
    const [item] = JSON.parse(await sent.text());
    expect(item.idempotency_key).toBe(`signature.confirmed:${person.signatureId}`);
    expect(item['osdi:signature']).toMatchObject({
      identifiers: [`welcome_table:${person.signatureId}`],
      _links: {
        self: { href: `https://welcome.test/api/v2/petitions/p-letter/signatures/${person.signatureId}` },
        'osdi:person': { href: expect.stringMatching(/^https:\/\/welcome\.test\/api\/v2\/people\//) },
      },
    });
    expect(JSON.stringify(item)).not.toContain('hook-person@example.org');
  });

  it('is recorded for a signature an API client records, and not when the address had signed', async () => {
    const signed = {
      letterId: 'p-letter',
      email: 'api-signer@example.org',
      firstName: 'Ana',
      lastName: 'Ruiz',
      city: 'Macon',
      state: 'GA',
      comment: null,
      keepInformed: false,
      lang: 'en' as const,
      origin: 'Action Network',
      at: Date.now(),
    };
    const id = await recordSignature(db, signed);
    expect(await recordSignature(db, { ...signed, at: signed.at + 1 })).toBe(id);
    expect((await eventsOf('signature.confirmed')).map((e) => e.id)).toContain(`signature.confirmed:${id}`);
    expect(await eventsOf('signature.confirmed')).toHaveLength(2);
  });

  it('records nothing for a link that confirms nothing', async () => {
    expect(await confirmSignature(db, 'p-letter', 'no-such-link', Date.now())).toBe('invalid');
    expect(await eventsOf('signature.confirmed')).toHaveLength(2);
  });
});

describe('registration changed', () => {
  it('is recorded for the cancelled registration, once', async () => {
    const [day] = await db.select().from(advocacyDays).where(eq(advocacyDays.id, 'p-day'));
    const at = Date.now();
    expect(await cancelRegistration(db, env, day!, person.registrationId, at)).toBe(true);
    expect(await cancelRegistration(db, env, day!, person.registrationId, at + 5)).toBe(false);
    expect(await eventsOf('registration.changed')).toEqual([
      {
        id: `registration.changed:${person.registrationId}:${at}`,
        subject_id: person.registrationId,
        item: null,
      },
    ]);
  });
});

describe('meeting request sent and recorded', () => {
  it('records "sent" once when the request goes to the official, and "recorded" for each recording', async () => {
    const id = person.meetingAsSenderId;
    await db.update(meetings).set({ status: 'unconfirmed' }).where(eq(meetings.id, id));
    const noEmail = db.run(sql`select 1`);
    const at = Date.now();
    await markRequestSent(db, id, noEmail, at);
    await markRequestSent(db, id, noEmail, at + 1);
    expect((await eventsOf('meeting_request.sent')).map((e) => e.id)).toEqual([`meeting_request.sent:${id}`]);
    const outcome = {
      heldOn: '2026-12-01',
      stancePerceived: 'ally' as const,
      nextSteps: null,
      debriefNotes: null,
      commitments: [],
    };
    await storeMeetingOutcome(db, { id, officialId: 'p-official' }, outcome, at + 10);
    expect((await eventsOf('meeting_request.recorded')).map((e) => e.id)).toEqual([
      `meeting_request.recorded:${id}:${at + 10}`,
    ]);
  });
});

describe('subscription confirmed and ended', () => {
  it('records "ended" for each subscription an unsubscribe stops, and nothing for a second one', async () => {
    const at = Date.now();
    await unsubscribeAddress(db, person.email, at);
    await unsubscribeAddress(db, person.email, at + 1);
    expect(await eventsOf('subscription.ended')).toEqual([
      {
        id: `subscription.ended:${person.subscriptionId}:${at}`,
        subject_id: person.subscriptionId,
        item: null,
      },
    ]);
  });

  it('records "confirmed" when a pending subscription is confirmed', async () => {
    await db
      .update(billSubscriptions)
      .set({ status: 'pending' })
      .where(eq(billSubscriptions.id, person.subscriptionId));
    const at = Date.now();
    const link = {
      tokenHash: 'hook-manage',
      subscriptionId: person.subscriptionId,
      purpose: 'manage' as const,
      createdAt: at,
    };
    await storeConfirmation(db, link, person.subscriptionId, at);
    expect((await eventsOf('subscription.confirmed')).map((e) => e.id)).toEqual([
      `subscription.confirmed:${person.subscriptionId}:${at}`,
    ]);
  });

  it('records nothing when the change fails: the batch stores neither the change nor its event', async () => {
    await db
      .update(billSubscriptions)
      .set({ status: 'pending' })
      .where(eq(billSubscriptions.id, person.subscriptionId));
    const at = Date.now() + 1000;
    // The same link again: its primary key refuses it, so the whole batch fails.
    const link = {
      tokenHash: 'hook-manage',
      subscriptionId: person.subscriptionId,
      purpose: 'manage' as const,
      createdAt: at,
    };
    await expect(storeConfirmation(db, link, person.subscriptionId, at)).rejects.toThrow();
    const [row] = await db
      .select()
      .from(billSubscriptions)
      .where(eq(billSubscriptions.id, person.subscriptionId));
    expect(row!.status).toBe('pending');
    expect(await eventsOf('subscription.confirmed')).toHaveLength(1);
  });
});

describe('person erased', () => {
  it('records the erasure with the identifiers of what was erased, and nothing of the address', async () => {
    const at = Date.now();
    const { id } = await eraseEverything(db, person.email, {
      includeOrganizer: false,
      organizerId: null,
      at,
    });
    const [event] = await eventsOf('person.erased');
    expect(event!.id).toBe(`person.erased:${id}`);
    expect(event!.item).not.toContain('hook-person');
    expect(JSON.parse(event!.item!)).toEqual({
      identifiers: [expect.stringMatching(/^welcome_table:/)],
      erased_date: new Date(at).toISOString(),
      'welcome_table:erasure_id': id,
      'welcome_table:erased_identifiers': expect.arrayContaining([
        `welcome_table:${person.signatureId}`,
        `welcome_table:${person.meetingAsSenderId}`,
        `welcome_table:${person.subscriptionId}`,
      ]),
    });
    expect(await deliveriesOf(event!.id)).toHaveLength(1);
  });
});
