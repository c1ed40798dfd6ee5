import type { Db } from '../db';
import type { OpenAction, OpenActionsSource } from '../web/open-actions';
import { translator, type Lang } from '../lib/i18n';
import { seatStatus } from './views/parts';
import { formatDayTimes } from './calendar';
import { registrationClosedReason, seatsLeft } from './decisions';
import { dayPath, dayWords, isGathering, KIND_LABELS, type DaySection } from './kinds';
import { listUpcomingDaysWithCounts } from './queries/days';
import { pick } from '../lib/bilingual';

/** The days of a section taking registrations now, with places left, as open actions of a kind. */
async function openDays(
  db: Db,
  lang: Lang,
  section: DaySection,
  kind: OpenAction['kind'],
): Promise<OpenAction[]> {
  const t = translator(lang);
  const at = Date.now();
  const days = await listUpcomingDaysWithCounts(db, at, section);
  return days
    .filter((day) => registrationClosedReason(day, at) === null)
    .map((day) => {
      const left = seatsLeft(day.capacity, day.registered);
      return {
        kind,
        kindLabel: isGathering(day) ? t(KIND_LABELS[day.kind]) : undefined,
        ref: { kind: 'day' as const, id: day.id },
        title: pick(day, 'title', lang).text,
        summary: `${formatDayTimes(lang, day)} · ${day.placeName}`,
        url: dayPath(day),
        date: new Date(day.startsAt).toISOString(),
        status: seatStatus(t, lang, day, day),
        button: left > 0 ? t(dayWords(day).submit) : t('days.page.joinWaitlist'),
        closesAt: day.registrationDeadline,
      };
    });
}

/** What this feature has open now, for the home page: days taking registrations, with seats left. */
export const advocacyDaysOpenActions: OpenActionsSource = (db, lang) =>
  openDays(db, lang, 'days', 'advocacy-day');

/** Gatherings taking RSVPs now, with places left, for the home page. */
export const gatheringsOpenActions: OpenActionsSource = (db, lang) =>
  openDays(db, lang, 'gatherings', 'gathering');
