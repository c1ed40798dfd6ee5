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
 * True when a D1 error is a unique-index violation, optionally on one column (`table.column`, as
 * SQLite names it in the message). The message may sit on a cause of drizzle's wrapping error.
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const text = (e: unknown): string =>
    e instanceof Error ? `${e.message} ${e.cause ? text(e.cause) : ''}` : String(e);
  const message = text(error);
  return /UNIQUE constraint failed/i.test(message) && (!column || message.includes(column));
}
