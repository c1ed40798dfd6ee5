import { describe, expect, it } from 'vitest';
import {
  backoffDelaySeconds,
  isDeliveryHeld,
  maskEmail,
  MAX_ATTEMPTS,
  nextStepAfterFailure,
  nextStepAfterGroupFailure,
  outcomeOfStatus,
  parseRetryAfter,
  RATE_LIMIT_WAIT_MAX_SECONDS,
  resendCallIntervalMs,
  usesLocalMailbox,
} from '../../src/email/policy';

describe('outcomeOfStatus', () => {
  it('treats 2xx as sent, 429 and 5xx as worth retrying, other 4xx as final', () => {
    expect(outcomeOfStatus(200)).toBe('sent');
    expect(outcomeOfStatus(202)).toBe('sent');
    expect(outcomeOfStatus(429)).toBe('retry');
    expect(outcomeOfStatus(500)).toBe('retry');
    expect(outcomeOfStatus(503)).toBe('retry');
    expect(outcomeOfStatus(400)).toBe('rejected');
    expect(outcomeOfStatus(403)).toBe('rejected');
    expect(outcomeOfStatus(422)).toBe('rejected');
  });

  it('retries a 409 only while another request with the same key is in flight', () => {
    expect(outcomeOfStatus(409, 'concurrent_idempotent_requests')).toBe('retry');
    expect(outcomeOfStatus(409, 'invalid_idempotent_request')).toBe('rejected');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter('1.2')).toBe(2);
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:30 GMT', now)).toBe(30);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('backoffDelaySeconds', () => {
  it('doubles each try, with jitter between half and all of the step', () => {
    expect(backoffDelaySeconds(1, undefined, () => 0)).toBe(15);
    expect(backoffDelaySeconds(1, undefined, () => 1)).toBe(30);
    expect(backoffDelaySeconds(2, undefined, () => 1)).toBe(60);
    expect(backoffDelaySeconds(3, undefined, () => 0.5)).toBe(90);
  });

  it('never waits more than an hour for backoff alone', () => {
    expect(backoffDelaySeconds(30, undefined, () => 1)).toBe(3600);
  });

  it('never retries sooner than retry-after', () => {
    expect(backoffDelaySeconds(1, 120, () => 0)).toBe(120);
    expect(backoffDelaySeconds(3, 5, () => 1)).toBe(120);
  });

  it('spreads retries of emails that failed together', () => {
    const delays = new Set(
      Array.from({ length: 20 }, (_, i) => backoffDelaySeconds(4, undefined, () => i / 20)),
    );
    expect(delays.size).toBeGreaterThan(10);
  });
});

describe('nextStepAfterFailure', () => {
  it('retries until the last try, then gives up', () => {
    expect(nextStepAfterFailure({ kind: 'retry' }, 1, () => 1)).toEqual({
      action: 'retry',
      delaySeconds: 30,
    });
    expect(nextStepAfterFailure({ kind: 'retry' }, MAX_ATTEMPTS - 1)).toMatchObject({ action: 'retry' });
    expect(nextStepAfterFailure({ kind: 'retry' }, MAX_ATTEMPTS)).toEqual({ action: 'fail' });
  });

  it('gives up at once on a rejected request', () => {
    expect(nextStepAfterFailure({ kind: 'rejected' }, 1)).toEqual({ action: 'fail' });
  });

  it('honours retry-after', () => {
    expect(nextStepAfterFailure({ kind: 'retry', retryAfterSeconds: 600 }, 1)).toEqual({
      action: 'retry',
      delaySeconds: 600,
    });
  });
});

describe('nextStepAfterGroupFailure', () => {
  const rateLimited = (retryAfterSeconds?: number) =>
    ({ kind: 'retry', rateLimited: true, retryAfterSeconds }) as const;

  it('waits what a 429 asks plus a little jitter, without counting the try', () => {
    expect(nextStepAfterGroupFailure(rateLimited(1), 1, () => 0)).toEqual({
      action: 'retry',
      delayMs: 1000,
      countsAsTry: false,
    });
    const withJitter = nextStepAfterGroupFailure(rateLimited(1), 1, () => 0.99);
    expect(withJitter).toMatchObject({ action: 'retry', countsAsTry: false });
    expect(withJitter.action === 'retry' && withJitter.delayMs).toBeGreaterThan(1000);
    expect(withJitter.action === 'retry' && withJitter.delayMs).toBeLessThan(1300);
  });

  it('never gives up on a group only because Resend asked it to slow down', () => {
    expect(nextStepAfterGroupFailure(rateLimited(2), MAX_ATTEMPTS, () => 0)).toEqual({
      action: 'retry',
      delayMs: 2000,
      countsAsTry: false,
    });
  });

  it('treats a 429 asking for a long wait (a quota), or none, as a failed try with backoff', () => {
    const long = RATE_LIMIT_WAIT_MAX_SECONDS + 30;
    expect(nextStepAfterGroupFailure(rateLimited(long), 1, () => 0)).toEqual({
      action: 'retry',
      delayMs: long * 1000,
      countsAsTry: true,
    });
    expect(nextStepAfterGroupFailure(rateLimited(), 1, () => 0)).toEqual({
      action: 'retry',
      delayMs: 15_000,
      countsAsTry: true,
    });
    expect(nextStepAfterGroupFailure(rateLimited(long), MAX_ATTEMPTS)).toEqual({ action: 'fail' });
  });

  it('backs off from a 5xx and gives up on a rejected request as a single email does', () => {
    expect(nextStepAfterGroupFailure({ kind: 'retry', retryAfterSeconds: 1 }, 1, () => 1)).toEqual({
      action: 'retry',
      delayMs: 30_000,
      countsAsTry: true,
    });
    expect(nextStepAfterGroupFailure({ kind: 'rejected' }, 1)).toEqual({ action: 'fail' });
  });
});

describe('resendCallIntervalMs', () => {
  it('spaces calls a little wider than Resend’s default 5 a second', () => {
    const interval = resendCallIntervalMs({});
    expect(interval).toBeGreaterThan(200);
    expect(interval).toBeLessThanOrEqual(220);
  });

  it('follows a configured team limit, and ignores one it cannot read', () => {
    expect(resendCallIntervalMs({ RESEND_REQUESTS_PER_SECOND: '2' })).toBe(500);
    expect(resendCallIntervalMs({ RESEND_REQUESTS_PER_SECOND: '10' })).toBe(100);
    expect(resendCallIntervalMs({ RESEND_REQUESTS_PER_SECOND: 'fast' })).toBe(resendCallIntervalMs({}));
    expect(resendCallIntervalMs({ RESEND_REQUESTS_PER_SECOND: '0' })).toBe(resendCallIntervalMs({}));
  });
});

describe('where email goes without a Resend key', () => {
  it('goes to the local mailbox in development and tests', () => {
    expect(usesLocalMailbox({ ENVIRONMENT: 'development' })).toBe(true);
    expect(usesLocalMailbox({ ENVIRONMENT: 'test' })).toBe(true);
    expect(usesLocalMailbox({ ENVIRONMENT: 'development', RESEND_API_KEY: 're_x' })).toBe(false);
  });

  it('is held in production', () => {
    expect(isDeliveryHeld({ ENVIRONMENT: 'production' })).toBe(true);
    expect(isDeliveryHeld({ ENVIRONMENT: 'production', RESEND_API_KEY: 're_x' })).toBe(false);
    expect(isDeliveryHeld({ ENVIRONMENT: 'development' })).toBe(false);
  });
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain', () => {
    expect(maskEmail('maria@example.org')).toBe('m***@example.org');
    expect(maskEmail('not-an-address')).toBe('***');
  });
});
