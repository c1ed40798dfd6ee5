import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { StatusLabel } from '../../../web/ui/status-label';
import type { AppEnv } from '../../../env';
import { TextField } from '../../../web/form';
import { formatInZone } from '../../calendar';
import type { CheckInEvent } from '../../queries/check-in';
import type { DayCounts } from '../../queries/registrations';
import type { AdvocacyDay, Registration } from '../../schema';
import { Counts, dayAdminPath, DayNav, REGISTRATION_STATUS_LABELS } from './parts';
import { Section } from '../../../web/ui/section';

/** The undo button of one person's check-in. */
function UndoCheckIn(props: {
  day: AdvocacyDay;
  registration: Pick<Registration, 'id' | 'name'>;
  query?: string;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <form method="post" action={`${dayAdminPath(props.day)}/check-in/undo`} class="inline-form">
      <input type="hidden" name="registrationId" value={props.registration.id} />
      <input type="hidden" name="q" value={props.query ?? ''} />
      <button type="submit" class="secondary outline">
        {t('days.checkIn.undo', { name: props.registration.name })}
      </button>
    </form>
  );
}

/** The check-in page for phones: live counts, a code form, a name search, one button per person. */
export function CheckInPage(props: {
  day: AdvocacyDay;
  counts: DayCounts;
  query: string;
  code: string;
  results: Registration[];
  recent: CheckInEvent[];
  notice?: string;
  undoable?: Registration;
  notFound?: boolean;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  return (
    <>
      <DayNav day={day} />
      <h1>{t('days.checkIn.title')}</h1>
      <Counts counts={props.counts} capacity={day.capacity} liveFrom={`${dayAdminPath(day)}/counts`} />
      {props.notice ? (
        <div class="notice" role="status">
          <p>{props.notice}</p>
          {props.undoable ? (
            <UndoCheckIn day={day} registration={props.undoable} query={props.query} />
          ) : null}
        </div>
      ) : null}
      {props.notFound ? (
        <p class="field-error" role="alert">
          {t('days.checkIn.notFound')}
        </p>
      ) : null}
      <form method="post" action={`${dayAdminPath(day)}/check-in/code`}>
        <TextField
          name="code"
          label={t('days.checkIn.code')}
          hint={t('days.checkIn.codeHint')}
          autocomplete="off"
          maxlength={20}
          value={props.code}
        />
        <button type="submit">{t('days.checkIn.codeButton')}</button>
      </form>
      <form method="get" action={`${dayAdminPath(day)}/check-in`} role="search">
        <TextField
          name="q"
          type="search"
          label={t('days.checkIn.search')}
          hint={t('common.searchHint')}
          value={props.query}
          maxlength={80}
        />
        <button type="submit" class="secondary">
          {t('common.search')}
        </button>
      </form>
      <ul class="check-in-list">
        {props.results.map((reg) => (
          <li>
            <strong>{reg.name}</strong>
            {reg.congregation ? ` · ${reg.congregation}` : ''} ·{' '}
            <StatusLabel labels={REGISTRATION_STATUS_LABELS} status={reg.status} />
            {reg.status === 'registered' ? (
              reg.checkedInAt ? (
                <>
                  <p>✓ {t('days.admin.checkedIn')}</p>
                  <UndoCheckIn day={day} registration={reg} query={props.query} />
                </>
              ) : (
                <form method="post" action={`${dayAdminPath(day)}/check-in`}>
                  <input type="hidden" name="registrationId" value={reg.id} />
                  <input type="hidden" name="q" value={props.query} />
                  <button type="submit">{t('days.checkIn.button', { name: reg.name })}</button>
                </form>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {props.recent.length ? (
        <Section id="recent-heading" title={t('days.checkIn.recent')}>
          <ul>
            {props.recent.map((event) => (
              <li>
                {formatInZone(lang, event.at, day.timeZone, 'time')} ·{' '}
                {t(event.action === 'undo' ? 'days.checkIn.eventUndo' : 'days.checkIn.eventCheckIn', {
                  name: event.name,
                })}
                {event.organizerName ? ` · ${t('days.checkIn.by', { name: event.organizerName })}` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
