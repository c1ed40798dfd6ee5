import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers } from '../../organizers/schema';
import {
  officials,
  powerMapChanges,
  powerMapEntries,
  type Official,
  type OfficialDescription,
  type OfficialRole,
  type PowerMapChange,
  type PowerMapEntry,
  type Stance,
} from '../schema';
import { findRow, listRows } from '../../db/find';

/** One official by id (Open States "ocd-person/…" or "manual-…"); undefined when unknown. */
export async function getOfficial(db: Db, id: string): Promise<Official | undefined> {
  return findRow(db, officials, eq(officials.id, id));
}

/** Several officials by id, in no particular order (for lists that store official ids). */
export async function getOfficialsByIds(db: Db, ids: readonly string[]): Promise<Official[]> {
  if (ids.length === 0) return [];
  const rows: Official[] = [];
  // D1 allows 100 bound parameters per statement.
  for (let start = 0; start < ids.length; start += 90) {
    const chunk = ids.slice(start, start + 90);
    rows.push(
      ...(await db
        .select()
        .from(officials)
        .where(sql`${officials.id} in ${chunk}`)),
    );
  }
  return rows;
}

/** The districts a geocoded address lies in. */
export interface StateDistricts {
  /** Two-letter postal code, any case. */
  state: string;
  upperDistrict: string | null;
  lowerDistrict: string | null;
}

/**
 * The state senator(s) and representative(s) in office for an address's districts, senators first.
 * Multi-member districts (some states) give several people per chamber.
 */
export async function findLegislatorsForDistricts(db: Db, districts: StateDistricts): Promise<Official[]> {
  const state = districts.state.toLowerCase();
  const byChamber: SQL[] = [];
  if (districts.upperDistrict)
    byChamber.push(and(eq(officials.chamber, 'upper'), eq(officials.district, districts.upperDistrict))!);
  if (districts.lowerDistrict)
    byChamber.push(and(eq(officials.chamber, 'lower'), eq(officials.district, districts.lowerDistrict))!);
  if (byChamber.length === 0) return [];
  return listRows(
    db,
    officials,
    and(eq(officials.state, state), eq(officials.inOffice, true), or(...byChamber)),
    { orderBy: [desc(officials.chamber), asc(officials.familyName), asc(officials.name)] },
  );
}

/** The governor in office of a state, if imported. */
export async function findGovernor(db: Db, state: string): Promise<Official | undefined> {
  const [row] = await listRows(
    db,
    officials,
    and(
      eq(officials.state, state.toLowerCase()),
      eq(officials.chamber, 'governor'),
      eq(officials.inOffice, true),
    ),
    { orderBy: desc(officials.updatedAt), limit: 1 },
  );
  return row;
}

/** Filters of the public directory search; every one is optional. */
export interface OfficialSearch {
  /** Part of a name, any case. */
  name?: string | null;
  state?: string | null;
  chamber?: OfficialRole | null;
  district?: string | null;
  /** Include people no longer in office (organizer views). */
  includeRetired?: boolean;
  limit?: number;
  offset?: number;
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function searchConditions(search: OfficialSearch): SQL | undefined {
  const conditions: SQL[] = [];
  if (!search.includeRetired) conditions.push(eq(officials.inOffice, true));
  if (search.state) conditions.push(eq(officials.state, search.state.toLowerCase()));
  if (search.chamber) conditions.push(eq(officials.chamber, search.chamber));
  if (search.district)
    conditions.push(eq(officials.district, search.district.trim().replace(/^0+(?=\d)/, '')));
  if (search.name?.trim()) {
    conditions.push(sql`${officials.name} like ${likeContains(search.name.trim())} escape '\\'`);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** The directory search: officials matching every filter given, by state, chamber and name. */
export async function searchOfficials(
  db: Db,
  search: OfficialSearch,
): Promise<{ rows: Official[]; total: number }> {
  const where = searchConditions(search);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(officials)
      .where(where)
      .orderBy(asc(officials.state), asc(officials.chamber), asc(officials.familyName), asc(officials.name))
      .limit(Math.min(search.limit ?? 50, 200))
      .offset(search.offset ?? 0),
    db
      .select({ total: sql<number>`count(*)` })
      .from(officials)
      .where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

/** Officials for a picker (advocacy-day teams, letter addressees): in office, one state, by name. */
export async function listOfficialsInState(
  db: Db,
  state: string,
  chambers?: OfficialRole[],
): Promise<Official[]> {
  return listRows(
    db,
    officials,
    and(
      eq(officials.state, state.toLowerCase()),
      eq(officials.inOffice, true),
      chambers?.length ? sql`${officials.chamber} in ${chambers}` : undefined,
    ),
    { orderBy: [asc(officials.chamber), asc(officials.familyName), asc(officials.name)] },
  );
}

/** The power map of one official, newest first. Organizer pages only. */
export async function listPowerMapEntries(db: Db, officialId: string): Promise<PowerMapEntry[]> {
  return listRows(db, powerMapEntries, eq(powerMapEntries.officialId, officialId), {
    orderBy: [desc(powerMapEntries.notedOn), desc(powerMapEntries.createdAt)],
  });
}

/** Current stance per official (newest entry wins), for organizer lists. */
export async function currentStances(
  db: Db,
  officialIds: readonly string[],
): Promise<Map<string, PowerMapEntry>> {
  const result = new Map<string, PowerMapEntry>();
  for (let start = 0; start < officialIds.length; start += 90) {
    const chunk = officialIds.slice(start, start + 90);
    const rows = await listRows(db, powerMapEntries, sql`${powerMapEntries.officialId} in ${chunk}`, {
      orderBy: [desc(powerMapEntries.notedOn), desc(powerMapEntries.createdAt)],
    });
    for (const row of rows) if (!result.has(row.officialId)) result.set(row.officialId, row);
  }
  return result;
}

/** What organizers type for an official Open States does not cover. */
export interface ManualOfficialInput extends OfficialDescription {
  email?: string | null;
  phone: string | null;
  address: string | null;
  link?: string | null;
  lang: 'en' | 'es';
  inOffice: boolean;
}

function manualValues(input: ManualOfficialInput, at: number) {
  return {
    name: input.name,
    givenName: input.givenName,
    familyName: input.familyName ?? input.name.split(' ').pop() ?? null,
    state: input.state.toLowerCase(),
    chamber: input.chamber,
    title: input.title,
    district: input.district,
    jurisdiction: input.jurisdictionName,
    jurisdictionName: input.jurisdictionName,
    party: input.party,
    email: input.email ?? null,
    offices:
      input.address || input.phone
        ? [{ classification: 'primary', address: input.address, voice: input.phone }]
        : [],
    links: input.link ? [{ url: input.link }] : [],
    lang: input.lang,
    inOffice: input.inOffice,
    retiredAt: input.inOffice ? null : at,
    updatedAt: at,
  };
}

/** Adds an official by hand; returns the new id ("manual-<uuid>"). */
export async function insertManualOfficial(db: Db, input: ManualOfficialInput, at: number): Promise<string> {
  const id = `manual-${crypto.randomUUID()}`;
  await db.insert(officials).values({ id, source: 'manual', createdAt: at, ...manualValues(input, at) });
  return id;
}

/** Edits a hand-added official (imported ones belong to the import). */
export async function updateManualOfficial(
  db: Db,
  id: string,
  input: ManualOfficialInput,
  at: number,
): Promise<boolean> {
  const result = await db
    .update(officials)
    .set(manualValues(input, at))
    .where(and(eq(officials.id, id), eq(officials.source, 'manual')))
    .returning({ id: officials.id });
  return result.length > 0;
}

/** The language meeting requests to an official are written in (kept across imports). */
export async function setOfficialLang(db: Db, id: string, lang: 'en' | 'es', at: number): Promise<void> {
  await db.update(officials).set({ lang, updatedAt: at }).where(eq(officials.id, id));
}

/** Adds a dated note to an official's power map. */
export async function addPowerMapEntry(
  db: Db,
  entry: {
    officialId: string;
    stance: Stance;
    notedOn: string;
    note: string | null;
    organizerId: string | null;
  },
  at: number,
): Promise<void> {
  await db.insert(powerMapEntries).values({ id: crypto.randomUUID(), createdAt: at, ...entry });
}

/** One entry of an official's power map, or undefined. */
export async function getPowerMapEntry(
  db: Db,
  officialId: string,
  entryId: string,
): Promise<PowerMapEntry | undefined> {
  return findRow(
    db,
    powerMapEntries,
    and(eq(powerMapEntries.id, entryId), eq(powerMapEntries.officialId, officialId)),
  );
}

/** The map's history row keeping an entry as it was before an edit or a delete. */
function powerMapHistoryStatement(
  db: Db,
  entry: PowerMapEntry,
  action: 'edit' | 'delete',
  organizerId: string | null,
  at: number,
) {
  return db.insert(powerMapChanges).values({
    id: crypto.randomUUID(),
    officialId: entry.officialId,
    entryId: entry.id,
    action,
    before: { stance: entry.stance, notedOn: entry.notedOn, note: entry.note },
    organizerId,
    at,
  });
}

/** Corrects an entry; the entry as it was goes to the map's history in the same batch. */
export async function editPowerMapEntry(
  db: Db,
  entry: PowerMapEntry,
  change: { stance: Stance; notedOn: string; note: string | null },
  organizerId: string | null,
  at: number,
): Promise<void> {
  await db.batch([
    powerMapHistoryStatement(db, entry, 'edit', organizerId, at),
    db
      .update(powerMapEntries)
      .set({ ...change, updatedAt: at })
      .where(eq(powerMapEntries.id, entry.id)),
  ]);
}

/** Deletes an entry; what it said stays in the map's history. */
export async function deletePowerMapEntry(
  db: Db,
  entry: PowerMapEntry,
  organizerId: string | null,
  at: number,
): Promise<void> {
  await db.batch([
    powerMapHistoryStatement(db, entry, 'delete', organizerId, at),
    db.delete(powerMapEntries).where(eq(powerMapEntries.id, entry.id)),
  ]);
}

/** A recorded correction of the power map, with the organizer's name. */
export type PowerMapChangeRow = PowerMapChange & { organizerName: string | null };

/** The corrections of an official's power map, newest first. */
export async function listPowerMapChanges(db: Db, officialId: string): Promise<PowerMapChangeRow[]> {
  const rows = await db
    .select({ change: powerMapChanges, organizerName: organizers.name })
    .from(powerMapChanges)
    .leftJoin(organizers, eq(organizers.id, powerMapChanges.organizerId))
    .where(eq(powerMapChanges.officialId, officialId))
    .orderBy(desc(powerMapChanges.at));
  return rows.map(({ change, organizerName }) => ({ ...change, organizerName }));
}

/** An official's power map as organizers see it: the entries and the recorded corrections. */
export interface PowerMapData {
  entries: PowerMapEntry[];
  changes: PowerMapChangeRow[];
}

/** Loads an official's power map for the organizer page. */
export async function loadPowerMap(db: Db, officialId: string): Promise<PowerMapData> {
  const [entries, changes] = await Promise.all([
    listPowerMapEntries(db, officialId),
    listPowerMapChanges(db, officialId),
  ]);
  return { entries, changes };
}
