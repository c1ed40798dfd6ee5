import { markdownExcerpt } from '../lib/markdown';
import { formatNumber, translator } from '../lib/i18n';
import type { OpenActionsSource } from '../web/open-actions';
import { letterPath } from './links';
import { signedCount } from './views/public';
import { listOpenLetters } from './queries';
import { daysLeft, deadlineEndsAt, goalPercent, letterText, signingState } from './status';

/** What this feature has open now, for the home page: letters taking signatures, with their counts. */
export const lettersOpenActions: OpenActionsSource = async (db, lang) => {
  const t = translator(lang);
  const at = Date.now();
  const letters = await listOpenLetters(db);
  return letters
    .filter((letter) => signingState(letter, at) === 'open')
    .map((letter) => {
      const text = letterText(letter, lang);
      const left = daysLeft(letter.deadline, at);
      const status = [
        signedCount(t, lang, letter.signed) +
          (letter.goal ? ` ${t('letters.goal', { goal: formatNumber(lang, letter.goal) })}` : ''),
        left !== null ? t('letters.daysLeft', { count: left }) : null,
      ];
      return {
        kind: 'letter' as const,
        ref: { kind: 'letter' as const, id: letter.id },
        title: text.title,
        summary: markdownExcerpt(text.body, 160),
        url: letterPath(letter),
        date: letter.deadline,
        status: status.filter(Boolean).join(' · '),
        percent: goalPercent(letter.signed, letter.goal),
        button: t('letters.form.submit'),
        closesAt: deadlineEndsAt(letter.deadline),
      };
    });
};
