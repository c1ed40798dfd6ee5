import { absoluteUrl } from '../lib/urls';
import type { Letter } from './schema';

/** The public address of a letter's pages. */
export function letterPath(letter: Pick<Letter, 'slug'>, rest = ''): string {
  return `/letters/${encodeURIComponent(letter.slug)}${rest}`;
}

/** The same address in full, for emails, share links and embed code. */
export function letterUrl(env: Pick<Env, 'PUBLIC_URL'>, letter: Pick<Letter, 'slug'>, rest = ''): string {
  return absoluteUrl(env, letterPath(letter, rest));
}

/** The cached public pages that show a letter or its count (purged when either changes). */
export function pagesShowingLetter(letter: Pick<Letter, 'slug'>): string[] {
  return [letterPath(letter), letterPath(letter, '/signers'), '/letters', '/'];
}
