import type { Child } from 'hono/jsx';
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
      columns={[
        t('days.admin.day'),
        t('days.page.when'),
        t('days.admin.status'),
        t('days.admin.registeredCol'),
        t('days.admin.waitlistedCol'),
      ]}
      items={props.days}
      row={({ day, counts }) => (
        <tr>
          <td>
            <a href={dayAdminPath(day)}>{day.title}</a>
            {day.isDemo ? <span class="demo-label"> · {t('common.demo')}</span> : null}
          </td>
          <td>{formatInZone(lang, day.startsAt, day.timeZone, 'date')}</td>
          <td>
            <StatusLabel labels={DAY_STATUS_LABELS} status={day.status} />
          </td>
          <td>
            {formatNumber(lang, counts.registered)} / {formatNumber(lang, day.capacity)}
          </td>
          <td>{formatNumber(lang, counts.waitlisted)}</td>
        </tr>
      )}
    />
  );
}
