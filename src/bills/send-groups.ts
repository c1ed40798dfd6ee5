// Storing a page of emails and sending it as one Resend batch call, safely re-runnable.
import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deliverEmailGroup, type DeliveryResult } from '../email/delivery';
import { outbox } from '../email/schema';
import { hashToken } from '../lib/tokens';

type SendEnv = Parameters<typeof deliverEmailGroup>[0];

/** What is already stored of a page's emails (ids are the fixed ids of exactly-once). */
export async function storedEmails(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { batchKey: string | null; status: string }>();
  // At most 100 ids: within D1's 100 bound parameters.
  const rows = await db
    .select({ id: outbox.id, batchKey: outbox.batchKey, status: outbox.status })
    .from(outbox)
    .where(inArray(outbox.id, ids));
  return new Map(rows.map((r) => [r.id, { batchKey: r.batchKey, status: r.status }]));
}

/**
 * The send-group key (and Resend Idempotency-Key) of the emails one run stores: the page, plus a
 * digest of exactly which emails. A re-run that stores a different set (someone unsubscribed in
 * between) gets another key, so a key is never reused for different content.
 */
export async function groupKeyFor(prefix: string, newIds: string[]): Promise<string> {
  return `${prefix}:${(await hashToken(newIds.join('\n'))).slice(0, 16)}`;
}

/**
 * Sends every group that still holds unsent emails of the page: the one just stored and any left
 * pending by an earlier run that stopped. Returns the first "retry" answer, if any.
 */
export async function sendPageGroups(
  env: SendEnv,
  newKey: string | null,
  before: Map<string, { batchKey: string | null; status: string }>,
  at: number,
): Promise<Extract<DeliveryResult, { status: 'retry' }> | null> {
  const keys = new Set<string>();
  if (newKey) keys.add(newKey);
  for (const row of before.values()) {
    if (row.batchKey && (row.status === 'pending' || row.status === 'sending')) keys.add(row.batchKey);
  }
  for (const key of keys) {
    const result = await deliverEmailGroup(env, key, at);
    if (result.status === 'retry') return result;
  }
  return null;
}
