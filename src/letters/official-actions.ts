import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { pick } from '../lib/bilingual';
import type { OfficialActionsSource } from '../officials/actions';
import { letterAddresseeOfficials, letters } from './schema';

/** Public letters (open or closed, not drafts) addressed to an official, newest first. */
export async function listLettersAddressedTo(
  db: Db,
  officialId: string,
): Promise<{ slug: string; titleEn: string; titleEs: string }[]> {
  return db
    .select({ slug: letters.slug, titleEn: letters.titleEn, titleEs: letters.titleEs })
    .from(letterAddresseeOfficials)
    .innerJoin(letters, eq(letters.id, letterAddresseeOfficials.letterId))
    .where(and(eq(letterAddresseeOfficials.officialId, officialId), sql`${letters.status} <> 'draft'`))
    .orderBy(desc(letters.createdAt))
    .limit(20);
}

/** The letters addressed to an official, for their public page. */
export const lettersToOfficial: OfficialActionsSource = {
  heading: 'officials.lettersTo',
  list: async (db, officialId, lang) =>
    (await listLettersAddressedTo(db, officialId)).map((row) => ({
      title: pick(row, 'title', lang).text,
      url: `/letters/${row.slug}`,
    })),
};
