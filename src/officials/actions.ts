// What an official's public page lists beyond the directory: the actions of other features that
// name them (letters addressed to them, bills they sponsor). Those features sit above officials, so
// they provide the lists and the app hands them in (see OFFICIAL_ACTION_SOURCES in src/app.ts).
import type { Db } from '../db';
import type { Lang, MessageKey } from '../lib/i18n';

/** A public action that concerns an official, already in the reader's language. */
export interface OfficialAction {
  title: string;
  url: string;
}

/** One kind of action on an official's page, provided by the feature that owns it. */
export interface OfficialActionsSource {
  /** The heading of the kind on the page ("Letters addressed to them"). */
  heading: MessageKey;
  /** The actions of this kind that name the official, in the reader's language. */
  list: (db: Db, officialId: string, lang: Lang) => Promise<OfficialAction[]>;
}

/** The actions of every kind that name an official, in the order the sources were given. */
export async function listActionsForOfficial(
  db: Db,
  sources: readonly OfficialActionsSource[],
  officialId: string,
  lang: Lang,
): Promise<{ heading: MessageKey; actions: OfficialAction[] }[]> {
  return Promise.all(
    sources.map(async (source) => ({
      heading: source.heading,
      actions: await source.list(db, officialId, lang),
    })),
  );
}
