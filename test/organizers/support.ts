import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { buildApp } from '../../src/app';
import { ORIGIN, cookieFrom, postForm, sessionThrough } from '../helpers';

const app = buildApp();

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

/**
 * Posts the "send me a link" form and waits for the work the app does after answering (the lookup,
 * the link and its email happen in waitUntil), so the outbox can be read right after.
 */
export async function postSignIn(
  fields: Record<string, string>,
  options: { lang?: string; headers?: Record<string, string>; env?: Env } = {},
): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(`${ORIGIN}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: ORIGIN,
        accept: 'text/html',
        'accept-language': options.lang ?? 'en',
        'content-type': 'application/x-www-form-urlencoded',
        ...(options.headers ?? newClient()),
      },
      body: new URLSearchParams(fields),
    }),
    options.env ?? env,
    ctx,
  );
  const body = await response.text();
  await waitOnExecutionContext(ctx);
  return new Response(body, { status: response.status, headers: response.headers });
}

/** Asks for a sign-in link through the form and returns the token from the email it queued. */
export async function requestLinkToken(email: string, options: { lang?: string; next?: string } = {}) {
  const fields: Record<string, string> = { email };
  if (options.next) fields.next = options.next;
  const before = await newestEmailTo(email);
  const response = await postSignIn(fields, { lang: options.lang });
  if (response.status !== 200) throw new Error(`POST /sign-in answered ${response.status}`);
  const message = await newestEmailTo(email);
  if (!message || message.id === before?.id) throw new Error('no new sign-in email in the outbox');
  const match = message.text.match(/\/sign-in\/([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error('no sign-in link in the outbox');
  return match[1];
}

/** Presses the button on a sign-in link; returns the response and the session cookie it set. */
export async function pressSignIn(token: string, fields: Record<string, string> = {}, cookie?: string) {
  const response = await postForm(`/sign-in/${token}`, fields, { cookie });
  return { response, session: cookieFrom(response, '__Host-wt_session') };
}

/**
 * A D1 binding whose answers are held back until `release()`: a request that needs the database to
 * answer cannot finish before then; work it left for after the response waits instead.
 */
export function heldD1(real: D1Database): { db: D1Database; release(): void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const unwrapped = new WeakMap<object, D1PreparedStatement>();
  const hold = (statement: D1PreparedStatement): D1PreparedStatement => {
    const held = new Proxy(statement, {
      get(target, property) {
        if (property === 'bind') return (...values: unknown[]) => hold(target.bind(...values));
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (['all', 'first', 'raw', 'run'].includes(String(property)))
          return async (...args: unknown[]) => {
            await released;
            return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          };
        return value.bind(target);
      },
    });
    unwrapped.set(held, statement);
    return held;
  };
  const db: D1Database = new Proxy(real, {
    get(target, property) {
      // The app runs each request through a session (db/session.ts): the session is held too.
      if (property === 'withSession')
        return () => ({ prepare: db.prepare, batch: db.batch, getBookmark: () => null });
      if (property === 'prepare') return (sql: string) => hold(target.prepare(sql));
      if (property === 'batch')
        return async (statements: D1PreparedStatement[]) => {
          await released;
          return target.batch(statements.map((s) => unwrapped.get(s) ?? s));
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, release };
}
