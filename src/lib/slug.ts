// The one rule for the part of a public address an organizer chooses (/letters/<slug>,
// /days/<slug>): lowercase letters and digits in words joined by single hyphens, 3 to 80 long.
import * as z from 'zod';

/** Words of lowercase letters and digits joined by single hyphens: "spring-2027-letter". */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The slug field of an organizer's form: trimmed and lowercased before the check; `message` is the
 * feature's i18n key for a slug that breaks the pattern.
 */
export function slugSchema(message: string) {
  return z.string().trim().toLowerCase().pipe(z.string().min(3).max(80).regex(SLUG_PATTERN, { message }));
}
