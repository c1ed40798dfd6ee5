// Shared by the hostile-input tests: the app with a permissive rate limiter, table row counts, and
// the fixed lists of attack strings.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { buildApp } from '../../src/app';
import { ORIGIN } from '../helpers';

/** A syntactically valid Standard Webhooks secret, so the webhook checks signatures instead of answering 503. */
export const WEBHOOK_SECRET = `whsec_${btoa('0123456789abcdef0123456789abcdef')}`;

const allow = { limit: async () => ({ success: true }) };

/** The bindings with rate limits that always allow (fuzzing sends hundreds of posts a second). */
export const fuzzEnv = {
  ...env,
  RL_PUBLIC: allow,
  RL_SIGN_IN: allow,
  RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET,
} as unknown as Env;

/** The whole app, as the Worker builds it. */
export const app = buildApp();

/** Sends a request to the app with the permissive bindings and waits for its background work. */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(new URL(path, ORIGIN), { redirect: 'manual', ...init }),
    fuzzEnv,
    ctx,
  );
  // Read the body before waiting, so streamed pages finish.
  const text = await response.text();
  await waitOnExecutionContext(ctx);
  return new Response(text, { status: response.status, headers: response.headers });
}

let tableNames: string[] | undefined;

/**
 * Tables a refused request still writes to, on purpose: the audit log records failed sign-ins,
 * and a passkey sign-in stores its challenge before anyone is known (both bounded: rate limits,
 * and the jobs that delete old rows).
 */
const WRITTEN_BY_DESIGN = ['audit_events', 'webauthn_challenges'];

/** Row counts of every table but those written by design (see above), in one statement. */
export async function countAllRows(): Promise<Record<string, number>> {
  if (!tableNames) {
    const { results } = await env.DB.prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations' order by name",
    ).all<{ name: string }>();
    tableNames = results.map((r) => r.name).filter((name) => !WRITTEN_BY_DESIGN.includes(name));
  }
  const columns = tableNames.map((name) => `(select count(*) from "${name}") as "${name}"`).join(', ');
  return (await env.DB.prepare(`select ${columns}`).first<Record<string, number>>())!;
}

/** Script payloads from the OWASP XSS filter evasion cheat sheet (a fixed selection). */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  '<img src=x onerror=alert(1)>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<svg/onload=alert(1)>',
  "<BODY ONLOAD=alert('XSS')>",
  '"><script>alert(document.cookie)</script>',
  "'><img src=x onerror=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  "<STYLE>@import'https://xss.example/xss.css';</STYLE>",
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '</title><script>alert(1)</script>',
  "{{constructor.constructor('alert(1)')()}}",
  '`-alert(1)-`',
];

/** SQL fragments (all queries are parameterised; these must come back as plain text or a 4xx). */
export const SQL_FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE letter_signatures; --",
  '" OR ""="',
  "admin'--",
  "' UNION SELECT email, email FROM organizers --",
  '1; DELETE FROM outbox',
  "%' AND 1=1 --",
  "\\'; SELECT sqlite_version(); --",
];

/** Dangerous markup anywhere in a page: script tags other than our own, inline handlers in tags. */
export function dangerousMarkup(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*>/gi)) {
    // The layout loads only same-origin external scripts (CSP forbids inline ones).
    if (!/^<script\b[^>]*\bsrc="\/[^"]*"[^>]*>$/i.test(match[0])) found.push(match[0]);
  }
  for (const match of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=[^>]*>/gi)) found.push(match[0]);
  for (const match of html.matchAll(/<[a-z][^>]*(?:href|src)\s*=\s*["']?\s*javascript:[^>]*>/gi))
    found.push(match[0]);
  for (const match of html.matchAll(
    /<(?:iframe|svg|meta http-equiv|style|body|table background)\b[^>]*>/gi,
  )) {
    if (/alert|xss|javascript/i.test(match[0])) found.push(match[0]);
  }
  return found;
}
