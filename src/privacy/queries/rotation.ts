// The reads and compare-and-set writes of a contact key rotation (privacy/key-rotation.ts). The
// work left is in the data itself: a row is pending while one of its sealed columns holds a value
// that is not sealed with the current key (plain text from before sealing, or an older key).
import { and, asc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db';
import { dayRegistrations, type Registration } from '../../advocacy-days/schema';
import { meetings, type Meeting } from '../../meetings/schema';
import { webhookEndpoints } from '../../webhooks/schema';
import { pickColumns } from '../../db/pick';

/** True in SQL when a text column holds something not sealed with the key `prefix` (`wt1.<id>.`). */
function notSealedWith(column: SQLiteColumn | SQL, prefix: string): SQL {
  return sql`(coalesce(${column}, '') <> '' and substr(${column}, 1, ${prefix.length}) <> ${prefix})`;
}

/** The same value, or both null, in SQL (the compare-and-set of a resealed column). */
function unchanged(column: SQLiteColumn, value: string | null): SQL {
  return value === null ? isNull(column) : eq(column, value);
}

/** A registration's stored contact columns. */
export type StoredRegistrationContacts = Pick<Registration, 'id' | 'phone' | 'address'>;

/** The next registrations (by id, after `afterId`) whose phone or address is not under `prefix`. */
export async function registrationsToReseal(
  db: Db,
  prefix: string,
  afterId: string,
  limit: number,
): Promise<StoredRegistrationContacts[]> {
  return db
    .select({ id: dayRegistrations.id, phone: dayRegistrations.phone, address: dayRegistrations.address })
    .from(dayRegistrations)
    .where(
      and(
        gt(dayRegistrations.id, afterId),
        or(notSealedWith(dayRegistrations.phone, prefix), notSealedWith(dayRegistrations.address, prefix)),
      ),
    )
    .orderBy(asc(dayRegistrations.id))
    .limit(limit);
}

/** Replaces a registration's sealed columns unless the app changed them since they were read. */
export function resealRegistrationStatement(
  db: Db,
  stored: StoredRegistrationContacts,
  resealed: Pick<Registration, 'phone' | 'address'>,
) {
  return db
    .update(dayRegistrations)
    .set(resealed)
    .where(
      and(
        eq(dayRegistrations.id, stored.id),
        unchanged(dayRegistrations.phone, stored.phone),
        unchanged(dayRegistrations.address, stored.address),
      ),
    );
}

/** A meeting's stored contact columns. */
export type StoredMeetingContacts = Pick<
  Meeting,
  'id' | 'senderPhone' | 'story' | 'requestText' | 'attendees'
>;

/** The next meetings (by id) with a phone, story, request text or attendee contact not under `prefix`. */
export async function meetingsToReseal(
  db: Db,
  prefix: string,
  afterId: string,
  limit: number,
): Promise<StoredMeetingContacts[]> {
  return db
    .select(pickColumns(meetings, 'id', 'senderPhone', 'story', 'requestText', 'attendees'))
    .from(meetings)
    .where(
      and(
        gt(meetings.id, afterId),
        or(
          notSealedWith(meetings.senderPhone, prefix),
          notSealedWith(meetings.story, prefix),
          notSealedWith(meetings.requestText, prefix),
          sql`exists (select 1 from json_each(${meetings.attendees}) a where ${notSealedWith(sql`json_extract(a.value, '$.contact')`, prefix)})`,
        ),
      ),
    )
    .orderBy(asc(meetings.id))
    .limit(limit);
}

/** Replaces a meeting's sealed columns (and attendee hashes) unless the app changed them meanwhile. */
export function resealMeetingStatement(
  db: Db,
  stored: StoredMeetingContacts,
  resealed: Pick<Meeting, 'senderPhone' | 'story' | 'requestText' | 'attendees'> & {
    attendeeEmailHashes?: string | null;
  },
) {
  return db
    .update(meetings)
    .set(resealed)
    .where(
      and(
        eq(meetings.id, stored.id),
        unchanged(meetings.senderPhone, stored.senderPhone),
        unchanged(meetings.story, stored.story),
        eq(meetings.requestText, stored.requestText),
        sql`${meetings.attendees} = ${JSON.stringify(stored.attendees)}`,
      ),
    );
}

/** A webhook endpoint's stored (sealed) signing secret. */
export interface StoredWebhookSecret {
  id: string;
  secret: string;
}

/** The next webhook endpoints (by id) whose secret is not sealed with `prefix`. */
export async function webhookSecretsToReseal(
  db: Db,
  prefix: string,
  afterId: string,
  limit: number,
): Promise<StoredWebhookSecret[]> {
  return db
    .select({ id: webhookEndpoints.id, secret: webhookEndpoints.secret })
    .from(webhookEndpoints)
    .where(and(gt(webhookEndpoints.id, afterId), notSealedWith(webhookEndpoints.secret, prefix)))
    .orderBy(asc(webhookEndpoints.id))
    .limit(limit);
}

/** Replaces an endpoint's sealed secret unless it was changed since it was read. */
export function resealWebhookSecretStatement(db: Db, stored: StoredWebhookSecret, resealed: string) {
  return db
    .update(webhookEndpoints)
    .set({ secret: resealed })
    .where(and(eq(webhookEndpoints.id, stored.id), eq(webhookEndpoints.secret, stored.secret)));
}

/** Runs one page's re-seal statements as one batch; how many rows they changed. */
export async function runResealBatch(db: Db, statements: BatchItem<'sqlite'>[]): Promise<number> {
  const results = (await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])) as {
    meta: { changes: number };
  }[];
  return results.reduce((sum, result) => sum + result.meta.changes, 0);
}
