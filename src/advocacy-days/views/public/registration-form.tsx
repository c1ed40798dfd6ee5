import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import {
  BotCheck,
  CheckboxField,
  ChoiceGroup,
  ErrorSummary,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../../web/form';
import { FAITH_ROLES, RIDE_CHOICES } from '../../validation';

const FIELD_LABELS = [
  'name',
  'email',
  'phone',
  'address',
  'upperDistrict',
  'lowerDistrict',
  'congregation',
  'faithRole',
  'languages',
  'needsInterpretation',
  'accessibilityNeeds',
  'dietaryNeeds',
  'firstTime',
  'willingToShareStory',
  'ride',
  'rideSeats',
  'photoConsent',
] as const;

/** The registration form, also used to change one's details (without the email). */
export function RegistrationForm(props: {
  action: string;
  values?: FormValues;
  errors?: FormErrors;
  full?: boolean;
  change?: boolean;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = Object.fromEntries(FIELD_LABELS.map((name) => [name, t(`days.field.${name}`)]));
  const common = { values: props.values, errors: props.errors };
  return (
    <form method="post" action={props.action} novalidate>
      <ErrorSummary errors={props.errors} labels={labels} />
      <TextField name="name" label={labels.name!} required autocomplete="name" maxlength={120} {...common} />
      {props.change ? null : (
        <TextField
          name="email"
          type="email"
          label={labels.email!}
          required
          autocomplete="email"
          inputmode="email"
          maxlength={254}
          {...common}
        />
      )}
      <TextField
        name="phone"
        type="tel"
        label={labels.phone!}
        hint={t('days.hint.phone')}
        autocomplete="tel"
        inputmode="tel"
        maxlength={40}
        {...common}
      />
      <TextField
        name="address"
        label={labels.address!}
        hint={t('days.hint.address')}
        autocomplete="address-line1"
        maxlength={300}
        {...common}
      />
      <fieldset>
        <legend>{t('days.districts.title')}</legend>
        <p>
          {t('days.districts.body')} <a href="/officials">{t('days.districts.directoryLink')}</a>
        </p>
        <TextField
          name="upperDistrict"
          label={labels.upperDistrict!}
          inputmode="numeric"
          maxlength={10}
          {...common}
        />
        <TextField
          name="lowerDistrict"
          label={labels.lowerDistrict!}
          inputmode="numeric"
          maxlength={10}
          {...common}
        />
      </fieldset>
      <TextField
        name="congregation"
        label={labels.congregation!}
        autocomplete="organization"
        maxlength={200}
        {...common}
      />
      <ChoiceGroup
        name="faithRole"
        label={labels.faithRole!}
        required
        options={FAITH_ROLES.map((role) => [role, t(`days.faithRole.${role}`)] as const)}
        {...common}
      />
      <TextField
        name="languages"
        label={labels.languages!}
        hint={t('days.hint.languages')}
        maxlength={200}
        {...common}
      />
      <CheckboxField name="needsInterpretation" label={labels.needsInterpretation!} {...common} />
      <TextArea
        name="accessibilityNeeds"
        label={labels.accessibilityNeeds!}
        rows={2}
        maxlength={500}
        {...common}
      />
      <TextArea name="dietaryNeeds" label={labels.dietaryNeeds!} rows={2} maxlength={500} {...common} />
      <CheckboxField name="firstTime" label={labels.firstTime!} {...common} />
      <CheckboxField
        name="willingToShareStory"
        label={labels.willingToShareStory!}
        hint={t('days.hint.story')}
        {...common}
      />
      <ChoiceGroup
        name="ride"
        label={labels.ride!}
        required
        options={RIDE_CHOICES.map((choice) => [choice, t(`days.ride.${choice}`)] as const)}
        value={props.values?.ride ?? 'none'}
        {...common}
      />
      <TextField
        name="rideSeats"
        type="number"
        inputmode="numeric"
        label={labels.rideSeats!}
        hint={t('days.hint.rideSeats')}
        {...common}
      />
      <CheckboxField name="photoConsent" label={labels.photoConsent!} {...common} />
      {props.change ? null : <p>{t('days.page.holdNotice')}</p>}
      {props.change ? null : <BotCheck />}
      <button type="submit">
        {props.change
          ? t('days.change.submit')
          : props.full
            ? t('days.page.joinWaitlist')
            : t('days.page.submit')}
      </button>
    </form>
  );
}
