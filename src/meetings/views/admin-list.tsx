import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { SelectField, type FormValues } from '../../web/form';
import { formatDate, type Lang } from '../../lib/i18n';
import { ScrollTable } from '../../web/ui/admin-list';
import { StatusLabel, statusText } from '../../web/ui/status-label';
import { adminOfficialPath, roleLabel } from '../../officials/links';
import type { Official } from '../../officials/schema';
import { formatMeetingDate } from '../merge-data';
import type { MeetingListRow, listFollowUpsDue, listThanksDue } from '../queries';
import { MEETING_STATUSES, type Meeting } from '../schema';
import { MEETING_STATUS_LABELS } from './parts';
import { Section } from '../../web/ui/section';

/** One kind of work that is due, under its heading; left out when there is none. */
function DueList<T>(props: { title: string; items: readonly T[]; item: (item: T) => Child }): Child {
  if (props.items.length === 0) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <ul>
        {props.items.map((item) => (
          <li>{props.item(item)}</li>
        ))}
      </ul>
    </>
  );
}

/** The organizer page of one meeting. */
export function adminMeetingPath(id: string): string {
  return `/admin/meetings/view?id=${encodeURIComponent(id)}`;
}

/** The date a meeting list shows: held, else scheduled, else the day the request went. */
function meetingWhen(lang: Lang, meeting: Meeting): string {
  if (meeting.heldOn) return formatMeetingDate(lang, meeting.heldOn);
  if (meeting.scheduledFor) return formatMeetingDate(lang, meeting.scheduledFor);
  return meeting.confirmedAt ? formatDate(lang, meeting.confirmedAt) : '';
}

/** All meetings by official, status and campaign, with what is due. */
export function AdminMeetingList(props: {
  rows: MeetingListRow[];
  values: FormValues;
  campaigns: string[];
  official: Official | null;
  followUps: Awaited<ReturnType<typeof listFollowUpsDue>>;
  thanksDue: Awaited<ReturnType<typeof listThanksDue>>;
  csvUrl: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const byOfficial = new Map<string, MeetingListRow[]>();
  for (const row of props.rows) {
    const list = byOfficial.get(row.official.id) ?? [];
    list.push(row);
    byOfficial.set(row.official.id, list);
  }
  return (
    <>
      <h1>{t('meetings.admin.title')}</h1>
      <p>
        <a href="/admin/meetings/templates">{t('meetings.admin.templates')}</a> ·{' '}
        <a href={props.csvUrl}>{t('common.downloadCsv')}</a>
      </p>
      {props.official ? (
        <p>
          {t('meetings.admin.forOfficial', { name: props.official.name })} ·{' '}
          <a href="/admin/meetings">{t('meetings.admin.allOfficials')}</a>
        </p>
      ) : null}
      <form method="get" action="/admin/meetings" class="filters">
        {props.official ? <input type="hidden" name="official" value={props.official.id} /> : null}
        <div class="grid">
          <SelectField
            name="status"
            label={t('meetings.admin.status')}
            values={props.values}
            options={MEETING_STATUSES.filter((s) => s !== 'unconfirmed').map(
              (s) => [s, statusText(t, MEETING_STATUS_LABELS, s)] as const,
            )}
            placeholder={t('common.all')}
          />
          <SelectField
            name="campaign"
            label={t('meetings.admin.campaign')}
            values={props.values}
            options={props.campaigns.map((c) => [c, c] as const)}
            placeholder={t('common.all')}
          />
        </div>
        <button type="submit">{t('common.filter')}</button>
      </form>

      <Section id="due-heading" title={t('meetings.admin.due')}>
        {props.followUps.length === 0 && props.thanksDue.length === 0 ? (
          <p>{t('meetings.admin.nothingDue')}</p>
        ) : null}
        <DueList
          title={t('meetings.admin.followUps')}
          items={props.followUps}
          item={(f) => (
            <>
              <a href={adminMeetingPath(f.meetingId)}>
                {f.commitment.followUpOn} · {f.officialName}
              </a>
              : {f.commitment.text} <small>({f.groupName})</small>
            </>
          )}
        />
        <DueList
          title={t('meetings.admin.thanksDue')}
          items={props.thanksDue}
          item={(row) => (
            <>
              <a href={adminMeetingPath(row.meeting.id)}>
                {row.officialName} · {row.meeting.groupName}
              </a>{' '}
              {row.meeting.heldOn ? <small>({formatMeetingDate(lang, row.meeting.heldOn)})</small> : null}
            </>
          )}
        />
      </Section>

      <Section id="all-heading" title={t('meetings.admin.byOfficial', { count: props.rows.length })}>
        {props.rows.length === 0 ? <p>{t('meetings.admin.none')}</p> : null}
        {[...byOfficial.values()].map((rows) => {
          const official = rows[0]!.official;
          return (
            <>
              <h3>
                <a href={adminOfficialPath(official.id)}>{official.name}</a>{' '}
                <small>
                  {roleLabel(t, official.chamber)} · {official.state.toUpperCase()}
                  {official.district ? ` · ${official.district}` : ''}
                </small>
              </h3>
              <ScrollTable
                columns={[
                  t('meetings.admin.group'),
                  t('meetings.admin.status'),
                  t('meetings.admin.when'),
                  t('meetings.admin.campaign'),
                  t('meetings.admin.commitments'),
                ]}
                items={rows}
                row={({ meeting, commitmentCount }) => (
                  <tr>
                    <td>
                      <a href={adminMeetingPath(meeting.id)}>{meeting.groupName}</a>
                    </td>
                    <td>
                      <StatusLabel labels={MEETING_STATUS_LABELS} status={meeting.status} />
                    </td>
                    <td>{meetingWhen(lang, meeting)}</td>
                    <td>{meeting.campaign ?? ''}</td>
                    <td>{commitmentCount}</td>
                  </tr>
                )}
              />
            </>
          );
        })}
      </Section>
    </>
  );
}
