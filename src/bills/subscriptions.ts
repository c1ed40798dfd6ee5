// Subscriptions to bill alerts: double opt-in, private manage links, unsubscribe.
import type { Db } from '../db';
import { runBatch } from '../db/batch';
import { dispatchEmails, queueEmail, type EmailRequest } from '../email/outbox';
import { pick } from '../lib/bilingual';
import { DAY, MINUTE } from '../lib/time';
import { hashToken, newId, newToken } from '../lib/tokens';
import { absoluteUrl } from '../lib/urls';
import { logEvent } from '../lib/log';
import type { Lang } from '../lib/i18n';
import { billPath, confirmUrl, manageUrl, oneClickUnsubscribeUrl } from './links';
import type { FanoutEmail } from '../email/fanout';
import type { TemplateName } from '../email/templates.generated';
import type { BillRow, BillSubscriptionRow } from './queries';
import {
  deleteExpiredLinks,
  deleteUnconfirmedSubscriptions,
  findSubscription,
  followStatement,
  isWholeState,
  limitedLinkStatements,
  resumeStatement,
  stopStatement,
  storeConfirmation,
  subscriptionEvents,
  upsertPendingSubscription,
  subscriptionByLinkHash,
  subscriptionsOfAddress,
  type FollowedItem,
} from './queries/subscriptions';
import type { billSubscriptionLinks } from './schema';
import type { BatchItem } from 'drizzle-orm/batch';

/** A new manage link for a subscription: the token for the email, the row (its hash) to store. */
export async function newManageLink(subscriptionId: string, at: number) {
  const token = newToken();
  const row: typeof billSubscriptionLinks.$inferInsert = {
    tokenHash: await hashToken(token),
    subscriptionId,
    purpose: 'manage',
    createdAt: at,
  };
  return { token, row };
}

/**
 * One subscriber's email in a bulk send (an alert, a digest, a campaign update): a fresh manage
 * link stored with it, its one-click unsubscribe, and the content `data` builds with the link's token.
 */
export async function withManageLink<R>(
  env: Pick<Env, 'PUBLIC_URL'>,
  recipient: R,
  to: { id: string; email: string; lang: Lang },
  template: TemplateName,
  data: (token: string) => Record<string, unknown>,
  at: number,
): Promise<FanoutEmail<R, typeof billSubscriptionLinks.$inferInsert>> {
  const { token, row } = await newManageLink(to.id, at);
  const unsubscribeUrl = oneClickUnsubscribeUrl(env, token);
  const email = { to: to.email, lang: to.lang, template, data: data(token), unsubscribeUrl };
  return { recipient, email, link: row };
}

/** How long a confirmation link works. */
export const CONFIRM_LINK_MS = 7 * DAY;
/**
 * How long the manage (and one-click unsubscribe) link of an email works: far beyond the 30 days
 * an unsubscribe link must keep working, and anyone still subscribed gets newer links with newer mail.
 */
export const MANAGE_LINK_MS = 180 * DAY;

/**
 * A campaign as the subject of a subscription. Campaigns sit above bills, so the campaign's page
 * hands in what the emails and pages need: its id, its title in the subscriber's language, its page.
 */
export interface CampaignSubject {
  id: string;
  title: string;
  path: string;
}

/**
 * What a subscription follows: one bill, every tracked bill of the bill's state, or the updates of
 * a campaign. Each is one row of the same table, with the same opt-in, links and unsubscribe.
 */
export type SubscriptionSubject =
  { scope: 'bill' | 'state'; bill: BillRow } | { scope: 'campaign'; campaign: CampaignSubject };

/** What a person asks for on a subscribe form. */
export type SubscribeRequest = SubscriptionSubject & {
  email: string;
  lang: Lang;
  frequency: 'immediate' | 'daily';
};

/** The key of what a subscription follows: one bill, every tracked bill in a state, or a campaign. */
export function scopeKeyOf(subject: SubscriptionSubject): string {
  if (subject.scope === 'campaign') return `campaign:${subject.campaign.id}`;
  return subject.scope === 'bill' ? `bill:${subject.bill.id}` : `state:${subject.bill.state}`;
}

/** The columns naming a subject on its subscription row. */
function subjectColumns(subject: SubscriptionSubject) {
  if (subject.scope === 'campaign') return { billId: null, campaignId: subject.campaign.id, state: '' };
  return {
    billId: subject.scope === 'bill' ? subject.bill.id : null,
    campaignId: null,
    state: subject.bill.state,
  };
}

/** The subject in words for the emails ("GA SB 6", "GA", or the campaign's title). */
function subjectName(subject: SubscriptionSubject): string {
  if (subject.scope === 'campaign') return subject.campaign.title;
  return subject.scope === 'bill' ? `${subject.bill.state} ${subject.bill.identifier}` : subject.bill.state;
}

/** The confirmation email of a new subscription to a subject. */
function confirmationEmail(env: SubscribeEnv, request: SubscribeRequest, token: string) {
  const base = { scopeName: subjectName(request), confirmUrl: confirmUrl(env, token) };
  if (request.scope === 'campaign')
    return {
      template: 'campaigns-confirm',
      data: { ...base, campaignUrl: absoluteUrl(env, request.campaign.path) },
    } as const;
  return {
    template: 'bills-confirm',
    data: {
      ...base,
      billTitle: request.scope === 'bill' ? pick(request.bill, 'title', request.lang).text : null,
      frequencyDaily: request.frequency === 'daily',
      billUrl: absoluteUrl(env, billPath(request.bill)),
    },
  } as const;
}

type SubscribeEnv = Pick<Env, 'DB' | 'EMAIL_QUEUE' | 'ORG_NAME' | 'PUBLIC_URL'>;

/** A subscription gets at most one email (confirmation or manage link) from the form this often. */
export const SUBSCRIBE_EMAIL_INTERVAL_MS = 10 * MINUTE;
/** At most this many such emails go to one address in a day, whatever it follows. */
export const SUBSCRIBE_EMAILS_PER_DAY = 10;
/** The emails the subscribe form sends (counted for the daily limit). */
const SUBSCRIBE_TEMPLATES = ['bills-confirm', 'campaigns-confirm', 'bills-already-subscribed'] as const;

/**
 * Subscribes an address. Always answers the same way (the page never tells whether the address was
 * subscribed): a new or lapsed subscription gets a confirmation email; a confirmed one gets an email
 * with its manage link. The same email and scope is always one row. Asking again does not flood the
 * inbox: one email per subscription per 10 minutes and 10 a day per address (the person sees the
 * same "check your email" page either way); a new confirmation replaces the previous one, so one
 * confirmation link at most is pending per address and bill.
 */
export async function subscribe(
  db: Db,
  env: SubscribeEnv,
  request: SubscribeRequest,
  at = Date.now(),
): Promise<void> {
  const scopeKey = scopeKeyOf(request);
  const existing = await findSubscription(db, request.email, scopeKey);
  const token = newToken();
  const scopeName = subjectName(request);

  if (existing?.status === 'confirmed') {
    await sendSubscriptionEmail(db, env, {
      subscriptionId: existing.id,
      purpose: 'manage',
      token,
      at,
      email: {
        to: existing.email,
        lang: request.lang,
        template: 'bills-already-subscribed',
        data: { scopeName, manageUrl: manageUrl(env, token) },
      },
    });
    return;
  }

  // A second, simultaneous request for the same address and scope finds the row and updates it.
  await upsertPendingSubscription(db, {
    id: existing?.id ?? newId(),
    email: request.email,
    scopeKey,
    ...subjectColumns(request),
    lang: request.lang,
    frequency: request.frequency,
    createdAt: at,
  });
  const row = await findSubscription(db, request.email, scopeKey);
  if (!row) return;
  await sendSubscriptionEmail(db, env, {
    subscriptionId: row.id,
    purpose: 'confirm',
    token,
    at,
    email: { to: request.email, lang: request.lang, ...confirmationEmail(env, request, token) },
  });
}

/**
 * Stores a subscription's new private link with its email, unless that would flood the inbox (see
 * SUBSCRIBE_EMAIL_INTERVAL_MS and SUBSCRIBE_EMAILS_PER_DAY). One batch decides it: the link is
 * inserted only when both limits allow, the email is deleted again when the link was not, and a new
 * confirm link replaces the older ones, so simultaneous requests still send one email.
 */
async function sendSubscriptionEmail(
  db: Db,
  env: SubscribeEnv,
  input: {
    subscriptionId: string;
    purpose: 'confirm' | 'manage';
    token: string;
    at: number;
    email: Omit<EmailRequest, 'id'>;
  },
): Promise<boolean> {
  const { subscriptionId, purpose, at } = input;
  const tokenHash = await hashToken(input.token);
  // Ids of a subscription's form emails of one kind share a prefix, so its recent ones are an index range.
  const prefix = `bills-${purpose}:${subscriptionId}:`;
  const email = queueEmail(db, env, { ...input.email, id: `${prefix}${newId()}` }, at);
  const statements = limitedLinkStatements(db, {
    tokenHash,
    subscriptionId,
    purpose,
    at,
    outboxIdPrefix: prefix,
    email,
    to: input.email.to,
    limits: {
      intervalMs: SUBSCRIBE_EMAIL_INTERVAL_MS,
      perDay: SUBSCRIBE_EMAILS_PER_DAY,
      templates: SUBSCRIBE_TEMPLATES,
    },
  });
  const [inserted] = await runBatch(db, statements);
  if (!inserted?.meta.changes) {
    logEvent('info', 'bills.subscribe_email_limited', { subscriptionId });
    return false;
  }
  await dispatchEmails(env, [email.id]);
  return true;
}

/** The subscription behind a private link of a purpose, if the link is valid. */
export async function subscriptionByToken(
  db: Db,
  token: string,
  purpose: 'confirm' | 'manage',
  at = Date.now(),
): Promise<BillSubscriptionRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenHash = await hashToken(token);
  const lifetime = purpose === 'confirm' ? CONFIRM_LINK_MS : MANAGE_LINK_MS;
  return subscriptionByLinkHash(db, tokenHash, purpose, at - lifetime);
}

/**
 * Confirms a subscription (pressing the button of the confirmation email) and returns a fresh
 * manage link for the page shown next. Confirming twice changes nothing.
 */
export async function confirmSubscription(
  db: Db,
  subscription: BillSubscriptionRow,
  at = Date.now(),
): Promise<{ manageToken: string }> {
  const { token: manageToken, row } = await newManageLink(subscription.id, at);
  // Only a pending subscription is confirmed: after an unsubscribe, an old confirmation link leads
  // to the manage page, where subscribing again is a choice of its own.
  await storeConfirmation(db, row, subscription.status === 'pending' ? subscription.id : null, at);
  return { manageToken };
}

/** A change a person asks for on their manage page, about one thing they follow. */
export type FollowingChange =
  { change: 'stop' | 'resume' | 'follow-state'; item: string } | { change: 'follow-bill'; bill: BillRow };

/** Why a change from the manage page was refused (an i18n key and the field it is about). */
export type FollowingRefusal = {
  field: 'item' | 'bill';
  key: 'bills.manage.error.item' | 'bills.manage.error.bill';
};

/**
 * Decides the statements of a change to what an address follows, or refuses it. The address is
 * known to be its owner's (they hold a manage link sent to it), so following something else from
 * here needs no new opt-in. Switching between one bill and its whole state is one batch: the new
 * scope is confirmed and the old one stopped together, so there is never a moment with both or
 * neither. A scope followed before (or left pending) is the same row, taken up again.
 */
export function planFollowingChange(
  db: Db,
  items: readonly FollowedItem[],
  request: FollowingChange,
  at: number,
): { statements: BatchItem<'sqlite'>[] } | { refused: FollowingRefusal } {
  const active = (s: BillSubscriptionRow) => s.status === 'confirmed';
  const follow = (template: BillSubscriptionRow, scope: { billId: string | null; state: string }) =>
    followStatement(db, template, scope, at);
  const stop = (subscription: BillSubscriptionRow) => stopStatement(db, subscription.id, at);

  if (request.change === 'follow-bill') {
    const { bill } = request;
    const whole = items.find(
      (i) => isWholeState(i.subscription) && i.subscription.state === bill.state && active(i.subscription),
    );
    if (!bill.tracked || !whole) return { refused: { field: 'bill', key: 'bills.manage.error.bill' } };
    return {
      statements: [
        follow(whole.subscription, { billId: bill.id, state: bill.state }),
        stop(whole.subscription),
      ],
    };
  }
  const item = items.find((i) => i.subscription.id === request.item)?.subscription;
  const refused = { refused: { field: 'item', key: 'bills.manage.error.item' } } as const;
  if (!item) return refused;
  switch (request.change) {
    case 'stop':
      return active(item) ? { statements: [stop(item)] } : refused;
    case 'resume':
      if (active(item)) return refused;
      return {
        statements: [resumeStatement(db, item.id, at)],
      };
    case 'follow-state':
      if (!active(item) || !item.billId) return refused;
      return { statements: [follow(item, { billId: null, state: item.state }), stop(item)] };
  }
}

/** Applies a change from the manage page; returns the refusal when nothing was changed. */
export async function changeFollowing(
  db: Db,
  email: string,
  request: FollowingChange,
  at = Date.now(),
): Promise<FollowingRefusal | null> {
  const plan = planFollowingChange(db, await subscriptionsOfAddress(db, email), request, at);
  if ('refused' in plan) return plan.refused;
  await runBatch(db, [...plan.statements, ...subscriptionEvents(db, { email }, at)]);
  return null;
}

// Rows deleted a statement, and statements a run: the hourly job catches up over later runs.
const CLEAN_UP_CHUNK = 1000;
const CLEAN_UP_ROUNDS = 20;

/**
 * Deletes the private links that no longer work (confirm links after 7 days, manage links after
 * 180), and subscriptions never confirmed once their confirm link has expired: an address nobody
 * confirmed is not kept. Safe to run twice; a run that stops part-way leaves the rest for the next.
 */
export async function cleanUpSubscriptionLinks(
  db: Db,
  at = Date.now(),
): Promise<{ links: number; unconfirmed: number }> {
  let deletedLinks = 0;
  for (let round = 0; round < CLEAN_UP_ROUNDS; round++) {
    const deleted = await deleteExpiredLinks(db, at - CONFIRM_LINK_MS, at - MANAGE_LINK_MS, CLEAN_UP_CHUNK);
    deletedLinks += deleted;
    if (deleted < CLEAN_UP_CHUNK) break;
  }
  const unconfirmed = await deleteUnconfirmedSubscriptions(db, at - CONFIRM_LINK_MS);
  const counts = { links: deletedLinks, unconfirmed };
  if (counts.links > 0 || counts.unconfirmed > 0) logEvent('info', 'bills.links_cleaned_up', counts);
  return counts;
}
