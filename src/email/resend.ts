/**
 * The Resend HTTP API, called with plain fetch: single sends (POST /emails) and batch sends
 * (POST /emails/batch), each with an Idempotency-Key so that a repeated request sends nothing new.
 * @see https://resend.com/docs/api-reference/emails/send-email
 */
import type { EmailAttachment } from './outbox';
import { outcomeOfStatus, parseRetryAfter, type SendOutcome } from './policy';
import type { OutboxRow } from './queries';

/** Resend's API; `RESEND_API_URL` replaces it (the benchmark points it at a local stub). */
export const RESEND_API_BASE = 'https://api.resend.com';
export const RESEND_EMAILS_URL = `${RESEND_API_BASE}/emails`;
export const RESEND_BATCH_URL = `${RESEND_API_BASE}/emails/batch`;
/** A request Resend has not answered by then is treated like a 5xx and tried again. */
const REQUEST_TIMEOUT_MS = 15_000;

/** One email as Resend's API takes it. */
export interface ResendEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  reply_to?: string;
  cc?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string; content_type: string }[];
}

/** The result of one call: the provider ids on success, or what to do next and a log-safe reason. */
export type ResendResult =
  { kind: 'sent'; ids: string[] } | (Exclude<SendOutcome, { kind: 'sent' }> & { error: string });

/** Turns a stored outbox row into Resend's request body (bulk rows get one-click unsubscribe headers). */
export function toResendEmail(
  row: OutboxRow,
  from: string,
  options: { attachments: boolean } = { attachments: true },
): ResendEmail {
  const email: ResendEmail = {
    from,
    to: [row.toAddress],
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody,
  };
  if (row.replyTo) email.reply_to = row.replyTo;
  const cc = parseJsonArray<string>(row.cc);
  if (cc.length) email.cc = cc;
  if (row.unsubscribeUrl) {
    email.headers = {
      'List-Unsubscribe': `<${row.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
  }
  const attachments = parseJsonArray<EmailAttachment>(row.attachments);
  if (options.attachments && attachments.length) {
    email.attachments = attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      content_type: a.contentType,
    }));
  }
  return email;
}

/** Sends one email. */
export async function sendEmail(
  apiKey: string,
  email: ResendEmail,
  idempotencyKey: string,
  apiBase?: string,
): Promise<ResendResult> {
  return post(apiBase ? `${apiBase}/emails` : RESEND_EMAILS_URL, apiKey, email, idempotencyKey, (body) => {
    const id = (body as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

/** Sends up to 100 emails in one call (no attachments on this endpoint); ids come back in order. */
export async function sendEmailBatch(
  apiKey: string,
  emails: ResendEmail[],
  idempotencyKey: string,
  apiBase?: string,
): Promise<ResendResult> {
  return post(
    apiBase ? `${apiBase}/emails/batch` : RESEND_BATCH_URL,
    apiKey,
    emails,
    idempotencyKey,
    (body) => {
      const data = (body as { data?: { id?: unknown }[] } | null)?.data ?? [];
      return data.map((entry) => (typeof entry.id === 'string' ? entry.id : ''));
    },
  );
}

async function post(
  url: string,
  apiKey: string,
  payload: unknown,
  idempotencyKey: string,
  readIds: (body: unknown) => string[],
): Promise<ResendResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${apiKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey,
      },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    // Network failure or timeout: Resend may or may not have the request; the key makes a retry safe.
    const name = error instanceof Error ? error.name : 'error';
    return { kind: 'retry', error: `network: ${name}` };
  }
  const body: unknown = await response.json().catch(() => null);
  // Resend's error `name` is a fixed code (rate_limit_exceeded, validation_error); its `message`
  // can quote the recipient's address, so only the code is kept.
  const errorName = readErrorName(body);
  const kind = outcomeOfStatus(response.status, errorName);
  if (kind === 'sent') return { kind, ids: readIds(body) };
  const error = `HTTP ${response.status}${errorName ? ` ${errorName}` : ''}`;
  if (kind === 'retry') {
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
    if (response.status === 429) return { kind, error, retryAfterSeconds, rateLimited: true };
    return { kind, error, retryAfterSeconds };
  }
  return { kind, error };
}

function readErrorName(body: unknown): string | undefined {
  const name = (body as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[a-z_]{1,64}$/.test(name) ? name : undefined;
}

function parseJsonArray<T>(value: string | null): T[] {
  if (!value) return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/** The attachments stored with a row (for the development mailbox). */
export function storedAttachments(row: Pick<OutboxRow, 'attachments'>): EmailAttachment[] {
  return parseJsonArray<EmailAttachment>(row.attachments);
}

/** The cc addresses stored with a row. */
export function storedCc(row: Pick<OutboxRow, 'cc'>): string[] {
  return parseJsonArray<string>(row.cc);
}
