// Plain decisions of webhook delivery: which answers are retried, how long to wait, which URLs
// an endpoint may have.
import ipaddr from 'ipaddr.js';
import type { MessageKey } from '../lib/i18n';
import { MINUTE, HOUR } from '../lib/time';

/** Attempts before a delivery is marked failed (about a day and a half of backoff). */
export const MAX_ATTEMPTS = 10;
/** A claim older than this belongs to a worker that died: the delivery may be taken again. */
export const STALE_CLAIM_MS = 10 * MINUTE;
const FIRST_RETRY_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 6 * (HOUR / 1000);

/** What to do after one attempt, from the HTTP status (null: no answer, a network error). */
export function nextStepAfterAttempt(
  statusCode: number | null,
  attempts: number,
): { status: 'delivered' } | { status: 'failed' } | { status: 'retry'; delaySeconds: number } {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { status: 'delivered' };
  const retryable = statusCode === null || statusCode === 429 || statusCode >= 500;
  if (!retryable || attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'retry', delaySeconds: retryDelaySeconds(attempts) };
}

/** Exponential backoff: 30 s after the first attempt, doubling, at most six hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_SECONDS);
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

/**
 * Why an endpoint URL is refused, or null when it is fine: HTTPS only, and never a private,
 * loopback or link-local host (a webhook must not reach into the network it runs in). Development
 * allows anything, so a receiver on this computer can be tried.
 */
export function endpointUrlProblem(value: string, development: boolean): MessageKey | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'webhooks.error.url';
  }
  if (development) return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'webhooks.error.url';
  if (url.protocol !== 'https:') return 'webhooks.error.https';
  if (url.username || url.password) return 'webhooks.error.url';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const address = ipaddr.process(host);
    return address.range() === 'unicast' ? null : 'webhooks.error.privateHost';
  }
  if (LOCAL_NAMES.test(host) || !host.includes('.')) return 'webhooks.error.privateHost';
  return null;
}
