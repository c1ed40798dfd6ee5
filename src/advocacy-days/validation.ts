import * as z from 'zod';
import { field } from '../web/fields';
import { blankWhenMissing } from '../lib/blanks';
import { zonedInputToUtc } from './calendar';
import type { DayValues } from './schema';
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

/** An optional phone number with at least 7 digits (empty is undefined). */
export const phone = z.preprocess(
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
/** What a person may change of their registration, as validated. */
export type RegistrationChange = z.output<typeof registrationChangeSchema>;

/** The districts found for the address, or `pending` when the geocoder could not answer. */
export type RegistrationDistricts =
  | {
      /** `found` by the geocoder, or `chosen` by the person on the form (nothing sent anywhere). */
      status: 'found' | 'chosen';
      state: string;
      upperDistrict: string | null;
      lowerDistrict: string | null;
    }
  | { status: 'pending' };

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
/** A debrief as validated. */
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

/** The fields of a day form every kind of day has (a gathering's form adds its kind, see gathering-validation.ts). */
export const dayCommonFields = {
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
  // The optional Spanish versions (see texts.ts): empty means readers of Spanish get the above.
  titleEs: field.optionalLine(160),
  summaryEs: field.optionalText(1000),
  agendaEs: field.optionalText(2000),
  whatToBringEs: field.optionalText(2000),
  accessibilityEs: field.optionalText(2000),
  status: field.choice(['draft', 'published']),
};

/** The order of a day's times: it ends after it starts, and registration closes before the start. */
export function checkDayTimes(
  value: { startsAt: string; endsAt: string; registrationDeadline: string },
  ctx: z.RefinementCtx,
): void {
  if (value.endsAt <= value.startsAt)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'days.error.endsBeforeStart' });
  if (value.registrationDeadline > value.startsAt)
    ctx.addIssue({
      code: 'custom',
      path: ['registrationDeadline'],
      message: 'days.error.deadlineAfterStart',
    });
}

/** The organizer's form for a day. Times are typed as wall-clock times in the day's zone. */
export const dayFormSchema = z
  .object({
    ...dayCommonFields,
    talkingPoints: field.optionalText(8000),
    leaveBehind: field.optionalText(8000),
    talkingPointsEs: field.optionalText(8000),
    leaveBehindEs: field.optionalText(8000),
  })
  .superRefine(checkDayTimes);
/** What every kind of day form gives, as validated. */
export type DayCommonInput = z.output<z.ZodObject<typeof dayCommonFields>>;
/** The organizer's day form as validated (times still wall-clock in the day's zone). */
export type DayFormInput = z.output<typeof dayFormSchema>;

/** The texts of a day an organizer may leave empty (the guide for participants, and every Spanish text). */
export const DAY_OPTIONAL_TEXTS = [
  'agenda',
  'whatToBring',
  'accessibility',
  'talkingPoints',
  'leaveBehind',
  'titleEs',
  'summaryEs',
  'agendaEs',
  'whatToBringEs',
  'accessibilityEs',
  'talkingPointsEs',
  'leaveBehindEs',
] as const;

/** What a valid day form stores: its wall-clock times as instants in the day's zone. */
export function dayValues(input: DayFormInput & Pick<DayValues, 'kind'>): DayValues {
  return {
    ...input,
    startsAt: zonedInputToUtc(input.startsAt, input.timeZone),
    endsAt: zonedInputToUtc(input.endsAt, input.timeZone),
    registrationDeadline: zonedInputToUtc(input.registrationDeadline, input.timeZone),
    // The optional texts are stored as '' when left empty (the columns are NOT NULL).
    ...blankWhenMissing(input, DAY_OPTIONAL_TEXTS),
  };
}

/** Moving one person to a team (or off every team). */
export const moveSchema = z.object({
  registrationId: field.line(80),
  teamId: field.line(80),
});

/** A field whose text is taken as it came (an absent or repeated field reads as empty). */
const postedText = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? value : ''));

/**
 * A team's meeting and roles: one `role:<registrationId>` field per member ("member" for none), the
 * meeting time as typed in the day's zone (empty for none) and the room (cut to 120 characters).
 */
export const teamSchema = z.preprocess(
  (raw) => {
    const values = raw as Record<string, unknown>;
    const roles = Object.entries(values).filter(
      ([name, value]) => name.startsWith('role:') && typeof value === 'string',
    );
    return {
      roles: Object.fromEntries(roles.map(([name, value]) => [name.slice('role:'.length), value])),
      meetingAt: values.meetingAt,
      room: values.room,
    };
  },
  z.object({
    roles: z
      .record(z.string(), z.enum([...TEAM_ROLES, 'member']))
      .transform(
        (roles) =>
          new Map(Object.entries(roles).map(([id, role]) => [id, role === 'member' ? null : role] as const)),
      ),
    meetingAt: postedText
      .transform((value) => value.trim())
      .refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value), {
        message: 'days.error.dateTime',
      }),
    room: postedText.transform((value) => value.trim().slice(0, 120) || null),
  }),
);

/** A seat to add a team for by hand: the chamber and the district number without leading zeros. */
export const addTeamSchema = z.object({
  chamber: z.enum(['upper', 'lower']),
  district: postedText
    .transform((value) => value.trim().replace(/^0+(?=\d)/, ''))
    .pipe(z.string().regex(/^[A-Za-z0-9-]{1,10}$/)),
});

/** The person a check-in button (or its undo) is for, and the search to show again. */
export const checkInPersonSchema = z.object({ registrationId: postedText, q: postedText });

/** Sending the report: `again` confirms a second send. */
export const reportSendSchema = z.object({
  again: z
    .unknown()
    .optional()
    .transform((value) => value === '1'),
});

/** Districts an organizer sets by hand when the geocoder could not. */
export const districtsSchema = z.object({
  upperDistrict: field.line(10).transform(withoutLeadingZeros),
  lowerDistrict: field.line(10).transform(withoutLeadingZeros),
});

/** "036" as 36; anything other than digits as it is. */
function withoutLeadingZeros(value: string): string {
  return /^\d+$/.test(value) ? String(Number(value)) : value;
}

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
