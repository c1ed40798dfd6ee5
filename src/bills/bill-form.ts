// The organizer's bill form: from a stored bill to form values, and from the form to the bill.
import type { z } from 'zod';
import type { Db } from '../db';
import { blankWhenMissing } from '../lib/blanks';
import { newId } from '../lib/tokens';
import type { FormErrors, FormValues } from '../web/form';
import { slugOfIdentifier } from './import';
import {
  callsToActionOf,
  insertBillStatement,
  sourcesOf,
  updateBillStatement,
  type BillRow,
} from './queries';
import { CALL_TO_ACTION_KINDS, type CallToAction, type CallToActionKind } from './schema';
import { CTA_ROWS, type billFormSchema } from './validation';

/** The validated bill form. */
export type BillFormData = z.output<typeof billFormSchema>;

/** The calls to action filled in on the form (rows left empty are dropped). */
export function callsToActionFromForm(data: BillFormData): CallToAction[] {
  const values = data as Record<string, unknown>;
  const calls: CallToAction[] = [];
  for (let i = 0; i < CTA_ROWS; i++) {
    const url = values[`cta${i}Url`];
    const labelEn = values[`cta${i}LabelEn`];
    const labelEs = values[`cta${i}LabelEs`];
    const kind = values[`cta${i}Kind`];
    if (
      typeof url === 'string' &&
      url &&
      typeof labelEn === 'string' &&
      labelEn &&
      typeof labelEs === 'string' &&
      labelEs
    ) {
      calls.push({
        kind: (CALL_TO_ACTION_KINDS as readonly string[]).includes(String(kind))
          ? (kind as CallToActionKind)
          : 'link',
        url,
        labelEn,
        labelEs,
      });
    }
  }
  return calls;
}

/** The form's call-to-action links that stay on this site ("/letters/…"), to check they open a page. */
export function callToActionLinks(data: BillFormData): string[] {
  return callsToActionFromForm(data).map((call) => call.url);
}

/** An error on each call-to-action row whose link is among `broken` (none: an empty object). */
export function brokenLinkErrors(data: BillFormData, broken: readonly string[]): FormErrors {
  const values = data as Record<string, unknown>;
  const errors: FormErrors = {};
  for (let i = 0; i < CTA_ROWS; i++) {
    const url = values[`cta${i}Url`];
    if (typeof url === 'string' && broken.includes(url))
      errors[`cta${i}Url`] = { key: 'bills.admin.ctaNoPage', params: { path: url } };
  }
  return errors;
}

function sourcesFromForm(text: string | null) {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((url) => ({ url, note: null }));
}

function columnsFromForm(data: BillFormData) {
  return {
    state: data.state,
    session: data.session,
    identifier: data.identifier,
    slug: slugOfIdentifier(data.identifier),
    title: data.title,
    titleEs: data.titleEs,
    position: data.position,
    summaryEn: data.summaryEn,
    summaryEs: data.summaryEs,
    analysisEn: data.analysisEn,
    analysisEs: data.analysisEs,
    talkingPointsEn: data.talkingPointsEn,
    talkingPointsEs: data.talkingPointsEs,
    sources: JSON.stringify(sourcesFromForm(data.sources)),
    callsToAction: JSON.stringify(callsToActionFromForm(data)),
    tracked: data.tracked,
  };
}

/** Adds a bill by hand; returns its id. */
export async function createBill(db: Db, data: BillFormData, at = Date.now()): Promise<string> {
  const id = newId();
  await insertBillStatement(db, {
    id,
    ...columnsFromForm(data),
    lastMovementAt: at,
    createdAt: at,
    updatedAt: at,
  });
  return id;
}

/** Saves the organizer's edits of a bill (its actions and stage are changed by their own forms). */
export async function updateBill(
  db: Db,
  bill: Pick<BillRow, 'id'>,
  data: BillFormData,
  at = Date.now(),
): Promise<void> {
  await updateBillStatement(db, bill.id, { ...columnsFromForm(data), updatedAt: at });
}

/** A stored bill as the values of its edit form. */
export function billFormValues(bill: BillRow): FormValues {
  const values: FormValues = {
    state: bill.state,
    session: bill.session,
    identifier: bill.identifier,
    title: bill.title,
    position: bill.position,
    ...blankWhenMissing(bill, [
      'titleEs',
      'summaryEn',
      'summaryEs',
      'analysisEn',
      'analysisEs',
      'talkingPointsEn',
      'talkingPointsEs',
    ]),
    sources: sourcesOf(bill)
      .map((s) => s.url)
      .join('\n'),
  };
  if (bill.tracked) values.tracked = 'on';
  callsToActionOf(bill).forEach((call, i) => {
    values[`cta${i}Kind`] = call.kind;
    values[`cta${i}Url`] = call.url;
    values[`cta${i}LabelEn`] = call.labelEn;
    values[`cta${i}LabelEs`] = call.labelEs;
  });
  return values;
}
