import { env } from 'cloudflare:workers';
import { cookieFrom, postForm } from '../helpers';

/** Puts an address on the allowlist directly in the database. */
export async function allowlist(email: string, id = `org-${email}`): Promise<string> {
  await env.DB.prepare(
    'INSERT OR IGNORE INTO organizers (id, email, name, created_at) VALUES (?, ?, NULL, ?)',
  )
    .bind(id, email, Date.now())
    .run();
  return id;
}

/** The newest email queued for an address, as stored in the outbox. */
export async function newestEmailTo(email: string) {
  return env.DB.prepare(
    'SELECT id, template, lang, subject, text_body AS text, html_body AS html FROM outbox WHERE to_address = ? ORDER BY rowid DESC LIMIT 1',
  )
    .bind(email)
    .first<{ id: string; template: string; lang: string; subject: string; text: string; html: string }>();
}

let clients = 0;
/**
 * Headers of a new client address: sign-in is rate-limited per address (5 a minute), and these
 * tests ask for many links.
 */
export function newClient(): Record<string, string> {
  clients += 1;
  return { 'cf-connecting-ip': `192.0.2.${clients % 250}`, 'x-test-client': String(clients) };
}

/** Asks for a sign-in link through the form and returns the token from the email it queued. */
export async function requestLinkToken(email: string, options: { lang?: string; next?: string } = {}) {
  const fields: Record<string, string> = { email };
  if (options.next) fields.next = options.next;
  const response = await postForm('/sign-in', fields, { lang: options.lang, headers: newClient() });
  if (response.status !== 200) throw new Error(`POST /sign-in answered ${response.status}`);
  const message = await newestEmailTo(email);
  const match = message?.text.match(/\/sign-in\/([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error('no sign-in link in the outbox');
  return match[1];
}

/** Presses the button on a sign-in link; returns the response and the session cookie it set. */
export async function pressSignIn(token: string, fields: Record<string, string> = {}, cookie?: string) {
  const response = await postForm(`/sign-in/${token}`, fields, { cookie });
  return { response, session: cookieFrom(response, '__Host-wt_session') };
}
