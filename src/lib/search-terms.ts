// The words organizers' searches find rows by, and the words of what they type, normalised the same
// way: lower case, accents removed (NFKD, then the combining marks dropped), split at anything that
// is not a letter or a digit. Stored once per row in the search terms table (db/search-terms.ts),
// where a query word matches every term that starts with it through an index range, never a scan.

/** Longest term kept: longer words are cut (a prefix of the cut word still finds it). */
const MAX_TERM_LENGTH = 64;
/** Most terms stored for one row (a long free-text field cannot flood the index). */
const MAX_TERMS = 48;

/** Lower case without accents: "María Núñez" -> "maria nunez". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text, folded: "O'Brien-Smith, Sr." -> ["o", "brien", "smith", "sr"]. */
export function wordsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.slice(0, MAX_TERM_LENGTH));
}

/**
 * The terms of an email address: the whole address, its local part and the words of both parts
 * ("ana.garcia@iglesia.org" -> the address, "ana.garcia", "ana", "garcia", "iglesia.org",
 * "iglesia", "org"), so a search finds it by a name in it, its domain, or its beginning.
 */
export function emailTerms(email: string | null | undefined): string[] {
  const address = foldText((email ?? '').trim());
  if (!address) return [];
  const at = address.lastIndexOf('@');
  const local = at >= 0 ? address.slice(0, at) : address;
  const domain = at >= 0 ? address.slice(at + 1) : '';
  return [address, local, domain, ...wordsOf(local), ...wordsOf(domain)]
    .filter(Boolean)
    .map((term) => term.slice(0, MAX_TERM_LENGTH));
}

/** The terms a row is found by: the words of its text fields and the terms of its emails, each once. */
export function searchTermsOf(fields: {
  text?: readonly (string | null | undefined)[];
  emails?: readonly (string | null | undefined)[];
}): string[] {
  const terms = new Set<string>();
  for (const email of fields.emails ?? []) for (const term of emailTerms(email)) terms.add(term);
  for (const text of fields.text ?? []) for (const word of wordsOf(text)) terms.add(word);
  return [...terms].slice(0, MAX_TERMS);
}

/**
 * The words of a search, each matched as the start of a term. A word with "@" in it is kept whole
 * (it matches the start of an address); other punctuation splits words, as in the rows.
 */
export function queryWords(query: string | null | undefined): string[] {
  const words = new Set<string>();
  for (const token of (query ?? '').trim().split(/\s+/)) {
    if (token.includes('@')) {
      const folded = foldText(token).slice(0, MAX_TERM_LENGTH);
      if (folded.replace(/@/g, '')) words.add(folded);
    } else {
      for (const word of wordsOf(token)) words.add(word);
    }
  }
  // More than a handful of words only repeats the work; the first ones already narrow it down.
  return [...words].slice(0, 8);
}

/**
 * The first string after every string that starts with `prefix`, in SQLite's binary (code point)
 * order: `term >= prefix AND term < prefixEnd(prefix)` is the range of terms starting with it.
 */
export function prefixEnd(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}
