// The actions a campaign's tactics link to (letters, days, bills), by the lower features' addresses.
import { billPath } from '../bills/links';
import { letterPath } from '../letters/links';
import { dayPath } from '../advocacy-days/kinds';
import type { ActionChoice } from './queries';

/** The public page of a letter, day or bill a tactic links to. */
export function actionPath(action: Pick<ActionChoice, 'kind' | 'slug' | 'state' | 'dayKind'>): string {
  switch (action.kind) {
    case 'letter':
      return letterPath(action);
    case 'day':
      // A gathering's page is under /gatherings.
      return dayPath({ kind: action.dayKind ?? 'advocacy_day', slug: action.slug });
    case 'bill':
      return billPath({ state: action.state ?? '', slug: action.slug });
  }
}
