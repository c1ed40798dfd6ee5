import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import {
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../web/form';
import { formatDate, type MessageKey } from '../../lib/i18n';
import { officialPath, roleLabel, stanceLabel } from '../../officials/links';
import { STANCES, type Official } from '../../officials/schema';
import { formatMeetingDate } from '../merge-data';
import type { BillChoice } from '../queries';
import type { Meeting, MeetingCommitment, MeetingStatus } from '../schema';
import { canDo } from '../status';

/** A commitment as pages show it. */
export type CommitmentView = MeetingCommitment & { bill: string | null };

/** The i18n key of a status. */
export function statusKey(status: MeetingStatus): MessageKey {
  return `meetings.status.${status}` as MessageKey;
}

const STEPS: MeetingStatus[] = ['requested', 'scheduled', 'held', 'thanked'];

function Progress(props: { status: MeetingStatus }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  if (props.status === 'declined' || props.status === 'unconfirmed') {
    return (
      <p class="meeting-status">
        <strong>{t(statusKey(props.status))}</strong>
      </p>
    );
  }
  const current = STEPS.indexOf(props.status);
  return (
    <ol class="steps" aria-label={t('meetings.record.progress')}>
      {STEPS.map((step, index) => (
        <li
          aria-current={index === current ? 'step' : undefined}
          class={index <= current ? 'done' : undefined}
        >
          {t(statusKey(step))}
        </li>
      ))}
    </ol>
  );
}

function EmailText(props: { subject: string; text: string }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <div class="email-preview">
      <p>
        <strong>{t('meetings.field.subject')}:</strong> {props.subject}
      </p>
      <pre class="pre-wrap">{props.text}</pre>
    </div>
  );
}

/** Everything the private page needs. */
export interface MeetingPageProps {
  meeting: Meeting;
  official: Official;
  commitments: CommitmentView[];
  bills: BillChoice[];
  /** The attendee-list email as it would go now (scheduled meetings). */
  attendeeList: { subject: string; text: string } | null;
  token: string;
  notice?: MessageKey | null;
  values?: FormValues;
  errors?: FormErrors;
  /** Which form the values and errors belong to. */
  form?: 'schedule' | 'record' | 'decline';
  coalitionConfigured: boolean;
}

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
      {props.notice ? (
        <p role="status" class="notice">
          {t(props.notice)}
        </p>
      ) : null}
      <Progress status={m.status} />

      {m.status === 'unconfirmed' ? (
        <section aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">{t('meetings.confirm.title')}</h2>
          <p>{t('meetings.confirm.intro', { name: o.name })}</p>
          <EmailText subject={m.requestSubject} text={m.requestText} />
          <form method="post" action={`${base}/confirm`}>
            <button type="submit">{t('meetings.confirm.button')}</button>
          </form>
        </section>
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
        <section aria-labelledby="attendees-heading">
          <h2 id="attendees-heading">{t('meetings.attendees.title')}</h2>
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
        </section>
      ) : null}

      {canDo('record', m.status) ? <RecordForm {...props} action={`${base}/record`} /> : null}

      {props.commitments.length > 0 || m.heldOn ? (
        <section aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">{t('meetings.outcome.title')}</h2>
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
        </section>
      ) : null}

      {canDo('sendThanks', m.status) ? (
        <section aria-labelledby="thanks-heading">
          <h2 id="thanks-heading">{t('meetings.thanks.title')}</h2>
          <p>{t('meetings.thanks.intro')}</p>
          <p>
            <a href={`${base}/thanks`} role="button">
              {t('meetings.thanks.prepare')}
            </a>
          </p>
        </section>
      ) : null}

      {m.thankedAt && m.thankYouSubject ? (
        <details>
          <summary>{t('meetings.thanks.sentAt', { date: formatDate(lang, m.thankedAt) })}</summary>
          <EmailText subject={m.thankYouSubject} text={m.thankYouText ?? ''} />
        </details>
      ) : null}

      {canDo('sendReport', m.status) ? (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">{t('meetings.report.title')}</h2>
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
        </section>
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

function RecordForm(props: MeetingPageProps & { action: string }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const m = props.meeting;
  const defaults: FormValues = {
    heldOn: m.heldOn ?? (m.scheduledFor ?? new Date().toISOString()).slice(0, 10),
    stancePerceived: m.stancePerceived ?? 'unknown',
    nextSteps: m.nextSteps ?? '',
    debriefNotes: m.debriefNotes ?? '',
  };
  props.commitments.slice(0, 3).forEach((c, index) => {
    defaults[`commitment${index + 1}`] = c.text;
    defaults[`bill${index + 1}`] = c.billId ?? '';
    defaults[`followUp${index + 1}`] = c.followUpOn ?? '';
  });
  const values = props.form === 'record' ? props.values : defaults;
  const errors = props.form === 'record' ? props.errors : undefined;
  const billOptions = props.bills.map(
    (bill) => [bill.id, `${bill.identifier}: ${bill.title}`.slice(0, 90)] as const,
  );
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">
        {t(m.status === 'held' ? 'meetings.outcome.edit' : 'meetings.outcome.record')}
      </h2>
      <p>{t('meetings.outcome.intro')}</p>
      <ErrorSummary
        errors={errors}
        labels={{
          heldOn: t('meetings.field.heldOn'),
          stancePerceived: t('meetings.field.stancePerceived'),
          commitment1: t('meetings.field.commitment', { n: 1 }),
          commitment2: t('meetings.field.commitment', { n: 2 }),
          commitment3: t('meetings.field.commitment', { n: 3 }),
        }}
      />
      <form method="post" action={props.action}>
        <div class="grid">
          <TextField
            name="heldOn"
            type="date"
            label={t('meetings.field.heldOn')}
            values={values}
            errors={errors}
            required
          />
          <SelectField
            name="stancePerceived"
            label={t('meetings.field.stancePerceived')}
            values={values}
            errors={errors}
            options={STANCES.map((s) => [s, stanceLabel(t, s)] as const)}
            required
          />
        </div>
        {[1, 2, 3].map((n) => (
          <fieldset>
            <legend>{t('meetings.field.commitment', { n })}</legend>
            <TextArea
              name={`commitment${n}`}
              label={t('meetings.field.commitmentText')}
              values={values}
              errors={errors}
              rows={2}
              maxlength={500}
            />
            <div class="grid">
              {billOptions.length ? (
                <SelectField
                  name={`bill${n}`}
                  label={t('meetings.field.bill')}
                  values={values}
                  errors={errors}
                  options={billOptions}
                  placeholder={t('common.none')}
                />
              ) : null}
              <TextField
                name={`followUp${n}`}
                type="date"
                label={t('meetings.field.followUpOn')}
                values={values}
                errors={errors}
              />
            </div>
          </fieldset>
        ))}
        <TextArea
          name="nextSteps"
          label={t('meetings.field.nextSteps')}
          values={values}
          errors={errors}
          rows={3}
          maxlength={2000}
        />
        <TextArea
          name="debriefNotes"
          label={t('meetings.field.debriefNotes')}
          hint={t('meetings.field.debriefNotesHint')}
          values={values}
          errors={errors}
          rows={4}
          maxlength={4000}
        />
        <button type="submit">{t('meetings.outcome.button')}</button>
      </form>
    </section>
  );
}

/** The thank-you or report-back, prepared from the template, for the sender to edit and send. */
export function EditEmailPage(props: {
  kind: 'thanks' | 'report';
  official: Official;
  to: string;
  replyTo: string;
  token: string;
  values: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const title = t(props.kind === 'thanks' ? 'meetings.thanks.title' : 'meetings.report.title');
  return (
    <>
      <h1>{title}</h1>
      <p>{t(props.kind === 'thanks' ? 'meetings.thanks.editIntro' : 'meetings.report.editIntro')}</p>
      <ErrorSummary
        errors={props.errors}
        labels={{ subject: t('meetings.field.subject'), body: t('meetings.field.body') }}
      />
      <dl class="email-headers">
        <dt>{t('meetings.preview.to')}</dt>
        <dd>{props.to}</dd>
        <dt>{t('meetings.preview.replyTo')}</dt>
        <dd>{props.replyTo}</dd>
        <dt>{t('meetings.preview.copy')}</dt>
        <dd>{props.replyTo}</dd>
      </dl>
      <form method="post" action={`/meetings/m/${props.token}/${props.kind}`}>
        <TextField
          name="subject"
          label={t('meetings.field.subject')}
          values={props.values}
          errors={props.errors}
          maxlength={200}
          required
        />
        <TextArea
          name="body"
          label={t('meetings.field.body')}
          values={props.values}
          errors={props.errors}
          rows={18}
          maxlength={10000}
          required
        />
        <button type="submit">{t('common.send')}</button>
      </form>
      <p>
        <a href={`/meetings/m/${props.token}`}>{t('meetings.backToRecord')}</a>
      </p>
    </>
  );
}

/** What a meeting came to (date held, stance perceived, next steps) as dt/dd pairs of a list. */
export function OutcomeFacts(props: {
  meeting: Pick<Meeting, 'heldOn' | 'stancePerceived' | 'nextSteps'>;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const m = props.meeting;
  return (
    <>
      {m.heldOn ? (
        <>
          <dt>{t('meetings.field.heldOn')}</dt>
          <dd>{formatMeetingDate(lang, m.heldOn)}</dd>
        </>
      ) : null}
      {m.stancePerceived ? (
        <>
          <dt>{t('meetings.field.stancePerceived')}</dt>
          <dd>{stanceLabel(t, m.stancePerceived)}</dd>
        </>
      ) : null}
      {m.nextSteps ? (
        <>
          <dt>{t('meetings.field.nextSteps')}</dt>
          <dd class="pre-line">{m.nextSteps}</dd>
        </>
      ) : null}
    </>
  );
}
