import { pick } from '../lib/bilingual';
import type { OpenActionsSource } from '../web/open-actions';
import { translator } from '../lib/i18n';
import { billPath, positionLabelKey, stageLabelKey } from './links';
import { listTrackedBills } from './queries';
import { effectiveStage, isFinalStage } from './stage';
import { calendarDaysBetween } from '../lib/time';

/** What this feature has open now, for the home page: moving bills we oppose or support, with their stage. */
export const billsOpenActions: OpenActionsSource = async (db, lang) => {
  const t = translator(lang);
  const at = Date.now();
  const bills = await listTrackedBills(db, {}, 50);
  return bills
    .filter((bill) => bill.position !== 'watch' && !isFinalStage(effectiveStage(bill)))
    .slice(0, 5)
    .map((bill) => ({
      kind: 'bill' as const,
      ref: { kind: 'bill' as const, id: bill.id },
      title: `${bill.state} ${bill.identifier}: ${pick(bill, 'title', lang).text}`,
      summary: t(positionLabelKey(bill.position)),
      url: billPath(bill),
      date: bill.lastMovementAt ? new Date(bill.lastMovementAt).toISOString().slice(0, 10) : null,
      status: [
        t('bills.currentStage', { stage: t(stageLabelKey(effectiveStage(bill))) }),
        bill.lastMovementAt
          ? t('bills.movedDaysAgo', { count: Math.max(0, calendarDaysBetween(bill.lastMovementAt, at)) })
          : null,
      ]
        .filter(Boolean)
        .join(' · '),
      button: t('bills.whatToDoButton'),
      movedAt: bill.lastMovementAt,
    }));
};
