import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import type { FormState, FormValues } from '../../../web/form';
import type { AdvocacyDay, Registration } from '../../schema';
import { DayTextTag } from '../parts';
import { RegistrationForm } from './registration-form';

/** The change form filled with what a registration holds (districts only when typed by hand). */
export function changeFormValues(registration: Registration): FormValues {
  const manual = registration.districtStatus === 'manual';
  const values: FormValues = {
    name: registration.name,
    phone: registration.phone ?? '',
    address: registration.address ?? '',
    upperDistrict: manual ? (registration.upperDistrict ?? '') : '',
    lowerDistrict: manual ? (registration.lowerDistrict ?? '') : '',
    congregation: registration.congregation ?? '',
    faithRole: registration.faithRole,
    languages: registration.languages ?? '',
    accessibilityNeeds: registration.accessibilityNeeds ?? '',
    dietaryNeeds: registration.dietaryNeeds ?? '',
    ride: registration.ride,
    rideSeats: registration.rideSeats ? String(registration.rideSeats) : '',
  };
  for (const flag of ['needsInterpretation', 'firstTime', 'willingToShareStory', 'photoConsent'] as const)
    if (registration[flag]) values[flag] = 'on';
  return values;
}

/** Changing one's details from the private page; `day` shows its title (the first showing only). */
export function ChangePage(
  props: FormState & {
    day?: AdvocacyDay;
    action: string;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('days.change.title')}</h1>
      {props.day ? <DayTextTag day={props.day} field="title" as="p" /> : null}
      <RegistrationForm action={props.action} values={props.values} errors={props.errors} change />
    </>
  );
}
