/** Sends one batch of bill alerts. (Filled in by the bills work.) */
export async function consumeAlertBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  void env;
  batch.ackAll();
}
