import { Hono, type Context } from 'hono';
import { titleLabel } from '../officials/links';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { csvStream, type CsvColumn } from '../lib/csv';
import { getOfficial } from '../officials/queries';
import { AppError } from '../lib/errors';
import { readForm } from '../web/form';
import { isLang, type Lang } from '../lib/i18n';
import { commitmentsWithBills } from './merge-data';
import {
  getMeeting,
  listCampaigns,
  listFollowUpsDue,
  listMeetings,
  listMeetingsPage,
  listThanksDue,
  setCommitmentDone,
  setMeetingCampaign,
  type MeetingFilters,
  type MeetingListRow,
} from './queries';
import { MEETING_STATUSES, MEETING_TEMPLATE_KINDS, type MeetingTemplateKind } from './schema';
import { listSavedMeetingTemplates, resetMeetingTemplate, saveMeetingTemplate } from './queries';
import {
  loadMeetingTemplate,
  renderMeetingTemplate,
  sampleMergeData,
  validateMeetingTemplate,
  type MeetingTemplate,
  type TemplateProblem,
} from './templates';
import { campaignSchema, commitmentDoneSchema, templateEditSchema } from './validation';
import { AdminMeetingList, adminMeetingPath } from './views/admin-list';
import { AdminMeetingPage } from './views/admin-meeting';
import { TemplateEditor, templateProblemText } from './views/template-editor';
import { TemplateList } from './views/template-list';

/** Organizer pages of this feature, mounted under /admin (sign-in already checked). */
export const meetingsAdmin = new Hono<AppEnv>();

function filtersOf(c: Context<AppEnv>): MeetingFilters {
  const status = c.req.query('status');
  return {
    officialId: c.req.query('official') || null,
    status: (MEETING_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as MeetingFilters['status'])
      : null,
    campaign: c.req.query('campaign') || null,
  };
}

meetingsAdmin.get('/', async (c) => {
  const db = getDb(c.env);
  const filters = filtersOf(c);
  const today = new Date().toISOString().slice(0, 10);
  const [rows, campaigns, followUps, thanksDue, official] = await Promise.all([
    listMeetings(db, filters),
    listCampaigns(db),
    listFollowUpsDue(db, today),
    listThanksDue(db),
    filters.officialId ? getOfficial(db, filters.officialId) : Promise.resolve(undefined),
  ]);
  const query = new URLSearchParams();
  if (filters.officialId) query.set('official', filters.officialId);
  if (filters.status) query.set('status', filters.status);
  if (filters.campaign) query.set('campaign', filters.campaign);
  return c.render(
    <AdminMeetingList
      rows={rows}
      values={{ status: filters.status ?? '', campaign: filters.campaign ?? '' }}
      campaigns={campaigns}
      official={official ?? null}
      followUps={followUps}
      thanksDue={thanksDue}
      csvUrl={`/admin/meetings/export.csv${query.size ? `?${query}` : ''}`}
    />,
    { title: c.var.t('meetings.admin.title'), wide: true },
  );
});

meetingsAdmin.get('/export.csv', (c) => {
  const db = getDb(c.env);
  const filters = filtersOf(c);
  const columns: CsvColumn<MeetingListRow>[] = [
    { header: 'meeting_id', value: (r) => r.meeting.id },
    { header: 'official', value: (r) => r.official.name },
    { header: 'official_id', value: (r) => r.official.id },
    { header: 'office', value: (r) => titleLabel(c.var.t, r.official.title) },
    { header: 'state', value: (r) => r.official.state.toUpperCase() },
    { header: 'district', value: (r) => r.official.district },
    { header: 'status', value: (r) => r.meeting.status },
    { header: 'campaign', value: (r) => r.meeting.campaign },
    { header: 'group', value: (r) => r.meeting.groupName },
    { header: 'city', value: (r) => r.meeting.city },
    { header: 'sender', value: (r) => r.meeting.senderName },
    { header: 'sender_email', value: (r) => r.meeting.senderEmail },
    { header: 'purpose', value: (r) => r.meeting.purpose },
    {
      header: 'requested_on',
      value: (r) => (r.meeting.confirmedAt ? new Date(r.meeting.confirmedAt).toISOString().slice(0, 10) : ''),
    },
    { header: 'scheduled_for', value: (r) => r.meeting.scheduledFor },
    { header: 'place', value: (r) => r.meeting.place },
    { header: 'held_on', value: (r) => r.meeting.heldOn },
    { header: 'stance_perceived', value: (r) => r.meeting.stancePerceived },
    { header: 'commitments', value: (r) => r.commitmentCount },
    { header: 'next_steps', value: (r) => r.meeting.nextSteps },
    {
      header: 'thanked_on',
      value: (r) => (r.meeting.thankedAt ? new Date(r.meeting.thankedAt).toISOString().slice(0, 10) : ''),
    },
  ];
  const stream = csvStream(columns, (after: string | null) => listMeetingsPage(db, filters, after, 200));
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="meetings.csv"',
      'cache-control': 'no-store',
    },
  });
});

meetingsAdmin.get('/view', async (c) => {
  const db = getDb(c.env);
  const meeting = await getMeeting(db, c.req.query('id') ?? '');
  if (!meeting || meeting.status === 'unconfirmed') throw new AppError('not_found');
  const [official, commitments] = await Promise.all([
    getOfficial(db, meeting.officialId),
    commitmentsWithBills(db, meeting.id),
  ]);
  if (!official) throw new AppError('not_found');
  return c.render(
    <AdminMeetingPage
      meeting={meeting}
      official={official}
      commitments={commitments}
      saved={c.req.query('saved') === '1'}
    />,
    {
      title: `${official.name}: ${meeting.groupName}`,
      noindex: true,
    },
  );
});

meetingsAdmin.post('/campaign', async (c) => {
  const id = c.req.query('id') ?? '';
  const form = await readForm(c, campaignSchema, { botCheck: false });
  if (form.status !== 'valid') throw new AppError('validation');
  const db = getDb(c.env);
  if (!(await getMeeting(db, id))) throw new AppError('not_found');
  await setMeetingCampaign(db, id, form.data.campaign || null, Date.now());
  return c.redirect(`${adminMeetingPath(id)}&saved=1`, 303);
});

meetingsAdmin.post('/commitment', async (c) => {
  const form = await readForm(c, commitmentDoneSchema, { botCheck: false });
  const done = form.status === 'valid' && form.data.done === '1';
  await setCommitmentDone(getDb(c.env), c.req.query('id') ?? '', done);
  return c.redirect(`${adminMeetingPath(c.req.query('meeting') ?? '')}&saved=1`, 303);
});

// ---------------------------------------------------------------------------------------------
// Templates

meetingsAdmin.get('/templates', async (c) => {
  const custom = await listSavedMeetingTemplates(getDb(c.env));
  return c.render(<TemplateList custom={custom} />, {
    title: c.var.t('meetings.templates.title'),
  });
});

function templateParams(c: Context<AppEnv>): { kind: MeetingTemplateKind; lang: Lang } {
  const kind = c.req.param('kind');
  const lang = c.req.param('lang');
  if (!(MEETING_TEMPLATE_KINDS as readonly string[]).includes(kind ?? '') || !isLang(lang))
    throw new AppError('not_found');
  return { kind: kind as MeetingTemplateKind, lang };
}

/** An organizer's edit of a template, as typed (line ends made \n); a malformed post is refused. */
async function readTemplateForm(
  c: Context<AppEnv>,
): Promise<{ template: MeetingTemplate; intent: 'preview' | 'save' }> {
  const form = await readForm(c, templateEditSchema, { botCheck: false });
  if (form.status !== 'valid') throw new AppError('validation');
  return {
    template: { subject: form.data.subject.trim(), body: form.data.body.replace(/\r\n?/g, '\n') },
    intent: form.data.intent,
  };
}

function previewOf(template: MeetingTemplate, lang: Lang, orgName: string) {
  return renderMeetingTemplate(template, sampleMergeData(lang, orgName));
}

/** The template editor showing `values`, with their preview unless they have a problem. */
function renderTemplateEditor(
  c: Context<AppEnv>,
  kind: MeetingTemplateKind,
  lang: Lang,
  values: MeetingTemplate,
  state: { custom: boolean; problem: TemplateProblem | null; saved: boolean },
) {
  const preview = state.problem ? null : previewOf(values, lang, c.env.ORG_NAME);
  return c.render(<TemplateEditor kind={kind} lang={lang} values={values} preview={preview} {...state} />, {
    title: c.var.t('meetings.templates.title'),
    wide: true,
  });
}

meetingsAdmin.get('/templates/:kind/:lang', async (c) => {
  const { kind, lang } = templateParams(c);
  const template = await loadMeetingTemplate(getDb(c.env), kind, lang);
  return renderTemplateEditor(c, kind, lang, template, {
    custom: template.custom,
    problem: null,
    saved: c.req.query('saved') === '1',
  });
});

meetingsAdmin.post('/templates/:kind/:lang', async (c) => {
  const { kind, lang } = templateParams(c);
  const db = getDb(c.env);
  const form = await readTemplateForm(c);
  const edited = form.template;
  const problem = validateMeetingTemplate(edited);
  const current = await loadMeetingTemplate(db, kind, lang);
  if (problem || form.intent === 'preview') {
    if (problem) c.status(422);
    return renderTemplateEditor(c, kind, lang, edited, { custom: current.custom, problem, saved: false });
  }
  await saveMeetingTemplate(db, kind, lang, edited, c.var.organizer?.id ?? null, Date.now());
  return c.redirect(`/admin/meetings/templates/${kind}/${lang}?saved=1`, 303);
});

// The live preview of public/app.js: the same check and rendering as the Preview button, as JSON.
meetingsAdmin.post('/templates/:kind/:lang/preview', async (c) => {
  const { lang } = templateParams(c);
  const { template: edited } = await readTemplateForm(c);
  const problem = validateMeetingTemplate(edited);
  c.header('Cache-Control', 'no-store');
  if (problem) return c.json({ ok: false, problem: templateProblemText(c.var.t, problem) });
  return c.json({ ok: true, ...previewOf(edited, lang, c.env.ORG_NAME) });
});

meetingsAdmin.post('/templates/:kind/:lang/reset', async (c) => {
  const { kind, lang } = templateParams(c);
  await resetMeetingTemplate(getDb(c.env), kind, lang);
  return c.redirect(`/admin/meetings/templates/${kind}/${lang}?saved=1`, 303);
});
