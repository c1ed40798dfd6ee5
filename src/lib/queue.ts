import { logEvent } from './log';

/** What Queues' sendBatch takes at most in one call. */
const SEND_BATCH_MAX = 100;

/**
 * Sends message bodies to a queue, 100 a call. A call that fails is logged as `failureEvent` with
 * its count and not thrown: callers keep the work in a table a cron sweep re-enqueues from.
 */
export async function sendToQueue(
  queue: Queue,
  bodies: readonly unknown[],
  failureEvent: string,
): Promise<void> {
  for (let start = 0; start < bodies.length; start += SEND_BATCH_MAX) {
    const chunk = bodies.slice(start, start + SEND_BATCH_MAX);
    try {
      await queue.sendBatch(chunk.map((body) => ({ body })));
    } catch (error) {
      logEvent('warn', failureEvent, { count: chunk.length, error });
    }
  }
}
