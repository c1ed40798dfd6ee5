// Every query of a campaign's own tables: the campaign, its parts, and the choices its forms offer.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { findRow } from '../../db/find';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { advocacyDays, type DayKind } from '../../advocacy-days/schema';
import { bills } from '../../bills/schema';
import { letters } from '../../letters/schema';
import { officials, type Official } from '../../officials/schema';
import {
  campaignCommunications,
  campaignGoals,
  campaignParties,
  campaignTactics,
  campaignTargets,
  campaigns,
  type Campaign,
  type CampaignCommunication,
  type CampaignGoal,
  type CampaignParty,
  type CampaignTactic,
  type CampaignTarget,
} from '../schema';
import { pickColumns } from '../../db/pick';

/** A campaign with how many tactics it has and how many are still planned. */
export type CampaignListRow = Campaign & { tactics: number; planned: number };

/** Every campaign, newest first, with its tactic counts (the organizer list). */
export async function listCampaigns(db: Db): Promise<CampaignListRow[]> {
  return db
    .select({
      ...campaignColumns,
      tactics: count(campaignTactics.id),
      planned: sql<number>`coalesce(sum(${campaignTactics.status} = 'planned'), 0)`.mapWith(Number),
    })
    .from(campaigns)
    .leftJoin(campaignTactics, eq(campaignTactics.campaignId, campaigns.id))
    .groupBy(campaigns.id)
    .orderBy(desc(campaigns.createdAt));
}

const { id, slug, title, titleEs, issueEn, issueEs, winnableEn, winnableEs, considerations } = campaigns;
const campaignColumns = {
  id,
  slug,
  title,
  titleEs,
  issueEn,
  issueEs,
  winnableEn,
  winnableEs,
  considerations,
  published: campaigns.published,
  publicParts: campaigns.publicParts,
  isDemo: campaigns.isDemo,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
};

/** One campaign by id. */
export function getCampaign(db: Db, campaignId: string): Promise<Campaign | undefined> {
  return findRow(db, campaigns, eq(campaigns.id, campaignId));
}

/** One campaign by its public address. */
export function getCampaignBySlug(db: Db, campaignSlug: string): Promise<Campaign | undefined> {
  return findRow(db, campaigns, eq(campaigns.slug, campaignSlug));
}

/** The columns of a campaign its form sets. */
export type CampaignInput = Omit<typeof campaigns.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'isDemo'>;

/** Adds a campaign. */
export async function insertCampaign(
  db: Db,
  campaignId: string,
  input: CampaignInput,
  at: number,
): Promise<void> {
  await db.insert(campaigns).values({ ...input, id: campaignId, createdAt: at, updatedAt: at });
}

/** Saves a campaign's form. */
export async function updateCampaign(
  db: Db,
  campaignId: string,
  input: CampaignInput,
  at: number,
): Promise<void> {
  await db
    .update(campaigns)
    .set({ ...input, updatedAt: at })
    .where(eq(campaigns.id, campaignId));
}

/** A party (ally or opponent) with the name of the official it is, when it is one. */
export type PartyRow = CampaignParty & { officialName: string | null };
/** A target with its official. */
export type TargetRow = CampaignTarget & { official: Official };

/** Everything a campaign holds: the campaign and each part of its chart. */
export interface CampaignParts {
  campaign: Campaign;
  goals: CampaignGoal[];
  parties: PartyRow[];
  targets: TargetRow[];
  communications: CampaignCommunication[];
  tactics: CampaignTactic[];
}

/** A campaign and all its parts, in the order the pages show them; null when there is none. */
export async function loadCampaignParts(db: Db, campaign: Campaign): Promise<CampaignParts> {
  const of = campaign.id;
  const [goals, parties, targets, communications, tactics] = await Promise.all([
    db
      .select()
      .from(campaignGoals)
      .where(eq(campaignGoals.campaignId, of))
      .orderBy(asc(campaignGoals.createdAt)),
    db
      .select({ party: campaignParties, officialName: officials.name })
      .from(campaignParties)
      .leftJoin(officials, eq(officials.id, campaignParties.officialId))
      .where(eq(campaignParties.campaignId, of))
      .orderBy(asc(campaignParties.side), asc(campaignParties.createdAt)),
    db
      .select({ target: campaignTargets, official: officials })
      .from(campaignTargets)
      .innerJoin(officials, eq(officials.id, campaignTargets.officialId))
      .where(eq(campaignTargets.campaignId, of))
      .orderBy(asc(campaignTargets.rank), asc(officials.name)),
    db
      .select()
      .from(campaignCommunications)
      .where(eq(campaignCommunications.campaignId, of))
      .orderBy(asc(campaignCommunications.kind), asc(campaignCommunications.createdAt)),
    db
      .select()
      .from(campaignTactics)
      .where(eq(campaignTactics.campaignId, of))
      .orderBy(asc(campaignTactics.onDate), asc(campaignTactics.createdAt)),
  ]);
  return {
    campaign,
    goals,
    parties: parties.map((row) => ({ ...row.party, officialName: row.officialName })),
    targets: targets.map((row) => ({ ...row.target, official: row.official })),
    communications,
    tactics,
  };
}

/** One stored item of a part, to save (added or changed: the same statement). */
export type PartItem =
  | { part: 'goals'; row: typeof campaignGoals.$inferInsert }
  | { part: 'parties'; row: typeof campaignParties.$inferInsert }
  | { part: 'targets'; row: typeof campaignTargets.$inferInsert }
  | { part: 'communications'; row: typeof campaignCommunications.$inferInsert }
  | { part: 'tactics'; row: typeof campaignTactics.$inferInsert };

/** The names of a campaign's parts, as their addresses say them (/admin/campaigns/:id/<part>). */
export type PartName = PartItem['part'];

/**
 * Adds an item, or saves it when its id (a target's official) is already the campaign's. An item of
 * another campaign with the same id is left alone (the `setWhere`).
 */
export async function savePartItem(db: Db, item: PartItem): Promise<void> {
  if (item.part === 'targets') {
    await db
      .insert(campaignTargets)
      .values(item.row)
      .onConflictDoUpdate({
        target: [campaignTargets.campaignId, campaignTargets.officialId],
        set: { rank: item.row.rank },
      });
    return;
  }
  const table: ItemTable = ITEM_TABLES[item.part];
  const { id: _id, createdAt: _createdAt, ...changes } = item.row;
  await db
    .insert(table)
    .values(item.row)
    // The row's type follows `item.part`, which drizzle cannot see through the table union.
    .onConflictDoUpdate({
      target: table.id,
      set: changes as SQLiteUpdateSetSource<ItemTable>,
      setWhere: eq(table.campaignId, item.row.campaignId),
    });
}

type ItemTable = (typeof ITEM_TABLES)[keyof typeof ITEM_TABLES];

/** Removes an item of a campaign's part (`itemId` is a target's official id); false when none was. */
export async function deletePartItem(
  db: Db,
  part: PartName,
  campaignId: string,
  itemId: string,
): Promise<boolean> {
  const result =
    part === 'targets'
      ? await db
          .delete(campaignTargets)
          .where(and(eq(campaignTargets.campaignId, campaignId), eq(campaignTargets.officialId, itemId)))
      : await db
          .delete(ITEM_TABLES[part])
          .where(and(eq(ITEM_TABLES[part].campaignId, campaignId), eq(ITEM_TABLES[part].id, itemId)));
  return result.meta.changes > 0;
}

const ITEM_TABLES = {
  goals: campaignGoals,
  parties: campaignParties,
  communications: campaignCommunications,
  tactics: campaignTactics,
} as const;

/** An official a form can choose (targets, allies and opponents). */
export type OfficialChoice = Pick<Official, 'id' | 'name' | 'title' | 'state'>;

/** Officials in office, by name, for the forms' selects. */
export function listOfficialChoices(db: Db): Promise<OfficialChoice[]> {
  return db
    .select({ id: officials.id, name: officials.name, title: officials.title, state: officials.state })
    .from(officials)
    .where(eq(officials.inOffice, true))
    .orderBy(asc(officials.state), asc(officials.name));
}

/** True when an official of this id is in the directory. */
export async function officialExists(db: Db, officialId: string): Promise<boolean> {
  return Boolean(await findRow(db, officials, eq(officials.id, officialId)));
}

/** An action a tactic can link to. */
export interface ActionChoice {
  kind: 'letter' | 'day' | 'bill';
  id: string;
  slug: string;
  title: string;
  titleEs: string | null;
  /** A bill's state ("GA"), for its public address; null otherwise. */
  state: string | null;
  /** A day's kind (a gathering lives at /gatherings), for its public address; null otherwise. */
  dayKind?: DayKind | null;
  /** Whether people can act on it now: an open letter, a published day not over, a tracked bill. */
  open: boolean;
}

/** Every letter, day and bill, for the tactic form's select and the pages' links. */
export async function listActionChoices(db: Db, at = Date.now()): Promise<ActionChoice[]> {
  const [letterRows, dayRows, billRows] = await Promise.all([
    db
      .select({
        id: letters.id,
        slug: letters.slug,
        title: letters.titleEn,
        titleEs: letters.titleEs,
        open: sql<boolean>`${letters.status} = 'open'`.mapWith(Boolean),
      })
      .from(letters)
      .orderBy(desc(letters.createdAt)),
    db
      .select({
        id: advocacyDays.id,
        slug: advocacyDays.slug,
        title: advocacyDays.title,
        titleEs: advocacyDays.titleEs,
        dayKind: advocacyDays.kind,
        open: sql<boolean>`${advocacyDays.status} = 'published' and ${advocacyDays.endsAt} > ${at}`.mapWith(
          Boolean,
        ),
      })
      .from(advocacyDays)
      .orderBy(desc(advocacyDays.startsAt)),
    db
      .select({
        id: bills.id,
        slug: bills.slug,
        title: bills.identifier,
        titleEs: sql<null>`null`,
        state: bills.state,
        open: bills.tracked,
      })
      .from(bills)
      .orderBy(asc(bills.state), asc(bills.identifier)),
  ]);
  return [
    ...letterRows.map((row) => ({ kind: 'letter' as const, ...row, state: null })),
    ...dayRows.map((row) => ({ kind: 'day' as const, ...row, state: null })),
    ...billRows.map((row) => ({ kind: 'bill' as const, ...row })),
  ];
}

/** The campaigns whose tactics name an action (a letter's, day's or bill's id). */
export function campaignsOfAction(
  db: Db,
  action: 'letter' | 'day' | 'bill',
  actionId: string,
): Promise<Pick<Campaign, 'id' | 'slug' | 'title' | 'titleEs' | 'published'>[]> {
  return db
    .selectDistinct(pickColumns(campaigns, 'id', 'slug', 'title', 'titleEs', 'published'))
    .from(campaignTactics)
    .innerJoin(campaigns, eq(campaigns.id, campaignTactics.campaignId))
    .where(and(eq(campaignTactics.action, action), eq(campaignTactics.actionRef, actionId)))
    .orderBy(asc(campaigns.title));
}

/** The letters, days and bills the tactics of published campaigns name, campaigns by title. */
export async function publishedCampaignActions(db: Db) {
  const rows = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      title: campaigns.title,
      titleEs: campaigns.titleEs,
      action: campaignTactics.action,
      actionRef: campaignTactics.actionRef,
    })
    .from(campaignTactics)
    .innerJoin(campaigns, eq(campaigns.id, campaignTactics.campaignId))
    .where(and(eq(campaigns.published, true), inArray(campaignTactics.action, ['letter', 'day', 'bill'])))
    .orderBy(asc(campaigns.title), asc(campaigns.id));
  return rows.flatMap((row) =>
    (row.action === 'letter' || row.action === 'day' || row.action === 'bill') && row.actionRef
      ? [{ ...row, action: row.action, actionRef: row.actionRef }]
      : [],
  );
}
