import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { SavedNotice } from '../../../web/ui/saved-notice';
import type { AppEnv } from '../../../env';
import { formatNumber } from '../../../lib/i18n';
import { formatInZone, googleCalendarUrl, outlookCalendarUrl } from '../../calendar';
import type { AdvocacyDay, Registration, Team } from '../../schema';
import { teamDisplayName } from '../../teams';
import { dayPath, isGathering } from '../../kinds';
import { localizedDay } from '../../texts';
import { DayDetails, DayTextTag } from '../parts';
import { Section } from '../../../web/ui/section';

/** A registration's private page: status, check-in code and QR, team and role, calendar, cancel. */
export function PrivatePage(props: {
  day: AdvocacyDay;
  registration: Registration;
  position: number | null;
  team: Team | null;
  qrDataUrl: string | null;
  token: string;
  dayUrl: string;
  /** The day (or the person's meeting) has begun: debrief instead of change or cancel. */
  started: boolean;
  notice?: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day, registration: reg, team } = props;
  const base = `/days/r/${props.token}`;
  const gathering = isGathering(day);
  return (
    <article>
      <hgroup>
        <DayTextTag day={day} field="title" as="h1" />
        <p>{t('days.private.hello', { name: reg.name })}</p>
      </hgroup>
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      {reg.holdExpiresAt && reg.status !== 'cancelled' ? (
        <section aria-labelledby="hold-heading" class="notice">
          <h2 id="hold-heading">{t('days.private.holdTitle')}</h2>
          <p>
            {t('days.private.holdBody', {
              time: formatInZone(lang, reg.holdExpiresAt, day.timeZone, 'dateTime'),
            })}
          </p>
          <form method="post" action={`${base}/confirm`}>
            <button type="submit">{t('days.private.confirmButton')}</button>
          </form>
        </section>
      ) : null}
      <p class="notice">
        <strong>
          {reg.status === 'registered'
            ? t(gathering ? 'gatherings.private.registered' : 'days.private.registered')
            : reg.status === 'waitlisted'
              ? t('days.private.waitlisted', { position: formatNumber(lang, props.position ?? 0) })
              : t('days.private.cancelled')}
        </strong>
      </p>
      {reg.status === 'registered' ? (
        <Section id="check-in-heading" title={t('days.private.checkInTitle')}>
          <p>{t('days.private.checkInBody')}</p>
          <p class="check-in-code">
            <span>{t('days.private.code')}</span> <strong>{reg.checkInCode}</strong>
          </p>
          {props.qrDataUrl ? (
            <img
              src={props.qrDataUrl}
              alt={t('days.private.qrAlt', { code: reg.checkInCode })}
              width="220"
              height="220"
            />
          ) : null}
          {reg.checkedInAt ? <p>{t('days.private.checkedIn')}</p> : null}
        </Section>
      ) : null}
      {reg.status === 'registered' && !gathering ? (
        <Section id="team-heading" title={t('days.private.teamTitle')}>
          {team ? (
            <p>
              {t('days.private.team', { legislator: teamDisplayName(lang, team) })}
              {team.meetingAt ? (
                <>
                  <br />
                  {t('days.private.meeting', {
                    time: formatInZone(lang, team.meetingAt, day.timeZone, 'time'),
                  })}
                  {team.room ? ` · ${t('days.private.room', { room: team.room })}` : ''}
                </>
              ) : null}
              {reg.teamRole ? (
                <>
                  <br />
                  <strong>{t('days.private.role', { role: t(`days.role.${reg.teamRole}`) })}</strong> —{' '}
                  {t(`days.roleHelp.${reg.teamRole}`)}
                </>
              ) : null}
            </p>
          ) : (
            <p>
              {reg.districtStatus === 'pending'
                ? t('days.private.districtsPending')
                : t('days.private.noTeamYet')}
            </p>
          )}
        </Section>
      ) : null}
      <DayDetails day={day} />
      {reg.status === 'registered' ? (
        <Section id="calendar-heading" title={t('days.private.calendarTitle')}>
          <ul>
            <li>
              <a href={`${base}/calendar.ics`}>{t('days.private.ics')}</a>
            </li>
            <li>
              <a href={googleCalendarUrl(localizedDay(day, lang), props.dayUrl)}>
                {t('days.private.google')}
              </a>
            </li>
            <li>
              <a href={outlookCalendarUrl(localizedDay(day, lang), props.dayUrl)}>
                {t('days.private.outlook')}
              </a>
            </li>
          </ul>
        </Section>
      ) : null}
      {props.started && reg.status === 'registered' && !gathering ? (
        <p>
          <a href={`${base}/debrief`}>{t('days.private.debriefLink')}</a>
        </p>
      ) : null}
      {reg.status !== 'cancelled' && !props.started ? (
        <Section id="change-heading" title={t('days.private.changeTitle')}>
          <p>
            <a href={`${base}/change`}>{t('days.private.changeLink')}</a>
          </p>
          <form method="post" action={`${base}/cancel`}>
            <p>{reg.status === 'registered' ? t('days.private.cancelBody') : t('days.private.leaveBody')}</p>
            <button type="submit" class="secondary">
              {reg.status !== 'registered'
                ? t('days.private.leaveButton')
                : t(gathering ? 'gatherings.private.cancelButton' : 'days.private.cancelButton')}
            </button>
          </form>
        </Section>
      ) : null}
      {reg.status === 'cancelled' && reg.holdExpiresAt ? <p>{t('days.private.released')}</p> : null}
      {reg.status === 'cancelled' ? (
        <p>
          <a href={dayPath(day)}>
            {t(gathering ? 'gatherings.private.again' : 'days.private.registerAgain')}
          </a>
        </p>
      ) : null}
    </article>
  );
}
