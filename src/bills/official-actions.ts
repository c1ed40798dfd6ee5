import { pick } from '../lib/bilingual';
import type { OfficialActionsSource } from '../officials/actions';
import { billPath } from './links';
import { listTrackedBillsSponsoredBy } from './queries/official-actions';

/** The tracked bills an official sponsors, for their public page. */
export const billsSponsoredByOfficial: OfficialActionsSource = {
  heading: 'officials.billsSponsored',
  list: async (db, officialId, lang) =>
    (await listTrackedBillsSponsoredBy(db, officialId)).map((row) => ({
      title: `${row.identifier}: ${pick(row, 'title', lang).text}`,
      url: billPath(row),
    })),
};
