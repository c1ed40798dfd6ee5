// The actions a campaign's tactics link to (letters, days, bills), by the lower features' addresses.
import { billPath } from '../bills/links';
import { letterPath } from '../letters/links';
import type { ActionChoice } from './queries';

/** The public page of a letter, day or bill a tactic links to. */
export function actionPath(action: Pick<ActionChoice, 'kind' | 'slug' | 'state'>): string {
  switch (action.kind) {
    case 'letter':
      return letterPath(action);
    case 'day':
      return `/days/${encodeURIComponent(action.slug)}`;
    case 'bill':
      return billPath({ state: action.state ?? '', slug: action.slug });
  }
}
