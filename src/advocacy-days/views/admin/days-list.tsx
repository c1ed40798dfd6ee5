import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../../web/ui/demo-label';
import { useRequestContext } from 'hono/jsx-renderer';
import { AdminListPage } from '../../../web/ui/admin-list';
import { StatusLabel } from '../../../web/ui/status-label';
import type { AppEnv } from '../../../env';
import { formatNumber } from '../../../lib/i18n';
import { formatInZone } from '../../calendar';
import type { DayCounts } from '../../queries/registrations';
import type { AdvocacyDay } from '../../schema';
import { DAY_STATUS_LABELS, dayAdminPath } from './parts';

/** The organizer list of days. */
export function AdminDaysList(props: { days: { day: AdvocacyDay; counts: DayCounts }[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <AdminListPage
      title={t('days.admin.title')}
      action={{ href: '/admin/days/new', label: t('days.admin.newDay') }}
      items={props.days}
      columns={[
        {
          label: t('days.admin.day'),
          cell: ({ day }) => (
            <>
              <a href={dayAdminPath(day)}>{day.title}</a>
              <DemoLabel of={day} inline />
            </>
          ),
        },
        {
          label: t('days.page.when'),
          cell: ({ day }) => formatInZone(lang, day.startsAt, day.timeZone, 'date'),
        },
        {
          label: t('days.admin.status'),
          cell: ({ day }) => <StatusLabel labels={DAY_STATUS_LABELS} status={day.status} />,
        },
        {
          label: t('days.admin.registeredCol'),
          cell: ({ day, counts }) =>
            `${formatNumber(lang, counts.registered)} / ${formatNumber(lang, day.capacity)}`,
        },
        { label: t('days.admin.waitlistedCol'), cell: ({ counts }) => formatNumber(lang, counts.waitlisted) },
      ]}
    />
  );
}
