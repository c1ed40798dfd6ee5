// Pieces shared by the organizer pages of a day: its address, the links between its pages, the
// counts line and a person's districts.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import { formatNumber, type Lang, type Translate } from '../../../lib/i18n';
import { LinkBar } from '../../../web/nav';
import type { StatusLabels } from '../../../web/ui/status-label';
import type { DayCounts } from '../../queries/registrations';
import { isGathering } from '../../kinds';
import type { AdvocacyDay, Registration } from '../../schema';

/** The label of each state of a day (a state without one is a type error). */
export const DAY_STATUS_LABELS: StatusLabels<AdvocacyDay['status']> = {
  draft: 'days.admin.status.draft',
  published: 'days.admin.status.published',
};

/** The label of each state of a registration. */
export const REGISTRATION_STATUS_LABELS: StatusLabels<Registration['status']> = {
  registered: 'days.status.registered',
  waitlisted: 'days.status.waitlisted',
  cancelled: 'days.status.cancelled',
};

/** The organizer pages of a day live under this path. */
export function dayAdminPath(day: Pick<AdvocacyDay, 'id'>): string {
  return `/admin/days/${day.id}`;
}

/** The links between a day's organizer pages. */
export function DayNav(props: { day: AdvocacyDay }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const base = dayAdminPath(props.day);
  const gathering = isGathering(props.day);
  return (
    <LinkBar
      label={t('days.admin.dayNav')}
      links={[
        { href: base, label: t('days.admin.overview') },
        // A gathering has no teams, and no meetings to report back on.
        ...(gathering ? [] : [{ href: `${base}/teams`, label: t('days.admin.teams') }]),
        { href: `${base}/check-in`, label: t('days.admin.checkIn') },
        { href: `${base}/email`, label: t('days.admin.email') },
        ...(gathering ? [] : [{ href: `${base}/report`, label: t('days.admin.report') }]),
        { href: `${base}/edit`, label: t('common.edit') },
      ]}
    />
  );
}

/** The one line of a day's counts, on pages and in the live update (GET /admin/days/:id/counts). */
export function countsLine(t: Translate, lang: Lang, counts: DayCounts, capacity: number): string {
  const n = (value: number) => formatNumber(lang, value);
  return t('days.admin.counts', {
    registered: n(counts.registered),
    capacity: n(capacity),
    checkedIn: n(counts.checkedIn),
    waitlisted: n(counts.waitlisted),
  });
}

/**
 * Counts of a day. With `liveFrom`, public/app.js refreshes them from that URL every few seconds,
 * so a second phone at the door sees the first one's check-ins without reloading.
 */
export function Counts(props: { counts: DayCounts; capacity: number; liveFrom?: string }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <p class="notice" role="status" aria-live="polite" data-live-counts={props.liveFrom}>
      {countsLine(t, lang, props.counts, props.capacity)}
    </p>
  );
}

/** A person's districts, or that they are still to be found. */
export function districtsText(t: Translate, reg: Registration): string {
  if (reg.districtStatus === 'pending') return t('days.admin.districtsPending');
  return t('days.admin.districts', { upper: reg.upperDistrict ?? '–', lower: reg.lowerDistrict ?? '–' });
}
