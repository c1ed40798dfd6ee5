import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { z } from 'zod';
import type { AppEnv } from '../env';
import type { MessageKey, MessageParams } from '../lib/i18n';
import { dictionaries } from '../messages';
import { verifyTurnstile } from './turnstile';

/** What the person typed, to put back into the form when it comes back with errors. */
export type FormValues = Record<string, string | string[]>;
/** One message per field, as an i18n key. */
export type FormErrors = Record<string, { key: MessageKey; params?: MessageParams }>;

export type FormResult<T> =
  | { status: 'valid'; data: T; values: FormValues }
  | { status: 'invalid'; errors: FormErrors; values: FormValues }
  /** The honeypot was filled: answer exactly as on success, and store nothing. */
  | { status: 'bot'; values: FormValues };

/** The hidden field bots fill in and people never see. */
export const HONEYPOT_FIELD = 'website';
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

async function readFormValues(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) values[name] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') values[name] = value;
  }
  return values;
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
  if (Object.hasOwn(dictionaries.en, issue.message)) return { key: issue.message as MessageKey };
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

// ---------------------------------------------------------------------------------------------
// Components. Each input gets a label, and when it has an error: aria-invalid, and the message
// beside it linked by aria-describedby. The summary at the top links to each field.

/** The error summary at the top of a form; focused by app.js so screen readers hear it first. */
export function ErrorSummary(props: { errors?: FormErrors; labels: Record<string, string> }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('form.errorSummaryTitle')}</h2>
      <p>{t('form.errorSummaryIntro')}</p>
      <ul>
        {entries.map(([name, error]) => (
          <li>
            <a href={`#${fieldId(name)}`}>
              {props.labels[name] ? `${props.labels[name]}: ` : ''}
              {t(error.key, error.params)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The id of a field's input, shared by its label, error and the summary link. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

interface FieldProps {
  name: string;
  label: string;
  values?: FormValues;
  errors?: FormErrors;
  hint?: string;
  required?: boolean;
}

function FieldMessages(props: FieldProps): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const id = fieldId(props.name);
  const error = props.errors?.[props.name];
  return (
    <>
      {props.hint ? (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} class="field-error">
          {t(error.key, error.params)}
        </small>
      ) : null}
    </>
  );
}

function describedBy(props: FieldProps): string | undefined {
  const id = fieldId(props.name);
  const ids = [props.hint ? `${id}-hint` : '', props.errors?.[props.name] ? `${id}-error` : ''].filter(
    Boolean,
  );
  return ids.length ? ids.join(' ') : undefined;
}

function LabelText(props: { label: string; required?: boolean }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      {props.label}
      {props.required ? null : <span class="optional"> ({t('form.optional')})</span>}
    </>
  );
}

/** A one-line input with its label, hint and error. */
export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'url' | 'search' | 'datetime-local';
    autocomplete?: string;
    maxlength?: number;
    inputmode?: 'email' | 'text' | 'search' | 'tel' | 'url' | 'none' | 'numeric' | 'decimal';
    value?: string;
  },
): Child {
  const id = fieldId(props.name);
  const invalid = Boolean(props.errors?.[props.name]);
  return (
    <label for={id}>
      <LabelText label={props.label} required={props.required} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? valueOf(props.values, props.name)}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
      <FieldMessages {...props} />
    </label>
  );
}

/** A multi-line input with its label, hint and error. */
export function TextArea(props: FieldProps & { rows?: number; maxlength?: number; value?: string }): Child {
  const id = fieldId(props.name);
  const invalid = Boolean(props.errors?.[props.name]);
  return (
    <label for={id}>
      <LabelText label={props.label} required={props.required} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.value ?? valueOf(props.values, props.name)}
      </textarea>
      <FieldMessages {...props} />
    </label>
  );
}

/** A select with its label; options are [value, label] pairs. */
export function SelectField(
  props: FieldProps & {
    options: readonly (readonly [string, string])[];
    placeholder?: string;
    value?: string;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const id = fieldId(props.name);
  const current = props.value ?? valueOf(props.values, props.name);
  const invalid = Boolean(props.errors?.[props.name]);
  // A required select starts with an empty choice, or `required` does nothing and whoever skips it
  // is recorded with the first real option (HTML's rule; the W3C checker flags it). An empty
  // option needs text too.
  const placeholder =
    props.placeholder || (props.placeholder !== undefined || props.required ? t('form.choose') : undefined);
  return (
    <label for={id}>
      <LabelText label={props.label} required={props.required} />
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === current}>
            {label}
          </option>
        ))}
      </select>
      <FieldMessages {...props} />
    </label>
  );
}

/** A single checkbox with its label. */
export function CheckboxField(props: FieldProps & { checked?: boolean }): Child {
  const id = fieldId(props.name);
  const checked = props.checked ?? valueOf(props.values, props.name) === 'on';
  return (
    <div class="checkbox-field">
      <label for={id}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          checked={checked}
          aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
          aria-describedby={describedBy(props)}
        />
        {props.label}
      </label>
      <FieldMessages {...props} />
    </div>
  );
}

/** A group of radio buttons or checkboxes inside a fieldset with a legend. */
export function ChoiceGroup(
  props: FieldProps & {
    options: readonly (readonly [string, string])[];
    multiple?: boolean;
    value?: string | string[];
  },
): Child {
  const id = fieldId(props.name);
  const chosen =
    props.value !== undefined ? ([] as string[]).concat(props.value) : valuesOf(props.values, props.name);
  const invalid = Boolean(props.errors?.[props.name]);
  return (
    <fieldset
      id={id}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={describedBy(props)}
      tabindex={-1}
    >
      <legend>
        <LabelText label={props.label} required={props.required} />
      </legend>
      {props.options.map(([value, label], index) => (
        <label for={`${id}-${index}`}>
          <input
            id={`${id}-${index}`}
            type={props.multiple ? 'checkbox' : 'radio'}
            name={props.name}
            value={value}
            checked={chosen.includes(value)}
          />
          {label}
        </label>
      ))}
      <FieldMessages {...props} />
    </fieldset>
  );
}

/**
 * The extras every public form carries: the honeypot (hidden from people and screen readers)
 * and, when configured, the Turnstile widget.
 */
export function BotCheck(): Child {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  return (
    <>
      <div class="hp" aria-hidden="true">
        <label for="field-website">{t('form.honeypotLabel')}</label>
        <input
          id="field-website"
          type="text"
          name={HONEYPOT_FIELD}
          tabindex={-1}
          autocomplete="off"
          value=""
        />
      </div>
      {c.env.TURNSTILE_SITE_KEY ? (
        <div class="cf-turnstile" data-sitekey={c.env.TURNSTILE_SITE_KEY} data-language={c.var.lang}></div>
      ) : null}
    </>
  );
}
