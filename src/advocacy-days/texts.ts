// The texts organizers write for a day exist in a main (English) version and an optional Spanish
// one (`<field>Es`). Every place that shows them to a participant, on a page or in an email, picks
// the version through `pick` (lib/bilingual.ts), so the fallback rule lives in one place.
import { pick } from '../lib/bilingual';
import type { Lang } from '../lib/i18n';
import type { AdvocacyDay } from './schema';

/** The organizer-written texts of a day that have a Spanish version (`<field>Es`). */
export const DAY_TEXT_FIELDS = [
  'title',
  'summary',
  'agenda',
  'whatToBring',
  'accessibility',
  'talkingPoints',
  'leaveBehind',
] as const;
/** One of the organizer-written texts of a day. */
export type DayTextField = (typeof DAY_TEXT_FIELDS)[number];

type DayTexts = Pick<AdvocacyDay, DayTextField | `${DayTextField}Es`>;

/** The non-empty, trimmed lines of a text (agenda items). */
export function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The day with each organizer-written text replaced by the version for `lang`, for code that takes
 * a whole day and shows its texts without markup (the calendar file and add-to-calendar links).
 */
export function localizedDay<Day extends DayTexts>(day: Day, lang: Lang): Day {
  const shown = { ...day };
  for (const field of DAY_TEXT_FIELDS) shown[field] = pick(day, field, lang).text;
  return shown;
}
