import * as z from 'zod';
import type { MessageKey } from './i18n';

/** The closed list of failures a person or client can be shown. */
export const errorCodes = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'invalid_link',
  'validation',
  'too_many_requests',
  'too_large',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodes>;

const statusOf: Record<ErrorCode, 400 | 401 | 403 | 404 | 410 | 413 | 422 | 429 | 500 | 503> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_link: 410,
  validation: 422,
  too_many_requests: 429,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

/** HTTP status for an error code: the one mapping used everywhere. */
export function codeToStatus(code: ErrorCode) {
  return statusOf[code];
}

/** Title and body message of the error page for a code. */
export function errorPageMessages(code: ErrorCode): { title: MessageKey; body: MessageKey } {
  switch (code) {
    case 'not_found':
      return { title: 'error.notFoundTitle', body: 'error.notFoundBody' };
    case 'invalid_link':
      return { title: 'error.linkTitle', body: 'error.linkBody' };
    case 'forbidden':
    case 'unauthorized':
      return { title: 'error.forbiddenTitle', body: 'error.forbiddenBody' };
    case 'too_many_requests':
      return { title: 'error.tooManyTitle', body: 'error.tooManyBody' };
    case 'too_large':
      return { title: 'error.tooLargeTitle', body: 'error.tooLargeBody' };
    case 'unavailable':
      return { title: 'error.unavailableTitle', body: 'error.unavailableBody' };
    case 'bad_request':
    case 'validation':
      return { title: 'error.badRequestTitle', body: 'error.badRequestBody' };
    case 'internal':
      return { title: 'error.serverTitle', body: 'error.serverBody' };
  }
}

/** The one error type handlers throw; `app.onError` turns it into a page or JSON. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: { fields?: Record<string, string>; retryAfterSeconds?: number },
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/**
 * D1 failures that mean "busy or briefly unreachable", not "your data is wrong": safe to retry
 * idempotent work, and otherwise shown as 503 with Retry-After.
 */
export function isTransientD1Error(error: unknown): boolean {
  const message = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
  return /overloaded|Network connection lost|storage operation exceeded timeout|reset because its code was updated|internal error|D1_ERROR: (?:.*)(?:timeout|temporar)|SQLITE_BUSY|database is locked/i.test(
    message,
  );
}

/**
 * What a log line may say about an error: its name and, when there is one, a fixed SQLite/D1 code.
 * Never its message: drizzle's query errors quote the statement's bound parameters (emails, names,
 * email bodies with private links), and other messages can quote input too.
 */
export function errorSummary(error: unknown): { name: string; code?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  const name = /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(error.name) ? error.name : 'Error';
  // The code is read from the message and the cause, but only its fixed shape is ever written.
  const texts = [error.message, error.cause instanceof Error ? error.cause.message : ''];
  const code = texts.map((text) => /\bSQLITE_[A-Z_]{1,40}\b/.exec(text)?.[0]).find(Boolean);
  return code ? { name, code } : { name };
}

/**
 * The one logger: writes a structured line. Callers pass ids and counts only: never emails,
 * phones, tokens or IPs. Any Error among the fields (pass the error itself, never its message) is
 * written as `errorSummary` only, so a failed query's parameters can never reach the logs.
 */
export function logEvent(
  level: 'info' | 'warn' | 'error',
  event: string,
  fields: Record<string, unknown> = {},
) {
  const safe = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, value instanceof Error ? errorSummary(value) : value]),
  );
  const line = JSON.stringify({ level, event, ...safe });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}
