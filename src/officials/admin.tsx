import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { readForm, refusedForm, type FormErrors, type FormValues } from '../web/form';
import {
  addPowerMapEntry,
  currentStances,
  deletePowerMapEntry,
  editPowerMapEntry,
  getPowerMapEntry,
  getOfficial,
  insertManualOfficial,
  loadPowerMap,
  searchOfficials,
  setOfficialLang,
  updateManualOfficial,
} from './queries';
import type { Official } from './schema';
import {
  manualOfficialSchema,
  officialLangSchema,
  officialSearchSchema,
  powerMapEntrySchema,
} from './validation';
import { adminOfficialPath } from './links';
import { AdminOfficialList } from './views/admin-list';
import { AdminOfficialPage } from './views/admin-official';
import { ManualOfficialForm } from './views/official-form';

/** Organizer pages of this feature, mounted under /admin (sign-in already checked). */
export const officialsAdmin = new Hono<AppEnv>();

officialsAdmin.get('/', async (c) => {
  const query = c.req.query();
  const search = officialSearchSchema.parse(query);
  const includeRetired = query.retired === 'on';
  const db = getDb(c.env);
  const { rows, total } = await searchOfficials(db, { ...search, includeRetired, limit: 100 });
  const stances = await currentStances(
    db,
    rows.map((row) => row.id),
  );
  const values: FormValues = {
    name: search.name ?? '',
    state: search.state ?? '',
    chamber: search.chamber ?? '',
    district: search.district ?? '',
    retired: includeRetired ? 'on' : '',
  };
  return c.render(<AdminOfficialList values={values} rows={rows} total={total} stances={stances} />, {
    title: c.var.t('officials.admin.title'),
    wide: true,
  });
});

officialsAdmin.get('/new', (c) =>
  c.render(
    <ManualOfficialForm action="/admin/officials/new" heading={c.var.t('officials.admin.addTitle')} />,
    {
      title: c.var.t('officials.admin.addTitle'),
    },
  ),
);

officialsAdmin.post('/new', async (c) => {
  const form = await readForm(c, manualOfficialSchema, { botCheck: false });
  if (form.status !== 'valid') {
    return c.render(
      <ManualOfficialForm
        action="/admin/officials/new"
        heading={c.var.t('officials.admin.addTitle')}
        {...refusedForm(c, form)}
      />,
      { title: c.var.t('officials.admin.addTitle') },
    );
  }
  const id = await insertManualOfficial(getDb(c.env), form.data, Date.now());
  return c.redirect(`${adminOfficialPath(id)}&saved=1`, 303);
});

async function loadOfficial(c: Context<AppEnv>): Promise<Official> {
  const id = c.req.query('id');
  const official = id ? await getOfficial(getDb(c.env), id) : undefined;
  if (!official) throw new AppError('not_found');
  return official;
}

function formValuesOf(o: Official): FormValues {
  const office = o.offices[0];
  return {
    name: o.name,
    givenName: o.givenName ?? '',
    familyName: o.familyName ?? '',
    state: o.state.toUpperCase(),
    chamber: o.chamber,
    title: o.title,
    district: o.district ?? '',
    jurisdictionName: o.jurisdictionName ?? '',
    party: o.party ?? '',
    email: o.email ?? '',
    phone: office?.voice ?? '',
    address: office?.address ?? '',
    link: o.links[0]?.url ?? '',
    lang: o.lang,
    inOffice: o.inOffice ? 'on' : '',
  };
}

officialsAdmin.get('/edit', async (c) => {
  const official = await loadOfficial(c);
  if (official.source !== 'manual') return c.redirect(adminOfficialPath(official.id), 303);
  const heading = c.var.t('officials.admin.editTitle', { name: official.name });
  return c.render(
    <ManualOfficialForm
      action={`/admin/officials/edit?id=${encodeURIComponent(official.id)}`}
      heading={heading}
      values={formValuesOf(official)}
    />,
    { title: heading },
  );
});

officialsAdmin.post('/edit', async (c) => {
  const official = await loadOfficial(c);
  const form = await readForm(c, manualOfficialSchema, { botCheck: false });
  const heading = c.var.t('officials.admin.editTitle', { name: official.name });
  if (form.status !== 'valid') {
    return c.render(
      <ManualOfficialForm
        action={`/admin/officials/edit?id=${encodeURIComponent(official.id)}`}
        heading={heading}
        {...refusedForm(c, form)}
      />,
      { title: heading },
    );
  }
  if (!(await updateManualOfficial(getDb(c.env), official.id, form.data, Date.now())))
    throw new AppError('forbidden');
  return c.redirect(`${adminOfficialPath(official.id)}&saved=1`, 303);
});

/** The official's organizer page: power map (with one entry open for editing), history, settings. */
async function renderOfficialPage(
  c: Context<AppEnv>,
  official: Official,
  form: { values?: FormValues; errors?: FormErrors; editing?: string; langErrors?: FormErrors } = {},
) {
  const powerMap = await loadPowerMap(getDb(c.env), official.id);
  const { editing, langErrors, ...formState } = form;
  return c.render(
    <AdminOfficialPage
      official={official}
      {...powerMap}
      {...formState}
      editing={editing ? powerMap.entries.find((entry) => entry.id === editing) : undefined}
      langErrors={langErrors}
      today={new Date().toISOString().slice(0, 10)}
      saved={c.req.query('saved') === '1'}
    />,
    { title: official.name, noindex: true },
  );
}

officialsAdmin.get('/view', async (c) =>
  renderOfficialPage(c, await loadOfficial(c), { editing: c.req.query('edit') }),
);

officialsAdmin.post('/lang', async (c) => {
  const official = await loadOfficial(c);
  const form = await readForm(c, officialLangSchema, { botCheck: false });
  if (form.status !== 'valid')
    return renderOfficialPage(c, official, { langErrors: refusedForm(c, form).errors });
  await setOfficialLang(getDb(c.env), official.id, form.data.lang, Date.now());
  return c.redirect(`${adminOfficialPath(official.id)}&saved=1`, 303);
});

officialsAdmin.post('/power-map', async (c) => {
  const official = await loadOfficial(c);
  const form = await readForm(c, powerMapEntrySchema, { botCheck: false });
  if (form.status !== 'valid') return renderOfficialPage(c, official, refusedForm(c, form));
  await addPowerMapEntry(
    getDb(c.env),
    { officialId: official.id, organizerId: c.var.organizer?.id ?? null, ...form.data },
    Date.now(),
  );
  return c.redirect(`${adminOfficialPath(official.id)}&saved=1`, 303);
});

async function loadEntry(c: Context<AppEnv>, official: Official) {
  const entry = await getPowerMapEntry(getDb(c.env), official.id, c.req.query('entry') ?? '');
  if (!entry) throw new AppError('not_found');
  return entry;
}

officialsAdmin.post('/power-map/edit', async (c) => {
  const official = await loadOfficial(c);
  const entry = await loadEntry(c, official);
  const form = await readForm(c, powerMapEntrySchema, { botCheck: false });
  if (form.status !== 'valid')
    return renderOfficialPage(c, official, { editing: entry.id, ...refusedForm(c, form) });
  await editPowerMapEntry(getDb(c.env), entry, form.data, c.var.organizer?.id ?? null, Date.now());
  return c.redirect(`${adminOfficialPath(official.id)}&saved=1`, 303);
});

officialsAdmin.post('/power-map/delete', async (c) => {
  const official = await loadOfficial(c);
  const entry = await loadEntry(c, official);
  await deletePowerMapEntry(getDb(c.env), entry, c.var.organizer?.id ?? null, Date.now());
  return c.redirect(`${adminOfficialPath(official.id)}&saved=1`, 303);
});
