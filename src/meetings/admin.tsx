import { Hono, type Context } from 'hono';
import { titleLabel } from '../officials/links';
import * as z from 'zod';
import { and, eq } from 'drizzle-orm';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { csvStream, type CsvColumn } from '../lib/csv';
import { getOfficial } from '../officials/queries';
import { AppError } from '../lib/errors';
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
import {
  MEETING_STATUSES,
  MEETING_TEMPLATE_KINDS,
  meetingTemplates,
  type MeetingTemplateKind,
} from './schema';
import {
  loadMeetingTemplate,
  renderMeetingTemplate,
  sampleMergeData,
  validateMeetingTemplate,
  type MeetingTemplate,
} from './templates';
import { templateEditSchema } from './validation';
import {
  AdminMeetingList,
  AdminMeetingPage,
  TemplateEditor,
  templateProblemText,
  TemplateList,
  adminMeetingPath,
} from './views/admin';

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
  const body = await c.req.parseBody();
  const parsed = z
    .string()
    .trim()
    .max(80)
    .regex(/^[^\r\n]*$/)
    .safeParse(body.campaign ?? '');
  if (!parsed.success) throw new AppError('validation');
  const db = getDb(c.env);
  if (!(await getMeeting(db, id))) throw new AppError('not_found');
  await setMeetingCampaign(db, id, parsed.data || null, Date.now());
  return c.redirect(`${adminMeetingPath(id)}&saved=1`, 303);
});

meetingsAdmin.post('/commitment', async (c) => {
  const body = await c.req.parseBody();
  await setCommitmentDone(getDb(c.env), c.req.query('id') ?? '', body.done === '1');
  return c.redirect(`${adminMeetingPath(c.req.query('meeting') ?? '')}&saved=1`, 303);
});

// ---------------------------------------------------------------------------------------------
// Templates

meetingsAdmin.get('/templates', async (c) => {
  const rows = await getDb(c.env)
    .select({ kind: meetingTemplates.kind, lang: meetingTemplates.lang })
    .from(meetingTemplates);
  return c.render(<TemplateList custom={new Set(rows.map((r) => `${r.kind}.${r.lang}`))} />, {
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

function previewOf(template: MeetingTemplate, lang: Lang, orgName: string) {
  return renderMeetingTemplate(template, sampleMergeData(lang, orgName));
}

meetingsAdmin.get('/templates/:kind/:lang', async (c) => {
  const { kind, lang } = templateParams(c);
  const template = await loadMeetingTemplate(getDb(c.env), kind, lang);
  return c.render(
    <TemplateEditor
      kind={kind}
      lang={lang}
      values={template}
      custom={template.custom}
      problem={null}
      preview={previewOf(template, lang, c.env.ORG_NAME)}
      saved={c.req.query('saved') === '1'}
    />,
    { title: c.var.t('meetings.templates.title'), wide: true },
  );
});

meetingsAdmin.post('/templates/:kind/:lang', async (c) => {
  const { kind, lang } = templateParams(c);
  const db = getDb(c.env);
  const parsed = templateEditSchema.safeParse(await c.req.parseBody());
  if (!parsed.success) throw new AppError('validation');
  const edited: MeetingTemplate = {
    subject: parsed.data.subject.trim(),
    body: parsed.data.body.replace(/\r\n?/g, '\n'),
  };
  const problem = validateMeetingTemplate(edited);
  const current = await loadMeetingTemplate(db, kind, lang);
  if (problem || parsed.data.intent === 'preview') {
    if (problem) c.status(422);
    return c.render(
      <TemplateEditor
        kind={kind}
        lang={lang}
        values={edited}
        custom={current.custom}
        problem={problem}
        preview={problem ? null : previewOf(edited, lang, c.env.ORG_NAME)}
        saved={false}
      />,
      { title: c.var.t('meetings.templates.title'), wide: true },
    );
  }
  const at = Date.now();
  await db
    .insert(meetingTemplates)
    .values({ kind, lang, ...edited, updatedBy: c.var.organizer?.id ?? null, updatedAt: at })
    .onConflictDoUpdate({
      target: [meetingTemplates.kind, meetingTemplates.lang],
      set: { ...edited, updatedBy: c.var.organizer?.id ?? null, updatedAt: at },
    });
  return c.redirect(`/admin/meetings/templates/${kind}/${lang}?saved=1`, 303);
});

// The live preview of public/app.js: the same check and rendering as the Preview button, as JSON.
meetingsAdmin.post('/templates/:kind/:lang/preview', async (c) => {
  const { lang } = templateParams(c);
  const parsed = templateEditSchema.safeParse(await c.req.parseBody());
  if (!parsed.success) throw new AppError('validation');
  const edited: MeetingTemplate = {
    subject: parsed.data.subject.trim(),
    body: parsed.data.body.replace(/\r\n?/g, '\n'),
  };
  const problem = validateMeetingTemplate(edited);
  c.header('Cache-Control', 'no-store');
  if (problem) return c.json({ ok: false, problem: templateProblemText(c.var.t, problem) });
  return c.json({ ok: true, ...previewOf(edited, lang, c.env.ORG_NAME) });
});

meetingsAdmin.post('/templates/:kind/:lang/reset', async (c) => {
  const { kind, lang } = templateParams(c);
  await getDb(c.env)
    .delete(meetingTemplates)
    .where(and(eq(meetingTemplates.kind, kind), eq(meetingTemplates.lang, lang)));
  return c.redirect(`/admin/meetings/templates/${kind}/${lang}?saved=1`, 303);
});
