import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { ItemList } from '../../../web/ui/item-list';
import { SavedNotice } from '../../../web/ui/saved-notice';
import type { AppEnv } from '../../../env';
import { formatNumber } from '../../../lib/i18n';
import { formatInZone } from '../../calendar';
import type { DayReport } from '../../debriefs';
import type { AdvocacyDay } from '../../schema';
import { DayNav, dayAdminPath } from './parts';

/** The report: attendance, meetings per legislator, commitments, follow-ups due, report-back button. */
export function ReportPage(props: {
  day: AdvocacyDay;
  report: DayReport;
  coalitionEmail: string;
  notice?: string;
  /** The organizer pressed "send" on a report already sent: ask before sending it again. */
  confirmResend?: boolean;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day, report } = props;
  const n = (value: number) => formatNumber(lang, value);
  return (
    <>
      <DayNav day={day} />
      <h1>{t('days.report.title', { title: day.title })}</h1>
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <h2>{t('days.report.attendance')}</h2>
      <p>
        {t('days.report.attendanceLine', {
          checkedIn: n(report.counts.checkedIn),
          registered: n(report.counts.registered),
          waitlisted: n(report.counts.waitlisted),
          cancelled: n(report.counts.cancelled),
        })}
      </p>
      <h2>{t('days.report.meetings')}</h2>
      <ItemList
        items={report.meetings}
        none={t('days.report.noDebriefs')}
        item={(meeting) => (
          <>
            {meeting.label}: {t('days.report.debriefCount', { count: n(meeting.debriefs) })} ·{' '}
            {meeting.stances.map((stance) => t(`days.stance.${stance}`)).join(', ')}
          </>
        )}
      />
      <h2>{t('days.report.commitments')}</h2>
      <ItemList items={report.commitments} none={t('common.none')} item={LabelledLine} />
      <h2>{t('days.report.followUps')}</h2>
      <ItemList
        items={report.followUps}
        none={t('common.none')}
        item={(item) => (
          <>
            {LabelledLine(item)}{' '}
            {item.done ? (
              <span class="badge">{t('days.report.done')}</span>
            ) : (
              <form
                method="post"
                action={`${dayAdminPath(day)}/debriefs/${item.id}/follow-up-done`}
                class="inline-form"
              >
                <button type="submit" class="secondary">
                  {t('days.report.markDone')}
                </button>
              </form>
            )}
          </>
        )}
      />
      <ReportSendForm day={day} coalitionEmail={props.coalitionEmail} confirmResend={props.confirmResend} />
    </>
  );
}

/** "Label: text", the way the report lists commitments and follow-ups. */
function LabelledLine(item: { label: string; text: string }): Child {
  return (
    <>
      <strong>{item.label}:</strong> {item.text}
    </>
  );
}

/** "Sent on … to …", and the send button; a second send needs an explicit confirmation. */
function ReportSendForm(props: { day: AdvocacyDay; coalitionEmail: string; confirmResend?: boolean }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  const action = `${dayAdminPath(day)}/report/send`;
  const sentLine = day.reportSentAt
    ? t('days.report.sentOnTo', {
        date: formatInZone(lang, day.reportSentAt, day.timeZone),
        email: day.reportSentTo ?? props.coalitionEmail,
      })
    : null;
  if (props.confirmResend && day.reportSentAt) {
    return (
      <section aria-labelledby="confirm-heading" class="confirm-box" id="send">
        <h2 id="confirm-heading">{t('days.report.confirmTitle')}</h2>
        <p role="alert">{sentLine}</p>
        <p>{t('days.report.confirmQuestion', { email: props.coalitionEmail })}</p>
        <form method="post" action={action}>
          <input type="hidden" name="again" value="1" />
          <button type="submit">{t('days.report.sendAgain')}</button>{' '}
          <a href={`${dayAdminPath(day)}/report`} role="button" class="secondary">
            {t('common.cancel')}
          </a>
        </form>
      </section>
    );
  }
  return (
    <form method="post" action={action} id="send">
      <p>
        {props.coalitionEmail
          ? t('days.report.sendIntro', { email: props.coalitionEmail })
          : t('days.report.noCoalitionEmail')}
      </p>
      {sentLine ? (
        <p class="notice">
          <strong>{sentLine}</strong>
        </p>
      ) : null}
      <button type="submit" disabled={!props.coalitionEmail}>
        {t(day.reportSentAt ? 'days.report.sendAgainAsk' : 'days.report.send')}
      </button>
    </form>
  );
}
