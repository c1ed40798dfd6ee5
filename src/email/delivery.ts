import { getDb, type Db } from '../db';
import { logEvent } from '../lib/log';
import type { EmailQueueMessage } from './outbox';
import {
  isDeliveryHeld,
  MAX_ATTEMPTS,
  nextStepAfterFailure,
  nextStepAfterGroupFailure,
  normalizeEmail,
  usesLocalMailbox,
} from './policy';
import {
  claimEmails,
  claimGroup,
  getOutboxRow,
  LOCAL_MAILBOX_PROVIDER,
  markFailed,
  markAllSent,
  markSuppressed,
  scheduleRetry,
  suppressedAddresses,
  type OutboxRow,
} from './queries';
import { sendEmail, sendEmailBatch, toResendEmail, type ResendResult } from './resend';

type DeliveryEnv = Pick<Env, 'DB' | 'ENVIRONMENT' | 'MAIL_FROM' | 'RESEND_API_KEY' | 'RESEND_API_URL'>;

/** What became of one outbox row, turned into ack or retry by the queue consumer. */
export type DeliveryResult =
  | { status: 'sent' }
  /** Nothing to do now: already sent, failed, suppressed, owned by another worker, or held. */
  | { status: 'skipped' }
  /**
   * `rateLimitWaitMs`: a send group answered 429 asks for this short wait (Retry-After plus jitter),
   * so a caller may wait it inline and call `deliverEmailGroup` again instead of going through its queue.
   */
  | { status: 'retry'; delaySeconds: number; rateLimitWaitMs?: number }
  | { status: 'failed' };

/**
 * The email queue's consumer: delivers each message's outbox row once, the whole batch together
 * (one claim, one suppression check and one "sent" write for all its rows). If that fails
 * unexpectedly (D1 down), every message is retried; claimed rows are rescued by the sweep.
 */
export async function deliverEmailBatch(
  batch: MessageBatch<EmailQueueMessage>,
  env: DeliveryEnv,
): Promise<void> {
  let results: Map<string, DeliveryResult>;
  try {
    results = await deliverEmails(
      getDb(env),
      env,
      batch.messages.map((message) => message.body.outboxId),
      Date.now(),
    );
  } catch (error) {
    logEvent('error', 'email.delivery_error', {
      count: batch.messages.length,
      error: error instanceof Error ? error.name : 'unknown',
    });
    for (const message of batch.messages) message.retry();
    return;
  }
  for (const message of batch.messages) {
    const result = results.get(message.body.outboxId) ?? { status: 'skipped' };
    if (result.status === 'retry') message.retry({ delaySeconds: result.delaySeconds });
    else message.ack();
  }
}

/**
 * Delivers outbox rows, each once: claims them all with conditional UPDATEs in one batch (so a
 * redelivered message finds its row claimed or sent and does nothing), skips suppressed addresses,
 * then sends each through Resend with its row id as Idempotency-Key, or to the local mailbox in
 * development, and records the sends in one batch. What became of each id, by id.
 */
export async function deliverEmails(
  db: Db,
  env: DeliveryEnv,
  outboxIds: string[],
  at: number,
): Promise<Map<string, DeliveryResult>> {
  const results = new Map<string, DeliveryResult>();
  const ids = [...new Set(outboxIds)];
  // Production without a key: the rows stay pending, untouched, until the key is set.
  if (isDeliveryHeld(env)) return new Map(ids.map((id) => [id, { status: 'skipped' }]));
  const claimed = await claimEmails(db, ids, at);
  const claimedIds = new Set(claimed.map((row) => row.id));
  for (const id of ids) if (!claimedIds.has(id)) results.set(id, await notClaimed(db, id, at));
  const interrupted = claimed.filter((row) => row.attempts > MAX_ATTEMPTS);
  if (interrupted.length > 0) {
    const failed = await giveUpInterrupted(db, interrupted);
    for (const row of interrupted) results.set(row.id, failed);
  }

  const live = claimed.filter((row) => row.attempts <= MAX_ATTEMPTS);
  const suppressed = await suppressedAddresses(db, [
    ...new Set(live.map((row) => normalizeEmail(row.toAddress))),
  ]);
  const toSuppress = live.filter((row) => suppressed.has(normalizeEmail(row.toAddress)));
  if (toSuppress.length > 0) {
    await markSuppressed(
      db,
      toSuppress.map((row) => row.id),
    );
    for (const row of toSuppress) {
      logEvent('info', 'email.suppressed', { outboxId: row.id });
      results.set(row.id, { status: 'skipped' });
    }
  }

  const toSend = live.filter((row) => !suppressed.has(normalizeEmail(row.toAddress)));
  const sent: { id: string; providerId: string }[] = [];
  for (const row of toSend) {
    if (usesLocalMailbox(env)) {
      logEvent('info', 'email.local_mailbox', { outboxId: row.id, template: row.template });
      sent.push({ id: row.id, providerId: LOCAL_MAILBOX_PROVIDER });
      continue;
    }
    const result = await sendEmail(
      env.RESEND_API_KEY!,
      toResendEmail(row, env.MAIL_FROM),
      row.id,
      env.RESEND_API_URL,
    );
    if (result.kind === 'sent') sent.push({ id: row.id, providerId: result.ids[0] || 'unknown' });
    else results.set(row.id, await settle(db, [row], result, at, 'single'));
  }
  // One write records every send that went through.
  await markAllSent(db, sent, at);
  if (sent.length > 0 && !usesLocalMailbox(env)) logEvent('info', 'email.sent', { count: sent.length });
  for (const row of sent) results.set(row.id, { status: 'sent' });
  return results;
}

/**
 * Rows reclaimed from dead senders after their last try: a sender that keeps dying mid-send must
 * not keep the sweep busy forever, so they fail and wait for an organizer.
 */
async function giveUpInterrupted(db: Db, rows: OutboxRow[]): Promise<DeliveryResult> {
  await markFailed(
    db,
    rows.map((row) => row.id),
    'interrupted too often',
  );
  logEvent('warn', 'email.failed', { count: rows.length, error: 'interrupted too often' });
  return { status: 'failed' };
}

/** Why a row could not be claimed decides the answer: not due yet means "come back later". */
async function notClaimed(db: Db, outboxId: string, at: number): Promise<DeliveryResult> {
  const row = await getOutboxRow(db, outboxId);
  if (row?.status === 'pending' && row.nextAttemptAt > at) {
    return { status: 'retry', delaySeconds: Math.ceil((row.nextAttemptAt - at) / 1000) };
  }
  // Sent, failed, suppressed, gone, or being sent right now by another worker.
  if (row) logEvent('info', 'email.not_claimed', { outboxId, status: row.status });
  return { status: 'skipped' };
}

/** Records a Resend answer for claimed rows and says what the caller should do with its message. */
async function settle(
  db: Db,
  rows: OutboxRow[],
  result: ResendResult,
  at: number,
  kind: 'single' | 'group',
): Promise<DeliveryResult> {
  const ids = rows.map((row) => row.id);
  if (result.kind === 'sent') {
    await markAllSent(
      db,
      rows.map((row, index) => ({ id: row.id, providerId: result.ids[index] || 'unknown' })),
      at,
    );
    logEvent('info', 'email.sent', { count: rows.length });
    return { status: 'sent' };
  }
  // Rows claimed together were tried together, so the most-tried one decides for the group.
  const attempts = Math.max(...rows.map((row) => row.attempts));
  if (kind === 'group') return settleGroupFailure(db, ids, result, attempts, at);
  const step = nextStepAfterFailure(result, attempts);
  if (step.action === 'fail') {
    await markFailed(db, ids, result.error);
    logEvent('warn', 'email.failed', { count: ids.length, attempts, error: result.error });
    return { status: 'failed' };
  }
  await scheduleRetry(db, ids, at + step.delaySeconds * 1000, result.error);
  logEvent('info', 'email.retry', {
    count: ids.length,
    attempts,
    delaySeconds: step.delaySeconds,
    error: result.error,
  });
  return { status: 'retry', delaySeconds: step.delaySeconds };
}

/** A send group's failed call: a short 429 waits Retry-After (not counted as a try); else backoff. */
async function settleGroupFailure(
  db: Db,
  ids: string[],
  result: Exclude<ResendResult, { kind: 'sent' }>,
  attempts: number,
  at: number,
): Promise<DeliveryResult> {
  const step = nextStepAfterGroupFailure(result, attempts);
  if (step.action === 'fail') {
    await markFailed(db, ids, result.error);
    logEvent('warn', 'email.failed', { count: ids.length, attempts, error: result.error });
    return { status: 'failed' };
  }
  await scheduleRetry(db, ids, at + step.delayMs, result.error, { countsAsTry: step.countsAsTry });
  // The queue's delay is whole seconds; never less than one, so a message is not redelivered at once.
  const delaySeconds = Math.max(1, Math.ceil(step.delayMs / 1000));
  logEvent('info', 'email.retry', {
    count: ids.length,
    attempts,
    delaySeconds,
    rateLimited: !step.countsAsTry,
    error: result.error,
  });
  return step.countsAsTry
    ? { status: 'retry', delaySeconds }
    : { status: 'retry', delaySeconds, rateLimitWaitMs: step.delayMs };
}

/**
 * Sends every not-yet-sent outbox row of a send group (rows queued with the same `batchKey`, at
 * most 100) in ONE call to Resend's batch endpoint, with `Idempotency-Key: <batchKey>`; rows to
 * suppressed addresses are marked `suppressed` and left out; in development without a key they go
 * to the local mailbox. Rows with attachments are not allowed by the batch endpoint: queue those
 * without a batchKey.
 *
 * Call it from a queue consumer and map the result: `sent` and `skipped` → `message.ack()`;
 * `retry` → `message.retry({ delaySeconds })`; `failed` → `message.ack()` (the rows are marked
 * failed and organizers can retry them in /admin/outbox). Safe to call twice for the same key:
 * rows already sent or being sent by another worker are not sent again.
 *
 * @example
 * const result = await deliverEmailGroup(env, `bill-alert:${alertId}:0`);
 * if (result.status === 'retry') message.retry({ delaySeconds: result.delaySeconds });
 * else message.ack();
 */
export async function deliverEmailGroup(
  env: DeliveryEnv,
  batchKey: string,
  at = Date.now(),
  /** Awaited right before the call to Resend (and only if one is made): a sender keeping a rate waits here. */
  beforeCall?: () => Promise<void>,
): Promise<DeliveryResult> {
  if (isDeliveryHeld(env)) return { status: 'skipped' };
  const db = getDb(env);
  const claimed = await claimGroup(db, batchKey, at);
  if (claimed.length === 0) return { status: 'skipped' };
  if (claimed.some((row) => row.attempts > MAX_ATTEMPTS)) return giveUpInterrupted(db, claimed);

  const suppressed = await suppressedAddresses(db, [
    ...new Set(claimed.map((row) => normalizeEmail(row.toAddress))),
  ]);
  const toSuppress = claimed.filter((row) => suppressed.has(normalizeEmail(row.toAddress)));
  const toSend = claimed.filter((row) => !suppressed.has(normalizeEmail(row.toAddress)));
  await markSuppressed(
    db,
    toSuppress.map((row) => row.id),
  );
  if (toSend.length === 0) return { status: 'skipped' };

  if (usesLocalMailbox(env)) {
    return settle(db, toSend, { kind: 'sent', ids: toSend.map(() => LOCAL_MAILBOX_PROVIDER) }, at, 'group');
  }
  const emails = toSend.map((row) => toResendEmail(row, env.MAIL_FROM, { attachments: false }));
  if (beforeCall) await beforeCall();
  const result = await sendEmailBatch(env.RESEND_API_KEY!, emails, batchKey, env.RESEND_API_URL);
  return settle(db, toSend, result, at, 'group');
}
