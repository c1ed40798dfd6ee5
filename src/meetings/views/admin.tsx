import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { SelectField, TextArea, TextField, type FormValues } from '../../web/form';
import { formatDate, type Lang, type Translate } from '../../lib/i18n';
import { officialPath, roleLabel } from '../../officials/links';
import type { Official } from '../../officials/schema';
import { adminOfficialPath } from '../../officials/views/admin';
import { formatMeetingDate } from '../merge-data';
import { OutcomeFacts } from './record';
import type { MeetingListRow, listFollowUpsDue, listThanksDue } from '../queries';
import { MEETING_STATUSES, MEETING_TEMPLATE_KINDS, type Meeting, type MeetingTemplateKind } from '../schema';
import { MERGE_FIELDS, type TemplateProblem } from '../templates';
import type { CommitmentView } from './record';
import { statusKey } from './record';

/** The organizer page of one meeting. */
export function adminMeetingPath(id: string): string {
  return `/admin/meetings/view?id=${encodeURIComponent(id)}`;
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
              (s) => [s, t(statusKey(s))] as const,
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

      <section aria-labelledby="due-heading">
        <h2 id="due-heading">{t('meetings.admin.due')}</h2>
        {props.followUps.length === 0 && props.thanksDue.length === 0 ? (
          <p>{t('meetings.admin.nothingDue')}</p>
        ) : null}
        {props.followUps.length ? (
          <>
            <h3>{t('meetings.admin.followUps')}</h3>
            <ul>
              {props.followUps.map((f) => (
                <li>
                  <a href={adminMeetingPath(f.meetingId)}>
                    {f.commitment.followUpOn} · {f.officialName}
                  </a>
                  : {f.commitment.text} <small>({f.groupName})</small>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {props.thanksDue.length ? (
          <>
            <h3>{t('meetings.admin.thanksDue')}</h3>
            <ul>
              {props.thanksDue.map((row) => (
                <li>
                  <a href={adminMeetingPath(row.meeting.id)}>
                    {row.officialName} · {row.meeting.groupName}
                  </a>{' '}
                  {row.meeting.heldOn ? <small>({formatMeetingDate(lang, row.meeting.heldOn)})</small> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="all-heading">
        <h2 id="all-heading">{t('meetings.admin.byOfficial', { count: props.rows.length })}</h2>
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
              <div class="table-wrap" tabindex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('meetings.admin.group')}</th>
                      <th scope="col">{t('meetings.admin.status')}</th>
                      <th scope="col">{t('meetings.admin.when')}</th>
                      <th scope="col">{t('meetings.admin.campaign')}</th>
                      <th scope="col">{t('meetings.admin.commitments')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ meeting, commitmentCount }) => (
                      <tr>
                        <td>
                          <a href={adminMeetingPath(meeting.id)}>{meeting.groupName}</a>
                        </td>
                        <td>{t(statusKey(meeting.status))}</td>
                        <td>
                          {meeting.heldOn
                            ? formatMeetingDate(lang, meeting.heldOn)
                            : meeting.scheduledFor
                              ? formatMeetingDate(lang, meeting.scheduledFor)
                              : meeting.confirmedAt
                                ? formatDate(lang, meeting.confirmedAt)
                                : ''}
                        </td>
                        <td>{meeting.campaign ?? ''}</td>
                        <td>{commitmentCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        })}
      </section>
    </>
  );
}

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
      {props.saved ? <p role="status">{t('officials.admin.saved')}</p> : null}
      <p>
        <a href={officialPath(props.official)}>{t('officials.admin.publicPage')}</a> ·{' '}
        <a href={adminOfficialPath(props.official.id)}>{t('officials.admin.powerMap')}</a>
      </p>
      <dl>
        <dt>{t('meetings.admin.status')}</dt>
        <dd>{t(statusKey(m.status))}</dd>
        <dt>{t('meetings.admin.sender')}</dt>
        <dd>
          {m.senderName} · {m.senderEmail}
          {m.senderPhone ? ` · ${m.senderPhone}` : ''} · {m.city}
        </dd>
        <dt>{t('meetings.field.purpose')}</dt>
        <dd class="pre-line">{m.purpose}</dd>
        {m.attendees.length ? (
          <>
            <dt>{t('meetings.field.attendees')}</dt>
            <dd>{m.attendees.map((a) => `${a.name}${a.contact ? ` (${a.contact})` : ''}`).join('; ')}</dd>
          </>
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
          <>
            <dt>{t('meetings.field.debriefNotes')}</dt>
            <dd class="pre-line">{m.debriefNotes}</dd>
          </>
        ) : null}
        {m.thankedAt ? (
          <>
            <dt>{t('meetings.status.thanked')}</dt>
            <dd>{formatDate(lang, m.thankedAt)}</dd>
          </>
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

/** The list of templates organizers can edit. */
export function TemplateList(props: { custom: Set<string> }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('meetings.templates.title')}</h1>
      <p>{t('meetings.templates.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('meetings.templates.kind')}</th>
            <th scope="col">{t('common.english')}</th>
            <th scope="col">{t('common.spanish')}</th>
          </tr>
        </thead>
        <tbody>
          {MEETING_TEMPLATE_KINDS.map((kind) => (
            <tr>
              <th scope="row">{t(`meetings.templates.kind.${kind}`)}</th>
              {(['en', 'es'] as const).map((lang) => (
                <td>
                  <a href={`/admin/meetings/templates/${kind}/${lang}`}>
                    {t(
                      props.custom.has(`${kind}.${lang}`)
                        ? 'meetings.templates.custom'
                        : 'meetings.templates.default',
                    )}
                  </a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A refused template's problem as one sentence in the organizer's language, with its part and line. */
export function templateProblemText(t: Translate, problem: TemplateProblem): string {
  return t('meetings.templates.problem', {
    part: t(problem.part === 'subject' ? 'meetings.field.subject' : 'meetings.field.body'),
    line: problem.line,
    reason: t(`meetings.templates.reason.${problem.code}`, { name: problem.name ?? '' }),
  });
}

/**
 * The template editor: subject and body, merge fields, and a server-rendered preview on sample data.
 * The Preview button works without JavaScript; public/app.js also refreshes the preview as the
 * organizer types, from `data-live-preview` (POST …/preview, JSON).
 */
export function TemplateEditor(props: {
  kind: MeetingTemplateKind;
  lang: Lang;
  values: { subject: string; body: string };
  custom: boolean;
  problem: TemplateProblem | null;
  preview: { subject: string; text: string } | null;
  saved: boolean;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const action = `/admin/meetings/templates/${props.kind}/${props.lang}`;
  return (
    <>
      <h1>
        {t(`meetings.templates.kind.${props.kind}`)} (
        {props.lang === 'es' ? t('common.spanish') : t('common.english')})
      </h1>
      {props.saved ? <p role="status">{t('officials.admin.saved')}</p> : null}
      <p>{t(props.custom ? 'meetings.templates.usingCustom' : 'meetings.templates.usingDefault')}</p>
      {props.problem ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{t('meetings.templates.refused')}</h2>
          <p>{templateProblemText(t, props.problem)}</p>
          <p>{t('meetings.templates.savedStillUsed')}</p>
        </div>
      ) : null}
      <div class="grid">
        <form method="post" action={action} data-live-preview={`${action}/preview`}>
          <TextField
            name="subject"
            label={t('meetings.field.subject')}
            values={props.values}
            maxlength={300}
            required
          />
          <TextArea name="body" label={t('meetings.field.body')} values={props.values} rows={22} required />
          <div role="group">
            <button type="submit" name="intent" value="preview" class="secondary">
              {t('meetings.templates.preview')}
            </button>
            <button type="submit" name="intent" value="save">
              {t('common.save')}
            </button>
          </div>
        </form>
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('meetings.templates.previewHeading')}</h2>
          <p class="hint" data-live-hint hidden>
            {t('meetings.templates.livePreview')}
          </p>
          <p class="field-error" data-preview-problem role="status" hidden={!props.problem}>
            {props.problem ? templateProblemText(t, props.problem) : ''}
          </p>
          <div class="email-preview" data-preview hidden={!props.preview}>
            <p>
              <strong>{t('meetings.field.subject')}:</strong>{' '}
              <span data-preview-subject lang={props.lang}>
                {props.preview?.subject ?? ''}
              </span>
            </p>
            {/* The template's language, not the page's: screen readers read it with the right voice. */}
            <pre class="pre-wrap" data-preview-text lang={props.lang}>
              {props.preview?.text ?? ''}
            </pre>
          </div>
          <p data-preview-none hidden={Boolean(props.preview)}>
            {t('meetings.templates.noPreview')}
          </p>
        </section>
      </div>
      {props.custom ? (
        <form method="post" action={`${action}/reset`}>
          <button type="submit" class="secondary outline">
            {t('meetings.templates.reset')}
          </button>
        </form>
      ) : null}
      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">{t('meetings.templates.fields')}</h2>
        <dl class="merge-fields">
          {Object.entries(MERGE_FIELDS).map(([name, key]) => (
            <>
              <dt>
                <code>{`{{${name}}}`}</code>
              </dt>
              <dd>{t(key)}</dd>
            </>
          ))}
        </dl>
      </section>
      <p>
        <a href="/admin/meetings/templates">{t('meetings.templates.back')}</a>
      </p>
    </>
  );
}
