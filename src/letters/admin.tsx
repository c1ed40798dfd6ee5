import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../env';
import { getDb, type Db } from '../db';
import { csvHeaders, csvStream } from '../lib/csv';
import { newId } from '../lib/tokens';
import { getOfficial } from '../officials/queries';
import { AppError } from '../lib/errors';
import { readForm, refusedForm, type FormErrors, type FormValues } from '../web/form';
import { safeRedirectPath } from '../web/security';
import { ITEM_ADDRESSES, purgeItemPages, purgePages } from '../web/edge-cache';
import { deliverLetter } from './delivery';
import { pagesShowingLetter, letterUrl } from './links';
import { signerCsvColumns } from './export';
import {
  SlugTakenError,
  type ExportCursor,
  addLetterOfficial,
  createLetter,
  exportSignersPage,
  getLetterById,
  listLettersWithCounts,
  readSignerTable,
  loadAddresseePicker,
  loadDeliveryPage,
  removeLetterOfficial,
  setSignerHidden,
  setSignerVerified,
  updateLetter,
} from './queries';
import type { Letter } from './schema';
import {
  countUpdateRecipients,
  getUpdate,
  listUpdatesWithCounts,
  updateEmailCounts,
} from './queries/updates';
import { sendUpdate, sendUpdateSchema, updatePreviews, updateSchema } from './updates';
import {
  deliverySchema,
  hideSignerSchema,
  letterSchema,
  officialChoiceSchema,
  signerFilterSchema,
  verifySignerSchema,
} from './validation';
import { adminPath } from './views/admin';
import { DeliveryPage } from './views/admin-delivery';
import { LetterForm, letterFormValues } from './views/admin-letter-form';
import { LettersAdminList } from './views/admin-list';
import { SignersAdminPage } from './views/admin-signers';
import { UpdateDetailPage } from './views/update-detail';
import { UpdatePreviewPage } from './views/update-preview';
import { UpdatesPage } from './views/updates';

/** Rows per page of the organizer's signer table. */
export const ADMIN_SIGNERS_PAGE_SIZE = 50;
/** Rows read from D1 per page of the streamed CSV export. */
export const EXPORT_PAGE_SIZE = 500;

type AdminContext = Context<AppEnv>;

async function loadLetter(c: AdminContext): Promise<Letter> {
  const letter = await getLetterById(getDb(c.env), c.req.param('id') ?? '');
  if (!letter) throw new AppError('not_found');
  return letter;
}

async function renderLetterForm(
  c: AdminContext,
  letter: Letter | undefined,
  form: { values?: FormValues; errors?: FormErrors } = {},
) {
  const { t } = c.var;
  const officialQuery = (c.req.query('official') ?? '').trim().slice(0, 100);
  const picker = letter
    ? await loadAddresseePicker(getDb(c.env), letter.id, officialQuery)
    : { officials: [], officialResults: [] };
  return c.render(
    <LetterForm
      letter={letter}
      {...picker}
      officialQuery={officialQuery}
      embedUrl={letter ? letterUrl(c.env, letter, '/embed') : undefined}
      {...form}
      values={form.values ?? (letter ? letterFormValues(letter) : { status: 'draft' })}
    />,
    { title: letter ? t('letters.admin.editTitle') : t('letters.admin.new'), wide: true },
  );
}

const SLUG_TAKEN: FormErrors = { slug: { key: 'letters.error.slugTaken' } };

/** The 422 answer to a refused letter form: the same form, their input kept, nothing written. */
function refuseLetterForm(
  c: AdminContext,
  letter: Letter | undefined,
  form: { values: FormValues; errors?: FormErrors },
) {
  c.status(422);
  return renderLetterForm(c, letter, { values: form.values, errors: form.errors ?? {} });
}

/** Only our own signer-table addresses are valid places to go back to after a moderation action. */
function safeBack(letter: Letter, back: unknown): string {
  const fallback = adminPath(letter, '/signers');
  const path = safeRedirectPath(back);
  return path?.startsWith(fallback) ? path : fallback;
}

/** Organizer pages of this feature, mounted under /admin (sign-in already checked). */
export const lettersAdmin = new Hono<AppEnv>();

// Any change to a letter (its text, officials, signers' marks, a delivery, an update) shows at once.
lettersAdmin.on('POST', ITEM_ADDRESSES, purgeItemPages(getLetterById, pagesShowingLetter, ['/letters', '/']));

lettersAdmin.get('/', async (c) => {
  const letters = await listLettersWithCounts(getDb(c.env));
  return c.render(<LettersAdminList letters={letters} />, {
    title: c.var.t('letters.admin.title'),
    wide: true,
  });
});

lettersAdmin.get('/new', (c) => renderLetterForm(c, undefined));

lettersAdmin.post('/new', async (c) => {
  const form = await readForm(c, letterSchema, { botCheck: false });
  if (form.status !== 'valid') return refuseLetterForm(c, undefined, form);
  const id = newId();
  try {
    await createLetter(getDb(c.env), id, form.data, Date.now());
  } catch (error) {
    if (!(error instanceof SlugTakenError)) throw error;
    return refuseLetterForm(c, undefined, { values: form.values, errors: SLUG_TAKEN });
  }
  return c.redirect(adminPath({ id }), 303);
});

lettersAdmin.get('/:id', async (c) => renderLetterForm(c, await loadLetter(c)));

lettersAdmin.post('/:id', async (c) => {
  const letter = await loadLetter(c);
  const form = await readForm(c, letterSchema, { botCheck: false });
  if (form.status !== 'valid') return refuseLetterForm(c, letter, form);
  try {
    await updateLetter(getDb(c.env), letter.id, form.data, Date.now());
    await purgePages(c, pagesShowingLetter(form.data)); // the old address: below
  } catch (error) {
    if (!(error instanceof SlugTakenError)) throw error;
    return refuseLetterForm(c, letter, { values: form.values, errors: SLUG_TAKEN });
  }
  return c.redirect(adminPath(letter), 303);
});

lettersAdmin.post('/:id/officials', async (c) => {
  const letter = await loadLetter(c);
  const form = await readForm(c, officialChoiceSchema, { botCheck: false });
  const db = getDb(c.env);
  const official = form.status === 'valid' ? await getOfficial(db, form.data.officialId) : undefined;
  if (!official) throw new AppError('bad_request');
  await addLetterOfficial(db, letter.id, official.id, Date.now());
  return c.redirect(adminPath(letter), 303);
});

lettersAdmin.post('/:id/officials/remove', async (c) => {
  const letter = await loadLetter(c);
  const form = await readForm(c, officialChoiceSchema, { botCheck: false });
  if (form.status !== 'valid') throw new AppError('bad_request');
  await removeLetterOfficial(getDb(c.env), letter.id, form.data.officialId);
  return c.redirect(adminPath(letter), 303);
});

lettersAdmin.get('/:id/signers', async (c) => {
  const filter = signerFilterSchema.parse(c.req.query());
  const table = await readSignerTable(getDb(c.env), c.req.param('id'), filter, ADMIN_SIGNERS_PAGE_SIZE);
  if (!table) throw new AppError('not_found');
  const url = new URL(c.req.url);
  return c.render(
    <SignersAdminPage
      table={table}
      filter={filter}
      pages={Math.max(1, Math.ceil(table.matching / ADMIN_SIGNERS_PAGE_SIZE))}
      back={url.pathname + url.search}
    />,
    { title: c.var.t('letters.admin.signers'), wide: true },
  );
});

/**
 * The hide and verify buttons of the signer table: read the switch, set or clear the mark, and go
 * back to the table as it was (filter and page).
 */
async function switchSignerMark<S extends z.ZodType<{ back?: unknown }>>(
  c: AdminContext,
  schema: S,
  setMark: (db: Db, letterId: string, signatureId: string, data: z.output<S>) => Promise<boolean>,
) {
  const letter = await loadLetter(c);
  const form = await readForm(c, schema, { botCheck: false });
  if (form.status !== 'valid') throw new AppError('bad_request');
  const found = await setMark(getDb(c.env), letter.id, c.req.param('signatureId') ?? '', form.data);
  if (!found) throw new AppError('not_found');
  return c.redirect(safeBack(letter, form.data.back), 303);
}

lettersAdmin.post('/:id/signers/:signatureId/hide', (c) =>
  switchSignerMark(c, hideSignerSchema, (db, letterId, signatureId, { hidden }) =>
    setSignerHidden(db, letterId, signatureId, hidden, Date.now()),
  ),
);

lettersAdmin.post('/:id/signers/:signatureId/verify', (c) =>
  switchSignerMark(c, verifySignerSchema, (db, letterId, signatureId, { verified }) =>
    setSignerVerified(db, letterId, signatureId, verified, Date.now()),
  ),
);

lettersAdmin.get('/:id/signers.csv', async (c) => {
  const letter = await loadLetter(c);
  const db = getDb(c.env);
  const stream = csvStream(signerCsvColumns(c.var.t), (after: ExportCursor | null) =>
    exportSignersPage(db, letter.id, after, EXPORT_PAGE_SIZE),
  );
  return new Response(stream, { headers: csvHeaders(`signers-${letter.slug}.csv`) });
});

async function renderDelivery(
  c: AdminContext,
  letter: Letter,
  form: { values?: FormValues; errors?: FormErrors; sent?: number } = {},
) {
  const data = await loadDeliveryPage(getDb(c.env), letter.id);
  return c.render(<DeliveryPage letter={letter} {...data} {...form} />, {
    title: c.var.t('letters.admin.deliverTitle'),
  });
}

lettersAdmin.get('/:id/deliver', async (c) => {
  const letter = await loadLetter(c);
  const sent = Number(c.req.query('sent') ?? '0');
  return renderDelivery(c, letter, { sent: Number.isInteger(sent) && sent > 0 ? sent : undefined });
});

lettersAdmin.post('/:id/deliver', async (c) => {
  const letter = await loadLetter(c);
  const form = await readForm(c, deliverySchema, { botCheck: false });
  if (form.status !== 'valid') return renderDelivery(c, letter, refusedForm(c, form));
  await deliverLetter(
    getDb(c.env),
    c.env,
    letter,
    form.data.recipients,
    form.data.lang,
    c.var.organizer?.id ?? null,
    Date.now(),
  );
  return c.redirect(adminPath(letter, `/deliver?sent=${form.data.recipients.length}`), 303);
});

// ------------------------------------------------------------------------------------------------
// Updates to signers who asked to be kept informed: write, preview, send once, see what went out.

async function renderUpdates(
  c: AdminContext,
  letter: Letter,
  form: { values?: FormValues; errors?: FormErrors } = {},
) {
  const db = getDb(c.env);
  const [recipients, updates] = await Promise.all([
    countUpdateRecipients(db, letter.id),
    listUpdatesWithCounts(db, letter.id),
  ]);
  return c.render(<UpdatesPage letter={letter} recipients={recipients} updates={updates} {...form} />, {
    title: c.var.t('letters.updates.title'),
    wide: true,
  });
}

/** The 422 answer to a bad update form: the same page, their input kept, nothing written. */
function refuseUpdate(c: AdminContext, letter: Letter, form: { values: FormValues; errors?: FormErrors }) {
  c.status(422);
  return renderUpdates(c, letter, { values: form.values, errors: form.errors ?? {} });
}

lettersAdmin.get('/:id/updates', async (c) => renderUpdates(c, await loadLetter(c)));

lettersAdmin.post('/:id/updates/preview', async (c) => {
  const letter = await loadLetter(c);
  const form = await readForm(c, updateSchema, { botCheck: false });
  if (form.status !== 'valid') return renderUpdates(c, letter, refusedForm(c, form));
  const recipients = await countUpdateRecipients(getDb(c.env), letter.id);
  return c.render(
    <UpdatePreviewPage
      letter={letter}
      recipients={recipients}
      previews={updatePreviews(c.env, letter, form.data, recipients)}
      values={form.values}
      updateId={newId()}
    />,
    { title: c.var.t('letters.updates.previewTitle'), wide: true },
  );
});

lettersAdmin.post('/:id/updates/edit', async (c) => {
  const letter = await loadLetter(c);
  const form = await readForm(c, updateSchema, { botCheck: false });
  return renderUpdates(c, letter, { values: form.values });
});

lettersAdmin.post('/:id/updates/send', async (c) => {
  const letter = await loadLetter(c);
  const form = await readForm(c, sendUpdateSchema, { botCheck: false });
  if (form.status !== 'valid') return renderUpdates(c, letter, refusedForm(c, form));
  const outcome = await sendUpdate(c.env, getDb(c.env), letter, form.data, c.var.organizer?.id ?? null);
  if (outcome.status === 'no-recipients')
    return refuseUpdate(c, letter, {
      values: form.values,
      errors: { _form: { key: 'letters.updates.error.noRecipients' } },
    });
  const notice = outcome.status === 'sent' ? 'sent' : 'already-sent';
  return c.redirect(
    adminPath(letter, `/updates/${encodeURIComponent(outcome.updateId)}?notice=${notice}`),
    303,
  );
});

lettersAdmin.get('/:id/updates/:updateId', async (c) => {
  const letter = await loadLetter(c);
  const db = getDb(c.env);
  const update = await getUpdate(db, letter.id, c.req.param('updateId'));
  if (!update) throw new AppError('not_found');
  const counts = await updateEmailCounts(db, update.id);
  const { t } = c.var;
  const notice = c.req.query('notice');
  return c.render(
    <UpdateDetailPage
      letter={letter}
      update={update}
      counts={counts}
      previews={updatePreviews(c.env, letter, update, null)}
      notice={
        notice === 'sent'
          ? t('letters.updates.sentNotice', { count: update.recipientCount })
          : notice === 'already-sent'
            ? t('letters.updates.alreadySent')
            : undefined
      }
    />,
    { title: t('letters.updates.detailTitle', { subject: update.subjectEn }), wide: true },
  );
});
