import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { readForm } from '../web/form';
import { conditionalResponse } from '../web/conditional';
import { isLang, translator, type Lang, type Translate } from '../lib/i18n';
import type { PageMeta } from '../web/layout';
import { buildAtomFeed, feedUpdated } from './feed';
import { pick } from '../lib/bilingual';
import { absoluteUrl } from '../lib/urls';
import { billPath, feedPath, movementHeadline, stageLabelKey } from './links';
import {
  feedScope,
  getBillBySlug,
  listRecentMovements,
  listTrackedBills,
  readBillPage,
  trackedStates,
  type BillRow,
} from './queries';
import { subscriptionRoutes } from './subscription-routes';
import { subscribe } from './subscriptions';
import { billFiltersSchema, subscribeSchema } from './validation';
import { BillPage, type BillPageData } from './views/bill';
import { BillListPage } from './views/bill-list';
import { billLabel } from './views/public';
import { renderCheckEmail } from './check-email';

/** Public pages of this feature. */
export const billsRoutes = new Hono<AppEnv>();

// Feeds first: "/bills/ga/feed.xml" must not be read as a bill called "feed.xml".
billsRoutes.get('/feed.xml', (c) => atomFeed(c, null));
billsRoutes.get('/:state{[a-zA-Z]{2}}/feed.xml', (c) => atomFeed(c, c.req.param('state').toUpperCase()));

// Private subscription links (confirm, manage, one-click unsubscribe).
billsRoutes.route('/subscriptions', subscriptionRoutes);

billsRoutes.get('/', async (c) => {
  const { t } = c.var;
  const filters = billFiltersSchema.parse(c.req.query());
  const db = getDb(c.env);
  const [bills, states] = await Promise.all([listTrackedBills(db, filters), trackedStates(db)]);
  return c.render(<BillListPage bills={bills} filters={filters} states={states} />, {
    title: t('bills.listTitle'),
    description: t('bills.listIntro'),
    // A state without tracked bills has no feed to announce.
    feeds: feedLinks(
      t,
      c.var.lang,
      c.env.ORG_NAME,
      filters.state && states.includes(filters.state) ? filters.state : null,
    ),
  });
});

billsRoutes.get('/:state{[a-zA-Z]{2}}/:slug{[a-z0-9-]+}', async (c) =>
  renderBillPage(c, await requireBillPage(c)),
);

billsRoutes.post('/:state{[a-zA-Z]{2}}/:slug{[a-z0-9-]+}/subscribe', async (c) => {
  const bill = await requireBill(c);
  const form = await readForm(c, subscribeSchema);
  if (form.status === 'invalid') {
    c.status(422);
    return renderBillPage(c, await requireBillPage(c), { errors: form.errors, values: form.values });
  }
  if (form.status === 'valid') {
    await subscribe(getDb(c.env), c.env, { ...form.data, bill });
  }
  // Post/redirect/get: reloading the answer does not send the form again.
  return c.redirect(`${billPath(bill)}/check-email`, 303);
});

billsRoutes.get('/:state{[a-zA-Z]{2}}/:slug{[a-z0-9-]+}/check-email', async (c) => {
  const { t } = c.var;
  const bill = await requireBill(c);
  return renderCheckEmail(c, t('bills.checkEmailBody'), {
    url: billPath(bill),
    label: t('bills.backToBill'),
  });
});

async function requireBill(c: Context<AppEnv>): Promise<BillRow> {
  const bill = await getBillBySlug(getDb(c.env), c.req.param('state') ?? '', c.req.param('slug') ?? '');
  if (!bill || !bill.tracked) throw new AppError('not_found');
  return bill;
}

/** The bill page's data in one round trip; 404 as `requireBill`. */
async function requireBillPage(c: Context<AppEnv>) {
  const page = await readBillPage(getDb(c.env), c.req.param('state') ?? '', c.req.param('slug') ?? '');
  if (!page || !page.bill.tracked) throw new AppError('not_found');
  return page;
}

async function renderBillPage(
  c: Context<AppEnv>,
  { bill, actions, sponsors, movements }: NonNullable<Awaited<ReturnType<typeof readBillPage>>>,
  form: Pick<BillPageData, 'errors' | 'values'> = {},
) {
  const { lang, t } = c.var;
  const data = { bill, ...form };
  const title = `${billLabel(data.bill)}: ${pick(data.bill, 'title', lang).text}`;
  const description = pick(data.bill, 'summary', lang).text.slice(0, 200);
  return c.render(
    <BillPage
      {...data}
      actions={actions}
      sponsors={sponsors}
      updates={movements.filter((m) => m.kind === 'update')}
      campaigns={await c.var.campaignsOf('bill', bill.id)}
    />,
    {
      title,
      description,
      og: { title, description, url: absoluteUrl(c.env, billPath(data.bill)) },
      feeds: feedLinks(t, lang, c.env.ORG_NAME, data.bill.state),
    },
  );
}

/** How long a feed reader or cache may keep a feed before asking again (with its ETag). */
const FEED_MAX_AGE_SECONDS = 300;

async function atomFeed(c: Context<AppEnv>, state: string | null) {
  // `?lang=` (the address our pages announce) wins over the negotiated language.
  const asked = c.req.query('lang');
  const lang = isLang(asked) ? asked : c.var.lang;
  const t = translator(lang);
  const db = getDb(c.env);
  const [scope, movements] = await Promise.all([feedScope(db, state), listRecentMovements(db, state)]);
  // A state we follow no bill in has no feed (not an empty one dated 1970).
  if (state && scope.bills === 0) throw new AppError('not_found');
  // One address, so one feed id, per language: English and Spanish are different feeds.
  const selfUrl = absoluteUrl(c.env, feedPath(state, lang));
  const feed = {
    id: selfUrl,
    title: state
      ? t('bills.stateFeedTitle', { state, org: c.env.ORG_NAME })
      : t('bills.feedTitle', { org: c.env.ORG_NAME }),
    selfUrl,
    siteUrl: absoluteUrl(c.env, `/bills${state ? `?state=${state}` : ''}`),
    lang,
    author: c.env.ORG_NAME,
    emptyUpdated: scope.updatedAt ?? 0,
    entries: movements.map(({ movement, bill }) => ({
      id: absoluteUrl(c.env, `${billPath(bill)}#movement-${movement.id}`),
      title: `${billLabel(bill)}: ${t(stageLabelKey(movement.stageAfter))}`,
      url: absoluteUrl(c.env, billPath(bill)),
      updated: movement.createdAt,
      summary: `${movementHeadline(movement, lang)} (${pick(bill, 'title', lang).text})`,
    })),
  };
  return conditionalResponse(c, buildAtomFeed(feed), feedUpdated(feed), {
    contentType: 'application/atom+xml; charset=utf-8',
    cacheControl: `max-age=${FEED_MAX_AGE_SECONDS}`,
  });
}

/** The feeds a bills page announces in its head: one state's (when it has one), then all bills'. */
function feedLinks(t: Translate, lang: Lang, orgName: string, state: string | null): PageMeta['feeds'] {
  return [
    ...(state
      ? [{ href: feedPath(state, lang), title: t('bills.stateFeedTitle', { state, org: orgName }) }]
      : []),
    { href: feedPath(null, lang), title: t('bills.feedTitle', { org: orgName }) },
  ];
}
