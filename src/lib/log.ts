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
