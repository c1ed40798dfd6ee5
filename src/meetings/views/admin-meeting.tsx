import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { TextField } from '../../web/form';
import { formatDate } from '../../lib/i18n';
import { SavedNotice } from '../../web/ui/saved-notice';
import { StatusLabel } from '../../web/ui/status-label';
import { adminOfficialPath, officialPath } from '../../officials/links';
import type { Official } from '../../officials/schema';
import { formatMeetingDate } from '../merge-data';
import type { Meeting } from '../schema';
import { MEETING_STATUS_LABELS, OutcomeFacts, type CommitmentView } from './parts';
import { DetailRow } from '../../web/ui/detail-row';

/** One meeting for organizers: who asked (with contact), what happened, commitments to follow up. */
export function AdminMeetingPage(props: {
  meeting: Meeting;
  official: Official;
  commitments: CommitmentView[];
  saved: boolean;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const m = props.meeting;
  return (
    <>
      <h1>
        {props.official.name}: {m.groupName}
      </h1>
      {props.saved ? <SavedNotice plain>{t('officials.admin.saved')}</SavedNotice> : null}
      <p>
        <a href={officialPath(props.official)}>{t('officials.admin.publicPage')}</a> ·{' '}
        <a href={adminOfficialPath(props.official.id)}>{t('officials.admin.powerMap')}</a>
      </p>
      <dl>
        <dt>{t('meetings.admin.status')}</dt>
        <dd>
          <StatusLabel labels={MEETING_STATUS_LABELS} status={m.status} />
        </dd>
        <dt>{t('meetings.admin.sender')}</dt>
        <dd>
          {m.senderName} · {m.senderEmail}
          {m.senderPhone ? ` · ${m.senderPhone}` : ''} · {m.city}
        </dd>
        <dt>{t('meetings.field.purpose')}</dt>
        <dd class="pre-line">{m.purpose}</dd>
        {m.attendees.length ? (
          <DetailRow term={t('meetings.field.attendees')}>
            {m.attendees.map((a) => `${a.name}${a.contact ? ` (${a.contact})` : ''}`).join('; ')}
          </DetailRow>
        ) : null}
        {m.scheduledFor ? (
          <>
            <dt>{t('meetings.field.scheduledFor')}</dt>
            <dd>
              {formatMeetingDate(lang, m.scheduledFor)} · {m.place}
            </dd>
          </>
        ) : null}
        <OutcomeFacts meeting={m} />
        {m.debriefNotes ? (
          <DetailRow term={t('meetings.field.debriefNotes')} class="pre-line">
            {m.debriefNotes}
          </DetailRow>
        ) : null}
        {m.thankedAt ? (
          <DetailRow term={t('meetings.status.thanked')}>{formatDate(lang, m.thankedAt)}</DetailRow>
        ) : null}
      </dl>
      <h2>{t('meetings.outcome.commitments')}</h2>
      {props.commitments.length === 0 ? <p>{t('meetings.admin.noCommitments')}</p> : null}
      <ul>
        {props.commitments.map((c) => (
          <li>
            {c.done ? <s>{c.text}</s> : c.text}
            {c.bill ? ` (${c.bill})` : ''}
            {c.followUpOn ? (
              <small>
                {' '}
                · {t('meetings.field.followUpOn')}: {c.followUpOn}
              </small>
            ) : null}
            <form
              method="post"
              action={`/admin/meetings/commitment?id=${encodeURIComponent(c.id)}&meeting=${encodeURIComponent(m.id)}`}
              class="inline-form"
            >
              <input type="hidden" name="done" value={c.done ? '0' : '1'} />
              <button type="submit" class="secondary outline">
                {t(c.done ? 'meetings.admin.markOpen' : 'meetings.admin.markDone')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`/admin/meetings/campaign?id=${encodeURIComponent(m.id)}`}>
        <TextField
          name="campaign"
          label={t('meetings.admin.campaign')}
          values={{ campaign: m.campaign ?? '' }}
          maxlength={80}
        />
        <button type="submit" class="secondary">
          {t('common.save')}
        </button>
      </form>
      <p>
        <a href="/admin/meetings">{t('meetings.admin.backToList')}</a>
      </p>
    </>
  );
}
