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
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodes>;

const statusOf: Record<ErrorCode, 400 | 401 | 403 | 404 | 410 | 422 | 429 | 500 | 503> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_link: 410,
  validation: 422,
  too_many_requests: 429,
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

/** Writes a structured log line. Callers pass ids and counts only: never emails, phones, tokens or IPs. */
export function logEvent(
  level: 'info' | 'warn' | 'error',
  event: string,
  fields: Record<string, unknown> = {},
) {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}
