// The letters that name an official (as an addressee), for the official's public page.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { letterAddresseeOfficials, letters } from '../schema';

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
