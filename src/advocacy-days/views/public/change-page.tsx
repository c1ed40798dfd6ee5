import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import type { FormState, FormValues } from '../../../web/form';
import type { AdvocacyDay, Registration } from '../../schema';
import { DayTextTag } from '../parts';
import { isGathering } from '../../kinds';
import { RegistrationForm } from './registration-form';
import { RsvpForm } from './rsvp-form';

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

/** The change form of an RSVP to a gathering, filled with what it holds. */
export function rsvpChangeFormValues(registration: Registration): FormValues {
  return { name: registration.name, phone: registration.phone ?? '', language: registration.lang };
}

/**
 * Changing one's details from the private page: the day's registration form, or a gathering's
 * RSVP; the day's title is shown above it.
 */
export function ChangePage(
  props: FormState & {
    day: AdvocacyDay;
    action: string;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const form = { action: props.action, values: props.values, errors: props.errors, change: true };
  return (
    <>
      <h1>{t('days.change.title')}</h1>
      <DayTextTag day={props.day} field="title" as="p" />
      {isGathering(props.day) ? <RsvpForm {...form} /> : <RegistrationForm {...form} />}
    </>
  );
}
