// Letters' queries: deliveries.
import { desc, eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db';
import { outbox } from '../../email/schema';
import type { Official } from '../../officials/schema';
import { letterDeliveries } from '../schema';
import type { LetterTally } from '../tally';
import { listLetterOfficials } from './letters';
import { listAllShownSigners, type PublicSigner } from './public-pages';
import { letterTally } from './shared';
import { listRows } from '../../db/find';

/** Records a delivery and queues its emails in one batch: both happen or neither does. */
export async function insertDeliveryWithEmails(
  db: Db,
  row: typeof letterDeliveries.$inferInsert,
  emails: BatchItem<'sqlite'>[],
): Promise<void> {
  await db.batch([db.insert(letterDeliveries).values(row), ...emails]);
}

/** A delivery with how many of its emails have gone out and when the last one did. */
export interface DeliveryStatus {
  id: string;
  lang: string;
  recipientCount: number;
  signerCount: number;
  createdAt: number;
  sentCount: number;
  lastSentAt: number | null;
  recipients: string[];
}

/** A letter's deliveries, newest first, with their outbox status. */
export async function listDeliveries(db: Db, letterId: string): Promise<DeliveryStatus[]> {
  const deliveries = await listRows(db, letterDeliveries, eq(letterDeliveries.letterId, letterId), {
    orderBy: desc(letterDeliveries.createdAt),
    limit: 20,
  });
  return Promise.all(
    deliveries.map(async (delivery) => {
      const ids = JSON.parse(delivery.outboxIds) as string[];
      const emails = ids.length
        ? await db
            .select({ to: outbox.toAddress, status: outbox.status, sentAt: outbox.sentAt })
            .from(outbox)
            .where(inArray(outbox.id, ids.slice(0, 90)))
        : [];
      const sent = emails.filter((email) => email.status === 'sent');
      return {
        id: delivery.id,
        lang: delivery.lang,
        recipientCount: delivery.recipientCount,
        signerCount: delivery.signerCount,
        createdAt: delivery.createdAt,
        sentCount: sent.length,
        lastSentAt: sent.reduce<number | null>((max, email) => Math.max(max ?? 0, email.sentAt ?? 0), null),
        recipients: emails.map((email) => email.to).sort(),
      };
    }),
  );
}

/** What the delivery page shows beside the letter: its officials, shown signers, tally and deliveries. */
export interface DeliveryPageData {
  officials: Official[];
  signers: PublicSigner[];
  tally: LetterTally;
  deliveries: DeliveryStatus[];
}

/** Loads the delivery page's data for one letter. */
export async function loadDeliveryPage(db: Db, letterId: string): Promise<DeliveryPageData> {
  const [officials, signers, tally, deliveries] = await Promise.all([
    listLetterOfficials(db, letterId),
    listAllShownSigners(db, letterId),
    letterTally(db, letterId),
    listDeliveries(db, letterId),
  ]);
  return { officials, signers, tally, deliveries };
}
