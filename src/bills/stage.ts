import type { BillStage } from './schema';

/** What stage derivation needs from an action (Open States shape, simplified). */
export interface StageAction {
  /** YYYY-MM-DD (or a longer ISO timestamp). */
  date: string;
  /** The legislature's order of the action, for same-day actions. */
  position?: number | null;
  classification: readonly string[];
  /** upper | lower | legislature | executive, when known. */
  chamberKind?: string | null;
  /** The chamber's name, used when its kind is unknown. */
  chamber?: string | null;
}

// Rank of the stages a bill progresses through; the outcome stages are kept apart.
const PROGRESS: Partial<Record<BillStage, number>> = {
  introduced: 1,
  in_committee: 2,
  passed_committee: 3,
  passed_first_chamber: 4,
  passed_both_chambers: 5,
  sent_to_governor: 6,
};

/** Sorts actions into the order they happened: by date, then by the legislature's own order. */
export function sortActions<T extends StageAction>(actions: readonly T[]): T[] {
  return [...actions].sort((a, b) => {
    const byDate = a.date.slice(0, 10).localeCompare(b.date.slice(0, 10));
    if (byDate !== 0) return byDate;
    return (a.position ?? 0) - (b.position ?? 0);
  });
}

/**
 * The stage of a bill from its actions' Open States classifications. Actions may come in any order:
 * they are sorted by date and order first. A failure ends the road only until a later action
 * (a reconsidered vote that passes) moves the bill again.
 */
export function stageFromActions(actions: readonly StageAction[]): BillStage {
  let progress: BillStage = 'introduced';
  let outcome: 'failed' | 'vetoed' | 'signed' | null = null;
  const passedChambers = new Set<string>();
  const overrideChambers = new Set<string>();

  const advance = (stage: BillStage) => {
    if ((PROGRESS[stage] ?? 0) > (PROGRESS[progress] ?? 0)) progress = stage;
    if (outcome === 'failed') outcome = null;
  };

  for (const action of sortActions(actions)) {
    const chamber = action.chamberKind || action.chamber || 'unknown';
    const kinds = new Set(action.classification);
    const inFirstChamber = passedChambers.size === 0;

    if (kinds.has('introduction') || kinds.has('filing') || kinds.has('reading-1')) advance('introduced');
    if (kinds.has('referral-committee') && inFirstChamber) advance('in_committee');
    if (
      (kinds.has('committee-passage') ||
        kinds.has('committee-passage-favorable') ||
        kinds.has('committee-passage-unfavorable')) &&
      inFirstChamber
    )
      advance('passed_committee');
    if (kinds.has('passage')) {
      passedChambers.add(chamber);
      // A unicameral legislature passes a bill once.
      advance(
        passedChambers.size >= 2 || chamber === 'legislature'
          ? 'passed_both_chambers'
          : 'passed_first_chamber',
      );
    }
    if (kinds.has('executive-receipt')) advance('sent_to_governor');
    if (kinds.has('committee-failure') || kinds.has('failure') || kinds.has('withdrawal')) {
      if (outcome !== 'signed') outcome = 'failed';
    }
    if (kinds.has('executive-veto')) outcome = 'vetoed';
    if (kinds.has('veto-override-passage')) {
      overrideChambers.add(chamber);
      if (overrideChambers.size >= 2 || chamber === 'legislature') outcome = 'signed';
    }
    if (kinds.has('executive-signature') || kinds.has('became-law')) outcome = 'signed';
  }
  return outcome ?? progress;
}

/** The stage a bill shows: the organizer's override when set, otherwise the derived one. */
export function effectiveStage(bill: {
  derivedStage: BillStage;
  stageOverride: BillStage | null;
}): BillStage {
  return bill.stageOverride ?? bill.derivedStage;
}

/** True when the stage ends the bill's road (nothing more is expected to happen). */
export function isFinalStage(stage: BillStage): boolean {
  return stage === 'signed' || stage === 'vetoed' || stage === 'failed';
}

/** The stages shown as the bill's progress bar, in order, and which of them are reached. */
export function stageSteps(stage: BillStage): { stage: BillStage; reached: boolean; current: boolean }[] {
  const path = Object.keys(PROGRESS) as BillStage[];
  const rank = PROGRESS[stage];
  const steps = path.map((s) => ({
    stage: s,
    // For a final stage the path is not shown as reached: the timeline says how far it got.
    reached: rank !== undefined ? (PROGRESS[s] ?? 0) <= rank : false,
    current: s === stage,
  }));
  if (rank === undefined) steps.push({ stage, reached: true, current: true });
  return steps;
}

/**
 * The timeline of a bill: each action in the order it happened, with the stage the bill was in
 * after it and whether that action changed the stage (to highlight the steps on the page).
 */
export function timelineWithStages<T extends StageAction>(
  actions: readonly T[],
): { action: T; stage: BillStage; changed: boolean }[] {
  const sorted = sortActions(actions);
  let previous: BillStage | null = null;
  return sorted.map((action, index) => {
    const stage = stageFromActions(sorted.slice(0, index + 1));
    const changed = stage !== previous;
    previous = stage;
    return { action, stage, changed };
  });
}
