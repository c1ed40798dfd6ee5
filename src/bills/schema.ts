// Tables of this feature; re-exported by src/schema.ts.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  bilingual,
  choice,
  demoFlag,
  epochMs,
  epochMsNotNull,
  fanoutCursorColumns,
  fanoutCursorIndex,
  flag,
  langColumn,
  ownerId,
  privateLinkColumns,
  timestamps,
} from '../db/columns';

/** Where a bill stands, in the order bills usually move; the last three end its road. */
export const BILL_STAGES = [
  'introduced',
  'in_committee',
  'passed_committee',
  'passed_first_chamber',
  'passed_both_chambers',
  'sent_to_governor',
  'signed',
  'vetoed',
  'failed',
] as const;
export type BillStage = (typeof BILL_STAGES)[number];

/** The coalition's position on a bill. */
export const BILL_POSITIONS = ['oppose', 'support', 'watch'] as const;
export type BillPosition = (typeof BILL_POSITIONS)[number];

/** What a call to action links to. */
export const CALL_TO_ACTION_KINDS = ['letter', 'advocacy-day', 'meeting', 'link'] as const;
export type CallToActionKind = (typeof CALL_TO_ACTION_KINDS)[number];

/** One "what to do now" link on a bill page and in its alerts. */
export interface CallToAction {
  kind: CallToActionKind;
  url: string;
  labelEn: string;
  labelEs: string;
}

/** One source link of a bill (the legislature's page, an analysis). */
export interface BillSource {
  url: string;
  note?: string | null;
}

/**
 * Tracked bills. `slug` is the identifier in the URL (`sb-6`), unique within a state. The stage
 * shown is `stageOverride` when an organizer set one, otherwise `derivedStage` (from the actions).
 */
export const bills = sqliteTable(
  'bills',
  {
    id: text().primaryKey(),
    /** Open States' "ocd-bill/…" id when the bill came from (or was matched to) Open States. */
    openstatesId: text().unique(),
    /** Postal code, upper case ("GA"). */
    state: text().notNull(),
    session: text().notNull(),
    /** As the legislature writes it: "SB 6". */
    identifier: text().notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    titleEs: text(),
    position: choice(BILL_POSITIONS, 'watch'),
    ...bilingual('summary'),
    ...bilingual('analysis'),
    ...bilingual('talkingPoints'),
    derivedStage: choice(BILL_STAGES, 'introduced'),
    stageOverride: text({ enum: BILL_STAGES }),
    ...bilingual('stageNote'),
    /** JSON array of CallToAction. */
    callsToAction: text().notNull().default('[]'),
    /** JSON array of BillSource. */
    sources: text().notNull().default('[]'),
    /** Only tracked bills are listed, alerted and polled. */
    tracked: flag(true),
    isDemo: demoFlag(),
    /** When the bill last moved (ms), for "most recent movement first". */
    lastMovementAt: epochMs(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('bills_state_slug_idx').on(t.state, t.slug),
    index('bills_movement_idx').on(t.tracked, t.lastMovementAt),
  ],
);

/**
 * The history of a bill. `actionKey` (order, date, description) makes an action imported twice one
 * row; organizer-posted actions get a key of their own.
 */
export const billActions = sqliteTable(
  'bill_actions',
  {
    id: text().primaryKey(),
    billId: ownerId(() => bills.id),
    actionKey: text().notNull(),
    /** YYYY-MM-DD. */
    date: text().notNull(),
    /** Position in the legislature's own list (Open States `order`), to sort same-day actions. */
    position: integer().notNull().default(0),
    /** The chamber or body: "Senate", "House", "Governor", or Open States' organization name. */
    chamber: text(),
    /** upper | lower | executive | legislature (Open States organization classification). */
    chamberKind: text(),
    description: text().notNull(),
    /** JSON array of Open States classifications. */
    classification: text().notNull().default('[]'),
    source: text({ enum: ['openstates', 'organizer', 'demo'] }).notNull(),
    createdAt: epochMsNotNull(),
  },
  (t) => [
    uniqueIndex('bill_actions_key_idx').on(t.billId, t.actionKey),
    index('bill_actions_bill_idx').on(t.billId, t.date),
  ],
);

/** Sponsors: `personId` is Open States' "ocd-person/…" id, the id of the officials directory. */
export const billSponsors = sqliteTable(
  'bill_sponsors',
  {
    billId: ownerId(() => bills.id),
    name: text().notNull(),
    personId: text(),
    primary: flag(false),
    classification: text(),
  },
  (t) => [primaryKey({ columns: [t.billId, t.name] })],
);

/**
 * One movement of a bill (new actions, a new stage, an organizer's update), recorded once
 * (`movementKey` is unique). Alerts fan out from it page by page; `fanoutAfter`/`fanoutPage` record
 * the last page fully handed to email, so a stopped fan-out resumes where it stopped.
 */
export const billMovements = sqliteTable(
  'bill_movements',
  {
    id: text().primaryKey(),
    billId: ownerId(() => bills.id),
    movementKey: text().notNull().unique(),
    kind: text({ enum: ['actions', 'stage', 'update'] }).notNull(),
    stageBefore: text({ enum: BILL_STAGES }),
    stageAfter: text({ enum: BILL_STAGES }).notNull(),
    /** What changed, in both languages (action descriptions, or the organizer's words). */
    ...bilingual('headline', 'both'),
    ...bilingual('detail'),
    occurredAt: epochMsNotNull(),
    createdAt: epochMsNotNull(),
    ...fanoutCursorColumns(['pending', 'done'], 'pending'),
  },
  (t) => [
    index('bill_movements_bill_idx').on(t.billId, t.createdAt),
    fanoutCursorIndex('bill_movements', t),
    index('bill_movements_created_idx').on(t.createdAt),
  ],
);

/**
 * Email subscriptions. A subscription's subject is one bill (`billId`), every tracked bill of a
 * state (`billId` and `campaignId` null), or a campaign's updates (`campaignId`, `state` ''). The
 * same confirmation, manage links, one-click unsubscribe and erasure serve them all. `scopeKey`
 * ("bill:<id>", "state:GA" or "campaign:<id>") with the email is unique: subscribing twice is one row.
 */
export const billSubscriptions = sqliteTable(
  'bill_subscriptions',
  {
    id: text().primaryKey(),
    email: text().notNull(),
    scopeKey: text().notNull(),
    billId: text().references(() => bills.id, { onDelete: 'cascade' }),
    /** No foreign key: campaigns sit above bills; a campaign's deletion deletes its subscriptions. */
    campaignId: text(),
    /** The bill's state; '' for a campaign. */
    state: text().notNull(),
    lang: langColumn(),
    frequency: text({ enum: ['immediate', 'daily'] }).notNull(),
    status: text({ enum: ['pending', 'confirmed', 'unsubscribed'] }).notNull(),
    /** Digest subscribers: movements after this were not yet in a digest. */
    digestSince: epochMs(),
    createdAt: epochMsNotNull(),
    confirmedAt: epochMs(),
    unsubscribedAt: epochMs(),
  },
  (t) => [
    uniqueIndex('bill_subscriptions_email_scope_idx').on(t.email, t.scopeKey),
    index('bill_subscriptions_bill_idx').on(t.billId, t.status, t.frequency),
    index('bill_subscriptions_state_idx').on(t.state, t.status, t.frequency),
    index('bill_subscriptions_campaign_idx').on(t.campaignId, t.status),
  ],
);

/**
 * Private links of a subscription, by the SHA-256 of their token: one to confirm, and one manage
 * link per email sent (so the token itself is never stored, yet every alert carries a working link).
 * Confirm links work 7 days and manage links 180; the hourly clean-up deletes them after that.
 */
export const billSubscriptionLinks = sqliteTable(
  'bill_subscription_links',
  {
    ...privateLinkColumns(),
    subscriptionId: ownerId(() => billSubscriptions.id),
    purpose: text({ enum: ['confirm', 'manage'] }).notNull(),
  },
  (t) => [
    index('bill_subscription_links_sub_idx').on(t.subscriptionId),
    // The clean-up job deletes expired links oldest first.
    index('bill_subscription_links_created_idx').on(t.purpose, t.createdAt),
  ],
);

/** When each outside source last answered, for the admin page ("last updated from Open States"). */
export const billSyncState = sqliteTable('bill_sync_state', {
  source: text().primaryKey(),
  lastSuccessAt: epochMs(),
  lastAttemptAt: epochMs(),
  lastError: text(),
});
