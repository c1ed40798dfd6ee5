import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { readForm, refusedForm, type FormValues } from '../web/form';
import { findDistricts } from './geocoder';
import { titleLabel } from './links';
import { listActionsForOfficial, type OfficialActionsSource } from './actions';
import { findGovernor, findLegislatorsForDistricts, getOfficial, searchOfficials } from './queries';
import { findMineSchema, officialSearchSchema } from './validation';
import { FindMinePage, type FindMineResult } from './views/find-mine';
import { OfficialPage } from './views/official';
import { SearchPage } from './views/search';

const PAGE_SIZE = 25;

/** The directory search (GET /officials). */
async function searchPage(c: Context<AppEnv>) {
  const { t } = c.var;
  const raw = c.req.query();
  const search = officialSearchSchema.parse(raw);
  const searched = Boolean(search.name || search.state || search.chamber || search.district);
  const page = search.page ?? 1;
  const found = searched
    ? await searchOfficials(getDb(c.env), { ...search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
    : { rows: [], total: 0 };
  const values: FormValues = {
    name: search.name ?? '',
    state: search.state ?? '',
    chamber: search.chamber ?? '',
    district: search.district ?? '',
  };
  return c.render(
    <SearchPage
      values={values}
      {...found}
      page={page}
      pages={Math.max(1, Math.ceil(found.total / PAGE_SIZE))}
      searched={searched}
    />,
    { title: t('officials.title'), description: t('officials.intro') },
  );
}

function renderFindMine(c: Context<AppEnv>, props: Omit<Parameters<typeof FindMinePage>[0], 'showDemoHint'>) {
  return c.render(<FindMinePage {...props} showDemoHint={c.env.ENVIRONMENT === 'development'} />, {
    title: c.var.t('officials.findMine.title'),
  });
}

// A POST that changes nothing: it keeps the address out of the URL. Rate-limited like every public post.
async function findMine(c: Context<AppEnv>) {
  const form = await readForm(c, findMineSchema);
  if (form.status === 'bot')
    return renderFindMine(c, { values: form.values, result: { status: 'not_found' } });
  if (form.status === 'invalid') {
    // One message whatever was wrong with the address.
    const { values } = refusedForm(c, form);
    return renderFindMine(c, { values, errors: { address: { key: 'officials.findMine.error.address' } } });
  }
  const lookup = await findDistricts(c.env, form.data.address);
  let result: FindMineResult;
  if (lookup.status === 'found') {
    const db = getDb(c.env);
    const [legislators, governor] = await Promise.all([
      findLegislatorsForDistricts(db, lookup),
      findGovernor(db, lookup.state),
    ]);
    result = {
      status: 'found',
      matchedAddress: lookup.matchedAddress,
      upper: lookup.upperDistrict,
      lower: lookup.lowerDistrict,
      legislators,
      governor: governor ?? null,
    };
  } else {
    result = lookup;
    if (lookup.status === 'unavailable') c.status(503);
  }
  return renderFindMine(c, { values: form.values, result });
}

async function renderOfficial(
  c: Context<AppEnv>,
  id: string,
  actionSources: readonly OfficialActionsSource[],
) {
  const db = getDb(c.env);
  const official = await getOfficial(db, id);
  if (!official) throw new AppError('not_found');
  const actions = await listActionsForOfficial(db, actionSources, official.id, c.var.lang);
  return c.render(<OfficialPage official={official} actions={actions} />, {
    title: official.name,
    description: titleLabel(c.var.t, official.title),
  });
}

/**
 * Public pages of this feature. An official's page lists the actions that name them from the
 * sources given: features above this one provide them, and the app wires them in.
 */
export function officialsRoutes(actionSources: readonly OfficialActionsSource[]): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      .get('/', searchPage)
      .get('/find', (c) => renderFindMine(c, {}))
      .post('/find', findMine)
      // Open States ids contain a slash ("ocd-person/<uuid>"); they keep it in the address.
      .get('/ocd-person/:uuid{[0-9a-f-]{36}}', (c) =>
        renderOfficial(c, `ocd-person/${c.req.param('uuid')}`, actionSources),
      )
      .get('/:id{manual-[A-Za-z0-9-]{1,64}}', (c) => renderOfficial(c, c.req.param('id'), actionSources))
  );
}
