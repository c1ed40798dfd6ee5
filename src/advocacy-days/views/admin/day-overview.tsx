import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { SavedNotice } from '../../../web/ui/saved-notice';
import { DataTable, type DataColumn } from '../../../web/ui/admin-list';
import { StatusLabel } from '../../../web/ui/status-label';
import type { AppEnv } from '../../../env';
import type { ScheduledSend } from '../../../email/schedule';
import { ScheduledSendsTable } from '../../../email/views/schedule';
import { formatDayTimes } from '../../calendar';
import type { DayCounts } from '../../queries/registrations';
import type { AdvocacyDay, Registration, Team } from '../../schema';
import { dayPath, isGathering, KIND_LABELS } from '../../kinds';
import { teamDisplayName } from '../../teams';
import { Counts, dayAdminPath, DayNav, districtsText, REGISTRATION_STATUS_LABELS } from './parts';
import { Section } from '../../../web/ui/section';

/** A day's overview: counts, links, registrations and districts to set by hand. */
export function DayOverview(props: {
  day: AdvocacyDay;
  counts: DayCounts;
  registrations: Registration[];
  teams: Map<string, Team>;
  scheduled: ScheduledSend[];
  now: number;
  notice?: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  // A gathering has no teams and asks for no address: nothing about districts is shown.
  const gathering = isGathering(day);
  const pending = gathering
    ? []
    : props.registrations.filter((r) => r.status !== 'cancelled' && r.districtStatus === 'pending');
  const teamColumns: DataColumn<Registration>[] = [
    { label: t('days.admin.districtsCol'), cell: (reg) => districtsText(t, reg) },
    {
      label: t('days.admin.team'),
      cell: (reg) => {
        const team = reg.teamId ? props.teams.get(reg.teamId) : undefined;
        const role = reg.teamRole ? ` · ${t(`days.role.${reg.teamRole}`)}` : '';
        return `${team ? teamDisplayName(lang, team) : '–'}${role}`;
      },
    },
    {
      label: t('days.admin.needs'),
      cell: (reg) =>
        [
          reg.needsInterpretation ? t('days.admin.interpretation') : '',
          reg.accessibilityNeeds ?? '',
          reg.dietaryNeeds ?? '',
          reg.ride === 'needs' ? t('days.ride.needs') : '',
          reg.ride === 'offers' ? t('days.admin.offersSeats', { seats: reg.rideSeats ?? 0 }) : '',
        ]
          .filter(Boolean)
          .join(' · '),
    },
  ];
  return (
    <>
      <DayNav day={day} />
      <hgroup>
        <h1>{day.title}</h1>
        <p>
          {gathering ? `${t(KIND_LABELS[day.kind])} · ` : ''}
          {formatDayTimes(lang, day)} · {day.placeName} ·{' '}
          <a href={dayPath(day)}>{t('days.admin.publicPage')}</a>
        </p>
      </hgroup>
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <Counts counts={props.counts} capacity={day.capacity} />
      <p>
        <a href={`${dayAdminPath(day)}/registrations.csv`}>{t('common.downloadCsv')}</a>
        {gathering ? null : (
          <>
            {' · '}
            <a href={`${dayAdminPath(day)}/packets`}>{t('days.admin.allPackets')}</a>
          </>
        )}
      </p>
      <Section id="scheduled-heading" title={t('days.schedule.heading')}>
        <p>
          {t('days.schedule.intro')} <a href="/admin/outbox#scheduled">{t('days.schedule.outboxLink')}</a>
        </p>
        <ScheduledSendsTable sends={props.scheduled} now={props.now} />
      </Section>
      {pending.length ? (
        <Section id="pending-heading" title={t('days.admin.pendingTitle')}>
          <p>{t('days.admin.pendingIntro')}</p>
          {pending.map((reg) => (
            <form
              method="post"
              action={`${dayAdminPath(day)}/registrations/${reg.id}/districts`}
              class="inline-form"
            >
              <fieldset class="grid">
                <legend>
                  {reg.name} {reg.address ? `· ${reg.address}` : ''}
                </legend>
                <label>
                  {t('days.admin.upperDistrict')}
                  <input name="upperDistrict" required maxlength={10} inputmode="numeric" />
                </label>
                <label>
                  {t('days.admin.lowerDistrict')}
                  <input name="lowerDistrict" required maxlength={10} inputmode="numeric" />
                </label>
                <button type="submit">{t('common.save')}</button>
              </fieldset>
            </form>
          ))}
        </Section>
      ) : null}
      <h2>{t('days.admin.registrations')}</h2>
      <DataTable
        items={props.registrations}
        columns={[
          { label: '#', cell: (reg) => reg.seq },
          {
            label: t('days.field.name'),
            cell: (reg) =>
              `${reg.name}${reg.faithRole === 'clergy' ? ` (${t('days.faithRole.clergy')})` : ''}`,
          },
          {
            label: t('days.admin.status'),
            cell: (reg) => (
              <>
                <StatusLabel labels={REGISTRATION_STATUS_LABELS} status={reg.status} />
                {reg.checkedInAt ? ` · ${t('days.admin.checkedIn')}` : ''}
              </>
            ),
          },
          ...(gathering ? [] : teamColumns),
        ]}
      />
    </>
  );
}
