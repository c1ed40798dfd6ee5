import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import { BotCheck, EMAIL_FIELD, ErrorSummary, FieldList } from '../../../web/form';
import type { FieldRow, FieldSpec, FormState } from '../../../web/form';
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

/** How to reach the person (the email only when registering, not when changing details). */
const CONTACT: FieldSpec[] = [
  { kind: 'text', name: 'name', required: true, autocomplete: 'name', maxlength: 120 },
  EMAIL_FIELD,
  { kind: 'text', name: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 40 },
  { kind: 'text', name: 'address', autocomplete: 'address-line1', maxlength: 300 },
];

/** The districts, typed by hand when the address does not place them. */
const DISTRICTS: FieldSpec[] = [
  { kind: 'text', name: 'upperDistrict', inputmode: 'numeric', maxlength: 10 },
  { kind: 'text', name: 'lowerDistrict', inputmode: 'numeric', maxlength: 10 },
];

/** Languages, needs and first visit, between the faith role and the ride. */
const NEEDS: FieldSpec[] = [
  { kind: 'text', name: 'languages', maxlength: 200 },
  { kind: 'checkbox', name: 'needsInterpretation' },
  { kind: 'area', name: 'accessibilityNeeds', rows: 2, maxlength: 500 },
  { kind: 'area', name: 'dietaryNeeds', rows: 2, maxlength: 500 },
  { kind: 'checkbox', name: 'firstTime' },
  { kind: 'checkbox', name: 'willingToShareStory' },
];

/** The registration form, also used to change one's details (without the email). */
export function RegistrationForm(
  props: FormState & {
    action: string;
    full?: boolean;
    change?: boolean;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = Object.fromEntries(FIELD_LABELS.map((name) => [name, t(`days.field.${name}`)]));
  const hints = {
    phone: t('days.hint.phone'),
    address: t('days.hint.address'),
    languages: t('days.hint.languages'),
    willingToShareStory: t('days.hint.story'),
    rideSeats: t('days.hint.rideSeats'),
  };
  const fields = { labels, hints, state: props };
  const about: FieldRow[] = [
    { kind: 'text', name: 'congregation', autocomplete: 'organization', maxlength: 200 },
    {
      kind: 'choices',
      name: 'faithRole',
      required: true,
      options: FAITH_ROLES.map((role) => [role, t(`days.faithRole.${role}`)] as const),
    },
    ...NEEDS,
    {
      kind: 'choices',
      name: 'ride',
      required: true,
      options: RIDE_CHOICES.map((choice) => [choice, t(`days.ride.${choice}`)] as const),
      value: props.values?.ride ?? 'none',
    },
    { kind: 'text', name: 'rideSeats', type: 'number', inputmode: 'numeric' },
    { kind: 'checkbox', name: 'photoConsent' },
  ];
  return (
    <SeatForm {...props} labels={labels} feature="days">
      <FieldList
        fields={props.change ? CONTACT.filter((field) => field.name !== 'email') : CONTACT}
        {...fields}
      />
      <FieldList legend={t('days.districts.title')} fields={DISTRICTS} {...fields}>
        <p>
          {t('days.districts.body')} <a href="/officials">{t('days.districts.directoryLink')}</a>
        </p>
      </FieldList>
      <FieldList fields={about} {...fields} />
    </SeatForm>
  );
}

/**
 * A registration (or RSVP) form: the error summary, the fields, then, when registering, how long
 * the place is held, the honeypot, and "Register" or "Join the waitlist"; when changing one's
 * details, "Save changes".
 */
export function SeatForm(
  props: FormState & {
    action: string;
    labels: Record<string, string>;
    /** Whose messages the hold notice and the button use. */
    feature: 'days' | 'gatherings';
    change?: boolean;
    full?: boolean;
    children: Child;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const submit = props.full ? t('days.page.joinWaitlist') : t(`${props.feature}.page.submit`);
  return (
    <form method="post" action={props.action} novalidate>
      <ErrorSummary errors={props.errors} labels={props.labels} />
      {props.children}
      {props.change ? null : <p>{t(`${props.feature}.page.holdNotice`)}</p>}
      {props.change ? null : <BotCheck />}
      <button type="submit">{props.change ? t('days.change.submit') : submit}</button>
    </form>
  );
}
