import * as z from 'zod';
import { field } from '../web/fields';
import { TEAM_ROLES } from './schema';

/** Clergy or lay: the only thing we ask about a person's faith role. */
export const FAITH_ROLES = ['clergy', 'lay'] as const;
/** Rides to the capitol: needs one, offers seats, or neither. */
export const RIDE_CHOICES = ['none', 'needs', 'offers'] as const;
/** What a participant perceived in the meeting. */
export const STANCES = [
  'supportive',
  'leaning_yes',
  'undecided',
  'leaning_no',
  'opposed',
  'unclear',
] as const;

const optionalSeats = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  field.int(1, 12).optional(),
);

const phone = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  field
    .line(40)
    .refine((v) => /^\+?[\d\s().-]{7,}$/.test(v) && v.replace(/\D/g, '').length >= 7, {
      message: 'days.error.phone',
    })
    .optional(),
);

/** A state legislative district number as people write it ("36", "036", "7A"); empty is null. */
const district = z
  .preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    field
      .line(10)
      .refine((v) => /^[A-Za-z0-9-]{1,10}$/.test(v), { message: 'days.error.district' })
      .transform((v) => (/^\d+$/.test(v) ? String(Number(v)) : v.toUpperCase()))
      .optional(),
  )
  .transform((v) => v ?? null);

/** The fields of the registration form other than the email (which is who the person is). */
const registrationFields = {
  name: field.line(120),
  phone: phone.transform((v) => v ?? null),
  // The address, or the district numbers chosen by the person (then nothing goes to the geocoder).
  address: z
    .preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      field.line(300, 5).optional(),
    )
    .transform((v) => v ?? null),
  upperDistrict: district,
  lowerDistrict: district,
  congregation: field.optionalLine(200),
  faithRole: field.choice(FAITH_ROLES),
  languages: field.optionalLine(200),
  needsInterpretation: field.checkbox(),
  accessibilityNeeds: field.optionalText(500),
  dietaryNeeds: field.optionalText(500),
  firstTime: field.checkbox(),
  willingToShareStory: field.checkbox(),
  ride: field.choice(RIDE_CHOICES),
  rideSeats: optionalSeats.transform((v) => v ?? null),
  photoConsent: field.checkbox(),
};

function withRideRules<
  T extends {
    ride: (typeof RIDE_CHOICES)[number];
    rideSeats: number | null;
    address: string | null;
    upperDistrict: string | null;
    lowerDistrict: string | null;
  },
>(schema: z.ZodType<T>) {
  return schema
    .superRefine((value, ctx) => {
      if (value.ride === 'offers' && !value.rideSeats)
        ctx.addIssue({ code: 'custom', path: ['rideSeats'], message: 'days.error.rideSeats' });
      if (!value.address && !value.upperDistrict && !value.lowerDistrict)
        ctx.addIssue({ code: 'custom', path: ['address'], message: 'days.error.addressOrDistricts' });
    })
    .transform((value) => ({ ...value, rideSeats: value.ride === 'offers' ? value.rideSeats : null }));
}

/**
 * The registration form: exactly what the issue lists and nothing more (never immigration status).
 * The address is used only to find the person's state legislative districts.
 */
export const registrationSchema = withRideRules(z.object({ ...registrationFields, email: field.email() }));
/** What is stored of the form; the chosen districts travel apart, as `RegistrationDistricts`. */
export type RegistrationInput = Omit<z.output<typeof registrationSchema>, 'upperDistrict' | 'lowerDistrict'>;

/** What a registered person may change from their private page: everything but the email. */
export const registrationChangeSchema = withRideRules(z.object(registrationFields));
export type RegistrationChange = z.output<typeof registrationChangeSchema>;

/** The districts a person typed instead of an address, for the day's state; null when none. */
export function chosenDistricts(
  state: string,
  input: { upperDistrict: string | null; lowerDistrict: string | null },
): { status: 'chosen'; state: string; upperDistrict: string | null; lowerDistrict: string | null } | null {
  if (!input.upperDistrict && !input.lowerDistrict) return null;
  return { status: 'chosen', state, upperDistrict: input.upperDistrict, lowerDistrict: input.lowerDistrict };
}

/** The debrief after the day. */
export const debriefSchema = z.object({
  teamId: field.line(80),
  whatTheySaid: field.text(2000),
  commitment: field.optionalText(1000),
  stance: field.choice(STANCES),
  followUp: field.optionalText(1000),
});
export type DebriefInput = z.output<typeof debriefSchema>;

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z
      .string()
      .min(3)
      .max(80)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'days.error.slug' }),
  );

const dateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'days.error.dateTime' });

/** The organizer's form for a day. Times are typed as wall-clock times in the day's zone. */
export const dayFormSchema = z
  .object({
    slug,
    title: field.line(160),
    summary: field.text(1000),
    startsAt: dateTime,
    endsAt: dateTime,
    registrationDeadline: dateTime,
    timeZone: field.choice([
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Phoenix',
      'America/Los_Angeles',
    ]),
    placeName: field.line(160),
    address: field.line(300),
    state: field.usState().transform((v) => v.toLowerCase()),
    capacity: field.int(1, 5000),
    agenda: field.optionalText(2000),
    whatToBring: field.optionalText(2000),
    accessibility: field.optionalText(2000),
    talkingPoints: field.optionalText(8000),
    leaveBehind: field.optionalText(8000),
    // The optional Spanish versions (see texts.ts): empty means readers of Spanish get the above.
    titleEs: field.optionalLine(160),
    summaryEs: field.optionalText(1000),
    agendaEs: field.optionalText(2000),
    whatToBringEs: field.optionalText(2000),
    accessibilityEs: field.optionalText(2000),
    talkingPointsEs: field.optionalText(8000),
    leaveBehindEs: field.optionalText(8000),
    status: field.choice(['draft', 'published']),
  })
  .superRefine((value, ctx) => {
    if (value.endsAt <= value.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'days.error.endsBeforeStart' });
    if (value.registrationDeadline > value.startsAt)
      ctx.addIssue({
        code: 'custom',
        path: ['registrationDeadline'],
        message: 'days.error.deadlineAfterStart',
      });
  });
export type DayFormInput = z.output<typeof dayFormSchema>;

/** Moving one person to a team (or off every team). */
export const moveSchema = z.object({
  registrationId: field.line(80),
  teamId: field.line(80),
});

const roleOrNone = z.enum([...TEAM_ROLES, 'member'], { message: 'form.error.choose' });

/** A team's meeting and roles: one `role:<registrationId>` field per member. */
export const teamSchema = z.object({
  meetingAt: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    dateTime.optional(),
  ),
  room: field.optionalLine(120),
  roles: z.record(z.string(), roleOrNone),
});

/** Districts an organizer sets by hand when the geocoder could not. */
export const districtsSchema = z.object({
  upperDistrict: field.line(10),
  lowerDistrict: field.line(10),
});

/** An email to everyone registered, or to one team. */
export const announcementSchema = z.object({
  audience: field.line(80),
  subject: field.line(160),
  body: field.text(8000),
  /** Optional Spanish version, sent to people whose language is Spanish. */
  subjectEs: field.optionalLine(160),
  bodyEs: field.optionalText(8000),
});

/** A typed check-in code. */
export const checkInCodeSchema = z.object({ code: field.line(20) });
