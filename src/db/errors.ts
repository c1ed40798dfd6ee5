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
