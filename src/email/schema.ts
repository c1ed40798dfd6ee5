import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { choice, epochMs, epochMsNotNull } from '../db/columns';

/**
 * Every email the app sends is first a row here, written in the same db.batch() as the change that
 * causes it. The queue consumer delivers it; the id is Resend's Idempotency-Key.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text().primaryKey(),
    /** The template it was rendered from, or 'custom' for text a person wrote. */
    template: text().notNull(),
    toAddress: text().notNull(),
    lang: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    replyTo: text(),
    /** JSON array of addresses. */
    cc: text(),
    /** JSON array of { filename, content (base64), contentType }. */
    attachments: text(),
    /** Set for bulk mail: the one-click unsubscribe URL (List-Unsubscribe). */
    unsubscribeUrl: text(),
    /** Groups rows sent together in one Resend batch call (bill alerts); null for single sends. */
    batchKey: text(),
    status: choice(['pending', 'sending', 'sent', 'failed', 'suppressed'], 'pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: epochMsNotNull(),
    claimedAt: epochMs(),
    lastError: text(),
    providerId: text(),
    createdAt: epochMsNotNull(),
    sentAt: epochMs(),
  },
  (t) => [
    index('outbox_status_next_idx').on(t.status, t.nextAttemptAt),
    index('outbox_to_idx').on(t.toAddress),
    index('outbox_batch_idx').on(t.batchKey),
  ],
);

/** Addresses that bounced, complained or unsubscribed from everything: nothing more is sent to them. */
export const emailSuppressions = sqliteTable('email_suppressions', {
  email: text().primaryKey(),
  reason: text({ enum: ['bounced', 'complained'] }).notNull(),
  createdAt: epochMsNotNull(),
});

/** Webhook deliveries already processed (by svix-id), so a replay changes nothing. */
export const webhookEvents = sqliteTable('webhook_events', {
  id: text().primaryKey(),
  type: text().notNull(),
  receivedAt: epochMsNotNull(),
});
