// Re-seals every contact field with the first key of CONTACT_KEYS (`npm run contact-key:rotate`),
// a page at a time. It is resumable without a stored cursor: a row is pending while one of its
// values is not sealed with the current key, so a run that stops midway (or a second run) takes up
// exactly the rows still pending. Within a run an id cursor moves past each page, so a row that
// cannot be opened (its key no longer listed, or tampered with) is counted once and left as it is.
import type { BatchItem } from 'drizzle-orm/batch';
import { contactKeyring, type Db } from '../db';
import { openRegistration, sealRegistrationContacts } from '../advocacy-days/contact-fields';
import { openMeeting, sealMeetingContacts } from '../meetings/contact-fields';
import { signingSecret, storedSecret } from '../webhooks/secrets';
import {
  meetingsToReseal,
  webhookSecretsToReseal,
  resealWebhookSecretStatement,
  registrationsToReseal,
  runResealBatch,
  resealMeetingStatement,
  resealRegistrationStatement,
} from './queries/rotation';

/** What one table's rotation did: rows re-sealed, rows the app changed meanwhile, rows that failed. */
export interface RotationCounts {
  resealed: number;
  changedMeanwhile: number;
  failed: number;
}

/** Counts per table; never a value. */
export type RotationReport = Record<'day_registrations' | 'meetings' | 'webhook_endpoints', RotationCounts>;

interface Stage<Row extends { id: string }> {
  next(db: Db, prefix: string, afterId: string, limit: number): Promise<Row[]>;
  /** Wrapped: a drizzle statement is a thenable, so an async function returning it would run it. */
  reseal(db: Db, row: Row): Promise<{ statement: BatchItem<'sqlite'> }>;
}

const registrations: Stage<Awaited<ReturnType<typeof registrationsToReseal>>[number]> = {
  next: registrationsToReseal,
  async reseal(db, row) {
    const opened = await openRegistration(db, row);
    const resealed = await sealRegistrationContacts(db, row.id, {
      phone: opened.phone,
      address: opened.address,
    });
    return { statement: resealRegistrationStatement(db, row, resealed) };
  },
};

const meetingRows: Stage<Awaited<ReturnType<typeof meetingsToReseal>>[number]> = {
  next: meetingsToReseal,
  async reseal(db, row) {
    const opened = await openMeeting(db, row);
    const { id: _id, ...fields } = opened;
    return { statement: resealMeetingStatement(db, row, await sealMeetingContacts(db, row.id, fields)) };
  },
};

// Webhook endpoints' signing secrets are sealed with the same keys (webhooks/secrets.ts).
const webhookSecrets: Stage<Awaited<ReturnType<typeof webhookSecretsToReseal>>[number]> = {
  next: webhookSecretsToReseal,
  async reseal(db, row) {
    const resealed = await storedSecret(db, row.id, await signingSecret(db, row.id, row.secret));
    return { statement: resealWebhookSecretStatement(db, row, resealed) };
  },
};

async function rotateTable<Row extends { id: string }>(
  db: Db,
  stage: Stage<Row>,
  prefix: string,
  pageSize: number,
  onPage: (counts: RotationCounts) => void,
): Promise<RotationCounts> {
  const counts: RotationCounts = { resealed: 0, changedMeanwhile: 0, failed: 0 };
  let afterId = '';
  for (;;) {
    const rows = await stage.next(db, prefix, afterId, pageSize);
    if (rows.length === 0) return counts;
    afterId = rows[rows.length - 1]!.id;
    const statements: BatchItem<'sqlite'>[] = [];
    for (const row of rows) {
      try {
        statements.push((await stage.reseal(db, row)).statement);
      } catch {
        counts.failed++;
      }
    }
    if (statements.length) {
      const changed = await runResealBatch(db, statements);
      counts.resealed += changed;
      counts.changedMeanwhile += statements.length - changed;
    }
    onPage(counts);
  }
}

/** Re-seals every pending contact field with the current key, `pageSize` rows per batch. */
export async function rotateContactKeys(
  db: Db,
  options: { pageSize?: number; onPage?: (table: keyof RotationReport, counts: RotationCounts) => void } = {},
): Promise<RotationReport> {
  const keyring = await contactKeyring(db);
  const prefix = `wt1.${keyring.current.id}.`;
  const pageSize = options.pageSize ?? 50;
  const report = (table: keyof RotationReport) => (counts: RotationCounts) => options.onPage?.(table, counts);
  return {
    day_registrations: await rotateTable(db, registrations, prefix, pageSize, report('day_registrations')),
    meetings: await rotateTable(db, meetingRows, prefix, pageSize, report('meetings')),
    webhook_endpoints: await rotateTable(db, webhookSecrets, prefix, pageSize, report('webhook_endpoints')),
  };
}
