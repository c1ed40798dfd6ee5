import type { Db } from '../db';
import type { Lang } from '../lib/i18n';

/** Something a person can do now, for the home page and "other actions" lists. */
export interface OpenAction {
  kind: 'letter' | 'advocacy-day' | 'bill' | 'meeting';
  title: string;
  summary?: string;
  url: string;
  /** When it closes or happens (ISO date), for ordering. */
  date?: string | null;
}

/** Lists what is open in one feature, in the person's language. */
export type OpenActionsSource = (db: Db, lang: Lang) => Promise<OpenAction[]>;

/** Everything open now across features, grouped by kind (gathered by home/, handed to features). */
export type ListOpenActions = (db: Db, lang: Lang) => Promise<Record<OpenAction['kind'], OpenAction[]>>;
