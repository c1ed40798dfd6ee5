import type { EmailQueueMessage } from './outbox';

/** Delivers the outbox rows named by a queue batch. (Filled in by the email pipeline work.) */
export async function deliverEmailBatch(batch: MessageBatch<EmailQueueMessage>, env: Env): Promise<void> {
  void env;
  batch.ackAll();
}
