// Delivering webhook events: one signed item per event (checked with the `standardwebhooks`
// package), retries with backoff, giving up, and the sweep.
import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attemptDelivery } from '../../src/webhooks/delivery';
import { sweepWebhooks } from '../../src/webhooks/jobs';
import {
  MAX_ATTEMPTS,
  endpointUrlProblem,
  nextStepAfterAttempt,
  retryDelaySeconds,
} from '../../src/webhooks/policy';
import { insertEndpoint, recordEventWithItem, recordEventsFor } from '../../src/webhooks/queries';
import { storedSecret } from '../../src/webhooks/secrets';
import { newWebhookSecret } from '../../src/webhooks/signing';
import { runBatch } from '../../src/db/batch';
import { sql } from 'drizzle-orm';
import { stubFetch } from '../helpers';
import { addEndpoint, db, deliveriesOf, eventsOf, testBuilders } from './support';

let endpoint: Awaited<ReturnType<typeof addEndpoint>>;
let stub: ReturnType<typeof stubFetch> | undefined;
beforeAll(async () => {
  endpoint = await addEndpoint('ep-delivery');
});
afterEach(() => stub?.restore());

/** Records one signature event for `subjectId` at `at`, as a feature's batch would. */
async function recordSignatureEvent(subjectId: string, at: number) {
  await runBatch(db, recordEventsFor(db, 'signature.confirmed', sql`select ${subjectId} as id`, at));
  const [delivery] = await deliveriesOf(`signature.confirmed:${subjectId}`);
  return delivery!;
}

describe('nextStepAfterAttempt', () => {
  it('retries network errors, 5xx and 429 with doubling waits, and gives up after the last attempt', () => {
    expect(nextStepAfterAttempt(204, 1)).toEqual({ status: 'delivered' });
    expect(nextStepAfterAttempt(null, 1)).toEqual({ status: 'retry', delaySeconds: 30 });
    expect(nextStepAfterAttempt(503, 2)).toEqual({ status: 'retry', delaySeconds: 60 });
    expect(nextStepAfterAttempt(429, 3)).toEqual({ status: 'retry', delaySeconds: 120 });
    expect(nextStepAfterAttempt(400, 1)).toEqual({ status: 'failed' });
    expect(nextStepAfterAttempt(500, MAX_ATTEMPTS)).toEqual({ status: 'failed' });
    expect(retryDelaySeconds(30)).toBe(6 * 3600);
  });
});

describe('endpointUrlProblem', () => {
  it('takes public HTTPS addresses only, except in development', () => {
    expect(endpointUrlProblem('https://hooks.example.org/x', false)).toBeNull();
    expect(endpointUrlProblem('http://hooks.example.org/x', false)).toBe('webhooks.error.https');
    expect(endpointUrlProblem('https://127.0.0.1/x', false)).toBe('webhooks.error.privateHost');
    expect(endpointUrlProblem('https://[::1]/x', false)).toBe('webhooks.error.privateHost');
    expect(endpointUrlProblem('https://10.1.2.3/x', false)).toBe('webhooks.error.privateHost');
    expect(endpointUrlProblem('https://169.254.169.254/latest', false)).toBe('webhooks.error.privateHost');
    expect(endpointUrlProblem('https://localhost:8080/x', false)).toBe('webhooks.error.privateHost');
    expect(endpointUrlProblem('not a url', false)).toBe('webhooks.error.url');
    expect(endpointUrlProblem('http://localhost:8080/x', true)).toBeNull();
  });
});

describe('attemptDelivery', () => {
  it('posts one item signed per Standard Webhooks, which the standardwebhooks package verifies', async () => {
    const at = Date.UTC(2026, 11, 2, 12);
    const delivery = await recordSignatureEvent('sig-signed', at);
    stub = stubFetch(() => new Response(null, { status: 204 }));
    expect(await attemptDelivery(env, delivery.id, testBuilders, at)).toEqual({ status: 'delivered' });
    const [sent] = stub.calls;
    expect(sent!.url).toBe(endpoint.url);
    const body = await sent!.text();
    const headers = Object.fromEntries(sent!.headers);
    expect(headers['webhook-id']).toBe(delivery.id);
    expect(headers['webhook-timestamp']).toBe(String(at / 1000));
    // The receiver's check (its own clock is the delivery's time: the package refuses old messages).
    const realNow = Date.now;
    Date.now = () => at;
    try {
      expect(new Webhook(endpoint.secret).verify(body, headers)).toEqual([
        {
          'osdi:signature': { identifiers: ['test:sig-signed'] },
          'welcome_table:event': 'signature.confirmed',
          idempotency_key: 'signature.confirmed:sig-signed',
        },
      ]);
      expect(() =>
        new Webhook(endpoint.secret).verify(body.replace('sig-signed', 'sig-forged'), headers),
      ).toThrow();
    } finally {
      Date.now = realNow;
    }
    expect((await deliveriesOf('signature.confirmed:sig-signed'))[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      last_status_code: 204,
    });
  });

  it('retries a 503 and a network error with backoff, sending the same one item each time', async () => {
    const at = Date.UTC(2026, 11, 2, 13);
    const delivery = await recordSignatureEvent('sig-retried', at);
    const answers: (() => Response)[] = [
      () => new Response('busy', { status: 503 }),
      () => {
        throw new TypeError('network down');
      },
      () => new Response('ok', { status: 200 }),
    ];
    stub = stubFetch(() => answers.shift()!());
    expect(await attemptDelivery(env, delivery.id, testBuilders, at)).toEqual({
      status: 'retry',
      delaySeconds: 30,
    });
    expect((await deliveriesOf('signature.confirmed:sig-retried'))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status_code: 503,
      next_attempt_at: at + 30_000,
    });
    // Too early: the backoff holds it back.
    expect(await attemptDelivery(env, delivery.id, testBuilders, at + 10_000)).toEqual({ status: 'skipped' });
    expect(await attemptDelivery(env, delivery.id, testBuilders, at + 30_000)).toEqual({
      status: 'retry',
      delaySeconds: 60,
    });
    expect(await attemptDelivery(env, delivery.id, testBuilders, at + 90_000)).toEqual({
      status: 'delivered',
    });
    expect(stub.calls).toHaveLength(3);
    const bodies = await Promise.all(stub.calls.map((call) => call.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toHaveLength(1);
    expect(new Set(stub.calls.map((call) => call.headers.get('webhook-id')))).toEqual(new Set([delivery.id]));
    expect(await eventsOf('signature.confirmed')).toContainEqual(
      expect.objectContaining({ id: 'signature.confirmed:sig-retried' }),
    );
  });

  it('gives up after the last attempt and marks the delivery failed', async () => {
    const at = Date.UTC(2026, 11, 2, 14);
    const delivery = await recordSignatureEvent('sig-given-up', at);
    await env.DB.prepare('UPDATE webhook_deliveries SET attempts = ? WHERE id = ?')
      .bind(MAX_ATTEMPTS - 1, delivery.id)
      .run();
    stub = stubFetch(() => new Response(null, { status: 500 }));
    expect(await attemptDelivery(env, delivery.id, testBuilders, at)).toEqual({ status: 'failed' });
    expect((await deliveriesOf('signature.confirmed:sig-given-up'))[0]).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      last_status_code: 500,
    });
    expect(await attemptDelivery(env, delivery.id, testBuilders, at + 3_600_000)).toEqual({
      status: 'skipped',
    });
    expect(stub.calls).toHaveLength(1);
  });

  it('sends nothing when the subject is gone (erased since), and marks the delivery skipped', async () => {
    const at = Date.UTC(2026, 11, 2, 15);
    const delivery = await recordSignatureEvent('gone-signature', at);
    stub = stubFetch(() => new Response(null, { status: 204 }));
    expect(await attemptDelivery(env, delivery.id, testBuilders, at)).toEqual({ status: 'skipped' });
    expect(stub.calls).toHaveLength(0);
    expect((await deliveriesOf('signature.confirmed:gone-signature'))[0]!.status).toBe('skipped');
  });

  it('sends an erasure with the identifiers captured when it was recorded', async () => {
    const at = Date.UTC(2026, 11, 2, 16);
    const item = {
      identifiers: ['welcome_table:erasure-1'],
      'welcome_table:erased_identifiers': ['welcome_table:sig-9'],
    };
    await runBatch(
      db,
      recordEventWithItem(
        db,
        { id: 'person.erased:erasure-1', type: 'person.erased', subjectId: 'erasure-1', item },
        at,
      ),
    );
    const [delivery] = await deliveriesOf('person.erased:erasure-1');
    stub = stubFetch(() => new Response(null, { status: 200 }));
    expect(await attemptDelivery(env, delivery!.id, testBuilders, at)).toEqual({ status: 'delivered' });
    expect(JSON.parse(await stub.calls[0]!.text())).toEqual([
      {
        'welcome_table:erasure': item,
        'welcome_table:event': 'person.erased',
        idempotency_key: 'person.erased:erasure-1',
      },
    ]);
  });
});

describe('endpoint secrets', () => {
  it('are stored sealed with CONTACT_KEYS, and still sign what the receiver checks', async () => {
    const secret = newWebhookSecret();
    const stored = await storedSecret(db, 'ep-sealed', secret);
    expect(stored.startsWith('wt1.')).toBe(true);
    expect(stored).not.toContain(secret.slice(6));
    await insertEndpoint(db, {
      id: 'ep-sealed',
      url: 'https://hooks.example.org/sealed',
      secret: stored,
      events: ['subscription.ended'],
      createdBy: 'test',
      at: 1,
    });
    const at = Date.UTC(2026, 11, 2, 18);
    await runBatch(db, recordEventsFor(db, 'subscription.ended', sql`select 'sub-sealed' as id`, at));
    stub = stubFetch(() => new Response(null, { status: 200 }));
    expect(await attemptDelivery(env, 'subscription.ended:sub-sealed>ep-sealed', testBuilders, at)).toEqual({
      status: 'delivered',
    });
    const sent = stub.calls.find((call) => call.url === 'https://hooks.example.org/sealed')!;
    const realNow = Date.now;
    Date.now = () => at;
    try {
      expect(new Webhook(secret).verify(await sent.text(), Object.fromEntries(sent.headers))).toHaveLength(1);
    } finally {
      Date.now = realNow;
    }
  });
});

describe('sweepWebhooks', () => {
  it('re-enqueues deliveries left pending past their time, and claimed ones whose worker died', async () => {
    const at = Date.UTC(2026, 11, 2, 17);
    const pending = await recordSignatureEvent('sig-stuck', at);
    const claimed = await recordSignatureEvent('sig-claimed', at);
    await env.DB.prepare("UPDATE webhook_deliveries SET status = 'sending', claimed_at = ? WHERE id = ?")
      .bind(at, claimed.id)
      .run();
    const sent: string[] = [];
    const queue = {
      sendBatch: async (messages: { body: { deliveryId: string } }[]) =>
        void sent.push(...messages.map((m) => m.body.deliveryId)),
    };
    await sweepWebhooks({ ...env, WEBHOOK_QUEUE: queue as unknown as Queue }, at + 60 * 60_000);
    expect(sent).toEqual(expect.arrayContaining([pending.id, claimed.id]));
    sent.length = 0;
    await sweepWebhooks({ ...env, WEBHOOK_QUEUE: queue as unknown as Queue }, at + 30_000);
    expect(sent).not.toContain(pending.id);
  });
});
