// What an alert or a digest says about one movement, in the subscriber's language.
import { pick } from '../lib/bilingual';
import { translator, type Lang } from '../lib/i18n';
import { billPath, manageUrl, positionLabelKey, stageLabelKey, stageMeaningKey } from './links';
import { callsToActionOf, type BillMovementRow, type BillRow } from './queries';
import { absoluteUrl } from '../lib/urls';

/** What an alert says, in the subscriber's language: what changed, what it means, what to do now. */
export function alertContent(
  env: Pick<Env, 'PUBLIC_URL'>,
  bill: BillRow,
  movement: BillMovementRow,
  lang: Lang,
  manageToken: string,
) {
  const t = translator(lang);
  const stageChanged = movement.stageBefore !== movement.stageAfter;
  const headline = pick(movement, 'headline', lang).text;
  const detail = pick(movement, 'detail', lang).text;
  return {
    billLabel: `${bill.state} ${bill.identifier}`,
    billTitle: pick(bill, 'title', lang).text,
    positionLabel: t(positionLabelKey(bill.position)),
    headline,
    detail,
    stageChanged,
    stageLabel: t(stageLabelKey(movement.stageAfter)),
    stageMeaning: t(stageMeaningKey(movement.stageAfter)),
    callsToAction: callsToActionOf(bill).map((c) => ({
      label: pick(c, 'label', lang).text,
      url: c.url.startsWith('/') ? absoluteUrl(env, c.url) : c.url,
    })),
    billUrl: absoluteUrl(env, billPath(bill)),
    manageUrl: manageUrl(env, manageToken),
  };
}
