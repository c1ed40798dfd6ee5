import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { readForm, readUploadedFile, refusedForm, type FormErrors, type FormValues } from '../web/form';
import { pagesShowingBill, billPath } from './links';
import {
  importOpenStatesText,
  postBillUpdate,
  postOrganizerAction,
  overrideStage,
  startFanout,
} from './movements';
import {
  getBill,
  getBillBySlug,
  listBillMovements,
  loadBillAdminList,
  subscriberCounts,
  type BillRow,
} from './queries';
import {
  billFormValues,
  brokenLinkErrors,
  callToActionLinks,
  createBill,
  updateBill,
  type BillFormData,
} from './bill-form';
import { brokenInternalLinks } from '../web/internal-links';
import { OPENSTATES_SOURCE, updateBillsFromOpenStates } from './openstates';
import { actionFormSchema, billFormSchema, stageFormSchema, updateFormSchema } from './validation';
import { AdminBillPage } from './views/admin-bill';
import { BillForm, type FormState } from './views/admin-bill-form';
import { AdminBillList, type ImportSummary } from './views/admin-list';
import { billLabel } from './views/public';
import { slugOfIdentifier } from './import';
import { ITEM_ADDRESSES, purgeItemPages, purgePages } from '../web/edge-cache';

/** Organizer pages of this feature, mounted under /admin (sign-in already checked). */
export const billsAdmin = new Hono<AppEnv>();

billsAdmin.on('POST', ITEM_ADDRESSES, purgeItemPages(getBill, pagesShowingBill, ['/bills', '/']));

async function renderBillList(c: Context<AppEnv>, summary?: ImportSummary) {
  const { t } = c.var;
  const data = await loadBillAdminList(getDb(c.env), OPENSTATES_SOURCE);
  return c.render(
    <AdminBillList {...data} openStatesOn={Boolean(c.env.OPENSTATES_API_KEY)} summary={summary} />,
    { title: t('bills.admin.title'), wide: true },
  );
}

billsAdmin.get('/', (c) => renderBillList(c));

/** Largest Open States file an organizer may upload (a search page of 20 bills is far smaller). */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

// The same import as `npm run bills:import`: the whole file is checked before anything is written.
billsAdmin.post('/import', async (c) => {
  const file = await readUploadedFile(c, 'file');
  if (!file || file.size === 0) {
    c.status(422);
    return renderBillList(c, { kind: 'refused', detail: c.var.t('bills.import.noFile') });
  }
  if (file.size > MAX_IMPORT_BYTES) {
    c.status(422);
    return renderBillList(c, { kind: 'refused', detail: c.var.t('bills.import.tooBig') });
  }
  const at = Date.now();
  const result = await importOpenStatesText(getDb(c.env), await file.text(), at);
  if (!result.ok) {
    c.status(422);
    return renderBillList(c, { kind: 'refused', detail: result.message });
  }
  for (const outcome of result.outcomes) {
    await startFanout(c.env, outcome.movementId);
    const bill = await getBill(getDb(c.env), outcome.billId);
    if (bill) await purgePages(c, pagesShowingBill(bill));
  }
  return renderBillList(c, { kind: 'imported', lines: result.outcomes });
});

// "Fetch now": the hourly Open States update, run at once (only when the API key is set).
billsAdmin.post('/fetch-now', async (c) => {
  if (!c.env.OPENSTATES_API_KEY) throw new AppError('not_found');
  const movements = await updateBillsFromOpenStates(c.env, Date.now());
  return renderBillList(c, movements === null ? { kind: 'fetchFailed' } : { kind: 'fetched', movements });
});

billsAdmin.get('/new', (c) => {
  const { t } = c.var;
  return c.render(<BillForm action="/admin/bills/new" values={{ tracked: 'on', position: 'oppose' }} />, {
    title: t('bills.admin.newTitle'),
  });
});

billsAdmin.post('/new', async (c) => {
  const form = await readForm(c, billFormSchema, { botCheck: false });
  if (form.status !== 'valid') return refuseNewBill(c, refusedForm(c, form));
  const db = getDb(c.env);
  const data = form.data as BillFormData;
  const linkErrors = brokenLinkErrors(data, await brokenInternalLinks(c, callToActionLinks(data)));
  if (Object.keys(linkErrors).length) return refuseNewBill(c, { errors: linkErrors, values: form.values });
  if (await getBillBySlug(db, data.state, slugOfIdentifier(data.identifier))) {
    return refuseNewBill(c, {
      errors: { identifier: { key: 'bills.admin.duplicate' } },
      values: form.values,
    });
  }
  const id = await createBill(db, data);
  return c.redirect(`/admin/bills/${id}?notice=saved`, 303);
});

billsAdmin.get('/:id', async (c) => renderBillAdmin(c, await requireBill(c)));

billsAdmin.post('/:id', async (c) => {
  const bill = await requireBill(c);
  const form = await readForm(c, billFormSchema, { botCheck: false });
  if (form.status !== 'valid') return renderBillAdmin(c, bill, { form: refusedForm(c, form) });
  const data = form.data as BillFormData;
  const linkErrors = brokenLinkErrors(data, await brokenInternalLinks(c, callToActionLinks(data)));
  if (Object.keys(linkErrors).length) {
    c.status(422);
    return renderBillAdmin(c, bill, { form: { errors: linkErrors, values: form.values } });
  }
  const db = getDb(c.env);
  const other = await getBillBySlug(db, data.state, slugOfIdentifier(data.identifier));
  if (other && other.id !== bill.id) {
    c.status(422);
    return renderBillAdmin(c, bill, {
      form: { errors: { identifier: { key: 'bills.admin.duplicate' } }, values: form.values },
    });
  }
  await updateBill(db, bill, data);
  return c.redirect(`/admin/bills/${bill.id}?notice=saved`, 303);
});

billsAdmin.post('/:id/actions', async (c) => {
  const bill = await requireBill(c);
  const form = await readForm(c, actionFormSchema, { botCheck: false });
  if (form.status !== 'valid') return renderBillAdmin(c, bill, { action: refusedForm(c, form) });
  const { t } = c.var;
  const chamberNames = {
    upper: t('bills.admin.chamber.upper'),
    lower: t('bills.admin.chamber.lower'),
    executive: t('bills.admin.chamber.executive'),
    legislature: t('bills.admin.chamber.legislature'),
  };
  const recorded = await postOrganizerAction(getDb(c.env), bill, {
    date: form.data.date,
    chamber: chamberNames[form.data.chamberKind],
    chamberKind: form.data.chamberKind,
    description: form.data.description,
    classification: form.data.classification === 'other' ? [] : [form.data.classification],
  });
  await startFanout(c.env, recorded.movementId);
  return c.redirect(`/admin/bills/${bill.id}?notice=action`, 303);
});

billsAdmin.post('/:id/updates', async (c) => {
  const bill = await requireBill(c);
  const form = await readForm(c, updateFormSchema, { botCheck: false });
  if (form.status !== 'valid') return renderBillAdmin(c, bill, { update: refusedForm(c, form) });
  const movementId = await postBillUpdate(getDb(c.env), bill, form.data);
  await startFanout(c.env, movementId);
  return c.redirect(`/admin/bills/${bill.id}?notice=update`, 303);
});

billsAdmin.post('/:id/stage', async (c) => {
  const bill = await requireBill(c);
  const form = await readForm(c, stageFormSchema, { botCheck: false });
  if (form.status !== 'valid') return renderBillAdmin(c, bill, { stage: refusedForm(c, form) });
  const movementId = await overrideStage(getDb(c.env), bill, {
    stage: form.data.stage === '' ? null : form.data.stage,
    noteEn: form.data.noteEn,
    noteEs: form.data.noteEs,
  });
  await startFanout(c.env, movementId);
  return c.redirect(`/admin/bills/${bill.id}?notice=stage`, 303);
});

async function requireBill(c: Context<AppEnv>): Promise<BillRow> {
  const bill = await getBill(getDb(c.env), c.req.param('id') ?? '');
  if (!bill) throw new AppError('not_found');
  return bill;
}

/** The new-bill form again with what was typed and why it was refused (422). */
function refuseNewBill(c: Context<AppEnv>, form: { errors: FormErrors; values: FormValues }) {
  c.status(422);
  return c.render(<BillForm action="/admin/bills/new" {...form} />, {
    title: c.var.t('bills.admin.newTitle'),
  });
}

async function renderBillAdmin(
  c: Context<AppEnv>,
  bill: BillRow,
  forms: { form?: FormState; action?: FormState; update?: FormState; stage?: FormState } = {},
) {
  const { t } = c.var;
  const db = getDb(c.env);
  const [movements, counts] = await Promise.all([listBillMovements(db, bill.id, 10), subscriberCounts(db)]);
  return c.render(
    <AdminBillPage
      bill={bill}
      movements={movements}
      subscribers={(counts.byBill.get(bill.id) ?? 0) + (counts.byState.get(bill.state) ?? 0)}
      notice={c.req.query('notice') ?? null}
      publicUrl={billPath(bill)}
      form={forms.form ?? { errors: {}, values: billFormValues(bill) }}
      action={forms.action}
      update={forms.update}
      stage={forms.stage}
    />,
    { title: t('bills.admin.editTitle', { bill: billLabel(bill) }) },
  );
}
