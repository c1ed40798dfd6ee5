import { Hono, type MiddlewareHandler } from 'hono';
import { getDb } from '../db';
import type { AppEnv } from '../env';
import { AppError } from '../lib/errors';
import { dispatchEmails } from './outbox';
import { isDeliveryHeld, mayRunJobsNow, servesDevMailbox, usesLocalMailbox } from './policy';
import type { Db } from '../db';
import { countByStatus, getMailboxMessage, listByStatus, listMailbox, requeueFailed } from './queries';
import { storedAttachments } from './resend';
import { MailboxList, MailboxMessage } from './views/mailbox';
import { OutboxPage } from './views/outbox';
import type { ScheduledSend } from './schedule';
import { processResendEvent, verifyResendWebhook } from './webhook';

/** Public email endpoints: the development mailbox and Resend's webhook. */
export const emailRoutes = new Hono<AppEnv>();

/** The mailbox exists only when running locally, for this computer: anywhere else it is a plain 404. */
const developmentOnly: MiddlewareHandler<AppEnv> = async function developmentOnly(c, next) {
  if (!servesDevMailbox(c.env, c.req.url)) throw new AppError('not_found');
  // Emails carry sign-in and confirm tokens: never cached, never sent on as a referrer.
  c.set('privateLink', true);
  await next();
};
emailRoutes.use('/dev/mail', developmentOnly);
emailRoutes.use('/dev/mail/*', developmentOnly);

emailRoutes.get('/dev/mail', async (c) => {
  const entries = await listMailbox(getDb(c.env));
  return c.render(<MailboxList entries={entries} />, {
    title: c.var.t('email.mailbox.title'),
    noindex: true,
    wide: true,
  });
});

emailRoutes.get('/dev/mail/:id', async (c) => {
  const row = await getMailboxMessage(getDb(c.env), c.req.param('id'));
  if (!row) throw new AppError('not_found');
  return c.render(<MailboxMessage row={row} from={c.env.MAIL_FROM} />, { title: row.subject, noindex: true });
});

emailRoutes.get('/dev/mail/:id/html', async (c) => {
  const row = await getMailboxMessage(getDb(c.env), c.req.param('id'));
  if (!row) throw new AppError('not_found');
  return c.html(row.htmlBody);
});

emailRoutes.get('/dev/mail/:id/attachments/:n', async (c) => {
  const row = await getMailboxMessage(getDb(c.env), c.req.param('id'));
  const attachment = row ? storedAttachments(row)[Number(c.req.param('n'))] : undefined;
  if (!attachment) throw new AppError('not_found');
  const bytes = Uint8Array.from(atob(attachment.content), (char) => char.charCodeAt(0));
  const filename = attachment.filename.replace(/[^\w.\- ]+/g, '_');
  return c.body(bytes, 200, {
    'Content-Type': attachment.contentType,
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
});

/** Where Resend posts delivery events (signed over the raw body, so no form parsing before it). */
export const RESEND_WEBHOOK_PATH = '/webhooks/resend';

emailRoutes.post(RESEND_WEBHOOK_PATH, async (c) => {
  const secret = c.env.RESEND_WEBHOOK_SECRET;
  if (!secret) return c.json({ error: { code: 'unavailable' } }, 503);
  // The signature covers the exact bytes Resend sent, so the body is read raw, never re-serialized.
  const raw = await c.req.text();
  const at = Date.now();
  const check = await verifyResendWebhook(secret, raw, c.req.raw.headers, at);
  if (!check.ok) return c.json({ error: { code: check.code } }, check.status);
  const outcome = await processResendEvent(getDb(c.env), check.id, check.event, at);
  return c.json({ ok: true, replay: outcome === 'replay' });
});

/**
 * What the outbox page needs of the scheduled jobs, which live above every feature: the sends
 * they will make, and running them all now (wired in app.ts, so email/ imports no feature).
 */
export interface ScheduleAccess {
  listScheduledSends(db: Db, at: number): Promise<ScheduledSend[]>;
  runAllJobsNow(env: Env, at: number): Promise<void>;
}

/** The organizers' outbox (mounted at /admin/outbox): counts, failed and pending rows, retry. */
export function emailAdminRoutes(schedule: ScheduleAccess): Hono<AppEnv> {
  const emailAdmin = new Hono<AppEnv>();

  emailAdmin.get('/', async (c) => {
    const db = getDb(c.env);
    const [counts, failed, pending] = await Promise.all([
      countByStatus(db),
      listByStatus(db, 'failed'),
      listByStatus(db, 'pending'),
    ]);
    const retried = c.req.query('retried');
    const notice =
      c.req.query('ran') === '1'
        ? 'ran'
        : retried === '1'
          ? 'retried'
          : retried === '0'
            ? 'notRetried'
            : undefined;
    const now = Date.now();
    const scheduled = await schedule.listScheduledSends(db, now);
    return c.render(
      <OutboxPage
        counts={counts}
        failed={failed}
        pending={pending}
        held={isDeliveryHeld(c.env)}
        mailbox={usesLocalMailbox(c.env) && servesDevMailbox(c.env, c.req.url)}
        notice={notice}
        scheduled={scheduled}
        now={now}
        runJobsButton={mayRunJobsNow(c.env, c.req.raw)}
      />,
      { title: c.var.t('email.outbox.title'), wide: true },
    );
  });

  // Local development: `wrangler dev` fires no Cron, so an organizer can run the jobs by hand. Each
  // job is safe to run twice, so pressing this twice sends nothing twice.
  emailAdmin.post('/run-scheduled', async (c) => {
    if (!mayRunJobsNow(c.env, c.req.raw)) throw new AppError('not_found');
    const at = Date.now();
    await schedule.runAllJobsNow(c.env, at);
    return c.redirect('/admin/outbox?ran=1#scheduled', 303);
  });

  emailAdmin.post('/:id/retry', async (c) => {
    const id = c.req.param('id');
    const requeued = await requeueFailed(getDb(c.env), id, Date.now());
    if (requeued) await dispatchEmails(c.env, [id]);
    return c.redirect(`/admin/outbox?retried=${requeued ? 1 : 0}`, 303);
  });
  return emailAdmin;
}
