// The bills that name an official (as a sponsor), for the official's public page.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { billSponsors, bills } from '../schema';
import { pickColumns } from '../../db/pick';

/** Tracked bills an official sponsors (bill_sponsors.person_id is the Open States id). */
export async function listTrackedBillsSponsoredBy(
  db: Db,
  officialId: string,
): Promise<{ state: string; slug: string; identifier: string; title: string; titleEs: string | null }[]> {
  return db
    .selectDistinct(pickColumns(bills, 'state', 'slug', 'identifier', 'title', 'titleEs'))
    .from(billSponsors)
    .innerJoin(bills, eq(bills.id, billSponsors.billId))
    .where(and(eq(billSponsors.personId, officialId), eq(bills.tracked, true)))
    .limit(20);
}
