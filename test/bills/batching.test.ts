import { env } from 'cloudflare:workers';
import { like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { ALERT_PAGE_SIZE, processAlertPage } from '../../src/bills/alerts';
import { postBillUpdate, type AlertPageMessage } from '../../src/bills/movements';
import { getBill, getMovement } from '../../src/bills/queries';
import { outbox } from '../../src/email/schema';
import { stubFetch } from '../helpers';
import { seedBill, seedSubscribers } from './seed';

const db = getDb(env);
// A Resend key makes delivery go to the (stubbed) Resend API instead of the local mailbox.
const withResend = { ...env, RESEND_API_KEY: 're_test_key' } as Env;

interface ResendCall {
  idempotencyKey: string;
  recipients: string[];
}

const calls: ResendCall[] = [];
const resend = stubFetch(async (request) => {
  const url = new URL(request.url);
  if (url.href !== 'https://api.resend.com/emails/batch') return new Response('unexpected', { status: 500 });
  const emails = (await request.json()) as { to: string | string[] }[];
  calls.push({
    idempotencyKey: request.headers.get('idempotency-key') ?? '',
    recipients: emails.flatMap((e) => ([] as string[]).concat(e.to)),
  });
  return Response.json({ data: emails.map((_, i) => ({ id: `resend-${calls.length}-${i}` })) });
});
afterAll(() => resend.restore());

describe('alert fan-out at scale', () => {
  it(
    'sends 10,000 subscribers their alert in exactly 100 Resend batch calls, each address once',
    { timeout: 300_000 },
    async () => {
      await seedBill(db, { id: 'bill-scale', identifier: 'HB 1', state: 'TX' });
      await seedSubscribers(db, {
        count: 10_000,
        billId: 'bill-scale',
        state: 'TX',
        prefix: 'scale',
        confirmedAt: Date.now() - 60_000,
      });
      const bill = (await getBill(db, 'bill-scale'))!;
      const movementId = await postBillUpdate(db, bill, {
        headlineEn: 'Committee hearing Tuesday',
        headlineEs: 'Audiencia de comisión el martes',
        detailEn: null,
        detailEs: null,
      });

      let message: AlertPageMessage | undefined = { movementId, page: 0, after: '' };
      let pages = 0;
      while (message) {
        const result = await processAlertPage(withResend, message);
        pages++;
        message = result.status === 'next' ? result.next : undefined;
        if (result.status === 'retry') throw new Error('unexpected retry');
      }

      // 100 full pages; the 101st finds nobody left and closes the fan-out without a call.
      expect(pages).toBe(101);
      expect(calls).toHaveLength(100);
      expect(calls.every((c) => c.recipients.length === ALERT_PAGE_SIZE)).toBe(true);
      const recipients = calls.flatMap((c) => c.recipients);
      expect(recipients).toHaveLength(10_000);
      expect(new Set(recipients).size).toBe(10_000);
      expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(100);
      expect(calls[0]!.idempotencyKey).toMatch(new RegExp(`^alert:${movementId}:0:[0-9a-f]{16}$`));
      expect((await getMovement(db, movementId))!.fanoutStatus).toBe('done');

      // Handling a page again (a redelivered message) sends nothing more.
      await processAlertPage(withResend, { movementId, page: 37, after: 'scale-003699' });
      expect(calls).toHaveLength(100);
      const rows = await db
        .select({ status: outbox.status })
        .from(outbox)
        .where(like(outbox.id, `alert:${movementId}:%`));
      expect(rows).toHaveLength(10_000);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    },
  );
});
