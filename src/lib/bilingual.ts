// Organizer-written content (titles, summaries, letter bodies, bill headlines) is stored in a main
// English version and a Spanish one, as columns `<field>` or `<field>En` beside `<field>Es`. Every
// page and email chooses between them through `pick`, so there is one fallback rule:
//   the reader's language when that version has text; otherwise the other version when it has text
//   (a reader never gets an empty section while a translation exists); otherwise the empty main.
// What `pick` returns says which language the text is in, so a page can mark a fallback with `lang`.
import type { Lang } from './i18n';

/** The language the main version of organizer-written content is in. */
export const MAIN_TEXT_LANG: Lang = 'en';

/** A text and the language it is actually in (which differs from the reader's on a fallback). */
export interface LocalizedText {
  text: string;
  lang: Lang;
}

type Text = string | null | undefined;

/** A row with a bilingual field: `<field>` or `<field>En` for the main version, `<field>Es` for Spanish. */
export type BilingualRow<F extends string> = Partial<Record<F | `${F}En`, Text>> & Record<`${F}Es`, Text>;

/** The version of `field` for a reader of `lang`, by the rule above. */
export function pick<F extends string>(row: BilingualRow<F>, field: F, lang: Lang): LocalizedText {
  const versions = row as Partial<Record<string, Text>>;
  const main = versions[field] ?? versions[`${field}En`] ?? '';
  const spanish = versions[`${field}Es`] ?? '';
  if (lang === 'es' && spanish.trim()) return { text: spanish, lang: 'es' };
  if (main.trim() || !spanish.trim()) return { text: main, lang: MAIN_TEXT_LANG };
  return { text: spanish, lang: 'es' };
}

/** The `lang` attribute a block needs: set only when its text is not in the page's language. */
export function langAttribute(text: LocalizedText, pageLang: Lang): Lang | undefined {
  return text.lang === pageLang ? undefined : text.lang;
}
