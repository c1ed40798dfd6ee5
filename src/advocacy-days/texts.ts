// The texts organizers write for a day exist in a main (English) version and an optional Spanish
// one. Every place that shows them to a participant, on a page or in an email, picks the version
// through `dayText`, so the fallback rule lives in one place.
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
export type DayTextField = (typeof DAY_TEXT_FIELDS)[number];

/** The language the main version of a day's texts is written in. */
export const MAIN_TEXT_LANG: Lang = 'en';

/** A text and the language it is actually in (which differs from the reader's on a fallback). */
export interface LocalizedText {
  text: string;
  lang: Lang;
}

type DayTexts = Pick<AdvocacyDay, DayTextField | `${DayTextField}Es`>;

/**
 * A day's text for a reader of `lang`: the version in their language when it was written, else
 * the other one (so a Spanish reader never gets an empty section when only English exists, nor the
 * reverse), with the language of what is returned, for a `lang` attribute.
 */
export function dayText(day: DayTexts, field: DayTextField, lang: Lang): LocalizedText {
  const main = day[field];
  const spanish = day[`${field}Es`];
  if (lang === 'es' && spanish.trim()) return { text: spanish, lang: 'es' };
  if (main.trim() || !spanish.trim()) return { text: main, lang: MAIN_TEXT_LANG };
  return { text: spanish, lang: 'es' };
}

/** The `lang` attribute a block needs: set only when its text is not in the page's language. */
export function langAttribute(text: LocalizedText, pageLang: Lang): Lang | undefined {
  return text.lang === pageLang ? undefined : text.lang;
}

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
  for (const field of DAY_TEXT_FIELDS) shown[field] = dayText(day, field, lang).text;
  return shown;
}
