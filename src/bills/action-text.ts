// What a legislative action was, in the reader's language. Legislatures write action text in
// English ("House: Committee hearing held"); Open States classifies each action, and the
// classification is what a Spanish page describes, with the legislature's own text as its source.
import type { MessageKey, Translate } from '../lib/i18n';

/** Open States action classifications, most telling first: an action with several is described by the first. */
const DESCRIPTIONS: readonly (readonly [string, MessageKey])[] = [
  ['became-law', 'bills.action.became-law'],
  ['veto-override-passage', 'bills.action.veto-override-passage'],
  ['veto-override-failure', 'bills.action.veto-override-failure'],
  ['executive-veto', 'bills.action.executive-veto'],
  ['executive-veto-line-item', 'bills.action.executive-veto-line-item'],
  ['executive-signature', 'bills.action.executive-signature'],
  ['executive-receipt', 'bills.action.executive-receipt'],
  ['passage', 'bills.action.passage'],
  ['failure', 'bills.action.failure'],
  ['withdrawal', 'bills.action.withdrawal'],
  ['committee-passage-favorable', 'bills.action.committee-passage-favorable'],
  ['committee-passage-unfavorable', 'bills.action.committee-passage-unfavorable'],
  ['committee-passage', 'bills.action.committee-passage'],
  ['committee-failure', 'bills.action.committee-failure'],
  ['reading-3', 'bills.action.reading-3'],
  ['reading-2', 'bills.action.reading-2'],
  ['referral-committee', 'bills.action.referral-committee'],
  ['reading-1', 'bills.action.reading-1'],
  ['introduction', 'bills.action.introduction'],
  ['filing', 'bills.action.filing'],
  ['amendment-passage', 'bills.action.amendment-passage'],
  ['amendment-failure', 'bills.action.amendment-failure'],
  ['amendment-withdrawal', 'bills.action.amendment-withdrawal'],
  ['amendment-deferral', 'bills.action.amendment-deferral'],
  ['amendment-amended', 'bills.action.amendment-amended'],
  ['amendment-introduction', 'bills.action.amendment-introduction'],
];

const CHAMBERS: Record<string, MessageKey> = {
  upper: 'bills.chamber.upper',
  lower: 'bills.chamber.lower',
  executive: 'bills.chamber.executive',
  legislature: 'bills.chamber.legislature',
};

/** The key describing an action with these classifications, or null when none is known. */
export function actionDescriptionKey(classification: readonly string[]): MessageKey | null {
  return DESCRIPTIONS.find(([name]) => classification.includes(name))?.[1] ?? null;
}

/**
 * An action as a reader of `t`'s language sees it: the described action (null when its
 * classification says nothing we know) and the body that acted.
 */
export function describeAction(
  t: Translate,
  action: { chamber: string | null; chamberKind: string | null; classification: readonly string[] },
): { description: string | null; chamber: string | null } {
  const key = actionDescriptionKey(action.classification);
  const chamberKey = action.chamberKind ? CHAMBERS[action.chamberKind] : undefined;
  return { description: key ? t(key) : null, chamber: chamberKey ? t(chamberKey) : action.chamber };
}
