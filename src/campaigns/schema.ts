// Tables of this feature; re-exported by src/schema.ts. A campaign holds the toolkit's strategy
// chart: goals, organizational considerations, allies and opponents, targets, tactics and
// communications. Tactics point at the actions (letters, days, bills) that carry them out, so the
// actions themselves need no column of ours.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
  bilingual,
  choice,
  demoFlag,
  epochMsNotNull,
  fanoutCursorColumns,
  fanoutCursorIndex,
  flag,
  ownerId,
  requiredRef,
  timestamps,
} from '../db/columns';
import { officials } from '../officials/schema';

/** How far off a goal is (the chart's short, medium and long term). */
export const GOAL_HORIZONS = ['short', 'medium', 'long'] as const;
export type GoalHorizon = (typeof GOAL_HORIZONS)[number];

/** Where a goal stands. */
export const GOAL_STATUSES = ['not_started', 'in_progress', 'won', 'lost'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Which side an organization or official is on. */
export const PARTY_SIDES = ['ally', 'opponent'] as const;
export type PartySide = (typeof PARTY_SIDES)[number];

/** A target is the decision maker (primary) or someone who moves them (secondary). */
export const TARGET_RANKS = ['primary', 'secondary'] as const;
export type TargetRank = (typeof TARGET_RANKS)[number];

/** What a communications item is. */
export const COMMUNICATION_KINDS = ['message', 'spokesperson', 'press', 'op_ed'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

/**
 * The toolkit's escalation ladder, from the softest tactic to the strongest, in this order: a
 * campaign starts with meetings and escalates in a planned way (see ladder.ts).
 */
export const TACTIC_RUNGS = ['meeting', 'vigil_rally', 'forum', 'press', 'direct_action'] as const;
export type TacticRung = (typeof TACTIC_RUNGS)[number];

/** Where a tactic stands: planned, happened (done), or called off. */
export const TACTIC_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type TacticStatus = (typeof TACTIC_STATUSES)[number];

/** What carries a tactic out: one of our actions, meeting requests to the targets, or nothing yet. */
export const TACTIC_ACTIONS = ['none', 'letter', 'day', 'meeting_requests', 'bill'] as const;
export type TacticAction = (typeof TACTIC_ACTIONS)[number];

/** The parts of a campaign its organizers may show on the public page, one choice each. */
export const PUBLIC_PARTS = [
  'issue',
  'winnable',
  'goals',
  'targets',
  'actions',
  'progress',
  'communications',
] as const;
export type PublicPart = (typeof PUBLIC_PARTS)[number];

/**
 * A campaign: the issue and why it is winnable, in two languages, and the organizational
 * considerations (organizer-only). `publicParts` lists what the public page shows; allies and
 * opponents and the power map are never among them.
 */
export const campaigns = sqliteTable('campaigns', {
  id: text().primaryKey(),
  /** The public address: /campaigns/<slug>. */
  slug: text().notNull().unique(),
  title: text().notNull(),
  titleEs: text(),
  ...bilingual('issue'),
  ...bilingual('winnable'),
  /** People, budget, volunteers, capacity: free text, never public. */
  considerations: text(),
  /** Whether /campaigns/<slug> exists for visitors. */
  published: flag(false),
  publicParts: text({ mode: 'json' }).$type<PublicPart[]>().notNull().default([]),
  isDemo: demoFlag(),
  ...timestamps(),
});

/** A goal of a campaign, by horizon, with where it stands. */
export const campaignGoals = sqliteTable(
  'campaign_goals',
  {
    id: text().primaryKey(),
    campaignId: ownerId(() => campaigns.id),
    horizon: choice(GOAL_HORIZONS, 'short'),
    ...bilingual('text', 'en'),
    status: choice(GOAL_STATUSES, 'not_started'),
    createdAt: epochMsNotNull(),
  },
  (t) => [index('campaign_goals_campaign_idx').on(t.campaignId, t.horizon)],
);

/** An ally or opponent (an organization, or an official of the directory), with a note and a plan. */
export const campaignParties = sqliteTable(
  'campaign_parties',
  {
    id: text().primaryKey(),
    campaignId: ownerId(() => campaigns.id),
    side: choice(PARTY_SIDES, 'ally'),
    name: text().notNull(),
    officialId: text().references(() => officials.id),
    note: text(),
    outreachPlan: text(),
    createdAt: epochMsNotNull(),
  },
  (t) => [index('campaign_parties_campaign_idx').on(t.campaignId, t.side)],
);

/** The decision makers a campaign targets, chosen from the officials directory. */
export const campaignTargets = sqliteTable(
  'campaign_targets',
  {
    campaignId: ownerId(() => campaigns.id),
    officialId: requiredRef(() => officials.id),
    rank: choice(TARGET_RANKS, 'primary'),
    createdAt: epochMsNotNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.officialId] }),
    index('campaign_targets_official_idx').on(t.officialId),
  ],
);

/** Messages, spokespeople, press and op-ed items; press and op-eds carry a date and a link. */
export const campaignCommunications = sqliteTable(
  'campaign_communications',
  {
    id: text().primaryKey(),
    campaignId: ownerId(() => campaigns.id),
    kind: choice(COMMUNICATION_KINDS, 'message'),
    ...bilingual('text', 'en'),
    /** YYYY-MM-DD. */
    onDate: text(),
    url: text(),
    createdAt: epochMsNotNull(),
  },
  (t) => [index('campaign_communications_campaign_idx').on(t.campaignId, t.kind)],
);

/**
 * A tactic on the ladder: when, where it stands, the goal it serves, and the action that carries it
 * out (`actionRef` is the letter's, day's or bill's id; meeting requests go to the targets).
 */
export const campaignTactics = sqliteTable(
  'campaign_tactics',
  {
    id: text().primaryKey(),
    campaignId: ownerId(() => campaigns.id),
    rung: choice(TACTIC_RUNGS, 'meeting'),
    ...bilingual('title', 'en'),
    /** YYYY-MM-DD. */
    onDate: text().notNull(),
    status: choice(TACTIC_STATUSES, 'planned'),
    goalId: text().references(() => campaignGoals.id, { onDelete: 'set null' }),
    action: choice(TACTIC_ACTIONS, 'none'),
    /** No foreign key: the id names a row of letters, advocacy_days or bills, by `action`. */
    actionRef: text(),
    position: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('campaign_tactics_campaign_idx').on(t.campaignId, t.onDate),
    index('campaign_tactics_action_idx').on(t.action, t.actionRef),
  ],
);

/**
 * An update organizers post to a campaign: shown on the public page, and emailed to the people
 * subscribed to the campaign (bill_subscriptions with its `campaignId`) through the fan-out, a page
 * of recipients at a time; the cursor columns record the pages stored so far.
 */
export const campaignUpdates = sqliteTable(
  'campaign_updates',
  {
    id: text().primaryKey(),
    campaignId: ownerId(() => campaigns.id),
    organizerId: text(),
    ...bilingual('title', 'en'),
    /** Markdown, rendered safely (raw HTML escaped). */
    ...bilingual('body', 'en'),
    /** How many people it was going to when the organizer posted it. */
    recipientCount: integer().notNull(),
    ...fanoutCursorColumns(['sending', 'done'], 'sending'),
    isDemo: demoFlag(),
    createdAt: epochMsNotNull(),
  },
  (t) => [
    index('campaign_updates_campaign_idx').on(t.campaignId, t.createdAt),
    fanoutCursorIndex('campaign_updates', t),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignUpdate = typeof campaignUpdates.$inferSelect;
export type CampaignGoal = typeof campaignGoals.$inferSelect;
export type CampaignParty = typeof campaignParties.$inferSelect;
export type CampaignTarget = typeof campaignTargets.$inferSelect;
export type CampaignCommunication = typeof campaignCommunications.$inferSelect;
export type CampaignTactic = typeof campaignTactics.$inferSelect;
