// The form components. Each input gets a label, and when it has an error: aria-invalid, and the
// message beside it linked by aria-describedby. The summary at the top links to each field.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../env';
import { EMAIL_MAX } from './fields';
import { HONEYPOT_FIELD, valueOf, valuesOf, type FormErrors, type FormValues } from './form-values';

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

type TextFieldProps = FieldProps & {
  type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'url' | 'search' | 'datetime-local';
  autocomplete?: string;
  maxlength?: number;
  inputmode?: 'email' | 'text' | 'search' | 'tel' | 'url' | 'none' | 'numeric' | 'decimal';
  value?: string;
};

/** The attributes every labelled control carries: its id and name, required, and its error state. */
function controlAttributes(props: FieldProps) {
  return {
    id: fieldId(props.name),
    name: props.name,
    required: props.required,
    'aria-invalid': props.errors?.[props.name] ? 'true' : undefined,
    'aria-describedby': describedBy(props),
  };
}

/** A control inside its label, after the label text and before its hint and error. */
function LabeledControl(props: { field: FieldProps; children: Child }): Child {
  return (
    <label for={fieldId(props.field.name)}>
      <LabelText label={props.field.label} required={props.field.required} />
      {props.children}
      <FieldMessages {...props.field} />
    </label>
  );
}

/** A one-line input with its label, hint and error. */
export function TextField(props: TextFieldProps): Child {
  return (
    <LabeledControl field={props}>
      <input
        {...controlAttributes(props)}
        type={props.type ?? 'text'}
        value={props.value ?? valueOf(props.values, props.name)}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
      />
    </LabeledControl>
  );
}

type TextAreaProps = FieldProps & { rows?: number; maxlength?: number; value?: string };

/** A multi-line input with its label, hint and error. */
export function TextArea(props: TextAreaProps): Child {
  return (
    <LabeledControl field={props}>
      <textarea {...controlAttributes(props)} rows={props.rows ?? 4} maxlength={props.maxlength}>
        {props.value ?? valueOf(props.values, props.name)}
      </textarea>
    </LabeledControl>
  );
}

type Options = readonly (readonly [string, string])[];
type SelectFieldProps = FieldProps & { options: Options; placeholder?: string; value?: string };

/** A select with its label; options are [value, label] pairs. */
export function SelectField(props: SelectFieldProps): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const current = props.value ?? valueOf(props.values, props.name);
  // A required select starts with an empty choice, or `required` does nothing and whoever skips it
  // is recorded with the first real option (HTML's rule; the W3C checker flags it). An empty
  // option needs text too.
  const placeholder =
    props.placeholder || (props.placeholder !== undefined || props.required ? t('form.choose') : undefined);
  return (
    <LabeledControl field={props}>
      <select {...controlAttributes(props)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === current}>
            {label}
          </option>
        ))}
      </select>
    </LabeledControl>
  );
}

type CheckboxFieldProps = FieldProps & { checked?: boolean };

/** A single checkbox with its label. */
export function CheckboxField(props: CheckboxFieldProps): Child {
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

type ChoiceGroupProps = FieldProps & { options: Options; multiple?: boolean; value?: string | string[] };

/** A group of radio buttons or checkboxes inside a fieldset with a legend. */
export function ChoiceGroup(props: ChoiceGroupProps): Child {
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

/** What a field in a FieldList gets from the list rather than from its own entry. */
type Given<P> = Omit<P, 'values' | 'errors' | 'label'> & { label?: string };

/** A form's values and errors together, as a page's props carry them. */
export interface FormState {
  values?: FormValues;
  errors?: FormErrors;
}

/**
 * One field of a form written as data: which component (`kind`) and that component's own props.
 * The label defaults to the form's label for the name (the one its ErrorSummary uses).
 */
export type FieldSpec =
  | ({ kind: 'text' } & Given<TextFieldProps>)
  | ({ kind: 'area' } & Given<TextAreaProps>)
  | ({ kind: 'select' } & Given<SelectFieldProps>)
  | ({ kind: 'checkbox' } & Given<CheckboxFieldProps>)
  | ({ kind: 'choices' } & Given<ChoiceGroupProps>);

/** The required email field a public form asks for, named `email`. */
export const EMAIL_FIELD = {
  kind: 'text',
  name: 'email',
  type: 'email',
  required: true,
  autocomplete: 'email',
  inputmode: 'email',
  maxlength: EMAIL_MAX,
} as const satisfies FieldSpec;

/** The languages a person can choose for their emails, each named in itself. */
export const LANGUAGE_OPTIONS = [
  ['en', 'English'],
  ['es', 'Español'],
] as const;

/**
 * The labels of a form's fields (for FieldList and the error summary), where each field's message
 * is named after it: `labelsOf(['email', 'lang'], (name) => t(`bills.field.${name}`))`.
 */
export function labelsOf<const N extends string>(
  names: readonly N[],
  label: (name: N) => string,
): Record<N, string> {
  return Object.fromEntries(names.map((name) => [name, label(name)])) as Record<N, string>;
}

/** A FieldList entry: one field, or several side by side in a `<div class="grid">` row. */
export type FieldRow = FieldSpec | FieldSpec[];

/** What a FieldList shows: its fields, the form's labels, values and errors, and an optional legend. */
export interface FieldListProps {
  fields: FieldRow[];
  labels: Record<string, string>;
  /** Hints by field name, for fields whose entry gives none. */
  hints?: Record<string, string>;
  /** What was sent and what was wrong with it, when the form is shown again. */
  state?: FormState;
  /** With a legend, the fields are a `<fieldset>` under it. */
  legend?: Child;
  /** Shown under the legend, before the fields (a sentence that explains the group). */
  children?: Child;
}

/**
 * The fields of a form, in order, from a list of entries: the values, errors and labels are given
 * once instead of on every field.
 * @example <FieldList legend="About you" labels={labels} values={v} errors={e} fields={[{ kind: 'text', name: 'city' }]} />
 */
export function FieldList(props: FieldListProps): Child {
  const fields = props.fields.map((row) =>
    Array.isArray(row) ? (
      <div class="grid">{row.map((spec) => formField(spec, props))}</div>
    ) : (
      formField(row, props)
    ),
  );
  if (props.legend === undefined) return <>{fields}</>;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.children}
      {fields}
    </fieldset>
  );
}

function formField(spec: FieldSpec, list: FieldListProps): Child {
  const shared = {
    label: spec.label ?? list.labels[spec.name] ?? spec.name,
    hint: spec.hint ?? list.hints?.[spec.name],
    values: list.state?.values,
    errors: list.state?.errors,
  };
  switch (spec.kind) {
    case 'text':
      return <TextField {...spec} {...shared} />;
    case 'area':
      return <TextArea {...spec} {...shared} />;
    case 'select':
      return <SelectField {...spec} {...shared} />;
    case 'checkbox':
      return <CheckboxField {...spec} {...shared} />;
    case 'choices':
      return <ChoiceGroup {...spec} {...shared} />;
  }
}

/**
 * A POST form of fields: the error summary, the fields, whatever the form adds (hidden fields, the
 * bot check), then the submit button. `novalidate` so the server's messages, in the person's
 * language, are the ones shown.
 */
export function FieldForm(
  props: Omit<FieldListProps, 'legend'> & { action: string; submit: Child; class?: string },
): Child {
  return (
    <form method="post" action={props.action} class={props.class} novalidate>
      <ErrorSummary errors={props.state?.errors} labels={props.labels} />
      <FieldList fields={props.fields} labels={props.labels} hints={props.hints} state={props.state} />
      {props.children}
      <button type="submit">{props.submit}</button>
    </form>
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
