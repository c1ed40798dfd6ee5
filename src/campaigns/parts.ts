// The five parts of a campaign an organizer adds and edits one item at a time (goals, allies and
// opponents, targets, communications, tactics): each part's form schema, how its validated form
// becomes a row, and how a stored row becomes the form's values. One set of routes serves them all.
import type { z } from 'zod';
import { blankWhenMissing } from '../lib/blanks';
import type { FormErrors, FormValues } from '../web/form';
import type { CampaignParts, PartItem, PartName } from './queries';
import {
  communicationFormSchema,
  goalFormSchema,
  partyFormSchema,
  tacticFormSchema,
  targetFormSchema,
} from './validation';
import type { CampaignTactic, TacticAction } from './schema';

/** The parts in the order the pages show them. */
export const PART_NAMES = [
  'goals',
  'parties',
  'targets',
  'communications',
  'tactics',
] as const satisfies readonly PartName[];

/** True for a path segment that names a part. */
export function isPartName(value: string): value is PartName {
  return (PART_NAMES as readonly string[]).includes(value);
}

/** Each part's form schema. */
export const PART_SCHEMAS = {
  goals: goalFormSchema,
  parties: partyFormSchema,
  targets: targetFormSchema,
  communications: communicationFormSchema,
  tactics: tacticFormSchema,
} as const;

/** A validated form of any part, with the part it belongs to. */
export type PartForm = { [P in PartName]: { part: P; data: z.output<(typeof PART_SCHEMAS)[P]> } }[PartName];

/** What a tactic's action select means: the kind and the id of the letter, day or bill. */
export function parseActionChoice(choice: string): { action: TacticAction; actionRef: string | null } {
  const [kind, ref] = choice.split(':', 2);
  if (kind === 'letter' || kind === 'day' || kind === 'bill') return { action: kind, actionRef: ref ?? null };
  return { action: kind === 'meeting_requests' ? 'meeting_requests' : 'none', actionRef: null };
}

/** A tactic's action as the select's value. */
export function actionChoiceOf(tactic: Pick<CampaignTactic, 'action' | 'actionRef'>): string {
  return tactic.actionRef ? `${tactic.action}:${tactic.actionRef}` : tactic.action;
}

/** What the references of a form are checked against: the directory, the campaign's goals, the actions. */
export interface ReferenceCheck {
  officialExists: (id: string) => Promise<boolean>;
  goalIds: readonly string[];
  actionExists: (kind: 'letter' | 'day' | 'bill', id: string) => boolean;
}

/**
 * The errors of a form whose references name nothing (an official not in the directory, a goal of
 * another campaign, a removed letter); none: an empty object.
 */
export async function referenceErrors(form: PartForm, check: ReferenceCheck): Promise<FormErrors> {
  const errors: FormErrors = {};
  if ((form.part === 'targets' || form.part === 'parties') && form.data.officialId) {
    if (!(await check.officialExists(form.data.officialId)))
      errors.officialId = { key: 'campaigns.error.official' };
  }
  if (form.part === 'tactics') {
    if (form.data.goalId && !check.goalIds.includes(form.data.goalId))
      errors.goalId = { key: 'campaigns.error.goal' };
    const { action, actionRef } = parseActionChoice(form.data.action);
    if (
      (action === 'letter' || action === 'day' || action === 'bill') &&
      !check.actionExists(action, actionRef ?? '')
    )
      errors.action = { key: 'campaigns.error.action' };
  }
  return errors;
}

/** The row a validated form saves, for a new item (`itemId` fresh) or an existing one. */
export function itemFromForm(
  form: PartForm,
  campaignId: string,
  itemId: string,
  at: number,
  createdAt = at,
): PartItem {
  const base = { id: itemId, campaignId, createdAt };
  switch (form.part) {
    case 'goals':
      return { part: 'goals', row: { ...base, ...form.data } };
    case 'parties':
      return { part: 'parties', row: { ...base, ...form.data } };
    case 'targets':
      return { part: 'targets', row: { campaignId, createdAt, ...form.data } };
    case 'communications':
      return { part: 'communications', row: { ...base, ...form.data } };
    case 'tactics': {
      const { action, ...rest } = form.data;
      return { part: 'tactics', row: { ...base, ...rest, ...parseActionChoice(action), updatedAt: at } };
    }
  }
}

/** The id of an item as its address names it (a target by its official). */
export function itemIdOf(part: PartName, item: { id?: string; officialId?: string | null }): string {
  return (part === 'targets' ? item.officialId : item.id) ?? '';
}

/** A stored item of a part as its edit form's values; null when the campaign has no such item. */
export function itemFormValues(parts: CampaignParts, part: PartName, itemId: string): FormValues | null {
  // The item with this id, as its form's values.
  const byId = <T extends { id: string }>(items: readonly T[], values: (item: T) => FormValues) => {
    const item = items.find((candidate) => candidate.id === itemId);
    return item ? values(item) : null;
  };
  switch (part) {
    case 'goals':
      return byId(parts.goals, (goal) => ({
        horizon: goal.horizon,
        status: goal.status,
        ...blankWhenMissing(goal, ['textEn', 'textEs']),
      }));
    case 'parties':
      return byId(parts.parties, (party) => ({
        side: party.side,
        ...blankWhenMissing(party, ['name', 'officialId', 'note', 'outreachPlan']),
      }));
    case 'targets': {
      // A target's id is the official's.
      const target = parts.targets.find((t) => t.officialId === itemId);
      return target ? { officialId: target.officialId, rank: target.rank } : null;
    }
    case 'communications':
      return byId(parts.communications, (item) => ({
        kind: item.kind,
        ...blankWhenMissing(item, ['textEn', 'textEs', 'onDate', 'url']),
      }));
    case 'tactics':
      return byId(parts.tactics, (tactic) => ({
        rung: tactic.rung,
        status: tactic.status,
        onDate: tactic.onDate,
        action: actionChoiceOf(tactic),
        ...blankWhenMissing(tactic, ['titleEn', 'titleEs', 'goalId']),
      }));
  }
}

/** The values a new item's form starts with. */
export const NEW_ITEM_VALUES: Record<PartName, FormValues> = {
  goals: { horizon: 'short', status: 'not_started' },
  parties: { side: 'ally' },
  targets: { rank: 'primary' },
  communications: { kind: 'message' },
  tactics: { rung: 'meeting', status: 'planned', action: 'none' },
};
