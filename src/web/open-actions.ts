import type { Db } from '../db';
import type { Lang } from '../lib/i18n';

/** Something a person can do now, for the home page and "other actions" lists. */
export interface OpenAction {
  kind: 'letter' | 'advocacy-day' | 'gathering' | 'bill' | 'meeting';
  /** The card's label when the kind's own is too general (a gathering's "Vigil"). */
  kindLabel?: string;
  /** The row it is, as a campaign's tactics name it (so the home page can group by campaign). */
  ref?: { kind: 'letter' | 'day' | 'bill'; id: string };
  title: string;
  summary?: string;
  url: string;
  /** When it closes or happens (ISO date), for ordering. */
  date?: string | null;
  /** How it is going now, in the reader's language ("36 signed of a goal of 100 · 12 days left"). */
  status?: string;
  /** Progress toward a goal, 0 to 100 (a letter's signatures), drawn as a bar on its card. */
  percent?: number | null;
  /** The label of the one button on its card ("Sign the letter", "Register"). */
  button?: string;
  /** When taking part closes (ms): a letter's deadline, a day's registration deadline. */
  closesAt?: number | null;
  /** When it last moved (ms): a bill's newest movement. */
  movedAt?: number | null;
}

/** Lists what is open in one feature, in the person's language. */
export type OpenActionsSource = (db: Db, lang: Lang) => Promise<OpenAction[]>;

/** Everything open now across features, grouped by kind (gathered by home/, handed to features). */
export type ListOpenActions = (db: Db, lang: Lang) => Promise<Record<OpenAction['kind'], OpenAction[]>>;

/**
 * How far from `now` the moment that makes an action urgent is: the time until it closes, or the
 * time since it last moved (a bill that moved yesterday is as pressing as a letter closing
 * tomorrow). Infinity when it has neither.
 */
function urgencyDistance(action: OpenAction, now: number): number {
  const distances = [
    action.closesAt != null && action.closesAt >= now ? action.closesAt - now : null,
    action.movedAt != null ? Math.abs(now - action.movedAt) : null,
  ].filter((d): d is number => d !== null);
  return distances.length ? Math.min(...distances) : Number.POSITIVE_INFINITY;
}

/** Open actions, most urgent first (nearest deadline or newest movement); ties keep their order. */
export function mostUrgentFirst(actions: readonly OpenAction[], now: number): OpenAction[] {
  return actions
    .map((action, index) => ({ action, index, distance: urgencyDistance(action, now) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map(({ action }) => action);
}
