import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../env';
import type { MessageKey, MessageParams } from '../lib/i18n';
import { HONEYPOT_FIELD, type FormErrors, type FormResult, type FormValues } from './form-values';
import { dictionaries } from '../messages';
import { verifyTurnstile } from './turnstile';

const TURNSTILE_FIELD = 'cf-turnstile-response';

/**
 * Reads a form post, checks the honeypot and Turnstile, and validates with zod. The one way every
 * public form is read, so every form fails the same way.
 */
export async function readForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  options: { botCheck?: boolean } = {},
): Promise<FormResult<z.output<S>>> {
  const values = await readFormValues(c);
  const botCheck = options.botCheck ?? true;
  if (botCheck && typeof values[HONEYPOT_FIELD] === 'string' && values[HONEYPOT_FIELD] !== '') {
    return { status: 'bot', values };
  }
  const token = values[TURNSTILE_FIELD];
  delete values[HONEYPOT_FIELD];
  delete values[TURNSTILE_FIELD];
  if (botCheck && c.env.TURNSTILE_SECRET_KEY) {
    const passed = await verifyTurnstile(c.env.TURNSTILE_SECRET_KEY, typeof token === 'string' ? token : '');
    if (!passed)
      return { status: 'invalid', errors: { [TURNSTILE_FIELD]: { key: 'form.error.botCheck' } }, values };
  }
  return validateValues(schema, values);
}

/** Validates already-read values (also used by JSON endpoints). */
export function validateValues<S extends z.ZodType>(schema: S, values: FormValues): FormResult<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { status: 'valid', data: parsed.data, values };
  return {
    status: 'invalid',
    errors: zodIssuesToErrors(parsed.error.issues, values),
    values: shownBack(values, parsed.error.issues),
  };
}

/**
 * The values a refused form shows back: a value too long is cut to its field's maximum, so what
 * someone sent is never echoed beyond what the field accepts.
 */
function shownBack(values: FormValues, issues: z.core.$ZodIssue[]): FormValues {
  const shown = { ...values };
  for (const issue of issues) {
    if (issue.code !== 'too_big' || issue.origin !== 'string' || issue.path.length !== 1) continue;
    const name = String(issue.path[0]);
    const value = shown[name];
    if (typeof value === 'string') shown[name] = value.slice(0, Number(issue.maximum));
  }
  return shown;
}

/** Every text field of a posted form, as sent (a repeated name gives a list). */
export async function readFormValues(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) values[name] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/** True when a zod schema's message is one of ours (schemas built from `field.*` use message keys). */
function isMessageKey(message: string): message is MessageKey {
  return Object.hasOwn(dictionaries.en, message);
}

/** Maps zod issues to one i18n message per field (the first issue of each field wins). */
export function zodIssuesToErrors(issues: z.core.$ZodIssue[], values: Record<string, unknown>): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const name = issue.path.map(String).join('.') || '_form';
    if (errors[name]) continue;
    errors[name] = issueMessage(issue, values[String(issue.path[0] ?? '')]);
  }
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue, raw: unknown): { key: MessageKey; params?: MessageParams } {
  if (isMessageKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { key: raw === undefined || raw === '' ? 'form.error.required' : 'form.error.invalid' };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'form.error.required' }
          : { key: 'form.error.tooShort', params: { min: Number(issue.minimum) } };
      }
      if (issue.origin === 'array') return { key: 'form.error.required' };
      return { key: 'form.error.invalid' };
    case 'too_big':
      if (issue.origin === 'string')
        return { key: 'form.error.tooLong', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array')
        return { key: 'form.error.tooMany', params: { max: Number(issue.maximum) } };
      return { key: 'form.error.invalid' };
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'form.error.email' : 'form.error.invalid' };
    case 'invalid_value':
      return { key: 'form.error.choose' };
    default:
      return { key: 'form.error.invalid' };
  }
}

/** The JSON error shape of the API: one message per field, in the request's language. */
export function errorsToJson(c: Context<AppEnv>, errors: FormErrors) {
  const fields: Record<string, string> = {};
  for (const [name, error] of Object.entries(errors)) fields[name] = c.var.t(error.key, error.params);
  return { error: { code: 'validation' as const, fields } };
}

/**
 * Answers a refused form: sets 422 and gives what the page shows back, the values as typed and the
 * errors (none for a filled honeypot on an organizer form, which is refused the same way).
 * @example if (form.status !== 'valid') return renderPage(c, refusedForm(c, form));
 */
export function refusedForm(
  c: Context<AppEnv>,
  form: Exclude<FormResult<unknown>, { status: 'valid' }>,
): { values: FormValues; errors: FormErrors } {
  c.status(422);
  return { values: form.values, errors: form.status === 'invalid' ? form.errors : {} };
}

/** One uploaded file of a multipart form (readForm keeps text fields only); null when none came. */
export async function readUploadedFile(c: Context<AppEnv>, name: string): Promise<File | null> {
  const file = (await c.req.parseBody())[name];
  return file instanceof File ? file : null;
}

export {
  HONEYPOT_FIELD,
  valueOf,
  valuesOf,
  type FormErrors,
  type FormResult,
  type FormValues,
} from './form-values';

// The components live in form-fields.tsx; features import them from here with the form types.
export {
  BotCheck,
  CheckboxField,
  ChoiceGroup,
  EMAIL_FIELD,
  ErrorSummary,
  fieldId,
  FieldForm,
  FieldList,
  LANGUAGE_OPTIONS,
  labelsOf,
  SelectField,
  TextArea,
  TextField,
  type FieldRow,
  type FieldSpec,
  type FormState,
} from './form-fields';
