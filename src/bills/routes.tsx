import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../web/errors';
import { ChoiceGroup, readForm, SelectField } from '../web/form';
import { buildAtomFeed } from './feed';
import { billPath, stageLabelKey } from './links';
import {
  getBill,
  getBillBySlug,
  listActions,
  listBillMovements,
  listRecentMovements,
  listSponsors,
  listTrackedBills,
  trackedStates,
  type BillRow,
  type BillSubscriptionRow,
} from './queries';
import {
  confirmSubscription,
  resubscribe,
  subscribe,
  subscriptionByToken,
  unsubscribe,
  updateSubscription,
} from './subscriptions';
import { billFiltersSchema, manageSchema, subscribeSchema } from './validation';
import { BillListPage, BillPage, billLabel, inLang, MessagePage, type BillPageData } from './views/public';

/** Public pages of this feature. */
export const billsRoutes = new Hono<AppEnv>();

// Feeds first: "/bills/ga/feed.xml" must not be read as a bill called "feed.xml".
billsRoutes.get('/feed.xml', (c) => atomFeed(c, null));
billsRoutes.get('/:state{[a-zA-Z]{2}}/feed.xml', (c) => atomFeed(c, c.req.param('state').toUpperCase()));

// Private subscription links, before "/:state/:slug" for the same reason.
billsRoutes.get('/subscriptions/confirm/:token', async (c) => {
  const { t } = c.var;
  c.set('privateLink', true);
  const subscription = await requireSubscription(c, 'confirm');
  const scope = await scopeName(c, subscription);
  return c.render(
    <MessagePage
      title={t('bills.confirmTitle')}
      body={t('bills.confirmBody', { scope })}
      action={{ url: c.req.path, label: t('bills.confirmButton') }}
    />,
    { title: t('bills.confirmTitle'), noindex: true },
  );
});

billsRoutes.post('/subscriptions/confirm/:token', async (c) => {
  c.set('privateLink', true);
  const subscription = await requireSubscription(c, 'confirm');
  const { manageToken } = await confirmSubscription(getDb(c.env), subscription);
  return c.redirect(`/bills/subscriptions/${manageToken}?notice=confirmed`, 303);
});

billsRoutes.get('/subscriptions/:token', async (c) => {
  c.set('privateLink', true);
  const subscription = await requireSubscription(c, 'manage');
  return renderManagePage(c, subscription, c.req.query('notice') ?? null);
});

billsRoutes.post('/subscriptions/:token', async (c) => {
  c.set('privateLink', true);
  const subscription = await requireSubscription(c, 'manage');
  const form = await readForm(c, manageSchema, { botCheck: false });
  if (form.status !== 'valid') {
    c.status(422);
    return renderManagePage(c, subscription, null);
  }
  await updateSubscription(getDb(c.env), subscription, form.data);
  return c.redirect(`/bills/subscriptions/${c.req.param('token')}?notice=saved`, 303);
});

// RFC 8058: mail providers POST here without cookies or Origin (the path is CSRF-exempt) and get
// 200. A GET (a person clicking, or a mail scanner) only shows the button.
billsRoutes.get('/subscriptions/:token/one-click-unsubscribe', async (c) => {
  const { t } = c.var;
  c.set('privateLink', true);
  const subscription = await requireSubscription(c, 'manage');
  const scope = await scopeName(c, subscription);
  return c.render(
    <MessagePage
      title={t('bills.unsubscribeTitle')}
      body={t('bills.unsubscribeBody', { scope })}
      action={{ url: c.req.path, label: t('bills.unsubscribeButton') }}
    />,
    { title: t('bills.unsubscribeTitle'), noindex: true },
  );
});

billsRoutes.post('/subscriptions/:token/one-click-unsubscribe', async (c) => {
  const { t } = c.var;
  c.set('privateLink', true);
  const subscription = await requireSubscription(c, 'manage');
  await unsubscribe(getDb(c.env), subscription);
  const scope = await scopeName(c, subscription);
  return c.render(
    <MessagePage
      title={t('bills.unsubscribedTitle')}
      body={t('bills.unsubscribedBody', { scope })}
      links={[{ url: `/bills/subscriptions/${c.req.param('token')}`, label: t('bills.manageTitle') }]}
    />,
    { title: t('bills.unsubscribedTitle'), noindex: true },
  );
});

billsRoutes.post('/subscriptions/:token/resubscribe', async (c) => {
  c.set('privateLink', true);
  const subscription = await requireSubscription(c, 'manage');
  await resubscribe(getDb(c.env), subscription);
  return c.redirect(`/bills/subscriptions/${c.req.param('token')}?notice=resubscribed`, 303);
});

billsRoutes.get('/', async (c) => {
  const { t } = c.var;
  const filters = billFiltersSchema.parse(c.req.query());
  const db = getDb(c.env);
  const [bills, states] = await Promise.all([listTrackedBills(db, filters), trackedStates(db)]);
  return c.render(<BillListPage bills={bills} filters={filters} states={states} />, {
    title: t('bills.listTitle'),
    description: t('bills.listIntro'),
  });
});

billsRoutes.get('/:state{[a-zA-Z]{2}}/:slug{[a-z0-9-]+}', async (c) => {
  const bill = await requireBill(c);
  return renderBillPage(c, { bill });
});

billsRoutes.post('/:state{[a-zA-Z]{2}}/:slug{[a-z0-9-]+}/subscribe', async (c) => {
  const { t } = c.var;
  const bill = await requireBill(c);
  const form = await readForm(c, subscribeSchema);
  if (form.status === 'invalid') {
    c.status(422);
    return renderBillPage(c, { bill, errors: form.errors, values: form.values });
  }
  if (form.status === 'valid') {
    await subscribe(getDb(c.env), c.env, { ...form.data, bill });
  }
  return c.render(
    <MessagePage
      title={t('bills.checkEmailTitle')}
      body={t('bills.checkEmailBody')}
      links={[{ url: billPath(bill), label: t('bills.backToBill') }]}
    />,
    { title: t('bills.checkEmailTitle'), noindex: true },
  );
});

async function requireBill(c: Context<AppEnv>): Promise<BillRow> {
  const bill = await getBillBySlug(getDb(c.env), c.req.param('state') ?? '', c.req.param('slug') ?? '');
  if (!bill || !bill.tracked) throw new AppError('not_found');
  return bill;
}

async function requireSubscription(
  c: Context<AppEnv>,
  purpose: 'confirm' | 'manage',
): Promise<BillSubscriptionRow> {
  const subscription = await subscriptionByToken(getDb(c.env), c.req.param('token') ?? '', purpose);
  if (!subscription) throw new AppError('invalid_link');
  return subscription;
}

async function renderBillPage(c: Context<AppEnv>, data: Pick<BillPageData, 'bill' | 'errors' | 'values'>) {
  const { lang } = c.var;
  const db = getDb(c.env);
  const [actions, sponsors, movements] = await Promise.all([
    listActions(db, data.bill.id),
    listSponsors(db, data.bill.id),
    listBillMovements(db, data.bill.id),
  ]);
  const title = `${billLabel(data.bill)}: ${inLang(lang, data.bill.title, data.bill.titleEs)}`;
  const description = (inLang(lang, data.bill.summaryEn, data.bill.summaryEs) ?? '').slice(0, 200);
  return c.render(
    <BillPage
      {...data}
      actions={actions}
      sponsors={sponsors}
      updates={movements.filter((m) => m.kind === 'update')}
    />,
    {
      title,
      description,
      og: { title, description, url: `${c.env.PUBLIC_URL}${billPath(data.bill)}` },
    },
  );
}

/** What a subscription follows, in words ("GA SB 6" or "every bill we follow in GA"). */
async function scopeName(c: Context<AppEnv>, subscription: BillSubscriptionRow): Promise<string> {
  const { t } = c.var;
  if (!subscription.billId) return t('bills.scopeState', { state: subscription.state });
  const bill = await getBill(getDb(c.env), subscription.billId);
  return bill ? billLabel(bill) : subscription.state;
}

async function renderManagePage(
  c: Context<AppEnv>,
  subscription: BillSubscriptionRow,
  notice: string | null,
) {
  const { t } = c.var;
  const token = c.req.param('token') ?? '';
  const scope = await scopeName(c, subscription);
  const notices: Record<string, string> = {
    confirmed: t('bills.confirmedNotice'),
    saved: t('bills.manageSaved'),
    resubscribed: t('bills.resubscribedNotice'),
  };
  const base = `/bills/subscriptions/${token}`;
  return c.render(
    <section>
      {notice && notices[notice] ? (
        <p role="status" class="notice">
          {notices[notice]}
        </p>
      ) : null}
      <h1>{t('bills.manageTitle')}</h1>
      <p>{t('bills.manageFollowing', { scope })}</p>
      <p>{t(`bills.manageStatus.${subscription.status}`)}</p>
      {subscription.status !== 'unsubscribed' ? (
        <>
          <form method="post" action={base}>
            <SelectField
              name="lang"
              label={t('bills.field.lang')}
              options={[
                ['en', 'English'],
                ['es', 'Español'],
              ]}
              value={subscription.lang}
              required
            />
            <ChoiceGroup
              name="frequency"
              label={t('bills.field.frequency')}
              options={[
                ['immediate', t('bills.frequency.immediate')],
                ['daily', t('bills.frequency.daily')],
              ]}
              value={subscription.frequency}
              required
            />
            <button type="submit">{t('bills.manageSave')}</button>
          </form>
          <form method="post" action={`${base}/one-click-unsubscribe`}>
            <button type="submit" class="secondary">
              {t('bills.unsubscribeButton')}
            </button>
          </form>
        </>
      ) : subscription.confirmedAt ? (
        <form method="post" action={`${base}/resubscribe`}>
          <button type="submit">{t('bills.resubscribeButton')}</button>
        </form>
      ) : null}
    </section>,
    { title: t('bills.manageTitle'), noindex: true },
  );
}

async function atomFeed(c: Context<AppEnv>, state: string | null) {
  const { t, lang } = c.var;
  const movements = await listRecentMovements(getDb(c.env), state);
  const base = c.env.PUBLIC_URL;
  const selfPath = state ? `/bills/${state.toLowerCase()}/feed.xml` : '/bills/feed.xml';
  const xml = buildAtomFeed({
    id: `${base}${selfPath}`,
    title: state
      ? t('bills.stateFeedTitle', { state, org: c.env.ORG_NAME })
      : t('bills.feedTitle', { org: c.env.ORG_NAME }),
    selfUrl: `${base}${selfPath}`,
    siteUrl: `${base}/bills${state ? `?state=${state}` : ''}`,
    lang,
    author: c.env.ORG_NAME,
    entries: movements.map(({ movement, bill }) => ({
      id: `${base}${billPath(bill)}#movement-${movement.id}`,
      title: `${billLabel(bill)}: ${t(stageLabelKey(movement.stageAfter))}`,
      url: `${base}${billPath(bill)}`,
      updated: movement.createdAt,
      summary: `${lang === 'es' ? movement.headlineEs : movement.headlineEn} (${inLang(lang, bill.title, bill.titleEs)})`,
    })),
  });
  return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
}
