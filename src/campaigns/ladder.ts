// The toolkit warns against starting with the strongest tactic: a campaign meets its decision makers
// first, then escalates in a planned order (TACTIC_RUNGS). These plain functions say when a planned
// tactic skips rungs, so the organizer's page can warn (never refuse).
import { TACTIC_RUNGS, type CampaignTactic, type TacticRung } from './schema';

/** The place of a rung on the ladder, from 0 (meetings with decision makers). */
export function rungIndex(rung: TacticRung): number {
  return TACTIC_RUNGS.indexOf(rung);
}

/** A planned tactic higher on the ladder than what has happened, and the lower rungs it skips. */
export interface LadderWarning {
  tacticId: string;
  rung: TacticRung;
  skipped: TacticRung[];
}

type LadderTactic = Pick<CampaignTactic, 'id' | 'rung' | 'status' | 'onDate'>;

/**
 * The warnings of a campaign's tactics. A lower rung counts as reached for a planned tactic when a
 * tactic on it has happened, or is planned for the same day or earlier; a planned tactic warns
 * about every lower rung not reached. Done and cancelled tactics never warn.
 * @example ladderWarnings([{ id: 'v', rung: 'vigil_rally', status: 'planned', onDate: '2027-01-10' }])
 *   // [{ tacticId: 'v', rung: 'vigil_rally', skipped: ['meeting'] }]
 */
export function ladderWarnings(tactics: readonly LadderTactic[]): LadderWarning[] {
  const warnings: LadderWarning[] = [];
  for (const tactic of tactics) {
    if (tactic.status !== 'planned') continue;
    const skipped = TACTIC_RUNGS.slice(0, rungIndex(tactic.rung)).filter(
      (lower) =>
        !tactics.some(
          (other) =>
            other.rung === lower &&
            (other.status === 'done' || (other.status === 'planned' && other.onDate <= tactic.onDate)),
        ),
    );
    if (skipped.length) warnings.push({ tacticId: tactic.id, rung: tactic.rung, skipped });
  }
  return warnings;
}
