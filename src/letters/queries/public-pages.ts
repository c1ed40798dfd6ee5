// Letters' queries: public counts and list.
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { withD1Retry } from '../../db/retry';
import type { Official } from '../../officials/schema';
import { TRADITIONS } from '../choices';
import { letters, type Letter } from '../schema';
import { s, counts, traditionOrder, letterIdAt } from './shared';
import { officialsOf } from './letters';

/** How many signatures count, in total and by tradition and state. */
export interface LetterCounts {
  total: number;
  byTradition: { tradition: string; count: number }[];
  byState: { state: string; count: number }[];
}

/** The count of signatures that count (confirmed, not hidden). */
export async function countSignatures(db: Db, letterId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)` })
    .from(s)
    .where(counts(letterId));
  return row?.total ?? 0;
}

/** Counts by tradition (in TRADITIONS order) and by state (most first) of signatures that count. */
export async function letterCounts(db: Db, letterId: string): Promise<LetterCounts> {
  const [byTradition, byState] = await Promise.all([
    db
      .select({ tradition: s.tradition, count: sql<number>`count(*)` })
      .from(s)
      .where(counts(letterId))
      .groupBy(s.tradition)
      .orderBy(traditionOrder),
    db
      .select({ state: s.state, count: sql<number>`count(*)` })
      .from(s)
      .where(counts(letterId))
      .groupBy(s.state)
      .orderBy(desc(sql`count(*)`), asc(s.state)),
  ]);
  return { total: byTradition.reduce((sum, row) => sum + row.count, 0), byTradition, byState };
}

/** What one signature row contributes to the public counts (see `publicCountsOf`). */
interface CountGroup {
  tradition: string;
  state: string;
  shown: boolean;
  count: number;
}

/**
 * The letter's public counts from one grouped read: by tradition (in TRADITIONS order), by state
 * (most first), the total, and how many chose to be shown. One index scan instead of three.
 */
export function publicCountsOf(groups: CountGroup[]): LetterCounts & { shownTotal: number } {
  const byTradition = new Map<string, number>();
  const byState = new Map<string, number>();
  let total = 0;
  let shownTotal = 0;
  for (const group of groups) {
    byTradition.set(group.tradition, (byTradition.get(group.tradition) ?? 0) + group.count);
    byState.set(group.state, (byState.get(group.state) ?? 0) + group.count);
    total += group.count;
    if (group.shown) shownTotal += group.count;
  }
  const rank = (tradition: string) => {
    const index = (TRADITIONS as readonly string[]).indexOf(tradition);
    return index === -1 ? TRADITIONS.length : index;
  };
  return {
    total,
    shownTotal,
    byTradition: [...byTradition]
      .map(([tradition, count]) => ({ tradition, count }))
      .sort((a, b) => rank(a.tradition) - rank(b.tradition) || a.tradition.localeCompare(b.tradition)),
    byState: [...byState]
      .map(([state, count]) => ({ state, count }))
      .sort((a, b) => b.count - a.count || (a.state < b.state ? -1 : a.state > b.state ? 1 : 0)),
  };
}

/** Everything the public letter page shows, read in one round trip; undefined without a letter. */
export async function readLetterPage(
  db: Db,
  slug: string,
): Promise<{ letter: Letter; count: number; officials: Official[] } | undefined> {
  const [letterRows, countRows, officialRows] = await withD1Retry(() =>
    db.batch([
      db.select().from(letters).where(eq(letters.slug, slug)).limit(1),
      db
        .select({ total: sql<number>`count(*)` })
        .from(s)
        .where(and(eq(s.letterId, letterIdAt(db, slug)), isNotNull(s.confirmedAt), isNull(s.hiddenAt))),
      officialsOf(db, letterIdAt(db, slug)),
    ]),
  );
  const letter = letterRows[0];
  if (!letter) return undefined;
  return {
    letter,
    count: countRows[0]?.total ?? 0,
    officials: officialRows.map((row) => row.official),
  };
}

/** What the public list shows of a signer: never the email. */
export interface PublicSigner {
  id: string;
  honorific: string;
  honorificOther: string | null;
  firstName: string;
  lastName: string;
  role: string;
  tradition: string;
  denomination: string | null;
  congregation: string | null;
  city: string;
  state: string;
  verified: boolean;
}

const publicColumns = {
  id: s.id,
  honorific: s.honorific,
  honorificOther: s.honorificOther,
  firstName: s.firstName,
  lastName: s.lastName,
  role: s.role,
  tradition: s.tradition,
  denomination: s.denomination,
  congregation: s.congregation,
  city: s.city,
  state: s.state,
  verified: sql<boolean>`${s.verifiedAt} is not null`.mapWith(Boolean),
};

// `= 1` written out, not bound: the partial index letter_signatures_list_idx has this very condition.
const shownPublicly = sql`${s.showPublicly} = 1`;
const shown = (letterId: string): SQL => and(counts(letterId), shownPublicly)!;

/** One page of the public list (confirmed, not hidden, chose to be shown), grouped by tradition. */
export async function listPublicSigners(
  db: Db,
  letterId: string,
  page: number,
  pageSize: number,
): Promise<{ rows: PublicSigner[]; shownTotal: number }> {
  const [rows, [count]] = await Promise.all([
    db
      .select(publicColumns)
      .from(s)
      .where(shown(letterId))
      .orderBy(traditionOrder, asc(s.lastName), asc(s.firstName), asc(s.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)` })
      .from(s)
      .where(shown(letterId)),
  ]);
  return { rows, shownTotal: count?.total ?? 0 };
}

/**
 * The reads of the public signers page, to send as one batch: the letter, the counts grouped by
 * tradition, state and shown (from letter_signatures_counts_idx alone) and one page in list order
 * (through letter_signatures_list_idx, no sort). Exported so a test can check both plans.
 */
export function signersPageReads(db: Db, slug: string, page: number, pageSize: number) {
  const letterId = letterIdAt(db, slug);
  const countsOfLetter = and(eq(s.letterId, letterId), isNotNull(s.confirmedAt), isNull(s.hiddenAt));
  return [
    db.select().from(letters).where(eq(letters.slug, slug)).limit(1),
    db
      .select({
        tradition: s.tradition,
        state: s.state,
        shown: sql<boolean>`${s.showPublicly}`.mapWith(Boolean),
        count: sql<number>`count(*)`,
      })
      .from(s)
      .where(countsOfLetter)
      .groupBy(s.tradition, s.state, s.showPublicly),
    db
      .select(publicColumns)
      .from(s)
      .where(and(countsOfLetter, shownPublicly))
      .orderBy(traditionOrder, asc(s.lastName), asc(s.firstName), asc(s.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  ] as const;
}

/** Everything the public signers page shows, read in one round trip; undefined without a letter. */
export async function readSignersPage(
  db: Db,
  slug: string,
  page: number,
  pageSize: number,
): Promise<
  { letter: Letter; counts: LetterCounts; signers: PublicSigner[]; shownTotal: number } | undefined
> {
  const [letterRows, groups, signers] = await withD1Retry(() =>
    db.batch(signersPageReads(db, slug, page, pageSize)),
  );
  const letter = letterRows[0];
  if (!letter) return undefined;
  const { shownTotal, ...counts } = publicCountsOf(groups);
  return { letter, counts, signers, shownTotal };
}

/** Every shown signer, for the printed letter and the delivery email. */
export async function listAllShownSigners(db: Db, letterId: string): Promise<PublicSigner[]> {
  return db
    .select(publicColumns)
    .from(s)
    .where(shown(letterId))
    .orderBy(traditionOrder, asc(s.lastName), asc(s.firstName), asc(s.id));
}
