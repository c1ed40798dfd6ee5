/**
 * The decisions of email delivery as plain functions of data: when to try again, how long to wait,
 * what an answer from Resend means, and how an address is shown to organizers.
 */

/** Tries per email before it is marked failed (the queue's max_retries in wrangler.toml is 6 too). */
export const MAX_ATTEMPTS = 6;
/** A row claimed for sending longer ago than this is taken to belong to a worker that died. */
export const STALE_CLAIM_MS = 10 * 60_000;
/** First retry waits about this long; each further try doubles it. */
const BASE_DELAY_SECONDS = 30;
/** No retry waits longer than this (a queue retry may be delayed by at most 12 hours). */
const MAX_DELAY_SECONDS = 3600;
/** How long the environment may go without Resend and still "send" to the local mailbox. */
const MAILBOX_ENVIRONMENTS = new Set(['development', 'test']);

/** What an answer (or non-answer) from Resend means for the email. */
export type SendOutcome =
  | { kind: 'sent' }
  /** `rateLimited`: the answer was a 429, Resend asking to slow down (nothing was sent). */
  | { kind: 'retry'; retryAfterSeconds?: number; rateLimited?: boolean }
  | { kind: 'rejected' };

/**
 * 2xx is sent; 429 (rate limit), 409 for a concurrent request with the same idempotency key, and
 * every 5xx are worth another try; any other 4xx will fail the same way again.
 */
export function outcomeOfStatus(status: number, errorName?: string): SendOutcome['kind'] {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 429 || status >= 500) return 'retry';
  if (status === 409 && errorName === 'concurrent_idempotent_requests') return 'retry';
  return 'rejected';
}

/** Seconds to wait from a `retry-after` header (seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Seconds to wait before try number `attempt + 1`: exponential backoff (30 s, 60 s, 120 s, …, at
 * most an hour) with "equal jitter" so that many emails failing together do not retry together,
 * and never sooner than the provider's `retry-after`.
 */
export function backoffDelaySeconds(
  attempt: number,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.ceil(exponential / 2 + random() * (exponential / 2));
  return Math.min(43_200, Math.max(jittered, retryAfterSeconds ?? 0));
}

/** After a failed try: try again later, or give up because this was the last try. */
export function nextStepAfterFailure(
  outcome: Exclude<SendOutcome, { kind: 'sent' }>,
  attempts: number,
  random: () => number = Math.random,
): { action: 'retry'; delaySeconds: number } | { action: 'fail' } {
  if (outcome.kind === 'rejected' || attempts >= MAX_ATTEMPTS) return { action: 'fail' };
  return { action: 'retry', delaySeconds: backoffDelaySeconds(attempts, outcome.retryAfterSeconds, random) };
}

/** A send group answered 429 waits its `Retry-After` when it asks for at most this long. */
export const RATE_LIMIT_WAIT_MAX_SECONDS = 60;
/** Added at random to a rate-limit wait, so that senders held back together do not return together. */
export const RATE_LIMIT_JITTER_MS = 250;

/**
 * After a failed call for a send group (up to 100 emails in one batch call): a 429 whose
 * `Retry-After` is short is Resend pacing us, not a failure of the emails, so the group waits what
 * it asks plus a little jitter, and the try is not counted (a 429 sends nothing, and a busy
 * fan-out could otherwise use up a page's tries on "slow down" alone). Every other failure, and a
 * 429 asking for a long wait (a quota), follows the single-email backoff.
 */
export function nextStepAfterGroupFailure(
  outcome: Exclude<SendOutcome, { kind: 'sent' }>,
  attempts: number,
  random: () => number = Math.random,
): { action: 'retry'; delayMs: number; countsAsTry: boolean } | { action: 'fail' } {
  if (
    outcome.kind === 'retry' &&
    outcome.rateLimited &&
    outcome.retryAfterSeconds !== undefined &&
    outcome.retryAfterSeconds <= RATE_LIMIT_WAIT_MAX_SECONDS
  ) {
    const jitter = Math.floor(random() * RATE_LIMIT_JITTER_MS);
    return { action: 'retry', delayMs: outcome.retryAfterSeconds * 1000 + jitter, countsAsTry: false };
  }
  const step = nextStepAfterFailure(outcome, attempts, random);
  return step.action === 'fail'
    ? step
    : { action: 'retry', delayMs: step.delaySeconds * 1000, countsAsTry: true };
}

/**
 * Resend's default rate limit is 5 requests a second per team; we aim a little under it so that
 * the time a request takes to reach Resend does not squeeze two of our spaced calls into one of
 * its seconds. A team with another limit sets `RESEND_REQUESTS_PER_SECOND` (e.g. "2").
 */
export const DEFAULT_RESEND_REQUESTS_PER_SECOND = 4.8;

/** The least time between two calls of one paced sender (a fan-out's chain of pages), in ms. */
export function resendCallIntervalMs(env: Pick<Env, 'RESEND_REQUESTS_PER_SECOND'>): number {
  const configured = Number(env.RESEND_REQUESTS_PER_SECOND);
  const perSecond =
    env.RESEND_REQUESTS_PER_SECOND && Number.isFinite(configured) && configured > 0
      ? Math.max(0.1, configured)
      : DEFAULT_RESEND_REQUESTS_PER_SECOND;
  return Math.ceil(1000 / perSecond);
}

/** Whether, with no Resend key, delivery goes to the local mailbox (development and tests only). */
export function usesLocalMailbox(env: Pick<Env, 'ENVIRONMENT' | 'RESEND_API_KEY'>): boolean {
  return !env.RESEND_API_KEY && MAILBOX_ENVIRONMENTS.has(env.ENVIRONMENT);
}

/** Whether emails must wait: production (or staging) without a Resend key. */
export function isDeliveryHeld(env: Pick<Env, 'ENVIRONMENT' | 'RESEND_API_KEY'>): boolean {
  return !env.RESEND_API_KEY && !MAILBOX_ENVIRONMENTS.has(env.ENVIRONMENT);
}

/** An address as organizers see it in the outbox: first letter and domain (m***@example.org). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/** The form in which addresses are compared and stored in the suppression list. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

// Hosts of this computer, as they appear in a request URL.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a request may see the development mailbox (/dev/mail, which holds live sign-in and confirm
 * links): only with ENVIRONMENT=development, and only when the request came to this computer itself.
 */
export function servesDevMailbox(env: Pick<Env, 'ENVIRONMENT'>, requestUrl: string): boolean {
  return env.ENVIRONMENT === 'development' && LOCAL_HOSTS.has(new URL(requestUrl).hostname);
}

// Addresses a request made on this computer comes from.
const LOCAL_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Whether the "run scheduled jobs now" button may exist: only with ENVIRONMENT=development and a
 * request made on this computer (to a loopback host, from a loopback address when one is given).
 */
export function mayRunJobsNow(env: Pick<Env, 'ENVIRONMENT'>, request: Request): boolean {
  if (!servesDevMailbox(env, request.url)) return false;
  const client = request.headers.get('cf-connecting-ip');
  return client === null || LOCAL_ADDRESSES.has(client);
}
