import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { dispatchWebhooks } from '../webhooks/delivery';
import { logEvent } from '../lib/log';
import { readForm, refusedForm, type FormErrors, type FormValues } from '../web/form';
import { SavedNotice } from '../web/ui/saved-notice';
import { countFound, eraseEverything, exportEverything } from './erasure';
import { listErasures } from './queries';
import { findEverything } from './queries/registry';
import { eraseSchema, lookupSchema } from './validation';
import { ErasureHistory, LookupForm, LookupResult } from './views/admin';

type AdminContext = Context<AppEnv>;

async function renderHome(c: AdminContext, form: { values?: FormValues; errors?: FormErrors } = {}) {
  const { t } = c.var;
  const erasures = await listErasures(getDb(c.env));
  const erasedId = c.req.query('erased');
  const erased = erasedId ? erasures.find((e) => e.id === erasedId) : undefined;
  const total = erased ? Object.values(erased.counts).reduce((a, b) => a + b, 0) : 0;
  return c.render(
    <>
      <h1>{t('privacy.admin.title')}</h1>
      {erased ? <SavedNotice>{t('privacy.admin.erased', { total })}</SavedNotice> : null}
      <p>{t('privacy.admin.intro')}</p>
      <LookupForm values={form.values} errors={form.errors} />
      <ErasureHistory erasures={erasures} />
    </>,
    { title: t('privacy.admin.title'), wide: true },
  );
}

async function renderResult(
  c: AdminContext,
  email: string,
  form: { values?: FormValues; errors?: FormErrors } = {},
) {
  const { t } = c.var;
  const counts = countFound(await findEverything(getDb(c.env), email));
  return c.render(
    <>
      <h1>{t('privacy.admin.title')}</h1>
      <LookupResult email={email} counts={counts} values={form.values} errors={form.errors} />
      <p>
        <a href="/admin/privacy">{t('privacy.admin.title')}</a>
      </p>
    </>,
    { title: t('privacy.admin.title'), wide: true },
  );
}

/**
 * Organizer pages of this feature, mounted under /admin/privacy (sign-in already checked). The
 * address travels only in POST bodies, never in a URL (URLs end up in history and logs).
 */
export const privacyAdmin = new Hono<AppEnv>()
  .get('/', (c) => renderHome(c))
  .post('/find', async (c) => {
    const form = await readForm(c, lookupSchema, { botCheck: false });
    if (form.status !== 'valid') return renderHome(c, refusedForm(c, form));
    return renderResult(c, form.data.email);
  })
  .post('/export', async (c) => {
    const form = await readForm(c, lookupSchema, { botCheck: false });
    if (form.status !== 'valid') return renderHome(c, refusedForm(c, form));
    const at = Date.now();
    const data = await exportEverything(getDb(c.env), form.data.email, at);
    logEvent('info', 'privacy.exported', { organizerId: c.var.organizer?.id ?? null });
    const day = new Date(at).toISOString().slice(0, 10);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="welcome-table-export-${day}.json"`,
      'cache-control': 'no-store',
    });
  })
  .post('/erase', async (c) => {
    const form = await readForm(c, eraseSchema, { botCheck: false });
    if (form.status !== 'valid') {
      const refused = refusedForm(c, form);
      const email = lookupSchema.safeParse({ email: form.values.email });
      if (!email.success) return renderHome(c, refused);
      return renderResult(c, email.data.email, refused);
    }
    const db = getDb(c.env);
    const at = Date.now();
    const result = await eraseEverything(db, form.data.email, {
      includeOrganizer: form.data.includeOrganizer,
      organizerId: c.var.organizer?.id ?? null,
      at,
    });
    await dispatchWebhooks(db, c.env, at);
    logEvent('info', 'privacy.erased', { erasureId: result.id, ...result.counts });
    return c.redirect(`/admin/privacy?erased=${encodeURIComponent(result.id)}`, 303);
  });
