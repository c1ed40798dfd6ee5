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
import { KIND_LABELS, type DaySection } from '../../kinds';

type Row = { day: AdvocacyDay; counts: DayCounts };

/** The organizer list of advocacy days, or of gatherings with their kind. */
export function AdminDaysList(props: {
  days: { day: AdvocacyDay; counts: DayCounts }[];
  section: DaySection;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const days = props.section === 'days';
  return (
    <AdminListPage
      title={t(days ? 'days.admin.title' : 'gatherings.admin.title')}
      intro={days ? undefined : t('gatherings.admin.intro')}
      action={
        days
          ? { href: '/admin/days/new', label: t('days.admin.newDay') }
          : { href: '/admin/gatherings/new', label: t('gatherings.admin.new') }
      }
      items={props.days}
      columns={[
        {
          label: t(days ? 'days.admin.day' : 'gatherings.admin.gathering'),
          cell: ({ day }) => (
            <>
              <a href={dayAdminPath(day)}>{day.title}</a>
              <DemoLabel of={day} inline />
            </>
          ),
        },
        ...(days
          ? []
          : [{ label: t('gatherings.admin.kind'), cell: ({ day }: Row) => t(KIND_LABELS[day.kind]) }]),
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
