// The organizer's email to a day's people, and the day's report with its report-back email.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { getDb } from '../../db';
import { AppError } from '../../lib/errors';
import { readForm, type FormErrors, type FormValues } from '../../web/form';
import { buildReport } from '../debriefs';
import { parseAudience, sendAnnouncement, sendReportBack } from '../outreach';
import { listDebriefs, markFollowUpDone } from '../queries/debriefs';
import { countRegistrations } from '../queries/registrations';
import { listTeams } from '../queries/teams';
import type { AdvocacyDay } from '../schema';
import { announcementSchema, reportSendSchema } from '../validation';
import { EmailPage } from '../views/admin/email-page';
import { ReportPage } from '../views/admin/report-page';
import { loadAdminAdvocacyDay, loadAdminDay } from './admin-day';

type AdminContext = Context<AppEnv>;

async function renderEmail(
  c: AdminContext,
  day: AdvocacyDay,
  form: { values?: FormValues; errors?: FormErrors; notice?: string } = {},
) {
  const teams = await listTeams(getDb(c.env), day.id);
  return c.render(<EmailPage day={day} teams={teams} {...form} />, { title: c.var.t('days.email.title') });
}

async function dayReport(c: AdminContext, day: AdvocacyDay) {
  const db = getDb(c.env);
  const [counts, debriefs] = await Promise.all([countRegistrations(db, day.id), listDebriefs(db, day.id)]);
  return buildReport(counts, debriefs);
}

/** The email and report pages, mounted under /admin/days. */
export const adminOutreachRoutes = new Hono<AppEnv>()
  .get('/:id/email', async (c) =>
    renderEmail(c, await loadAdminDay(c), { values: { audience: 'registered' } }),
  )
  .post('/:id/email', async (c) => {
    const day = await loadAdminDay(c);
    const form = await readForm(c, announcementSchema, { botCheck: false });
    const audience = form.status === 'valid' ? parseAudience(form.data.audience) : null;
    if (form.status !== 'valid' || !audience) {
      c.status(422);
      return renderEmail(c, day, {
        values: form.values,
        errors: form.status === 'invalid' ? form.errors : { audience: { key: 'form.error.choose' } },
      });
    }
    const count = await sendAnnouncement(getDb(c.env), c.env, day, audience, form.data);
    return renderEmail(c, day, {
      values: { audience: form.data.audience },
      notice: c.var.t('days.email.sent', { count }),
    });
  })
  .get('/:id/report', async (c) => {
    const day = await loadAdminAdvocacyDay(c);
    return c.render(
      <ReportPage
        day={day}
        report={await dayReport(c, day)}
        coalitionEmail={c.env.COALITION_EMAIL ?? ''}
        notice={c.req.query('sent') ? c.var.t('days.report.sentNotice') : undefined}
      />,
      { title: c.var.t('days.admin.report') },
    );
  })
  .post('/:id/report/send', async (c) => {
    const day = await loadAdminAdvocacyDay(c);
    const form = await readForm(c, reportSendSchema, { botCheck: false });
    const again = form.status === 'valid' && form.data.again;
    if (day.reportSentAt && !again) {
      // Already sent: nothing goes out until the organizer confirms on this page (works without JS).
      c.status(409);
      return c.render(
        <ReportPage
          day={day}
          report={await dayReport(c, day)}
          coalitionEmail={c.env.COALITION_EMAIL ?? ''}
          confirmResend
        />,
        { title: c.var.t('days.report.confirmTitle') },
      );
    }
    const sent = await sendReportBack(getDb(c.env), c.env, day, await dayReport(c, day));
    if (!sent) throw new AppError('bad_request');
    return c.redirect(`/admin/days/${day.id}/report?sent=1`, 303);
  })
  .post('/:id/debriefs/:debriefId/follow-up-done', async (c) => {
    const day = await loadAdminAdvocacyDay(c);
    await markFollowUpDone(getDb(c.env), day.id, c.req.param('debriefId'), Date.now());
    return c.redirect(`/admin/days/${day.id}/report`, 303);
  });
