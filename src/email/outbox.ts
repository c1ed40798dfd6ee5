import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { newId } from '../lib/tokens';
import { sendToQueue } from '../lib/queue';
import type { Lang } from '../lib/i18n';
import { renderPersonalEmail, renderTemplate, type RenderedEmail } from './render';
import { insertOutboxStatement } from './queries';
import type { TemplateName } from './templates.generated';

/** A file sent with an email (an .ics invite). Content is base64. */
export interface EmailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

/** What a feature asks to send. Exactly one of `template` or `personal` says what the email says. */
export interface EmailRequest {
  to: string;
  lang: Lang;
  /** Rendered from templates/<template>.<lang>.mustache with `data`. */
  template?: TemplateName;
  data?: Record<string, unknown>;
  /** Text a person wrote and checked themselves (meeting requests, thank-yous). */
  personal?: { subject: string; text: string };
  replyTo?: string;
  cc?: string[];
  attachments?: EmailAttachment[];
  /** Marks bulk mail: adds List-Unsubscribe headers and the unsubscribe footer. */
  unsubscribeUrl?: string;
  /** A fixed id makes the request idempotent: asking twice with the same id stores one email. */
  id?: string;
  batchKey?: string;
}

/** The message the email queue carries: one outbox row to deliver. */
export interface EmailQueueMessage {
  outboxId: string;
}

/** Renders an email request into its stored form (exported for previews and tests). */
export function renderRequest(
  env: Pick<Env, 'ORG_NAME' | 'PUBLIC_URL'>,
  request: EmailRequest,
): RenderedEmail {
  const context = {
    orgName: env.ORG_NAME,
    publicUrl: env.PUBLIC_URL,
    unsubscribeUrl: request.unsubscribeUrl,
  };
  if (request.personal)
    return renderPersonalEmail(request.personal.subject, request.personal.text, request.lang, context);
  if (!request.template) throw new Error('An email request needs a template or personal text');
  return renderTemplate(request.template, request.lang, request.data ?? {}, context);
}

/**
 * The insert of an email into the outbox, to put in the same `db.batch()` as the change that causes
 * it, so both are stored or neither is. After the batch succeeds, call `dispatchEmails` with the id.
 * With a fixed `id`, a second request for the same email is ignored (ON CONFLICT DO NOTHING).
 */
export function queueEmail(
  db: Db,
  env: Pick<Env, 'ORG_NAME' | 'PUBLIC_URL'>,
  request: EmailRequest,
  at = Date.now(),
): { id: string; statement: BatchItem<'sqlite'> } {
  const id = request.id ?? newId();
  const rendered = renderRequest(env, request);
  const statement = insertOutboxStatement(db, {
    id,
    template: request.template ?? 'personal',
    toAddress: request.to,
    lang: request.lang,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    replyTo: request.replyTo ?? null,
    cc: request.cc?.length ? JSON.stringify(request.cc) : null,
    attachments: request.attachments?.length ? JSON.stringify(request.attachments) : null,
    unsubscribeUrl: request.unsubscribeUrl ?? null,
    batchKey: request.batchKey ?? null,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
  });
  return { id, statement };
}

/**
 * Hands stored emails to the delivery queue. If the queue cannot be reached the rows stay pending
 * and the cron sweep sends them later, so a failure here never loses an email.
 */
export async function dispatchEmails(env: Pick<Env, 'EMAIL_QUEUE'>, ids: string[]): Promise<void> {
  await sendToQueue(
    env.EMAIL_QUEUE,
    ids.map((outboxId) => ({ outboxId }) satisfies EmailQueueMessage),
    'email.dispatch_failed',
  );
}
