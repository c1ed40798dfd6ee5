import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { US_STATES } from '../../web/fields';
import { BotCheck, EMAIL_FIELD, ErrorSummary, FieldList } from '../../web/form';
import type { FieldRow, FormErrors, FormState, FormValues } from '../../web/form';
import type { Translate } from '../../lib/i18n';
import {
  HONORIFIC_OPTIONS,
  HONORIFICS,
  SIGNER_ROLES,
  TRADITIONS,
  options,
  roleLabel,
  traditionLabel,
} from '../choices';
import { COMMENT_MAX } from '../validation';
import type { SigningState } from '../status';
import { NotAccepting } from './public';

/** The labels of the signature form, also used by the error summary. */
export function signatureLabels(t: Translate): Record<string, string> {
  return {
    honorific: t('letters.field.honorific'),
    honorificOther: t('letters.field.honorificOther'),
    firstName: t('letters.field.firstName'),
    lastName: t('letters.field.lastName'),
    role: t('letters.field.role'),
    tradition: t('letters.field.tradition'),
    denomination: t('letters.field.denomination'),
    congregation: t('letters.field.congregation'),
    city: t('letters.field.city'),
    state: t('letters.field.state'),
    email: t('letters.field.email'),
    comment: t('letters.field.comment'),
    showPublicly: t('letters.field.showPublicly'),
    keepInformed: t('letters.field.keepInformed'),
    'cf-turnstile-response': t('form.turnstileLabel'),
  };
}

/** The signer's choices about being shown and kept informed. */
const CHOICES: FieldRow[] = [
  { kind: 'checkbox', name: 'showPublicly' },
  { kind: 'checkbox', name: 'keepInformed' },
];

/** The signature form; `action` is the sign or embed address of the letter. */
export function SignatureForm(props: { action: string; values?: FormValues; errors?: FormErrors }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = signatureLabels(t);
  const hints = {
    honorificOther: t('letters.hint.honorificOther'),
    denomination: t('letters.hint.denomination'),
    email: t('letters.hint.email'),
    comment: t('letters.hint.comment', { max: COMMENT_MAX }),
    showPublicly: t('letters.hint.showPublicly'),
    keepInformed: t('letters.hint.keepInformed'),
  };
  const fields = { labels, hints, state: props };
  const honorifics = options(HONORIFICS, (value) => t(HONORIFIC_OPTIONS[value]));
  const traditions = options(TRADITIONS, (v) => traditionLabel(t, v));
  const aboutYou: FieldRow[] = [
    [
      { kind: 'select', name: 'honorific', required: true, options: honorifics },
      { kind: 'text', name: 'honorificOther', maxlength: 40 },
    ],
    [
      { kind: 'text', name: 'firstName', required: true, autocomplete: 'given-name', maxlength: 80 },
      { kind: 'text', name: 'lastName', required: true, autocomplete: 'family-name', maxlength: 80 },
    ],
    { kind: 'choices', name: 'role', required: true, options: options(SIGNER_ROLES, (v) => roleLabel(t, v)) },
    [
      { kind: 'select', name: 'tradition', required: true, options: traditions },
      { kind: 'text', name: 'denomination', maxlength: 120 },
    ],
    { kind: 'text', name: 'congregation', autocomplete: 'organization', maxlength: 160 },
    [
      { kind: 'text', name: 'city', required: true, autocomplete: 'address-level2', maxlength: 80 },
      {
        kind: 'select',
        name: 'state',
        required: true,
        options: US_STATES.map((code) => [code, code] as const),
      },
    ],
    EMAIL_FIELD,
    { kind: 'area', name: 'comment', maxlength: COMMENT_MAX, rows: 3 },
  ];
  return (
    <form method="post" action={props.action} class="signature-form" novalidate>
      <ErrorSummary errors={props.errors} labels={labels} />
      <FieldList legend={t('letters.form.aboutYou')} fields={aboutYou} {...fields} />
      <FieldList legend={t('letters.form.choices')} fields={CHOICES} {...fields} />
      <BotCheck />
      <button type="submit">{t('letters.form.submit')}</button>
    </form>
  );
}

/** The signature form while the letter is open; otherwise why it no longer takes signatures. */
export function SignOrClosed(
  props: FormState & {
    state: SigningState;
    action: string;
  },
): Child {
  if (props.state !== 'open') return <NotAccepting state={props.state} />;
  return <SignatureForm action={props.action} values={props.values} errors={props.errors} />;
}
