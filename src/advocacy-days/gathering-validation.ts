// The forms of a gathering: the RSVP (only what a vigil or rally needs to know) and the organizer's
// form (a day's form with its kind, without the legislators' talking points and leave-behinds).
import * as z from 'zod';
import { field } from '../web/fields';
import { LANGS } from '../lib/i18n';
import { GATHERING_KINDS } from './kinds';
import type { DayValues } from './schema';
import { checkDayTimes, dayCommonFields, dayValues, phone, type RegistrationInput } from './validation';

/** What an RSVP asks besides the email: a name, a phone if the person wants texts, and the language of the emails. */
const rsvpFields = {
  name: field.line(120),
  phone: phone.transform((v) => v ?? null),
  language: field.choice(LANGS),
};

/** The RSVP to a gathering: never an address, districts, faith role or ride. */
export const rsvpSchema = z.object({ ...rsvpFields, email: field.email() });
/** An RSVP as validated. */
export type RsvpInput = z.output<typeof rsvpSchema>;

/** What a person may change of their RSVP from their private page: everything but the email. */
export const rsvpChangeSchema = z.object(rsvpFields);

/**
 * A registration that asks nothing beyond a name, an email and maybe a phone: an RSVP to a
 * gathering, or a person an API client registers. The columns a day's form fills stay empty (the
 * faith role, a required column, is stored as not clergy: the one value that claims nothing).
 */
export function minimalRegistration(person: {
  name: string;
  email: string;
  phone?: string | null;
  congregation?: string | null;
  clergy?: boolean;
}): RegistrationInput {
  return {
    name: person.name,
    email: person.email,
    phone: person.phone ?? null,
    address: null,
    congregation: person.congregation ?? null,
    faithRole: person.clergy ? 'clergy' : 'lay',
    languages: null,
    needsInterpretation: false,
    accessibilityNeeds: null,
    dietaryNeeds: null,
    firstTime: false,
    willingToShareStory: false,
    ride: 'none',
    rideSeats: null,
    photoConsent: false,
  };
}

/** The organizer's form for a gathering. */
export const gatheringFormSchema = z
  .object({ ...dayCommonFields, kind: field.choice(GATHERING_KINDS) })
  .superRefine(checkDayTimes);
/** The gathering form as validated. */
export type GatheringFormInput = z.output<typeof gatheringFormSchema>;

/** What a valid gathering form stores: a day without talking points or leave-behind. */
export function gatheringValues(input: GatheringFormInput): DayValues {
  return dayValues({
    ...input,
    talkingPoints: null,
    leaveBehind: null,
    talkingPointsEs: null,
    leaveBehindEs: null,
  });
}
