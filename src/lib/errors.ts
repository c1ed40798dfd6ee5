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
