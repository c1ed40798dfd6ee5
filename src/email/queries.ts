import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  sql,
} from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { STALE_CLAIM_MS } from './policy';
import { emailSuppressions, outbox, webhookEvents } from './schema';
import { inSlices } from '../db/chunks';
import { findRow } from '../db/find';
import { pickColumns } from '../db/pick';

/** One stored email. */
export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];

/** Marks the local development mailbox as the "provider" of rows delivered without Resend. */
export const LOCAL_MAILBOX_PROVIDER = 'local-mailbox';
/** A queue message that arrives this early for a row's next try still counts as due (clock skew). */
const DUE_TOLERANCE_MS = 2_000;

/** Rows that may be claimed now: due pending rows, or rows whose sender died mid-send. */
function claimable(at: number) {
  return or(
    and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, at + DUE_TOLERANCE_MS)),
    and(
      eq(outbox.status, 'sending'),
      or(isNull(outbox.claimedAt), lt(outbox.claimedAt, at - STALE_CLAIM_MS)),
    ),
  );
}

/**
 * Claims rows for sending with conditional UPDATEs (one per 90 ids, in one batch): of two
 * concurrent deliveries of the same queue message, only one gets the row back.
 */
export async function claimEmails(db: Db, ids: string[], at: number): Promise<OutboxRow[]> {
  if (ids.length === 0) return [];
  const statements = inSlices(ids, IDS_PER_STATEMENT).map((slice) =>
    db
      .update(outbox)
      .set({ status: 'sending', claimedAt: at, attempts: sql`${outbox.attempts} + 1` })
      .where(and(inArray(outbox.id, slice), claimable(at)))
      .returning(),
  );
  const claimed = await db.batch(
    statements as [(typeof statements)[number], ...(typeof statements)[number][]],
  );
  return claimed.flat();
}

/** Claims every claimable row of a send group (at most 100) in one UPDATE. */
export async function claimGroup(db: Db, batchKey: string, at: number): Promise<OutboxRow[]> {
  const ids = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.batchKey, batchKey), claimable(at)))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(100);
  return db
    .update(outbox)
    .set({ status: 'sending', claimedAt: at, attempts: sql`${outbox.attempts} + 1` })
    .where(and(inArray(outbox.id, ids), claimable(at)))
    .returning();
}

/** Where a stored email stands: its send group and status. */
export interface StoredEmail {
  batchKey: string | null;
  status: OutboxStatus;
}

/** Which of these outbox ids are already stored, and where they stand (at most 100 ids). */
export async function storedEmails(db: Db, ids: string[]): Promise<Map<string, StoredEmail>> {
  if (ids.length === 0) return new Map();
  // At most 100 ids: within D1's 100 bound parameters.
  const rows = await db
    .select({ id: outbox.id, batchKey: outbox.batchKey, status: outbox.status })
    .from(outbox)
    .where(inArray(outbox.id, ids));
  return new Map(rows.map((r) => [r.id, { batchKey: r.batchKey, status: r.status }]));
}

/** The insert of one email, ignored when its id is stored already (fixed ids make sending idempotent). */
export function insertOutboxStatement(db: Db, row: typeof outbox.$inferInsert) {
  return db.insert(outbox).values(row).onConflictDoNothing();
}

/** One row by id. */
export async function getOutboxRow(db: Db, id: string): Promise<OutboxRow | null> {
  return (await db.select().from(outbox).where(eq(outbox.id, id)).get()) ?? null;
}

/** Which of these (normalized) addresses must not receive anything more. */
export async function suppressedAddresses(db: Db, addresses: string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const rows = await db
    .select({ email: emailSuppressions.email })
    .from(emailSuppressions)
    .where(inArray(emailSuppressions.email, addresses));
  return new Set(rows.map((row) => row.email));
}

/**
 * The statement that records a successful send of a row this worker claimed. Once Resend has the
 * email, its body (private links, a person's words) and attachments are dropped: the row keeps
 * only what the admin outbox and the dedupe need (id, recipient, subject, status, times). The
 * local mailbox keeps them, as it is where development shows the delivered email.
 */
export function markSentStatement(db: Db, id: string, providerId: string, at: number) {
  const dropBody = providerId !== LOCAL_MAILBOX_PROVIDER;
  return db
    .update(outbox)
    .set({
      status: 'sent',
      providerId,
      sentAt: at,
      claimedAt: null,
      lastError: null,
      ...(dropBody ? { textBody: '', htmlBody: '', attachments: null } : {}),
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending')));
}

/** Records a successful send of several claimed rows at once (one batch), with Resend's ids. */
export async function markAllSent(
  db: Db,
  sent: { id: string; providerId: string }[],
  at: number,
): Promise<void> {
  const statements = sent.map((row) => markSentStatement(db, row.id, row.providerId, at));
  if (statements.length === 0) return;
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
}

/** Records that the recipient is on the suppression list: the row is never sent. */
export async function markSuppressed(db: Db, ids: string[]): Promise<void> {
  await updateClaimed(db, ids, { status: 'suppressed', claimedAt: null });
}

// D1 binds at most 100 parameters per statement, and a send group holds up to 100 ids: update
// claimed rows in chunks (one batch), or a group answered 429 could not be given back for a retry.
const IDS_PER_STATEMENT = 90;

async function updateClaimed(
  db: Db,
  ids: string[],
  values: SQLiteUpdateSetSource<typeof outbox>,
): Promise<void> {
  if (ids.length === 0) return;
  const statements = inSlices(ids, IDS_PER_STATEMENT).map((slice) =>
    db
      .update(outbox)
      .set(values)
      .where(and(inArray(outbox.id, slice), eq(outbox.status, 'sending'))),
  );
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
}

/**
 * Gives claimed rows back for another try at `nextAttemptAt`, keeping a log-safe reason. With
 * `countsAsTry: false` (Resend asked us to slow down; nothing was sent) the claim's try is given back.
 */
export async function scheduleRetry(
  db: Db,
  ids: string[],
  nextAttemptAt: number,
  error: string,
  options: { countsAsTry: boolean } = { countsAsTry: true },
): Promise<void> {
  await updateClaimed(db, ids, {
    status: 'pending',
    claimedAt: null,
    nextAttemptAt,
    lastError: error,
    ...(options.countsAsTry ? {} : { attempts: sql`max(0, ${outbox.attempts} - 1)` }),
  });
}

/** Gives up on claimed rows: organizers see them in /admin/outbox and may retry them. */
export async function markFailed(db: Db, ids: string[], error: string): Promise<void> {
  await updateClaimed(db, ids, { status: 'failed', claimedAt: null, lastError: error });
}

/** Rows the sweep should hand on: pending past their next try (plus a grace), or stale claims. */
function overdue(at: number, graceMs: number) {
  return or(
    and(eq(outbox.status, 'pending'), lt(outbox.nextAttemptAt, at - graceMs)),
    and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, at - STALE_CLAIM_MS)),
  );
}

/** Ids of single (not grouped) rows whose next try is overdue or whose sender died, oldest first. */
export async function overdueEmailIds(db: Db, at: number, graceMs: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(isNull(outbox.batchKey), overdue(at, graceMs)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** Send groups with rows whose next try is overdue or whose sender died. */
export async function overdueGroupKeys(
  db: Db,
  at: number,
  graceMs: number,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ batchKey: outbox.batchKey })
    .from(outbox)
    .where(and(isNotNull(outbox.batchKey), overdue(at, graceMs)))
    .limit(limit);
  return rows.flatMap((row) => (row.batchKey ? [row.batchKey] : []));
}

/** How many rows wait to be sent. */
export async function countPending(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'pending'));
  return row?.n ?? 0;
}

/**
 * Blanks the bodies (and attachments) of rows sent or suppressed before `before`; the subject,
 * status and dates stay for the organizers' record. Bounded per run so it fits a Worker's limits.
 */
export async function blankOldBodies(db: Db, before: number, limit = 500): Promise<number> {
  const ids = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        // A failed email older than this is past any use; its body goes too, and it can no longer be retried.
        inArray(outbox.status, ['sent', 'suppressed', 'failed']),
        lt(outbox.createdAt, before),
        or(ne(outbox.textBody, ''), ne(outbox.htmlBody, ''), isNotNull(outbox.attachments)),
      ),
    )
    .limit(limit);
  const changed = await db
    .update(outbox)
    .set({ textBody: '', htmlBody: '', attachments: null })
    .where(inArray(outbox.id, ids))
    .returning({ id: outbox.id });
  return changed.length;
}

/** Forgets processed webhook ids older than `before` (replays arrive within minutes, not weeks). */
export async function deleteOldWebhookEvents(db: Db, before: number): Promise<void> {
  await db.delete(webhookEvents).where(lt(webhookEvents.receivedAt, before));
}

/** Number of rows of one template per status, created in [from, until). */
export async function countTemplateByStatus(
  db: Db,
  template: string,
  from: number,
  until: number,
): Promise<{ status: OutboxStatus; n: number }[]> {
  return db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .where(and(eq(outbox.template, template), gte(outbox.createdAt, from), lt(outbox.createdAt, until)))
    .groupBy(outbox.status);
}

/** Number of rows per status, for the outbox page. */
export async function countByStatus(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, suppressed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Number of rows per status among the ids starting with `prefix` (a primary-key range). */
export async function countByStatusWithIdPrefix(
  db: Db,
  prefix: string,
): Promise<Record<OutboxStatus, number>> {
  // The character after the prefix's last one closes the range: [prefix, end) is exactly the ids
  // with the prefix when it ends in ':' (';' comes right after it).
  const end = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
  const rows = await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .where(and(gte(outbox.id, prefix), lt(outbox.id, end)))
    .groupBy(outbox.status);
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, suppressed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** The newest rows with a status, without their bodies. */
export async function listByStatus(db: Db, status: OutboxStatus, limit = 100) {
  return db
    .select(
      pickColumns(
        outbox,
        'id',
        'toAddress',
        'template',
        'attempts',
        'lastError',
        'createdAt',
        'nextAttemptAt',
      ),
    )
    .from(outbox)
    .where(eq(outbox.status, status))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}

/** Puts a failed row back in line with a fresh set of tries; false when it was not failed. */
export async function requeueFailed(db: Db, id: string, at: number): Promise<boolean> {
  const changed = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: at, claimedAt: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed'), ne(outbox.textBody, '')))
    .returning({ id: outbox.id });
  return changed.length > 0;
}

/** The newest messages delivered to the local development mailbox. */
export async function listMailbox(db: Db, limit = 200) {
  return db
    .select({ id: outbox.id, toAddress: outbox.toAddress, subject: outbox.subject, sentAt: outbox.sentAt })
    .from(outbox)
    .where(eq(outbox.providerId, LOCAL_MAILBOX_PROVIDER))
    .orderBy(desc(outbox.sentAt), desc(outbox.createdAt))
    .limit(limit);
}

/** One message of the local development mailbox. */
export async function getMailboxMessage(db: Db, id: string): Promise<OutboxRow | null> {
  return (
    (await findRow(db, outbox, and(eq(outbox.id, id), eq(outbox.providerId, LOCAL_MAILBOX_PROVIDER)))) ?? null
  );
}

/** Whether a webhook delivery (by svix-id) was already processed. */
export async function webhookSeen(db: Db, id: string): Promise<boolean> {
  const row = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(eq(webhookEvents.id, id))
    .get();
  return Boolean(row);
}

/**
 * Records a webhook delivery and the addresses it suppresses in one batch, so a failure midway
 * leaves neither (and Resend's redelivery does the work).
 */
export async function recordWebhook(
  db: Db,
  event: { id: string; type: string },
  suppress: { emails: string[]; reason: 'bounced' | 'complained' } | null,
  at: number,
): Promise<void> {
  const recordEvent = db
    .insert(webhookEvents)
    .values({ id: event.id, type: event.type, receivedAt: at })
    .onConflictDoNothing();
  const suppressions = (suppress?.emails ?? []).map((email) =>
    db
      .insert(emailSuppressions)
      .values({ email, reason: suppress!.reason, createdAt: at })
      .onConflictDoNothing(),
  );
  await db.batch([recordEvent, ...suppressions]);
}
