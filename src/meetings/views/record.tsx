import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { TextArea, TextField, ErrorSummary } from '../../web/form';
import { formatDate } from '../../lib/i18n';
import { SavedNotice } from '../../web/ui/saved-notice';
import { officialPath, roleLabel } from '../../officials/links';
import { formatMeetingDate } from '../merge-data';
import { canDo } from '../status';
import { EmailText, OutcomeFacts, Progress, type MeetingPageProps } from './parts';
import { RecordForm } from './record-form';
import { Section } from '../../web/ui/section';

/** The sender's private page: where the meeting stands and the next step of the loop. */
export function MeetingPage(props: MeetingPageProps): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const m = props.meeting;
  const o = props.official;
  const base = `/meetings/m/${props.token}`;
  return (
    <>
      <h1>{t('meetings.record.title', { name: o.name })}</h1>
      <p>
        <a href={officialPath(o)}>{o.name}</a> · {roleLabel(t, o.chamber)}
        {o.district ? ` · ${t('officials.district', { district: o.district })}` : ''}
      </p>
      <p>
        <small>{t('meetings.record.privateNote')}</small>
      </p>
      {props.notice ? <SavedNotice>{t(props.notice)}</SavedNotice> : null}
      <Progress status={m.status} />

      {m.status === 'unconfirmed' ? (
        <Section id="confirm-heading" title={t('meetings.confirm.title')}>
          <p>{t('meetings.confirm.intro', { name: o.name })}</p>
          <EmailText subject={m.requestSubject} text={m.requestText} />
          <form method="post" action={`${base}/confirm`}>
            <button type="submit">{t('meetings.confirm.button')}</button>
          </form>
        </Section>
      ) : null}

      {m.confirmedAt && m.status !== 'unconfirmed' ? (
        <details>
          <summary>{t('meetings.record.requestSent', { date: formatDate(lang, m.confirmedAt) })}</summary>
          <EmailText subject={m.requestSubject} text={m.requestText} />
        </details>
      ) : null}

      {m.scheduledFor ? (
        <p>
          {t('meetings.record.scheduledFor', {
            date: formatMeetingDate(lang, m.scheduledFor),
            place: m.place ?? '',
          })}
        </p>
      ) : null}

      {canDo('schedule', m.status) ? (
        <section aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">
            {t(m.status === 'scheduled' ? 'meetings.schedule.change' : 'meetings.schedule.title')}
          </h2>
          {props.form === 'schedule' ? (
            <ErrorSummary
              errors={props.errors}
              labels={{ scheduledFor: t('meetings.field.scheduledFor'), place: t('meetings.field.place') }}
            />
          ) : null}
          <form method="post" action={`${base}/schedule`}>
            <div class="grid">
              <TextField
                name="scheduledFor"
                type="datetime-local"
                label={t('meetings.field.scheduledFor')}
                values={props.form === 'schedule' ? props.values : { scheduledFor: m.scheduledFor ?? '' }}
                errors={props.form === 'schedule' ? props.errors : undefined}
                required
              />
              <TextField
                name="place"
                label={t('meetings.field.place')}
                values={props.form === 'schedule' ? props.values : { place: m.place ?? '' }}
                errors={props.form === 'schedule' ? props.errors : undefined}
                maxlength={200}
                required
              />
            </div>
            <button type="submit">{t('meetings.schedule.button')}</button>
          </form>
        </section>
      ) : null}

      {canDo('sendAttendeeList', m.status) && props.attendeeList ? (
        <Section id="attendees-heading" title={t('meetings.attendees.title')}>
          <p>{t('meetings.attendees.intro')}</p>
          {m.attendeeListSentAt ? (
            <p class="notice">
              {t('meetings.attendees.sentAt', { date: formatDate(lang, m.attendeeListSentAt, true) })}
            </p>
          ) : null}
          <EmailText subject={props.attendeeList.subject} text={props.attendeeList.text} />
          <form method="post" action={`${base}/attendees`}>
            <button type="submit">{t('meetings.attendees.button')}</button>
          </form>
        </Section>
      ) : null}

      {canDo('record', m.status) ? <RecordForm {...props} action={`${base}/record`} /> : null}

      {props.commitments.length > 0 || m.heldOn ? (
        <Section id="outcome-heading" title={t('meetings.outcome.title')}>
          <dl>
            <OutcomeFacts meeting={m} />
          </dl>
          {props.commitments.length ? (
            <>
              <h3>{t('meetings.outcome.commitments')}</h3>
              <ul>
                {props.commitments.map((c) => (
                  <li>
                    {c.text}
                    {c.bill ? ` (${c.bill})` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Section>
      ) : null}

      {canDo('sendThanks', m.status) ? (
        <Section id="thanks-heading" title={t('meetings.thanks.title')}>
          <p>{t('meetings.thanks.intro')}</p>
          <p>
            <a href={`${base}/thanks`} role="button">
              {t('meetings.thanks.prepare')}
            </a>
          </p>
        </Section>
      ) : null}

      {m.thankedAt && m.thankYouSubject ? (
        <details>
          <summary>{t('meetings.thanks.sentAt', { date: formatDate(lang, m.thankedAt) })}</summary>
          <EmailText subject={m.thankYouSubject} text={m.thankYouText ?? ''} />
        </details>
      ) : null}

      {canDo('sendReport', m.status) ? (
        <Section id="report-heading" title={t('meetings.report.title')}>
          {m.reportBackSentAt ? (
            <p class="notice">
              {t('meetings.report.sentAt', { date: formatDate(lang, m.reportBackSentAt) })}
            </p>
          ) : (
            <>
              <p>{t(props.coalitionConfigured ? 'meetings.report.intro' : 'meetings.report.noCoalition')}</p>
              <p>
                <a href={`${base}/report`} role="button" class="secondary">
                  {t('meetings.report.prepare')}
                </a>
              </p>
            </>
          )}
        </Section>
      ) : null}

      {canDo('decline', m.status) ? (
        <details>
          <summary>{t('meetings.decline.title')}</summary>
          <form method="post" action={`${base}/decline`}>
            <TextArea
              name="note"
              label={t('meetings.field.declineNote')}
              values={props.form === 'decline' ? props.values : undefined}
              errors={props.form === 'decline' ? props.errors : undefined}
              rows={2}
              maxlength={1000}
            />
            <button type="submit" class="secondary">
              {t('meetings.decline.button')}
            </button>
          </form>
        </details>
      ) : null}

      {m.status === 'declined' && m.declineNote ? <p class="pre-line">{m.declineNote}</p> : null}
    </>
  );
}
