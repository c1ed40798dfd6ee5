import type { OpenActionsSource } from '../web/open-actions';
import { translator } from '../lib/i18n';
import { seatStatus } from './views/parts';
import { formatDayTimes } from './calendar';
import { registrationClosedReason, seatsLeft } from './decisions';
import { listUpcomingDaysWithCounts } from './queries/days';
import { pick } from '../lib/bilingual';

/** What this feature has open now, for the home page: days taking registrations, with seats left. */
export const advocacyDaysOpenActions: OpenActionsSource = async (db, lang) => {
  const t = translator(lang);
  const at = Date.now();
  const days = await listUpcomingDaysWithCounts(db, at);
  return days
    .filter((day) => registrationClosedReason(day, at) === null)
    .map((day) => {
      const left = seatsLeft(day.capacity, day.registered);
      return {
        kind: 'advocacy-day' as const,
        title: pick(day, 'title', lang).text,
        summary: `${formatDayTimes(lang, day)} · ${day.placeName}`,
        url: `/days/${encodeURIComponent(day.slug)}`,
        date: new Date(day.startsAt).toISOString(),
        status: seatStatus(t, lang, day, day),
        button: left > 0 ? t('days.page.submit') : t('days.page.joinWaitlist'),
        closesAt: day.registrationDeadline,
      };
    });
};
