import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { logEvent } from '../lib/log';
import { newId } from '../lib/tokens';
import { readForm, refusedForm } from '../web/form';
import { enqueueDeliveries } from './delivery';
import { endpointUrlProblem } from './policy';
import {
  deleteEndpoint,
  deliveryLog,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  resetDelivery,
  updateEndpoint,
} from './queries';
import { storedSecret } from './secrets';
import { newWebhookSecret } from './signing';
import { endpointChangeSchema, newEndpointSchema } from './validation';
import { EndpointPage, SecretPage, WebhooksPage, WEBHOOK_NOTICES, type WebhookNotice } from './views/pages';
import { savedNoticeOf } from '../web/ui/saved-notice';

function noticeOf(c: Context<AppEnv>): WebhookNotice | undefined {
  return savedNoticeOf(c.req.query('saved'), WEBHOOK_NOTICES);
}

async function endpointOr404(c: Context<AppEnv>) {
  const endpoint = await findEndpoint(getDb(c.env), c.req.param('id') ?? '');
  if (!endpoint) throw new AppError('not_found');
  return endpoint;
}

/** Owners' outgoing webhooks, under /admin/webhooks (roles.ts: owners only; changes need step-up). */
export const webhooksAdmin = new Hono<AppEnv>()
  .get('/', async (c) => {
    const endpoints = await listEndpoints(getDb(c.env));
    return c.render(<WebhooksPage endpoints={endpoints} notice={noticeOf(c)} />, {
      title: c.var.t('webhooks.title'),
    });
  })
  .post('/', async (c) => {
    const db = getDb(c.env);
    const form = await readForm(c, newEndpointSchema, { botCheck: false });
    const problem =
      form.status === 'valid' ? endpointUrlProblem(form.data.url, c.env.ENVIRONMENT === 'development') : null;
    if (form.status !== 'valid' || problem) {
      const refused =
        form.status === 'valid'
          ? { status: 'invalid' as const, values: form.values, errors: { url: { key: problem! } } }
          : form;
      const endpoints = await listEndpoints(db);
      return c.render(<WebhooksPage endpoints={endpoints} {...refusedForm(c, refused)} />, {
        title: c.var.t('webhooks.title'),
      });
    }
    const id = newId();
    const secret = newWebhookSecret();
    await insertEndpoint(db, {
      id,
      url: form.data.url,
      secret: await storedSecret(db, id, secret),
      events: form.data.events,
      createdBy: c.var.organizer!.id,
      at: Date.now(),
    });
    logEvent('info', 'webhooks.endpoint_added', { endpointId: id, events: form.data.events.length });
    c.set('privateLink', true); // the secret is on this page: never cached
    return c.render(<SecretPage endpoint={(await findEndpoint(db, id))!} secret={secret} />, {
      title: c.var.t('webhooks.title'),
    });
  })
  .get('/:id', async (c) => {
    const endpoint = await endpointOr404(c);
    const log = await deliveryLog(getDb(c.env), endpoint.id);
    return c.render(<EndpointPage endpoint={endpoint} log={log} notice={noticeOf(c)} />, {
      title: c.var.t('webhooks.title'),
    });
  })
  .post('/:id', async (c) => {
    const endpoint = await endpointOr404(c);
    const db = getDb(c.env);
    const form = await readForm(c, endpointChangeSchema, { botCheck: false });
    if (form.status !== 'valid') {
      const log = await deliveryLog(db, endpoint.id);
      return c.render(<EndpointPage endpoint={endpoint} log={log} {...refusedForm(c, form)} />, {
        title: c.var.t('webhooks.title'),
      });
    }
    await updateEndpoint(db, endpoint.id, {
      events: form.data.events,
      active: !form.data.paused,
      at: Date.now(),
    });
    logEvent('info', 'webhooks.endpoint_changed', { endpointId: endpoint.id, paused: form.data.paused });
    return c.redirect(`/admin/webhooks/${encodeURIComponent(endpoint.id)}?saved=saved`, 303);
  })
  .post('/:id/remove', async (c) => {
    const endpoint = await endpointOr404(c);
    await deleteEndpoint(getDb(c.env), endpoint.id);
    logEvent('info', 'webhooks.endpoint_removed', { endpointId: endpoint.id });
    return c.redirect('/admin/webhooks?saved=removed', 303);
  })
  .post('/:id/deliveries/:deliveryId/send-again', async (c) => {
    const endpoint = await endpointOr404(c);
    const deliveryId = c.req.param('deliveryId');
    if (!(await resetDelivery(getDb(c.env), endpoint.id, deliveryId, Date.now())))
      throw new AppError('not_found');
    await enqueueDeliveries(c.env, [deliveryId]);
    logEvent('info', 'webhooks.send_again', { endpointId: endpoint.id, deliveryId });
    return c.redirect(`/admin/webhooks/${encodeURIComponent(endpoint.id)}?saved=queued`, 303);
  });
