// Private subscription links (mounted at /bills/subscriptions): confirm, the manage page of an
// address, and one-click unsubscribe. A GET only shows a page with buttons; the POSTs change things.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { readForm, type FormErrors, type FormValues } from '../web/form';
import { oneClickUnsubscribe } from '../web/ui/one-click-unsubscribe';
import { renderPrivateLinkPage } from '../web/ui/private-link-button';
import { getBill, listTrackedBills, type BillSubscriptionRow } from './queries';
import {
  isWholeState,
  subscriptionsOfAddress,
  unsubscribeAddress,
  updateAddressChoices,
  type FollowedItem,
} from './queries/subscriptions';
import { pick } from '../lib/bilingual';
import {
  changeFollowing,
  confirmSubscription,
  subscriptionByToken,
  type FollowingChange,
} from './subscriptions';
import { followBillSchema, followingItemSchema, manageSchema } from './validation';
import { ManagePage } from './views/manage';
import { billLabel } from './views/public';

/** The private-link pages of subscriptions. */
export const subscriptionRoutes = new Hono<AppEnv>();

subscriptionRoutes.use(async (c, next) => {
  c.set('privateLink', true);
  await next();
});

subscriptionRoutes.get('/confirm/:token', async (c) => {
  const { t } = c.var;
  const subscription = await requireSubscription(c, 'confirm');
  const scope = await scopeName(c, subscription);
  return renderPrivateLinkPage(c, {
    title: t('bills.confirmTitle'),
    body: t('bills.confirmBody', { scope }),
    button: { action: c.req.path, label: t('bills.confirmButton') },
  });
});

subscriptionRoutes.post('/confirm/:token', async (c) => {
  const subscription = await requireSubscription(c, 'confirm');
  const { manageToken } = await confirmSubscription(getDb(c.env), subscription);
  return c.redirect(`/bills/subscriptions/${manageToken}?notice=confirmed`, 303);
});

subscriptionRoutes.get('/:token', async (c) => {
  const subscription = await requireSubscription(c, 'manage');
  return renderManagePage(c, subscription, { notice: c.req.query('notice') ?? null });
});

// Language and frequency, for everything the address follows.
subscriptionRoutes.post('/:token', async (c) => {
  const subscription = await requireSubscription(c, 'manage');
  const form = await readForm(c, manageSchema, { botCheck: false });
  if (form.status !== 'valid') return refuse(c, subscription, form);
  await updateAddressChoices(getDb(c.env), subscription.email, form.data);
  return savedRedirect(c);
});

// Stop, resume, or widen one bill to its whole state.
subscriptionRoutes.post('/:token/following', async (c) => {
  const subscription = await requireSubscription(c, 'manage');
  const form = await readForm(c, followingItemSchema, { botCheck: false });
  if (form.status !== 'valid') return refuse(c, subscription, form);
  return applyChange(c, subscription, form.data, form.values);
});

// Narrow a whole state to one of its bills.
subscriptionRoutes.post('/:token/follow-bill', async (c) => {
  const subscription = await requireSubscription(c, 'manage');
  const form = await readForm(c, followBillSchema, { botCheck: false });
  if (form.status !== 'valid') return refuse(c, subscription, form);
  const bill = await getBill(getDb(c.env), form.data.bill);
  if (!bill) {
    return refuse(c, subscription, {
      errors: { bill: { key: 'bills.manage.error.bill' } },
      values: form.values,
    });
  }
  return applyChange(c, subscription, { change: 'follow-bill', bill }, form.values);
});

// RFC 8058 one-click unsubscribe of every subscription of the address.
const unsubscribe = oneClickUnsubscribe({
  lookup: (c) => requireSubscription(c, 'manage'),
  confirmPage: (c) => ({
    title: c.var.t('bills.unsubscribeTitle'),
    body: c.var.t('bills.unsubscribeAllBody'),
    button: { action: c.req.path, label: c.var.t('bills.unsubscribeButton') },
    links: [
      { url: `/bills/subscriptions/${c.req.param('token')}`, label: c.var.t('bills.manage.chooseInstead') },
    ],
  }),
  apply: (c, subscription) => unsubscribeAddress(getDb(c.env), subscription.email),
  donePage: (c) => ({
    title: c.var.t('bills.unsubscribedTitle'),
    body: c.var.t('bills.unsubscribedAllBody'),
    links: [{ url: `/bills/subscriptions/${c.req.param('token')}`, label: c.var.t('bills.manageTitle') }],
  }),
});
subscriptionRoutes.get('/:token/one-click-unsubscribe', unsubscribe.get);
subscriptionRoutes.post('/:token/one-click-unsubscribe', unsubscribe.post);

async function requireSubscription(
  c: Context<AppEnv>,
  purpose: 'confirm' | 'manage',
): Promise<BillSubscriptionRow> {
  const subscription = await subscriptionByToken(getDb(c.env), c.req.param('token') ?? '', purpose);
  if (!subscription) throw new AppError('invalid_link');
  return subscription;
}

/** What a subscription follows, in words ("GA SB 6", "every bill we follow in GA", a campaign's title). */
async function scopeName(c: Context<AppEnv>, subscription: BillSubscriptionRow): Promise<string> {
  const { t, lang } = c.var;
  if (subscription.campaignId) {
    const campaign = await c.var.campaignById(subscription.campaignId);
    return campaign ? pick(campaign, 'title', lang).text : '';
  }
  if (!subscription.billId) return t('bills.scopeState', { state: subscription.state });
  const bill = await getBill(getDb(c.env), subscription.billId);
  return bill ? billLabel(bill) : subscription.state;
}

async function applyChange(
  c: Context<AppEnv>,
  subscription: BillSubscriptionRow,
  change: FollowingChange,
  values: FormValues,
) {
  const refused = await changeFollowing(getDb(c.env), subscription.email, change);
  if (refused) return refuse(c, subscription, { errors: { [refused.field]: { key: refused.key } }, values });
  return savedRedirect(c);
}

function savedRedirect(c: Context<AppEnv>) {
  return c.redirect(`/bills/subscriptions/${c.req.param('token')}?notice=saved`, 303);
}

/** Bad input: the page again with the error summary, status 422, nothing changed. */
function refuse(
  c: Context<AppEnv>,
  subscription: BillSubscriptionRow,
  form: { errors?: FormErrors; values: FormValues },
) {
  c.status(422);
  return renderManagePage(c, subscription, { errors: form.errors ?? {}, values: form.values });
}

/** The items of a manage page, with the campaign of each campaign subscription. */
async function withCampaigns(c: Context<AppEnv>, items: FollowedItem[]): Promise<FollowedItem[]> {
  return Promise.all(
    items.map(async (item) =>
      item.subscription.campaignId
        ? { ...item, campaign: await c.var.campaignById(item.subscription.campaignId) }
        : item,
    ),
  );
}

async function renderManagePage(
  c: Context<AppEnv>,
  subscription: BillSubscriptionRow,
  state: { notice?: string | null; errors?: FormErrors; values?: FormValues },
) {
  const { t } = c.var;
  const db = getDb(c.env);
  const items = await withCampaigns(c, await subscriptionsOfAddress(db, subscription.email));
  const wholeStates = items
    .filter((i) => isWholeState(i.subscription) && i.subscription.status === 'confirmed')
    .map((i) => i.subscription.state);
  const followedBills = new Set(
    items.filter((i) => i.subscription.status === 'confirmed').map((i) => i.subscription.billId),
  );
  const billsOfFollowedStates = (
    await Promise.all(wholeStates.map((state) => listTrackedBills(db, { state })))
  )
    .flat()
    .filter((bill) => !followedBills.has(bill.id));
  // The link's own row holds the choices shown (all rows get the same ones when saved).
  const own = items.find((i) => i.subscription.id === subscription.id)?.subscription ?? subscription;
  const notices: Record<string, string> = {
    confirmed: t('bills.confirmedNotice'),
    saved: t('bills.manageSaved'),
  };
  return c.render(
    <ManagePage
      base={`/bills/subscriptions/${c.req.param('token')}`}
      items={items}
      billsOfFollowedStates={billsOfFollowedStates}
      choices={{ lang: own.lang, frequency: own.frequency }}
      notice={state.notice ? (notices[state.notice] ?? null) : null}
      errors={state.errors}
      values={state.values}
    />,
    { title: t('bills.manageTitle'), noindex: true },
  );
}
