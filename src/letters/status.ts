import { DAY, MINUTE, calendarDaysBetween } from '../lib/time';
import type { Lang } from '../lib/i18n';
import { pick } from '../lib/bilingual';
import type { Letter } from './schema';

/** Why a letter does or does not take signatures now. */
export type SigningState = 'open' | 'draft' | 'closed' | 'past-deadline';

/** How long a person waits before signing again re-sends the confirmation email. */
export const RESEND_AFTER_MS = 10 * MINUTE;

/** Unconfirmed signatures are deleted after this many days. */
export const UNCONFIRMED_TTL_DAYS = 7;

/**
 * The moment a deadline day ends "anywhere on earth" (UTC-12), so that a letter is open for the
 * whole of its last day wherever the signer is. Null when there is no deadline.
 */
export function deadlineEndsAt(deadline: string | null): number | null {
  if (!deadline) return null;
  const end = Date.parse(`${deadline}T23:59:59.999-12:00`);
  return Number.isNaN(end) ? null : end;
}

/** How long a signer's private links keep working after the letter closes (or its deadline passes). */
export const SIGNER_LINK_GRACE_MS = 30 * DAY;

/**
 * Until when a signer's private (withdraw) link works: the letter's end (closed by an organizer, or
 * its deadline, whichever came first) plus SIGNER_LINK_GRACE_MS. Null while the letter has no end.
 */
export function signerLinksEndAt(letter: Pick<Letter, 'closedAt' | 'deadline'>): number | null {
  const ends = [letter.closedAt, deadlineEndsAt(letter.deadline)].filter((v): v is number => v !== null);
  return ends.length ? Math.min(...ends) + SIGNER_LINK_GRACE_MS : null;
}

/** Whether a letter accepts signatures at `now`, and if not, why. */
export function signingState(letter: Pick<Letter, 'status' | 'deadline'>, now: number): SigningState {
  if (letter.status === 'draft') return 'draft';
  if (letter.status === 'closed') return 'closed';
  const end = deadlineEndsAt(letter.deadline);
  if (end !== null && now > end) return 'past-deadline';
  return 'open';
}

/** True when a letter is public: drafts are for organizers only. */
export function isPublic(letter: Pick<Letter, 'status'>): boolean {
  return letter.status !== 'draft';
}

/** A confirmation email may be sent again once the last one is this old. */
export function mayResendConfirmation(lastConfirmationAt: number, now: number): boolean {
  return now - lastConfirmationAt >= RESEND_AFTER_MS;
}

/**
 * The letter's title and body for a reader of `lang`, each chosen by `pick` (both languages are
 * required on the letter form, so a reader gets their own language).
 */
export function letterText(letter: Pick<Letter, 'titleEn' | 'titleEs' | 'bodyEn' | 'bodyEs'>, lang: Lang) {
  return { title: pick(letter, 'title', lang).text, body: pick(letter, 'body', lang).text };
}

/** Addressee lines from the free-text field: trimmed, blank lines dropped. */
export function addresseeLines(addressees: string): string[] {
  return addressees
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Progress toward the goal as a whole percentage from 0 to 100, or null without a goal. */
export function goalPercent(count: number, goal: number | null): number | null {
  if (!goal || goal <= 0) return null;
  return Math.min(100, Math.floor((count / goal) * 100));
}

/**
 * Whole days left to sign, counted in calendar days from today (UTC) to the deadline: 0 on the
 * deadline's own day, null without a deadline.
 */
export function daysLeft(deadline: string | null, now: number): number | null {
  if (!deadline || Number.isNaN(Date.parse(deadline))) return null;
  return Math.max(0, calendarDaysBetween(now, deadline));
}

/** The outbox id of the n-th confirmation email of a signature: fixed, so a race queues it once. */
export function confirmationOutboxId(signatureId: string, sequence: number): string {
  return `letters-confirm:${signatureId}:${sequence}`;
}
