import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../env';
import { getDb, type Db } from '../db';
import { hashToken } from '../lib/tokens';
import { looksLikeToken } from '../organizers/sign-in';
import { getOfficial } from '../officials/queries';
import type { Official } from '../officials/schema';
import { AppError } from '../lib/errors';
import { readForm, refusedForm, type FormErrors, type FormValues } from '../web/form';
import type { MessageKey } from '../lib/i18n';
import {
  confirmMeetingRequest,
  createMeetingRequest,
  declineMeeting,
  recordMeetingOutcome,
  scheduleMeeting,
  sendAttendeeList,
  sendEditedEmail,
} from './lifecycle';
import { loadMeetingRecord, prepareMeetingEmail } from './merge-data';
import { getMeetingByTokenHash } from './queries';
import type { Meeting } from './schema';
import { canDo, isConfirmationExpired, isMeetingLinkEnded } from './status';
import {
  declineSchema,
  editedEmailSchema,
  recordSchema,
  requestDetailsSchema,
  requestSendSchema,
  scheduleSchema,
} from './validation';
import { RequestForm } from './views/request';
import { PreviewForm } from './views/request-preview';
import { CheckEmailPage, SenderLimitPage } from './views/request-sent';
import { EditEmailPage } from './views/edit-email';
import { MeetingPage } from './views/record';

/** Public pages of this feature: the request form and the sender's private meeting page. */
export const meetingsRoutes = new Hono<AppEnv>();

/** An official who can receive a meeting request through us: in office, with a public email. */
async function requestableOfficial(db: Db, id: string | undefined | null): Promise<Official> {
  const official = id ? await getOfficial(db, id) : undefined;
  if (!official || !official.inOffice || !official.email) throw new AppError('not_found');
  return official;
}

function renderRequestForm(c: Context<AppEnv>, official: Official, values?: FormValues, errors?: FormErrors) {
  return c.render(<RequestForm official={official} values={values} errors={errors} />, {
    title: c.var.t('meetings.new.title', { name: official.name }),
    noindex: true,
  });
}

/** The official a request form names (a hidden field), as the form sent it. */
function officialIdOf(values: FormValues): string | null {
  return typeof values.official === 'string' ? values.official : null;
}

/** Step two: the email exactly as it will go, editable. */
function renderPreview(c: Context<AppEnv>, official: Official, values: FormValues, errors?: FormErrors) {
  return c.render(<PreviewForm official={official} values={values} errors={errors} />, {
    title: c.var.t('meetings.preview.title'),
    noindex: true,
  });
}

meetingsRoutes.get('/new', async (c) => {
  const official = await requestableOfficial(getDb(c.env), c.req.query('official'));
  const campaign = c.req.query('campaign');
  return renderRequestForm(c, official, campaign ? { campaign: campaign.slice(0, 80) } : undefined);
});

// Step one -> step two: validate the details and show the exact email, editable. Stores nothing.
meetingsRoutes.post('/new', async (c) => {
  const db = getDb(c.env);
  const form = await readForm(c, requestDetailsSchema);
  const official = await requestableOfficial(db, officialIdOf(form.values));
  if (form.status === 'invalid' || form.values.back === '1') {
    if (form.status === 'invalid') c.status(422);
    return renderRequestForm(c, official, form.values, form.status === 'invalid' ? form.errors : undefined);
  }
  if (form.status === 'bot')
    return c.render(<CheckEmailPage official={official} />, { title: c.var.t('meetings.checkEmail.title') });
  const { subject, text } = await prepareMeetingEmail(
    db,
    c.env,
    'request',
    official,
    { ...form.data, officialLang: official.lang },
    official.lang,
  );
  return renderPreview(c, official, { ...form.values, subject, body: text });
});

// Step two: store the request as the sender edited it and send them the confirmation link.
meetingsRoutes.post('/new/send', async (c) => {
  const db = getDb(c.env);
  const form = await readForm(c, requestSendSchema);
  const official = await requestableOfficial(db, officialIdOf(form.values));
  if (form.status === 'invalid') {
    const { values, errors } = refusedForm(c, form);
    // Errors in the details go back to step one; errors in the email stay on step two.
    const detailErrors = Object.keys(errors).some((name) => name !== 'subject' && name !== 'body');
    if (detailErrors) return renderRequestForm(c, official, values, errors);
    return renderPreview(c, official, values, errors);
  }
  if (form.status === 'valid') {
    const result = await createMeetingRequest(db, c.env, {
      official,
      details: form.data,
      subject: form.data.subject,
      text: form.data.body,
      senderLang: c.var.lang,
    });
    if (result.status === 'sender_limit') {
      c.status(429);
      return c.render(<SenderLimitPage />, { title: c.var.t('meetings.limit.title'), noindex: true });
    }
  }
  return c.render(<CheckEmailPage official={official} />, {
    title: c.var.t('meetings.checkEmail.title'),
    noindex: true,
  });
});

// ---------------------------------------------------------------------------------------------
// The sender's private page. A wrong, malformed or missing token is one answer: the link does not work.

async function loadByToken(
  c: Context<AppEnv>,
): Promise<{ db: Db; meeting: Meeting; official: Official; token: string }> {
  c.set('privateLink', true);
  const token = c.req.param('token') ?? '';
  if (!looksLikeToken(token)) throw new AppError('invalid_link');
  const db = getDb(c.env);
  const meeting = await getMeetingByTokenHash(db, await hashToken(token));
  const now = Date.now();
  if (!meeting || isConfirmationExpired(meeting, now) || isMeetingLinkEnded(meeting, now))
    throw new AppError('invalid_link');
  const official = await getOfficial(db, meeting.officialId);
  if (!official) throw new AppError('invalid_link');
  return { db, meeting, official, token };
}

async function renderMeetingPage(
  c: Context<AppEnv>,
  loaded: { db: Db; meeting: Meeting; official: Official; token: string },
  extra: {
    notice?: MessageKey | null;
    values?: FormValues;
    errors?: FormErrors;
    form?: 'schedule' | 'record' | 'decline';
  } = {},
) {
  const { db, ...link } = loaded;
  const record = await loadMeetingRecord(db, c.env, link.meeting, link.official);
  return c.render(
    <MeetingPage {...link} {...record} coalitionConfigured={Boolean(c.env.COALITION_EMAIL)} {...extra} />,
    { title: c.var.t('meetings.record.title', { name: link.official.name }), noindex: true },
  );
}

const NOTICES: Record<string, MessageKey> = {
  sent: 'meetings.notice.sent',
  scheduled: 'meetings.notice.scheduled',
  attendees: 'meetings.notice.attendees',
  recorded: 'meetings.notice.recorded',
  thanked: 'meetings.notice.thanked',
  reported: 'meetings.notice.reported',
  declined: 'meetings.notice.declined',
  already: 'meetings.notice.already',
  official_limit: 'meetings.limit.official',
  sender_limit: 'meetings.limit.senderSends',
};

function backToRecord(c: Context<AppEnv>, token: string, notice: keyof typeof NOTICES) {
  return c.redirect(`/meetings/m/${token}?done=${notice}`, 303);
}

meetingsRoutes.get('/m/:token', async (c) => {
  const loaded = await loadByToken(c);
  return renderMeetingPage(c, loaded, { notice: NOTICES[c.req.query('done') ?? ''] ?? null });
});

meetingsRoutes.post('/m/:token/confirm', async (c) => {
  const loaded = await loadByToken(c);
  const result = await confirmMeetingRequest(loaded.db, c.env, loaded.meeting, loaded.official);
  if (result === 'not_allowed') throw new AppError('invalid_link');
  if (result === 'official_limit' || result === 'sender_limit') {
    c.status(429);
    return renderMeetingPage(c, loaded, { notice: NOTICES[result] });
  }
  return backToRecord(c, loaded.token, result === 'sent' ? 'sent' : 'already');
});

/** Loaded by token: the database, the meeting, its official, and the token itself. */
type LoadedMeeting = Awaited<ReturnType<typeof loadByToken>>;

/**
 * A step of the record page that reads a form (schedule, record, decline): a refused form shows the
 * page again with that form open; otherwise the step runs and the page says whether it did anything.
 */
function formStep<S extends z.ZodType>(
  form: 'schedule' | 'record' | 'decline',
  schema: S,
  notice: keyof typeof NOTICES,
  step: (loaded: LoadedMeeting, data: z.output<S>) => Promise<boolean>,
) {
  return async (c: Context<AppEnv>) => {
    const loaded = await loadByToken(c);
    const read = await readForm(c, schema, { botCheck: false });
    if (read.status !== 'valid') return renderMeetingPage(c, loaded, { ...refusedForm(c, read), form });
    const done = await step(loaded, read.data);
    return backToRecord(c, loaded.token, done ? notice : 'already');
  };
}

meetingsRoutes.post(
  '/m/:token/schedule',
  formStep('schedule', scheduleSchema, 'scheduled', ({ db, meeting }, data) =>
    scheduleMeeting(db, meeting, data),
  ),
);

meetingsRoutes.post('/m/:token/attendees', async (c) => {
  const loaded = await loadByToken(c);
  const done = await sendAttendeeList(loaded.db, c.env, loaded.meeting, loaded.official);
  return backToRecord(c, loaded.token, done ? 'attendees' : 'already');
});

meetingsRoutes.post(
  '/m/:token/record',
  formStep('record', recordSchema, 'recorded', ({ db, meeting }, data) =>
    recordMeetingOutcome(db, meeting, data),
  ),
);

meetingsRoutes.post(
  '/m/:token/decline',
  formStep('decline', declineSchema, 'declined', ({ db, meeting }, data) =>
    declineMeeting(db, meeting, data.note),
  ),
);

/** The thank-you and the report-back share one page: prepared from the template, edited, sent. */
function renderEditEmail(
  c: Context<AppEnv>,
  loaded: { meeting: Meeting; official: Official; token: string },
  kind: 'thanks' | 'report',
  form: { values: FormValues; errors?: FormErrors },
) {
  return c.render(
    <EditEmailPage
      kind={kind}
      official={loaded.official}
      to={
        kind === 'thanks' ? `${loaded.official.name} <${loaded.official.email ?? ''}>` : c.env.COALITION_EMAIL
      }
      replyTo={loaded.meeting.senderEmail}
      token={loaded.token}
      values={form.values}
      errors={form.errors}
    />,
    { title: c.var.t(kind === 'thanks' ? 'meetings.thanks.title' : 'meetings.report.title'), noindex: true },
  );
}

for (const kind of ['thanks', 'report'] as const) {
  const action = kind === 'thanks' ? 'sendThanks' : 'sendReport';
  meetingsRoutes.get(`/m/:token/${kind}`, async (c) => {
    const loaded = await loadByToken(c);
    if (
      !canDo(action, loaded.meeting.status) ||
      (kind === 'report' && (!c.env.COALITION_EMAIL || loaded.meeting.reportBackSentAt))
    ) {
      return backToRecord(c, loaded.token, 'already');
    }
    const lang = kind === 'thanks' ? loaded.meeting.officialLang : loaded.meeting.senderLang;
    const { subject, text } = await prepareMeetingEmail(
      loaded.db,
      c.env,
      kind,
      loaded.official,
      loaded.meeting,
      lang,
    );
    return renderEditEmail(c, loaded, kind, { values: { subject, body: text } });
  });

  meetingsRoutes.post(`/m/:token/${kind}`, async (c) => {
    const loaded = await loadByToken(c);
    const form = await readForm(c, editedEmailSchema, { botCheck: false });
    if (form.status !== 'valid') return renderEditEmail(c, loaded, kind, refusedForm(c, form));
    const edited = { subject: form.data.subject, text: form.data.body };
    const done = await sendEditedEmail(loaded.db, c.env, loaded, kind, edited);
    return backToRecord(c, loaded.token, done ? (kind === 'thanks' ? 'thanked' : 'reported') : 'already');
  });
}
