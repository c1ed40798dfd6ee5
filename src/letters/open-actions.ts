import { markdownExcerpt } from '../lib/markdown';
import type { OpenActionsSource } from '../web/open-actions';
import { letterPath } from './links';
import { listOpenLetters } from './queries';
import { letterText, signingState } from './status';

/** What this feature has open now, for the home page: letters taking signatures. */
export const lettersOpenActions: OpenActionsSource = async (db, lang) => {
  const at = Date.now();
  const letters = await listOpenLetters(db);
  return letters
    .filter((letter) => signingState(letter, at) === 'open')
    .map((letter) => {
      const text = letterText(letter, lang);
      return {
        kind: 'letter' as const,
        title: text.title,
        summary: markdownExcerpt(text.body, 160),
        url: letterPath(letter),
        date: letter.deadline,
      };
    });
};
