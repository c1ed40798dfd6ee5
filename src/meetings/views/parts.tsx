// Pieces the meeting pages share: the status names, the progress steps, an email as sent, the outcome.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { stanceLabel } from '../../officials/links';
import type { StatusLabels } from '../../web/ui/status-label';
import { formatMeetingDate, type CommitmentView, type MeetingRecordData } from '../merge-data';
import type { Meeting, MeetingStatus } from '../schema';
import type { Official } from '../../officials/schema';
import type { MessageKey } from '../../lib/i18n';
import type { FormErrors, FormValues } from '../../web/form';
import { DetailRow } from '../../web/ui/detail-row';

export type { CommitmentView };

/** The name of each meeting status. */
export const MEETING_STATUS_LABELS: StatusLabels<MeetingStatus> = {
  unconfirmed: 'meetings.status.unconfirmed',
  requested: 'meetings.status.requested',
  scheduled: 'meetings.status.scheduled',
  held: 'meetings.status.held',
  thanked: 'meetings.status.thanked',
  declined: 'meetings.status.declined',
};

const STEPS: MeetingStatus[] = ['requested', 'scheduled', 'held', 'thanked'];

/** Where a meeting stands in the loop: the steps done, the current one marked. */
export function Progress(props: { status: MeetingStatus }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  if (props.status === 'declined' || props.status === 'unconfirmed') {
    return (
      <p class="meeting-status">
        <strong>{t(MEETING_STATUS_LABELS[props.status])}</strong>
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
          {t(MEETING_STATUS_LABELS[step])}
        </li>
      ))}
    </ol>
  );
}

/** An email as it went (or will go): subject and text. */
export function EmailText(props: { subject: string; text: string }): Child {
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

/** What a meeting came to (date held, stance perceived, next steps) as dt/dd pairs of a list. */
export function OutcomeFacts(props: {
  meeting: Pick<Meeting, 'heldOn' | 'stancePerceived' | 'nextSteps'>;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const m = props.meeting;
  return (
    <>
      {m.heldOn ? (
        <DetailRow term={t('meetings.field.heldOn')}>{formatMeetingDate(lang, m.heldOn)}</DetailRow>
      ) : null}
      {m.stancePerceived ? (
        <DetailRow term={t('meetings.field.stancePerceived')}>{stanceLabel(t, m.stancePerceived)}</DetailRow>
      ) : null}
      {m.nextSteps ? (
        <DetailRow term={t('meetings.field.nextSteps')} class="pre-line">
          {m.nextSteps}
        </DetailRow>
      ) : null}
    </>
  );
}

/** Everything the private page needs. */
export interface MeetingPageProps extends MeetingRecordData {
  meeting: Meeting;
  official: Official;
  token: string;
  notice?: MessageKey | null;
  values?: FormValues;
  errors?: FormErrors;
  /** Which form the values and errors belong to. */
  form?: 'schedule' | 'record' | 'decline';
  coalitionConfigured: boolean;
}
