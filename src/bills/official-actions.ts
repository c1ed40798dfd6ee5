import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { pick } from '../lib/bilingual';
import type { OfficialActionsSource } from '../officials/actions';
import { billPath } from './links';
import { billSponsors, bills } from './schema';

/** Tracked bills an official sponsors (bill_sponsors.person_id is the Open States id). */
export async function listTrackedBillsSponsoredBy(
  db: Db,
  officialId: string,
): Promise<{ state: string; slug: string; identifier: string; title: string; titleEs: string | null }[]> {
  return db
    .selectDistinct({
      state: bills.state,
      slug: bills.slug,
      identifier: bills.identifier,
      title: bills.title,
      titleEs: bills.titleEs,
    })
    .from(billSponsors)
    .innerJoin(bills, eq(bills.id, billSponsors.billId))
    .where(and(eq(billSponsors.personId, officialId), eq(bills.tracked, true)))
    .limit(20);
}

/** The tracked bills an official sponsors, for their public page. */
export const billsSponsoredByOfficial: OfficialActionsSource = {
  heading: 'officials.billsSponsored',
  list: async (db, officialId, lang) =>
    (await listTrackedBillsSponsoredBy(db, officialId)).map((row) => ({
      title: `${row.identifier}: ${pick(row, 'title', lang).text}`,
      url: billPath(row),
    })),
};
