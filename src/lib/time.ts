/** Milliseconds since the epoch; one place so tests can reason about "now". */
export function now(): number {
  return Date.now();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
