import { pick } from '../lib/bilingual';
import type { OfficialActionsSource } from '../officials/actions';
import { listLettersAddressedTo } from './queries/official-actions';

/** The letters addressed to an official, for their public page. */
export const lettersToOfficial: OfficialActionsSource = {
  heading: 'officials.lettersTo',
  list: async (db, officialId, lang) =>
    (await listLettersAddressedTo(db, officialId)).map((row) => ({
      title: pick(row, 'title', lang).text,
      url: `/letters/${row.slug}`,
    })),
};
