/**
 * Resend's delivery webhooks: verified with Standard Webhooks (Svix's scheme) over the raw body,
 * processed once per svix-id; bounces and complaints put the address on the suppression list.
 * @see https://resend.com/docs/dashboard/webhooks/verify-webhooks-requests
 */
import type { Db } from '../db';
import { verifyStandardWebhook } from '../lib/standard-webhooks';
import { normalizeEmail } from './policy';
import { recordWebhook, webhookSeen } from './queries';

/** The part of a Resend event this app reads. */
export interface ResendEvent {
  type: string;
  data?: { to?: unknown; bounce?: { type?: unknown } };
}

/** The outcome of checking a delivery's signature. */
export type WebhookCheck =
  | { ok: true; id: string; event: ResendEvent }
  | { ok: false; status: 400 | 401; code: 'bad_request' | 'unauthorized' };

/**
 * Verifies the signature (HMAC over id, timestamp and the raw body) and the timestamp (five
 * minutes either way, so a captured delivery cannot be replayed later). Svix sends `svix-*`
 * headers; Standard Webhooks names them `webhook-*`: both are accepted.
 */
export async function verifyResendWebhook(
  secret: string,
  rawBody: string,
  headers: Headers,
  at: number,
): Promise<WebhookCheck> {
  const id = headers.get('svix-id') ?? headers.get('webhook-id');
  const timestamp = headers.get('svix-timestamp') ?? headers.get('webhook-timestamp');
  const signature = headers.get('svix-signature') ?? headers.get('webhook-signature');
  if (!id || !timestamp || !signature) return { ok: false, status: 400, code: 'bad_request' };
  if (!(await verifyStandardWebhook(secret, rawBody, { id, timestamp, signature }, at)))
    return { ok: false, status: 401, code: 'unauthorized' };
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return { ok: false, status: 400, code: 'bad_request' }; // a signed body that is not JSON
  }
  const type = (payload as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return { ok: false, status: 400, code: 'bad_request' };
  return { ok: true, id, event: payload as ResendEvent };
}

/**
 * The addresses an event puts on the suppression list: every recipient of a bounce (except a
 * transient one, such as a full mailbox) or a complaint; null for any other event.
 */
export function suppressionFromEvent(
  event: ResendEvent,
): { emails: string[]; reason: 'bounced' | 'complained' } | null {
  const reason =
    event.type === 'email.bounced' ? 'bounced' : event.type === 'email.complained' ? 'complained' : null;
  if (!reason) return null;
  if (reason === 'bounced' && String(event.data?.bounce?.type ?? '').toLowerCase() === 'transient')
    return null;
  const to = event.data?.to;
  const list = Array.isArray(to) ? to : typeof to === 'string' ? [to] : [];
  const emails = [
    ...new Set(list.filter((v): v is string => typeof v === 'string' && v.includes('@')).map(normalizeEmail)),
  ];
  return emails.length ? { emails, reason } : null;
}

/** Processes a verified event once: a replay (same svix-id) changes nothing and is still a success. */
export async function processResendEvent(
  db: Db,
  id: string,
  event: ResendEvent,
  at: number,
): Promise<'processed' | 'replay'> {
  if (await webhookSeen(db, id)) return 'replay';
  await recordWebhook(db, { id, type: event.type.slice(0, 64) }, suppressionFromEvent(event), at);
  return 'processed';
}
