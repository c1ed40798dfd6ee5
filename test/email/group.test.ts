import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { deliverEmailGroup } from '../../src/email/delivery';
import { MAX_ATTEMPTS, RATE_LIMIT_JITTER_MS } from '../../src/email/policy';
import { emailSuppressions } from '../../src/email/schema';
import { stubFetch } from '../helpers';
import { resendAnswer, resendEnv, row, storeEmail } from './support';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

async function storeGroup(batchKey: string, addresses: string[]) {
  const ids: string[] = [];
  for (const to of addresses) {
    ids.push(
      await storeEmail({
        to,
        batchKey,
        unsubscribeUrl: `https://welcome.test/bills/u/${to.length}/one-click-unsubscribe`,
      }),
    );
  }
  return ids;
}

describe('deliverEmailGroup', () => {
  it('sends every row of the group in one batch call keyed by the group', async () => {
    const ids = await storeGroup('alert-1', ['ana@example.org', 'ben@example.org', 'cruz@example.org']);
    stub = stubFetch(() => resendAnswer(200, { data: [{ id: 'r-a' }, { id: 'r-b' }, { id: 'r-c' }] }));

    const result = await deliverEmailGroup(resendEnv, 'alert-1');

    expect(result).toEqual({ status: 'sent' });
    expect(stub.calls).toHaveLength(1);
    const call = stub.calls[0]!;
    expect(call.url).toBe('https://api.resend.com/emails/batch');
    expect(call.headers.get('authorization')).toBe('Bearer re_test_key');
    expect(call.headers.get('idempotency-key')).toBe('alert-1');
    const body = (await call.json()) as { to: string[]; from: string; headers: Record<string, string> }[];
    expect(body.map((email) => email.to)).toEqual([
      ['ana@example.org'],
      ['ben@example.org'],
      ['cruz@example.org'],
    ]);
    expect(body[0]!.from).toBe(env.MAIL_FROM);
    expect(body[0]!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(body[0]!.headers['List-Unsubscribe']).toMatch(/^<https:\/\/welcome\.test\/bills\/u\/.+>$/);
    expect((await row(ids[0]!)).providerId).toBe('r-a');
    expect((await row(ids[2]!)).providerId).toBe('r-c');
    expect((await row(ids[1]!)).status).toBe('sent');
  });

  it('sends nothing the second time for the same group', async () => {
    stub = stubFetch(() => resendAnswer(200, { data: [] }));
    expect(await deliverEmailGroup(resendEnv, 'alert-1')).toEqual({ status: 'skipped' });
    expect(stub.calls).toHaveLength(0);
  });

  it('leaves suppressed addresses out of the call', async () => {
    await getDb(env)
      .insert(emailSuppressions)
      .values({ email: 'complained@example.org', reason: 'complained', createdAt: Date.now() });
    const ids = await storeGroup('alert-2', ['dee@example.org', 'complained@example.org']);
    stub = stubFetch(() => resendAnswer(200, { data: [{ id: 'r-d' }] }));
    expect(await deliverEmailGroup(resendEnv, 'alert-2')).toEqual({ status: 'sent' });
    const body = (await stub.calls[0]!.json()) as { to: string[] }[];
    expect(body.map((email) => email.to[0])).toEqual(['dee@example.org']);
    expect((await row(ids[1]!)).status).toBe('suppressed');
    expect((await row(ids[0]!)).status).toBe('sent');
  });

  it('asks the caller to retry after a 429, honouring retry-after, then fails after the last try', async () => {
    const ids = await storeGroup('alert-3', ['eva@example.org', 'fe@example.org']);
    stub = stubFetch(() => resendAnswer(429, { name: 'rate_limit_exceeded' }, { 'retry-after': '90' }));
    const first = await deliverEmailGroup(resendEnv, 'alert-3');
    expect(first.status).toBe('retry');
    expect(first.status === 'retry' && first.delaySeconds).toBeGreaterThanOrEqual(90);
    expect(await row(ids[0]!)).toMatchObject({ status: 'pending', attempts: 1 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await env.DB.prepare("UPDATE outbox SET next_attempt_at = 0 WHERE batch_key = 'alert-3'").run();
      await deliverEmailGroup(resendEnv, 'alert-3');
    }
    expect(stub.calls).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(stub.calls.map((c) => c.headers.get('idempotency-key')))).toEqual(new Set(['alert-3']));
    expect(await row(ids[1]!)).toMatchObject({ status: 'failed', lastError: 'HTTP 429 rate_limit_exceeded' });
  });

  it('gives a full group of 100 back for a retry after a 429 (more ids than D1 binds in one statement)', async () => {
    const ids = await storeGroup(
      'alert-full',
      Array.from({ length: 100 }, (_, i) => `person${i}@example.org`),
    );
    stub = stubFetch(() => resendAnswer(429, { name: 'rate_limit_exceeded' }, { 'retry-after': '1' }));
    const result = await deliverEmailGroup(resendEnv, 'alert-full');
    expect(result.status).toBe('retry');
    for (const id of [ids[0]!, ids[99]!]) {
      expect(await row(id)).toMatchObject({ status: 'pending', lastError: 'HTTP 429 rate_limit_exceeded' });
    }
  });

  it('after a 429 with a short Retry-After, asks for that wait (plus jitter) and gives the try back', async () => {
    const ids = await storeGroup('alert-slow', ['hal@example.org', 'ivy@example.org']);
    stub = stubFetch(() => resendAnswer(429, { name: 'rate_limit_exceeded' }, { 'retry-after': '1' }));
    const at = Date.now();
    for (let call = 1; call <= MAX_ATTEMPTS + 2; call++) {
      const result = await deliverEmailGroup(resendEnv, 'alert-slow', at + call * 10_000);
      if (result.status !== 'retry') throw new Error(`call ${call}: ${result.status}`);
      expect(result.rateLimitWaitMs).toBeGreaterThanOrEqual(1000);
      expect(result.rateLimitWaitMs).toBeLessThan(1000 + RATE_LIMIT_JITTER_MS);
      expect([1, 2]).toContain(result.delaySeconds);
      expect(await row(ids[0]!)).toMatchObject({
        status: 'pending',
        attempts: 0,
        nextAttemptAt: at + call * 10_000 + result.rateLimitWaitMs!,
      });
    }
    // More 429s than an email has tries, and nothing failed.
    expect(stub.calls).toHaveLength(MAX_ATTEMPTS + 2);
    expect(await row(ids[1]!)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('backs off as for a failure after a 429 without Retry-After', async () => {
    const ids = await storeGroup('alert-no-header', ['jo@example.org']);
    stub = stubFetch(() => resendAnswer(429, { name: 'rate_limit_exceeded' }));
    const result = await deliverEmailGroup(resendEnv, 'alert-no-header');
    expect(result).toMatchObject({ status: 'retry' });
    expect(result.status === 'retry' && result.delaySeconds).toBeGreaterThanOrEqual(15);
    expect(result.status === 'retry' && result.rateLimitWaitMs).toBeUndefined();
    expect(await row(ids[0]!)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('runs the rate keeper right before the call, and not when there is nothing to send', async () => {
    await storeGroup('alert-paced', ['kim@example.org']);
    const order: string[] = [];
    stub = stubFetch(() => {
      order.push('call');
      return resendAnswer(200, { data: [{ id: 'r-k' }] });
    });
    const keepRate = async () => void order.push('wait');
    expect(await deliverEmailGroup(resendEnv, 'alert-paced', Date.now(), keepRate)).toEqual({
      status: 'sent',
    });
    expect(await deliverEmailGroup(resendEnv, 'alert-paced', Date.now(), keepRate)).toEqual({
      status: 'skipped',
    });
    expect(order).toEqual(['wait', 'call']);
  });

  it('puts the group in the local mailbox when there is no key', async () => {
    const ids = await storeGroup('alert-4', ['gil@example.org']);
    stub = stubFetch(() => resendAnswer(200, {}));
    expect(await deliverEmailGroup(env, 'alert-4')).toEqual({ status: 'sent' });
    expect(stub.calls).toHaveLength(0);
    expect(await row(ids[0]!)).toMatchObject({ status: 'sent', providerId: 'local-mailbox' });
  });
});
