import { env, exports } from 'cloudflare:workers';
import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import {
  DIGEST_HOUR_UTC,
  digestItemsFor,
  digestPeople,
  movementsForSubscriber,
  processDigestPage,
  sendDailyDigests,
} from '../../src/bills/digest';
import { postBillUpdate } from '../../src/bills/movements';
import { getBill, type BillSubscriptionRow } from '../../src/bills/queries';
import { billMovements, billSubscriptions } from '../../src/bills/schema';
import { emailSuppressions, outbox } from '../../src/email/schema';
import { runScheduled, HOURLY_CRON } from '../../src/jobs';
import { seedBill } from './seed';

const db = getDb(env);
// exports.default.queue() exists with the service_binding_extra_handlers flag (vitest.config.ts).
const worker = exports.default as unknown as {
  queue(
    queueName: string,
    messages: { id: string; timestamp: Date; attempts: number; body: unknown }[],
  ): Promise<{ outcome: string }>;
};
const day = Date.parse('2027-03-02T00:00:00Z');
const at = (hour: number, dayOffset = 0) => day + dayOffset * 86_400_000 + hour * 3_600_000;
const yesterday = at(10, -1);

function digestSubscriber(
  id: string,
  email: string,
  overrides: Partial<typeof billSubscriptions.$inferInsert> = {},
) {
  return {
    id,
    email,
    scopeKey: 'bill:bill-digest',
    billId: 'bill-digest',
    state: 'NC',
    lang: 'en' as const,
    frequency: 'daily' as const,
    status: 'confirmed' as const,
    createdAt: yesterday,
    confirmedAt: yesterday,
    digestSince: yesterday,
    ...overrides,
  };
}

async function digests() {
  return db.select().from(outbox).where(like(outbox.id, 'digest:%'));
}

beforeAll(async () => {
  await seedBill(db, { id: 'bill-digest', identifier: 'SB 10', state: 'NC' });
  await seedBill(db, { id: 'bill-digest-other', identifier: 'SB 11', state: 'NC' });
  await db.insert(billSubscriptions).values([
    digestSubscriber('d-1', 'daily-en@example.org'),
    digestSubscriber('d-2', 'daily-es@example.org', { lang: 'es' }),
    digestSubscriber('d-3', 'daily-state@example.org', { scopeKey: 'state:NC', billId: null }),
    digestSubscriber('d-4', 'daily-bounced@example.org'),
    digestSubscriber('d-5', 'immediate@example.org', { frequency: 'immediate' }),
    // One person following a bill and its whole state, both by digest: one digest, each movement once.
    digestSubscriber('d-6', 'both-daily@example.org'),
    digestSubscriber('d-7', 'both-daily@example.org', { scopeKey: 'state:NC', billId: null }),
    // One person alerted right away about a bill, with a digest of its state: the digest leaves
    // out what the alerts already said.
    digestSubscriber('d-8', 'mixed@example.org', { frequency: 'immediate' }),
    digestSubscriber('d-9', 'mixed@example.org', { scopeKey: 'state:NC', billId: null }),
  ]);
  await db
    .insert(emailSuppressions)
    .values({ email: 'daily-bounced@example.org', reason: 'complained', createdAt: yesterday });
  const bill = (await getBill(db, 'bill-digest'))!;
  const other = (await getBill(db, 'bill-digest-other'))!;
  const update = { detailEn: null, detailEs: null };
  await postBillUpdate(
    db,
    bill,
    { headlineEn: 'Hearing set', headlineEs: 'Audiencia fijada', ...update },
    at(9),
  );
  await postBillUpdate(
    db,
    bill,
    { headlineEn: 'Vote delayed', headlineEs: 'Votación aplazada', ...update },
    at(11),
  );
  await postBillUpdate(
    db,
    other,
    { headlineEn: 'Other bill filed', headlineEs: 'Otro proyecto', ...update },
    at(12),
  );
  // Digests are not sent immediately: these movements are done as far as immediate alerts go.
  await db.update(billMovements).set({ fanoutStatus: 'done' });
});

describe('daily digest', () => {
  it('waits for the digest hour', async () => {
    expect(await sendDailyDigests(env, at(DIGEST_HOUR_UTC - 1))).toBe(0);
    expect(await digests()).toHaveLength(0);
  });

  it('sends each digest subscriber one email with the movements of what they follow, in their language', async () => {
    // The hourly job queues the first page; the queue consumer handles it and the pages after.
    const queued: unknown[] = [];
    const queue = { send: async (body: unknown) => void queued.push(body) } as unknown as Queue;
    await runScheduled(HOURLY_CRON, { ...env, ALERT_QUEUE: queue } as Env, at(DIGEST_HOUR_UTC));
    expect(queued).toEqual([{ kind: 'digest', runAt: at(DIGEST_HOUR_UTC), page: 0, after: '' }]);
    const result = await worker.queue('welcome-table-alerts', [
      { id: 'digest-page-0', timestamp: new Date(), attempts: 1, body: queued[0] },
    ]);
    expect(result.outcome).toBe('ok');
    const sent = await digests();
    expect(sent.map((d) => d.toAddress).sort()).toEqual([
      'both-daily@example.org',
      'daily-en@example.org',
      'daily-es@example.org',
      'daily-state@example.org',
      'mixed@example.org',
    ]);
    const english = sent.find((d) => d.toAddress === 'daily-en@example.org')!;
    expect(english.id).toBe('digest:d-1:2027-03-02');
    expect(english.subject).toContain('2 updates');
    expect(english.textBody).toContain('Hearing set');
    expect(english.textBody).toContain('Vote delayed');
    expect(english.textBody).not.toContain('Other bill filed');
    expect(english.unsubscribeUrl).toMatch(/one-click-unsubscribe$/);
    const spanish = sent.find((d) => d.toAddress === 'daily-es@example.org')!;
    expect(spanish.subject).toContain('Movimientos de proyectos de ley de hoy');
    expect(spanish.textBody).toContain('Audiencia fijada');
    const state = sent.find((d) => d.toAddress === 'daily-state@example.org')!;
    expect(state.textBody).toContain('Other bill filed');
    expect(state.subject).toContain('3 updates');
  });

  it('sends a person following a bill and its state one digest with each movement once', async () => {
    const sent = (await digests()).filter((d) => d.toAddress === 'both-daily@example.org');
    expect(sent.map((d) => d.id)).toEqual(['digest:d-6:2027-03-02']);
    const text = sent[0]!.textBody;
    expect(sent[0]!.subject).toContain('3 updates');
    expect(text.split('Hearing set')).toHaveLength(2);
    expect(text.split('Vote delayed')).toHaveLength(2);
    expect(text).toContain('Other bill filed');
    // Both rows have had today's digest, so neither sends again today.
    const rows = await db
      .select()
      .from(billSubscriptions)
      .where(eq(billSubscriptions.email, 'both-daily@example.org'));
    expect(rows.map((r) => r.digestSince)).toEqual([at(DIGEST_HOUR_UTC), at(DIGEST_HOUR_UTC)]);
  });

  it('leaves out of a digest what the same person was already alerted about right away', async () => {
    const sent = (await digests()).filter((d) => d.toAddress === 'mixed@example.org');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toContain('1 update');
    expect(sent[0]!.textBody).toContain('Other bill filed');
    expect(sent[0]!.textBody).not.toContain('Hearing set');
  });

  it('sends nothing twice when a page is redelivered or the hourly job runs again the same day', async () => {
    await processDigestPage(env, { kind: 'digest', runAt: at(DIGEST_HOUR_UTC), page: 0, after: '' });
    await sendDailyDigests(env, at(DIGEST_HOUR_UTC));
    await sendDailyDigests(env, at(DIGEST_HOUR_UTC + 3));
    expect(await digests()).toHaveLength(5);
  });

  it('sends nothing the next day when nothing moved, and only the new movement after that', async () => {
    await sendDailyDigests(env, at(DIGEST_HOUR_UTC, 1));
    expect(await digests()).toHaveLength(5);
    const bill = (await getBill(db, 'bill-digest'))!;
    await postBillUpdate(
      db,
      bill,
      { headlineEn: 'Passed committee', headlineEs: 'Aprobado', detailEn: null, detailEs: null },
      at(16, 1),
    );
    await sendDailyDigests(env, at(DIGEST_HOUR_UTC, 2));
    const english = (await db.select().from(outbox).where(eq(outbox.id, 'digest:d-1:2027-03-04')))[0]!;
    expect(english.subject).toContain('1 update');
    expect(english.textBody).toContain('Passed committee');
    expect(english.textBody).not.toContain('Hearing set');
  });

  it('groups an address into one digest led by its lowest due subscription, and none once all are done', () => {
    const row = (id: string, overrides: Partial<BillSubscriptionRow> = {}) =>
      ({
        ...digestSubscriber(id, 'p@example.org'),
        unsubscribedAt: null,
        ...overrides,
      }) as BillSubscriptionRow;
    const dueAt = at(DIGEST_HOUR_UTC);
    const people = digestPeople(
      [
        row('b', { scopeKey: 'state:NC', billId: null }),
        row('a', { digestSince: dueAt + 1 }),
        row('c', { status: 'unsubscribed' }),
        row('d', { frequency: 'immediate' }),
        row('z', { email: 'q@example.org' }),
      ],
      dueAt,
    );
    expect(
      people.map((p) => [p.email, p.lead.id, p.due.map((s) => s.id), p.immediate.map((s) => s.id)]),
    ).toEqual([
      ['p@example.org', 'b', ['b'], ['d']],
      ['q@example.org', 'z', ['z'], []],
    ]);
    expect(digestPeople([row('a', { digestSince: dueAt })], dueAt)).toEqual([]);
  });

  it('puts each movement in a digest once, without those an immediate subscription covered', () => {
    const nc = { state: 'NC' } as never;
    const item = (billId: string, createdAt: number) => ({
      movement: { billId, createdAt } as never,
      bill: nc,
    });
    const movements = [item('x', 20), item('y', 30)];
    const daily = (billId: string | null) =>
      ({ billId, state: 'NC', digestSince: 10, confirmedAt: 1 }) as BillSubscriptionRow;
    expect(digestItemsFor({ due: [daily('x'), daily(null)], immediate: [] }, movements)).toEqual(movements);
    const alertedAboutX = { ...daily('x'), confirmedAt: 5 };
    expect(digestItemsFor({ due: [daily(null)], immediate: [alertedAboutX] }, movements)).toEqual([
      movements[1],
    ]);
    // Confirmed only after the movement: it was not alerted, so the digest keeps it.
    const lateX = { ...daily('x'), confirmedAt: 25 };
    expect(digestItemsFor({ due: [daily(null)], immediate: [lateX] }, movements)).toEqual(movements);
  });

  it('picks the movements a subscriber has not had yet', () => {
    const bill = { state: 'NC' } as never;
    const movement = (billId: string, createdAt: number) => ({
      movement: { billId, createdAt } as never,
      bill,
    });
    const list = [movement('x', 5), movement('y', 15), movement('x', 20)];
    expect(
      movementsForSubscriber({ billId: 'x', state: 'NC', digestSince: 10, confirmedAt: 1 }, list),
    ).toHaveLength(1);
    expect(
      movementsForSubscriber({ billId: null, state: 'NC', digestSince: 10, confirmedAt: 1 }, list),
    ).toHaveLength(2);
  });
});
