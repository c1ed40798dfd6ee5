// What a form sent and what was wrong with it: shared by the reading (form.tsx) and the fields.
import type { MessageKey, MessageParams } from '../lib/i18n';

/** What the person typed, to put back into the form when it comes back with errors. */
export type FormValues = Record<string, string | string[]>;
/** One message per field, as an i18n key. */
export type FormErrors = Record<string, { key: MessageKey; params?: MessageParams }>;

/** What reading a form came to: the data, the errors, or a bot to answer as if it had worked. */
export type FormResult<T> =
  | { status: 'valid'; data: T; values: FormValues }
  | { status: 'invalid'; errors: FormErrors; values: FormValues }
  /** The honeypot was filled: answer exactly as on success, and store nothing. */
  | { status: 'bot'; values: FormValues };

/** The hidden field bots fill in and people never see. */
export const HONEYPOT_FIELD = 'website';

/** A string value from form values (first of several). */
export function valueOf(values: FormValues | undefined, name: string): string {
  const value = values?.[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** The list of values of a multi-valued field (checkbox groups). */
export function valuesOf(values: FormValues | undefined, name: string): string[] {
  const value = values?.[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}
