import { env, exports } from 'cloudflare:workers';
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { processAlertPage, resumeStalledFanouts, FANOUT_STALL_MS } from '../../src/bills/alerts';
import { postBillUpdate, postOrganizerAction, type AlertPageMessage } from '../../src/bills/movements';
import { getBill, getMovement } from '../../src/bills/queries';
import { billMovements, billSubscriptions } from '../../src/bills/schema';
import { emailSuppressions, outbox } from '../../src/email/schema';
import { postForm } from '../helpers';
import { seedBill, seedSubscribers, subscriptionsTo } from './seed';

const db = getDb(env);
// exports.default.queue() exists with the service_binding_extra_handlers flag (vitest.config.ts);
// its type does not say so.
const worker = exports.default as unknown as {
  queue(
    queueName: string,
    messages: { id: string; timestamp: Date; attempts: number; body: unknown }[],
  ): Promise<{ outcome: string }>;
};
const hourAgo = Date.now() - 3_600_000;

/** A subscription to bill-a (GA); `{ billId: null }` in overrides makes it the whole state. */
const subscription = subscriptionsTo({ billId: 'bill-a', state: 'GA' });

beforeAll(async () => {
  await seedBill(db, { id: 'bill-a', identifier: 'SB 5' });
  await seedBill(db, { id: 'bill-b', identifier: 'SB 6' });
  const rows = [
    subscription('a-1-en', 'english@example.org'),
    subscription('a-2-es', 'spanish@example.org', { lang: 'es' }),
    subscription('a-3-suppressed', 'bounced@example.org'),
    subscription('a-4-unsubscribed', 'gone@example.org', { status: 'unsubscribed', unsubscribedAt: hourAgo }),
    subscription('a-5-pending', 'pending@example.org', { status: 'pending', confirmedAt: null }),
    subscription('a-6-daily', 'daily@example.org', { frequency: 'daily' }),
    subscription('a-7-both-bill', 'both@example.org'),
    subscription('a-8-both-state', 'both@example.org', { scopeKey: 'state:GA', billId: null }),
    subscription('a-9-state', 'state-only@example.org', { scopeKey: 'state:GA', billId: null }),
    subscription('a-10-other-state', 'sc@example.org', { scopeKey: 'state:SC', billId: null, state: 'SC' }),
  ];
  // 12 columns a row: 8 rows a statement stays within D1's 100 bound parameters.
  for (let i = 0; i < rows.length; i += 8) await db.insert(billSubscriptions).values(rows.slice(i, i + 8));
  await db
    .insert(emailSuppressions)
    .values({ email: 'bounced@example.org', reason: 'bounced', createdAt: hourAgo });
  await seedSubscribers(db, { count: 250, billId: 'bill-b', prefix: 'b', confirmedAt: hourAgo });
});

async function alertsOf(movementId: string) {
  return db
    .select()
    .from(outbox)
    .where(like(outbox.id, `alert:${movementId}:%`));
}

async function committeePassage(billId: string, description = 'Committee favorably reported') {
  const bill = (await getBill(db, billId))!;
  const { movementId } = await postOrganizerAction(db, bill, {
    date: '2027-02-01',
    chamber: 'Senate',
    chamberKind: 'upper',
    description,
    classification: ['committee-passage'],
  });
  return movementId!;
}

function queueMessage(body: AlertPageMessage, attempts = 1) {
  return { id: `message-${body.movementId}-${body.page}`, timestamp: new Date(), attempts, body };
}

describe('alert fan-out', () => {
  let movementId: string;

  it('sends each confirmed, immediate, unsuppressed subscriber exactly one alert, even when the queue redelivers the batch', async () => {
    movementId = await committeePassage('bill-a');
    const message = queueMessage({ movementId, page: 0, after: '' });
    const first = await worker.queue('welcome-table-alerts', [message]);
    expect(first.outcome).toBe('ok');
    // At-least-once delivery: the same batch again, as after a lost ack.
    const second = await worker.queue('welcome-table-alerts', [{ ...message, attempts: 2 }]);
    expect(second.outcome).toBe('ok');

    const alerts = await alertsOf(movementId);
    expect(alerts.map((a) => a.toAddress).sort()).toEqual([
      'both@example.org',
      'english@example.org',
      'spanish@example.org',
      'state-only@example.org',
    ]);
    expect(alerts.every((a) => a.status === 'sent')).toBe(true);
    // One send group: the page, and a digest of exactly which emails were stored.
    expect(new Set(alerts.map((a) => a.batchKey)).size).toBe(1);
    expect(alerts[0]!.batchKey).toMatch(new RegExp(`^alert:${movementId}:0:[0-9a-f]{16}$`));
    expect((await getMovement(db, movementId))!.fanoutStatus).toBe('done');
  });

  it('says what changed, what it means and what to do, in the subscriber language, with unsubscribe links', async () => {
    const alerts = await alertsOf(movementId);
    const spanish = alerts.find((a) => a.toAddress === 'spanish@example.org')!;
    expect(spanish.lang).toBe('es');
    expect(spanish.subject).toBe('GA SB 5 avanzó: Aprobado en comisión');
    expect(spanish.textBody).toContain('Qué cambió: Senado: Aprobado en comisión');
    expect(spanish.textBody).toContain('La comisión envió el proyecto al pleno');
    expect(spanish.textBody).toContain('Firme la carta del clero: https://welcome.test/letters/stop-sb-77');
    expect(spanish.htmlBody).toContain('Qué hacer ahora');
    expect(spanish.unsubscribeUrl).toMatch(
      /^https:\/\/welcome\.test\/bills\/subscriptions\/[A-Za-z0-9_-]+\/one-click-unsubscribe$/,
    );
    expect(spanish.textBody).toMatch(/https:\/\/welcome\.test\/bills\/subscriptions\/[A-Za-z0-9_-]+\n/);
    const english = alerts.find((a) => a.toAddress === 'english@example.org')!;
    expect(english.subject).toBe('GA SB 5 moved: Passed committee');
    expect(english.textBody).toContain('Sign the clergy letter');
  });

  it('sends nothing more after a one-click unsubscribe from the alert headers', async () => {
    const alert = (await alertsOf(movementId)).find((a) => a.toAddress === 'english@example.org')!;
    const unsubscribe = await postForm(
      new URL(alert.unsubscribeUrl!).pathname,
      { 'List-Unsubscribe': 'One-Click' },
      { origin: null },
    );
    expect(unsubscribe.status).toBe(200);

    const next = await committeePassage('bill-a', 'Placed on the Senate calendar');
    await worker.queue('welcome-table-alerts', [queueMessage({ movementId: next, page: 0, after: '' })]);
    const addresses = (await alertsOf(next)).map((a) => a.toAddress);
    expect(addresses).not.toContain('english@example.org');
    expect(addresses).toContain('spanish@example.org');
  });

  it('pages through subscribers 100 at a time, and a fan-out stopped mid-way resumes with nobody alerted twice or missed', async () => {
    const bill = (await getBill(db, 'bill-b'))!;
    const id = await postBillUpdate(db, bill, {
      headlineEn: 'Hearing on Tuesday',
      headlineEs: 'Audiencia el martes',
      detailEn: null,
      detailEs: null,
    });
    const page0 = await processAlertPage(env, { movementId: id, page: 0, after: '' });
    expect(page0.status).toBe('next');
    if (page0.status !== 'next') return;
    const page1 = await processAlertPage(env, page0.next);
    expect(page1.status).toBe('next');

    // The Worker "stopped" after storing page 1 but before sending it and moving the cursor on,
    // and its queue message was lost.
    await db
      .update(billMovements)
      .set({
        fanoutPage: 1,
        fanoutAfter: page0.next.after,
        fanoutStatus: 'pending',
        fanoutUpdatedAt: Date.now() - 2 * FANOUT_STALL_MS,
      })
      .where(eq(billMovements.id, id));
    await db
      .update(outbox)
      .set({ status: 'pending' })
      .where(eq(outbox.batchKey, `alert:${id}:1`));

    const sent: AlertPageMessage[] = [];
    const queue = { send: async (body: AlertPageMessage) => void sent.push(body) } as unknown as Queue;
    expect(await resumeStalledFanouts({ DB: env.DB, ALERT_QUEUE: queue })).toBe(1);
    expect(sent).toEqual([{ movementId: id, page: 1, after: page0.next.after }]);
    let message: AlertPageMessage | undefined = sent[0];
    while (message) {
      const result = await processAlertPage(env, message);
      message = result.status === 'next' ? result.next : undefined;
    }
    // A late redelivery of an early page changes nothing.
    expect((await processAlertPage(env, { movementId: id, page: 0, after: '' })).status).toBe('skipped');

    const alerts = await alertsOf(id);
    // 250 subscribers of the bill, and the 2 following every GA bill.
    expect(alerts).toHaveLength(252);
    expect(new Set(alerts.map((a) => a.toAddress)).size).toBe(252);
    expect(alerts.filter((a) => a.toAddress.startsWith('b-'))).toHaveLength(250);
    expect(alerts.every((a) => a.status === 'sent')).toBe(true);
    expect((await getMovement(db, id))!.fanoutStatus).toBe('done');
    expect(
      await resumeStalledFanouts({ DB: env.DB, ALERT_QUEUE: queue }, Date.now() + 2 * FANOUT_STALL_MS),
    ).toBe(0);
  });

  it('records an organizer action posted in /admin and fans it out through the queue', async () => {
    const { organizerCookie } = await import('../helpers');
    const response = await postForm(
      '/admin/bills/bill-a/actions',
      {
        date: '2027-03-01',
        chamberKind: 'upper',
        description: 'Passed the Senate 30-20',
        classification: 'passage',
      },
      { cookie: await organizerCookie() },
    );
    expect(response.status).toBe(303);
    const [movement] = await db
      .select()
      .from(billMovements)
      .where(
        and(eq(billMovements.billId, 'bill-a'), eq(billMovements.headlineEn, 'Passed the Senate 30-20')),
      );
    expect(movement).toMatchObject({ stageBefore: 'passed_committee', stageAfter: 'passed_first_chamber' });
    // The queue consumer runs in the background here; handling the page again is harmless.
    await worker.queue('welcome-table-alerts', [
      queueMessage({ movementId: movement!.id, page: 0, after: '' }),
    ]);
    const alerts = await alertsOf(movement!.id);
    expect(alerts.map((a) => a.toAddress).sort()).toEqual([
      'both@example.org',
      'spanish@example.org',
      'state-only@example.org',
    ]);
  });
});
