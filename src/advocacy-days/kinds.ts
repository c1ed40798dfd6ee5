// Advocacy days and gatherings share one table and one machinery (seats, waitlist, emails, calendar,
// check-in, the API's events); these plain functions say where they differ: the public address,
// the words, and whether teams and districts exist at all.
import type { MessageKey } from '../lib/i18n';
import { DAY_KINDS, type AdvocacyDay, type DayKind } from './schema';

/** The kinds of gathering, in the toolkit's order of escalation (everything but an advocacy day). */
export const GATHERING_KINDS = DAY_KINDS.filter(
  (kind): kind is Exclude<DayKind, 'advocacy_day'> => kind !== 'advocacy_day',
) as [Exclude<DayKind, 'advocacy_day'>, ...Exclude<DayKind, 'advocacy_day'>[]];
/** A kind of gathering. */
export type GatheringKind = (typeof GATHERING_KINDS)[number];

/** True for a vigil, rally, forum, listening session or training: no teams, districts or packets. */
export function isGathering(day: Pick<AdvocacyDay, 'kind'>): boolean {
  return day.kind !== 'advocacy_day';
}

/** The public section a day lives in: /days for advocacy days, /gatherings for the others. */
export type DaySection = 'days' | 'gatherings';

/** The section of a day's public pages. */
export function sectionOf(day: Pick<AdvocacyDay, 'kind'>): DaySection {
  return isGathering(day) ? 'gatherings' : 'days';
}

/** A day's public page: /days/:slug, or /gatherings/:slug for a gathering. */
export function dayPath(day: Pick<AdvocacyDay, 'kind' | 'slug'>): string {
  return `/${sectionOf(day)}/${encodeURIComponent(day.slug)}`;
}

/** The name of a kind ("Vigil", "Vigilia"), for pages, emails and lists. */
export const KIND_LABELS: Record<DayKind, MessageKey> = {
  advocacy_day: 'gatherings.kind.advocacy_day',
  vigil: 'gatherings.kind.vigil',
  rally: 'gatherings.kind.rally',
  forum: 'gatherings.kind.forum',
  listening_session: 'gatherings.kind.listening_session',
  training: 'gatherings.kind.training',
};

/** The words of a day's pages that differ for a gathering ("RSVP", "places" rather than "Register", "seats"). */
export interface DayWords {
  preview: MessageKey;
  status: MessageKey;
  register: MessageKey;
  submit: MessageKey;
  left: MessageKey;
  waitlistNext: MessageKey;
  full: MessageKey;
  deadline: MessageKey;
  closed: Record<'draft' | 'deadline' | 'past', MessageKey>;
}

const DAY_WORDS: DayWords = {
  preview: 'days.page.preview',
  status: 'days.page.status',
  register: 'days.page.register',
  submit: 'days.page.submit',
  left: 'days.page.seatsLeft',
  waitlistNext: 'days.page.waitlistNext',
  full: 'days.page.full',
  deadline: 'days.page.deadline',
  closed: { draft: 'days.closed.draft', deadline: 'days.closed.deadline', past: 'days.closed.past' },
};

const GATHERING_WORDS: DayWords = {
  preview: 'gatherings.page.preview',
  status: 'gatherings.page.status',
  register: 'gatherings.page.rsvp',
  submit: 'gatherings.page.submit',
  left: 'gatherings.page.placesLeft',
  waitlistNext: 'gatherings.page.waitlistNext',
  full: 'gatherings.page.full',
  deadline: 'gatherings.page.deadline',
  closed: {
    draft: 'gatherings.closed.draft',
    deadline: 'gatherings.closed.deadline',
    past: 'gatherings.closed.past',
  },
};

/** The words of a day's pages for its kind. */
export function dayWords(day: Pick<AdvocacyDay, 'kind'>): DayWords {
  return isGathering(day) ? GATHERING_WORDS : DAY_WORDS;
}

/** The name of the calendar file of a day. */
export function calendarFileName(day: Pick<AdvocacyDay, 'kind'>): string {
  return isGathering(day) ? 'gathering.ics' : 'advocacy-day.ics';
}

/** The cached public pages that show a day or gathering and its seats (purged when they change). */
export function pagesShowingDay(day: Pick<AdvocacyDay, 'kind' | 'slug'>): string[] {
  return [dayPath(day), `/${sectionOf(day)}`, '/'];
}
