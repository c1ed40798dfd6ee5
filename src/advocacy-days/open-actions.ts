import type { OpenActionsSource } from '../web/open-actions';
import { formatDayTimes } from './calendar';
import { registrationClosedReason } from './decisions';
import { listUpcomingDays } from './queries/days';
import { pick } from '../lib/bilingual';

/** What this feature has open now, for the home page: days taking registrations. */
export const advocacyDaysOpenActions: OpenActionsSource = async (db, lang) => {
  const at = Date.now();
  const days = await listUpcomingDays(db, at);
  return days
    .filter((day) => registrationClosedReason(day, at) === null)
    .map((day) => ({
      kind: 'advocacy-day' as const,
      title: pick(day, 'title', lang).text,
      summary: `${formatDayTimes(lang, day)} · ${day.placeName}`,
      url: `/days/${encodeURIComponent(day.slug)}`,
      date: new Date(day.startsAt).toISOString(),
    }));
};
