import { SHARED_PAGES, buildApp } from './app';
import { recentPageResponder } from './web/edge-cache';
import { WEBHOOK_PAYLOADS } from './webhook-payloads';
import { deliverEmailBatch } from './email/delivery';
import type { EmailQueueMessage } from './email/outbox';
import { consumeAlertBatch } from './bills/alerts';
import { consumeApiBatch, type ApiWrite } from './api/background';
import { runScheduled } from './jobs';
import { consumeWebhookBatch, type WebhookQueueMessage } from './webhooks/delivery';

const app = buildApp();
const recentPage = recentPageResponder(SHARED_PAGES);

/** The Worker: pages and forms (fetch), email, alert and webhook delivery (queue), scheduled jobs (scheduled). */
export default {
  // A shared page this isolate has fresh is answered before the app routes anything.
  fetch: (request, env, ctx) => recentPage(request, env) ?? app.fetch(request, env, ctx),
  async queue(batch, env) {
    if (batch.queue.startsWith('welcome-table-webhooks')) {
      await consumeWebhookBatch(batch as MessageBatch<WebhookQueueMessage>, env, WEBHOOK_PAYLOADS);
    } else if (batch.queue.startsWith('welcome-table-alerts')) {
      await consumeAlertBatch(batch as MessageBatch<unknown>, env);
    } else if (batch.queue.startsWith('welcome-table-api')) {
      await consumeApiBatch(batch as MessageBatch<ApiWrite>, env);
    } else {
      await deliverEmailBatch(batch as MessageBatch<EmailQueueMessage>, env);
    }
  },
  async scheduled(controller, env) {
    await runScheduled(controller.cron, env, controller.scheduledTime);
  },
} satisfies ExportedHandler<Env>;
