// Helpers called with `?background_processing=true`: the write is queued and done here, with the
// Queue's retries. Each write is safe to run twice (dedupe by address, one signature per letter
// and address, one active registration per day and address).
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { logEvent } from '../lib/log';
import type { AttendanceBody, SignatureBody, SignupBody } from './validation';
import { recordAttendanceFor, recordSignatureFor, signUpPerson, type WriteContext } from './writes';

/** One queued write. */
export type ApiWrite = WriteContext &
  (
    | { kind: 'signup'; body: SignupBody }
    | { kind: 'signature'; parentId: string; body: SignatureBody }
    | { kind: 'attendance'; parentId: string; body: AttendanceBody }
  );

type WriteEnv = Pick<Env, 'DB' | 'PUBLIC_URL' | 'ORG_NAME' | 'MAIL_FROM' | 'EMAIL_QUEUE'>;

/** Does one queued write. */
export async function runApiWrite(env: WriteEnv, write: ApiWrite): Promise<void> {
  const db = getDb(env);
  const context = { origin: write.origin, at: write.at };
  if (write.kind === 'signup') await signUpPerson(db, write.body.person, context, write.body.add_tags);
  else if (write.kind === 'signature') await recordSignatureFor(db, write.parentId, write.body, context);
  else await recordAttendanceFor(db, env, write.parentId, write.body, context);
}

/** The API queue's consumer: a write the client got wrong (closed letter, unknown person) is dropped. */
export async function consumeApiBatch(batch: MessageBatch<ApiWrite>, env: WriteEnv): Promise<void> {
  for (const message of batch.messages) {
    try {
      await runApiWrite(env, message.body);
      message.ack();
    } catch (error) {
      if (error instanceof AppError && error.code !== 'unavailable') {
        logEvent('warn', 'api.background_dropped', { kind: message.body.kind, code: error.code });
        message.ack();
      } else {
        message.retry();
      }
    }
  }
}
