// Organizer pages of campaigns, mounted under /admin/campaigns (sign-in and role already checked):
// the list, the campaign's own form, its strategy page, and one set of routes for every part.
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../env';
import { getDb, type Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { AppError } from '../lib/errors';
import { newId } from '../lib/tokens';
import { readForm, refusedForm, type FormState } from '../web/form';
import { field } from '../web/fields';
import { ITEM_ADDRESSES, purgeItemPages } from '../web/edge-cache';
import { campaignPath, pagesShowingCampaign } from './links';
import { campaignFormValues, campaignInputOf } from './campaign-form';
import { ladderWarnings } from './ladder';
import {
  isPartName,
  itemFormValues,
  itemFromForm,
  itemIdOf,
  NEW_ITEM_VALUES,
  PART_SCHEMAS,
  referenceErrors,
  type PartForm,
} from './parts';
import {
  deletePartItem,
  getCampaign,
  getCampaignBySlug,
  insertCampaign,
  listActionChoices,
  listCampaigns,
  listOfficialChoices,
  loadCampaignParts,
  officialExists,
  savePartItem,
  updateCampaign,
  type CampaignParts,
  type PartName,
} from './queries';
import type { Campaign } from './schema';
import { campaignFormSchema } from './validation';
import { AdminCampaignPage, CampaignLinks, ItemPage, itemPageTitle } from './views/admin-campaign';
import { CampaignsAdminList } from './views/admin-list';
import { CampaignForm, NewCampaignPage } from './views/campaign-form';
import { pick } from '../lib/bilingual';
import { renderChart } from './chart-page';
import { campaignUpdatesAdmin } from './update-admin';

/** Organizer pages of this feature. */
export const campaignsAdmin = new Hono<AppEnv>();

campaignsAdmin.on('POST', ITEM_ADDRESSES, purgeItemPages(getCampaign, pagesShowingCampaign, []));

/** The part in an address (`/:id/goals`, `/:id/tactics`…); any other word is not found. */
const PART = ':part';

const removeSchema = z.object({ item: field.line(200) });

campaignsAdmin.get('/', async (c) =>
  c.render(<CampaignsAdminList campaigns={await listCampaigns(getDb(c.env))} />, {
    title: c.var.t('campaigns.admin.title'),
    wide: true,
  }),
);

campaignsAdmin.get('/new', (c) =>
  renderNew(c, { values: { publicParts: ['goals', 'targets', 'actions', 'progress'] } }),
);

campaignsAdmin.post('/new', async (c) => {
  const form = await readForm(c, campaignFormSchema, { botCheck: false });
  if (form.status !== 'valid') return renderNew(c, refusedForm(c, form));
  const db = getDb(c.env);
  const id = newId();
  const saved = await saveCampaign(db, null, form.data, (input, at) => insertCampaign(db, id, input, at));
  if (!saved) return renderNew(c, slugTaken(c, form.values));
  return c.redirect(`/admin/campaigns/${id}?notice=saved`, 303);
});

campaignsAdmin.get('/:id', async (c) => renderCampaign(c, await requireCampaign(c)));

campaignsAdmin.get('/:id/edit', async (c) => {
  const campaign = await requireCampaign(c);
  return renderEdit(c, campaign, { values: campaignFormValues(campaign) });
});

campaignsAdmin.post('/:id/edit', async (c) => {
  const campaign = await requireCampaign(c);
  const form = await readForm(c, campaignFormSchema, { botCheck: false });
  if (form.status !== 'valid') return renderEdit(c, campaign, refusedForm(c, form));
  const db = getDb(c.env);
  const saved = await saveCampaign(db, campaign.id, form.data, (input, at) =>
    updateCampaign(db, campaign.id, input, at),
  );
  if (!saved) return renderEdit(c, campaign, slugTaken(c, form.values));
  return c.redirect(`/admin/campaigns/${campaign.id}?notice=saved`, 303);
});

campaignsAdmin.get('/:id/chart', async (c) => renderChart(c, await requireCampaign(c)));

// Before the part routes, which would take `updates` for a part's name.
campaignsAdmin.route('/', campaignUpdatesAdmin);

campaignsAdmin.get(`/:id/${PART}/new`, async (c) =>
  renderItemPage(c, await requireCampaign(c), requirePart(c), undefined, {
    values: NEW_ITEM_VALUES[requirePart(c)],
  }),
);

// Adds an item to a part.
campaignsAdmin.post(`/:id/${PART}`, async (c) => {
  const campaign = await requireCampaign(c);
  const part = requirePart(c);
  const checked = await readPartForm(c, campaign, part);
  if ('refused' in checked) return renderItemPage(c, campaign, part, undefined, checked.refused);
  await savePartItem(getDb(c.env), itemFromForm(checked.form, campaign.id, newId(), Date.now()));
  return c.redirect(`/admin/campaigns/${campaign.id}?notice=saved#${part}`, 303);
});

campaignsAdmin.get(`/:id/${PART}/edit`, async (c) => {
  const campaign = await requireCampaign(c);
  const part = requirePart(c);
  const itemId = c.req.query('item') ?? '';
  const values = itemFormValues(await loadCampaignParts(getDb(c.env), campaign), part, itemId);
  if (!values) throw new AppError('not_found');
  return renderItemPage(c, campaign, part, itemId, { values });
});

campaignsAdmin.post(`/:id/${PART}/edit`, async (c) => {
  const campaign = await requireCampaign(c);
  const part = requirePart(c);
  const itemId = c.req.query('item') ?? '';
  const db = getDb(c.env);
  const createdAt = createdAtOf(await loadCampaignParts(db, campaign), part, itemId);
  if (createdAt === undefined) throw new AppError('not_found');
  const checked = await readPartForm(c, campaign, part);
  if ('refused' in checked) return renderItemPage(c, campaign, part, itemId, checked.refused);
  await savePartItem(db, itemFromForm(checked.form, campaign.id, itemId, Date.now(), createdAt));
  // A target's id is its official: choosing another official replaces the target (added first).
  if (checked.form.part === 'targets' && checked.form.data.officialId !== itemId)
    await deletePartItem(db, part, campaign.id, itemId);
  return c.redirect(`/admin/campaigns/${campaign.id}?notice=saved#${part}`, 303);
});

campaignsAdmin.post(`/:id/${PART}/remove`, async (c) => {
  const campaign = await requireCampaign(c);
  const part = requirePart(c);
  const form = await readForm(c, removeSchema, { botCheck: false });
  if (form.status !== 'valid') throw new AppError('not_found');
  if (!(await deletePartItem(getDb(c.env), part, campaign.id, form.data.item)))
    throw new AppError('not_found');
  return c.redirect(`/admin/campaigns/${campaign.id}?notice=removed#${part}`, 303);
});

async function requireCampaign(c: Context<AppEnv>): Promise<Campaign> {
  const campaign = await getCampaign(getDb(c.env), c.req.param('id') ?? '');
  if (!campaign) throw new AppError('not_found');
  return campaign;
}

function requirePart(c: Context<AppEnv>): PartName {
  const part = c.req.param('part') ?? '';
  if (!isPartName(part)) throw new AppError('not_found');
  return part;
}

/** Saves the campaign form unless its address is another campaign's; false when it is. */
async function saveCampaign(
  db: Db,
  ownId: string | null,
  data: z.output<typeof campaignFormSchema>,
  write: (input: ReturnType<typeof campaignInputOf>, at: number) => Promise<void>,
): Promise<boolean> {
  const other = await getCampaignBySlug(db, data.slug);
  if (other && other.id !== ownId) return false;
  try {
    await write(campaignInputOf(data), Date.now());
    return true;
  } catch (error) {
    if (isUniqueViolation(error, 'campaigns.slug')) return false;
    throw error;
  }
}

function slugTaken(c: Context<AppEnv>, values: FormState['values']): FormState {
  c.status(422);
  return { values, errors: { slug: { key: 'campaigns.error.slugTaken' } } };
}

/** Reads a part's form and checks what it names; refused: 422 with the errors, nothing saved. */
async function readPartForm(
  c: Context<AppEnv>,
  campaign: Campaign,
  part: PartName,
): Promise<{ form: PartForm } | { refused: FormState }> {
  const result = await readForm(c, PART_SCHEMAS[part], { botCheck: false });
  if (result.status !== 'valid') return { refused: refusedForm(c, result) };
  const form = { part, data: result.data } as PartForm;
  const db = getDb(c.env);
  const [parts, actions] = await Promise.all([loadCampaignParts(db, campaign), listActionChoices(db)]);
  const errors = await referenceErrors(form, {
    officialExists: (id) => officialExists(db, id),
    goalIds: parts.goals.map((goal) => goal.id),
    actionExists: (kind, id) => actions.some((a) => a.kind === kind && a.id === id),
  });
  if (Object.keys(errors).length) {
    c.status(422);
    return { refused: { values: result.values, errors } };
  }
  return { form };
}

/** When a campaign's item was added; undefined when the campaign has no such item. */
function createdAtOf(parts: CampaignParts, part: PartName, itemId: string): number | undefined {
  const items: readonly { id?: string; officialId?: string | null; createdAt: number }[] = parts[part];
  return items.find((item) => itemIdOf(part, item) === itemId)?.createdAt;
}

async function renderCampaign(c: Context<AppEnv>, campaign: Campaign) {
  const { t, lang } = c.var;
  const db = getDb(c.env);
  const [parts, actions] = await Promise.all([loadCampaignParts(db, campaign), listActionChoices(db)]);
  const notices: Record<string, string> = {
    saved: t('campaigns.admin.notice.saved'),
    removed: t('campaigns.admin.notice.removed'),
  };
  return c.render(
    <AdminCampaignPage
      parts={parts}
      warnings={ladderWarnings(parts.tactics)}
      actions={actions}
      notice={notices[c.req.query('notice') ?? ''] ?? null}
    />,
    { title: t('campaigns.admin.editTitle', { title: pick(campaign, 'title', lang).text }), wide: true },
  );
}

function renderNew(c: Context<AppEnv>, state: FormState) {
  return c.render(<NewCampaignPage state={state} />, { title: c.var.t('campaigns.admin.newTitle') });
}

function renderEdit(c: Context<AppEnv>, campaign: Campaign, state: FormState) {
  const { t, lang } = c.var;
  const title = t('campaigns.admin.editTitle', { title: pick(campaign, 'title', lang).text });
  return c.render(
    <>
      <h1>{title}</h1>
      <CampaignLinks campaign={campaign} />
      <CampaignForm action={`/admin/campaigns/${campaign.id}/edit`} state={state} />
    </>,
    { title },
  );
}

async function renderItemPage(
  c: Context<AppEnv>,
  campaign: Campaign,
  part: PartName,
  itemId: string | undefined,
  state: FormState,
) {
  const db = getDb(c.env);
  const [parts, officials, actions] = await Promise.all([
    loadCampaignParts(db, campaign),
    listOfficialChoices(db),
    listActionChoices(db),
  ]);
  return c.render(
    <ItemPage
      campaign={campaign}
      part={part}
      itemId={itemId}
      choices={{ officials, actions, goals: parts.goals }}
      state={state}
    />,
    { title: itemPageTitle(c.var.t, part, itemId) },
  );
}
