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

/** The error page's title and body messages for each code. */
const ERROR_PAGES: Record<ErrorCode, { title: MessageKey; body: MessageKey }> = {
  not_found: { title: 'error.notFoundTitle', body: 'error.notFoundBody' },
  invalid_link: { title: 'error.linkTitle', body: 'error.linkBody' },
  forbidden: { title: 'error.forbiddenTitle', body: 'error.forbiddenBody' },
  unauthorized: { title: 'error.forbiddenTitle', body: 'error.forbiddenBody' },
  too_many_requests: { title: 'error.tooManyTitle', body: 'error.tooManyBody' },
  too_large: { title: 'error.tooLargeTitle', body: 'error.tooLargeBody' },
  unavailable: { title: 'error.unavailableTitle', body: 'error.unavailableBody' },
  bad_request: { title: 'error.badRequestTitle', body: 'error.badRequestBody' },
  validation: { title: 'error.badRequestTitle', body: 'error.badRequestBody' },
  internal: { title: 'error.serverTitle', body: 'error.serverBody' },
};

/** Title and body message of the error page for a code. */
export function errorPageMessages(code: ErrorCode): { title: MessageKey; body: MessageKey } {
  return ERROR_PAGES[code];
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
