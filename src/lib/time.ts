/** Milliseconds since the epoch; one place so tests can reason about "now". */
export function now(): number {
  return Date.now();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The UTC calendar day of a moment, as YYYY-MM-DD. */
function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Calendar days (UTC) from one day to another: 0 on the same day, negative when `to` is earlier.
 * Days are YYYY-MM-DD or moments in milliseconds.
 */
export function calendarDaysBetween(from: string | number, to: string | number): number {
  const day = (value: string | number) =>
    Date.parse(`${typeof value === 'number' ? utcDay(value) : value}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / DAY);
}
