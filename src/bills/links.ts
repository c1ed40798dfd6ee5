// Addresses of bill pages and private subscription links, and the i18n keys of stages and positions.
import type { Lang, MessageKey } from '../lib/i18n';
import type { BillPosition, BillStage } from './schema';
import { absoluteUrl } from '../lib/urls';

/** The public page of a bill: `/bills/ga/sb-6`. */
export function billPath(bill: { state: string; slug: string }): string {
  return `/bills/${bill.state.toLowerCase()}/${bill.slug}`;
}

/** The cached public pages that show a bill (purged when it changes). */
export function pagesShowingBill(bill: { state: string; slug: string }): string[] {
  return [billPath(bill), '/bills', '/'];
}

/**
 * The Atom feed of all tracked bills, or of one state's, in one language. The language is in the
 * address: feed readers send neither our cookie nor the reader's Accept-Language.
 */
export function feedPath(state: string | null, lang: Lang): string {
  return `/bills/${state ? `${state.toLowerCase()}/` : ''}feed.xml?lang=${lang}`;
}

/** The manage page of a subscription (private link). */
export function manageUrl(env: Pick<Env, 'PUBLIC_URL'>, token: string): string {
  return absoluteUrl(env, `/bills/subscriptions/${token}`);
}

/** RFC 8058 one-click unsubscribe: POST unsubscribes; GET shows a page with a button. */
export function oneClickUnsubscribeUrl(env: Pick<Env, 'PUBLIC_URL'>, token: string): string {
  return absoluteUrl(env, `/bills/subscriptions/${token}/one-click-unsubscribe`);
}

/** The double opt-in link (a page with a button; the POST confirms). */
export function confirmUrl(env: Pick<Env, 'PUBLIC_URL'>, token: string): string {
  return absoluteUrl(env, `/bills/subscriptions/confirm/${token}`);
}

// Movement headlines and details are shown in the reader's language only, with no fallback: the
// importer writes both languages, and an organizer's stage change may leave one empty on purpose.
const movementColumns: Record<
  Lang,
  { headline: 'headlineEn' | 'headlineEs'; detail: 'detailEn' | 'detailEs' }
> = {
  en: { headline: 'headlineEn', detail: 'detailEn' },
  es: { headline: 'headlineEs', detail: 'detailEs' },
};

/** A movement's headline in the reader's language (never the other one; see above). */
export function movementHeadline(movement: { headlineEn: string; headlineEs: string }, lang: Lang): string {
  return movement[movementColumns[lang].headline];
}

/** A movement's detail in the reader's language, if it has one there. */
export function movementDetail(
  movement: { detailEn: string | null; detailEs: string | null },
  lang: Lang,
): string | null {
  return movement[movementColumns[lang].detail];
}

const stageLabels: Record<BillStage, MessageKey> = {
  introduced: 'bills.stage.introduced',
  in_committee: 'bills.stage.in_committee',
  passed_committee: 'bills.stage.passed_committee',
  passed_first_chamber: 'bills.stage.passed_first_chamber',
  passed_both_chambers: 'bills.stage.passed_both_chambers',
  sent_to_governor: 'bills.stage.sent_to_governor',
  signed: 'bills.stage.signed',
  vetoed: 'bills.stage.vetoed',
  failed: 'bills.stage.failed',
};

const stageMeanings: Record<BillStage, MessageKey> = {
  introduced: 'bills.stageMeaning.introduced',
  in_committee: 'bills.stageMeaning.in_committee',
  passed_committee: 'bills.stageMeaning.passed_committee',
  passed_first_chamber: 'bills.stageMeaning.passed_first_chamber',
  passed_both_chambers: 'bills.stageMeaning.passed_both_chambers',
  sent_to_governor: 'bills.stageMeaning.sent_to_governor',
  signed: 'bills.stageMeaning.signed',
  vetoed: 'bills.stageMeaning.vetoed',
  failed: 'bills.stageMeaning.failed',
};

const positionLabels: Record<BillPosition, MessageKey> = {
  oppose: 'bills.position.oppose',
  support: 'bills.position.support',
  watch: 'bills.position.watch',
};

/** The i18n key naming a stage ("In committee"). */
export function stageLabelKey(stage: BillStage): MessageKey {
  return stageLabels[stage];
}

/** The i18n key explaining what a stage means for people who want to act. */
export function stageMeaningKey(stage: BillStage): MessageKey {
  return stageMeanings[stage];
}

/** The i18n key of the coalition's position ("We oppose this bill"). */
export function positionLabelKey(position: BillPosition): MessageKey {
  return positionLabels[position];
}
