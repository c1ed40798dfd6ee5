import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { US_STATES } from '../../web/fields';
import {
  BotCheck,
  CheckboxField,
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../web/form';
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

/** The signature form; `action` is the sign or embed address of the letter. */
export function SignatureForm(props: { action: string; values?: FormValues; errors?: FormErrors }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = signatureLabels(t);
  const common = { values: props.values, errors: props.errors };
  const honorifics = options(HONORIFICS, (value) => t(HONORIFIC_OPTIONS[value]));
  return (
    <form method="post" action={props.action} class="signature-form" novalidate>
      <ErrorSummary errors={props.errors} labels={labels} />
      <fieldset>
        <legend>{t('letters.form.aboutYou')}</legend>
        <div class="grid">
          <SelectField name="honorific" label={labels.honorific!} options={honorifics} required {...common} />
          <TextField
            name="honorificOther"
            label={labels.honorificOther!}
            hint={t('letters.hint.honorificOther')}
            maxlength={40}
            {...common}
          />
        </div>
        <div class="grid">
          <TextField
            name="firstName"
            label={labels.firstName!}
            required
            autocomplete="given-name"
            maxlength={80}
            {...common}
          />
          <TextField
            name="lastName"
            label={labels.lastName!}
            required
            autocomplete="family-name"
            maxlength={80}
            {...common}
          />
        </div>
        <ChoiceGroup
          name="role"
          label={labels.role!}
          required
          options={options(SIGNER_ROLES, (v) => roleLabel(t, v))}
          {...common}
        />
        <div class="grid">
          <SelectField
            name="tradition"
            label={labels.tradition!}
            required

            options={options(TRADITIONS, (v) => traditionLabel(t, v))}
            {...common}
          />
          <TextField
            name="denomination"
            label={labels.denomination!}
            hint={t('letters.hint.denomination')}
            maxlength={120}
            {...common}
          />
        </div>
        <TextField
          name="congregation"
          label={labels.congregation!}
          autocomplete="organization"
          maxlength={160}
          {...common}
        />
        <div class="grid">
          <TextField
            name="city"
            label={labels.city!}
            required
            autocomplete="address-level2"
            maxlength={80}
            {...common}
          />
          <SelectField
            name="state"
            label={labels.state!}
            required

            options={US_STATES.map((code) => [code, code] as const)}
            {...common}
          />
        </div>
        <TextField
          name="email"
          type="email"
          label={labels.email!}
          hint={t('letters.hint.email')}
          required
          autocomplete="email"
          inputmode="email"
          maxlength={254}
          {...common}
        />
        <TextArea
          name="comment"
          label={labels.comment!}
          hint={t('letters.hint.comment', { max: COMMENT_MAX })}
          maxlength={COMMENT_MAX}
          rows={3}
          {...common}
        />
      </fieldset>
      <fieldset>
        <legend>{t('letters.form.choices')}</legend>
        <CheckboxField
          name="showPublicly"
          label={labels.showPublicly!}
          hint={t('letters.hint.showPublicly')}
          {...common}
        />
        <CheckboxField
          name="keepInformed"
          label={labels.keepInformed!}
          hint={t('letters.hint.keepInformed')}
          {...common}
        />
      </fieldset>
      <BotCheck />
      <button type="submit">{t('letters.form.submit')}</button>
    </form>
  );
}
