import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { getDb } from '../../src/db';
import { deliverEmailBatch } from '../../src/email/delivery';
import { queueEmail, type EmailQueueMessage, type EmailRequest } from '../../src/email/outbox';
import { getOutboxRow } from '../../src/email/queries';

/** The test bindings with a Resend key, as production would have them. */
export const resendEnv = { ...env, RESEND_API_KEY: 're_test_key' } as Env;

/** Stores one email the way features do (queueEmail in a db.batch) and returns its id. */
export async function storeEmail(overrides: Partial<EmailRequest> = {}): Promise<string> {
  const db = getDb(env);
  const { id, statement } = queueEmail(db, env, {
    to: 'maria@example.org',
    lang: 'en',
    template: 'sign-in',
    data: { signInUrl: 'https://welcome.test/sign-in/abc' },
    ...overrides,
  });
  await db.batch([statement]);
  return id;
}

/** The stored row of an email. */
export async function row(id: string) {
  const found = await getOutboxRow(getDb(env), id);
  if (!found) throw new Error(`no outbox row ${id}`);
  return found;
}

let messageCounter = 0;

/** Runs the email queue consumer on messages for these outbox ids; returns the ack/retry state. */
export async function runQueue(ids: string[], bindings: Env = resendEnv) {
  const batch = createMessageBatch<EmailQueueMessage>(
    'welcome-table-email',
    ids.map((outboxId) => ({
      id: `msg-${++messageCounter}`,
      timestamp: new Date(),
      attempts: 1,
      body: { outboxId },
    })),
  );
  // getQueueResult keeps which messages were retried but not their delay, so the delay is recorded here.
  const delays: (number | undefined)[] = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    Object.defineProperty(message, 'retry', {
      value: (options?: QueueRetryOptions) => {
        delays.push(options?.delaySeconds);
        retry(options);
      },
    });
  }
  const ctx = createExecutionContext();
  await deliverEmailBatch(batch, bindings);
  return { ...(await getQueueResult(batch, ctx)), delays };
}

/** A stand-in for the EMAIL_QUEUE binding that records what was sent to it. */
export function recordingQueue() {
  const sent: EmailQueueMessage[] = [];
  const queue = {
    async send(body: EmailQueueMessage) {
      sent.push(body);
    },
    async sendBatch(messages: Iterable<{ body: EmailQueueMessage }>) {
      for (const message of messages) sent.push(message.body);
    },
  } as unknown as Queue<EmailQueueMessage>;
  return { sent, queue };
}

/** A JSON response as Resend gives it. */
export function resendAnswer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
