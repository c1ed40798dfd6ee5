// The daily digest: one email a day per digest subscriber with what moved since their last one.
import { getDb, type Db } from '../db';
import { fanoutPage, runFanout, type Fanout } from '../email/fanout';
import { countTemplateByStatus, suppressedAddresses } from '../email/queries';
import { noEmails, type ScheduledSend } from '../email/schedule';
import { DAY, HOUR } from '../lib/time';
import { logEvent } from '../lib/log';
import { alertContent } from './alert-content';
import {
  countDigestAddresses,
  dailySubscriptionsPage,
  markDigestedStatements,
  subscriptionsOfAddresses,
  trackedMovementsBetween,
} from './queries/alerts';
import type { BillMovementRow, BillRow, BillSubscriptionRow } from './queries';
import type { billSubscriptionLinks } from './schema';
import { insertLinkStatements } from './queries/subscriptions';
import { withManageLink } from './subscriptions';

/** Digests go out from this hour (UTC) on: 14:00 UTC is morning across the continental U.S. */
export const DIGEST_HOUR_UTC = 14;
// One page per queue message keeps each invocation far inside D1's query budget.
const PAGE_SIZE = 100;

type DigestEnv = Pick<Env, 'DB' | 'ENVIRONMENT' | 'MAIL_FROM' | 'RESEND_API_KEY' | 'ORG_NAME' | 'PUBLIC_URL'>;

/** The UTC day (YYYY-MM-DD) of a moment. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** When today's digest is due: DIGEST_HOUR_UTC of the UTC day of `at`. */
export function digestDueAt(at: number): number {
  return Date.parse(`${utcDay(at)}T00:00:00Z`) + DIGEST_HOUR_UTC * HOUR;
}

/** Whether a subscription follows a movement's bill (the bill itself, or every bill of its state). */
export function followsMovement(
  subscription: Pick<BillSubscriptionRow, 'billId' | 'state'>,
  item: { movement: Pick<BillMovementRow, 'billId'>; bill: Pick<BillRow, 'state'> },
): boolean {
  return subscription.billId
    ? item.movement.billId === subscription.billId
    : item.bill.state === subscription.state;
}

/** The movements a digest subscriber has not had yet, oldest first. */
export function movementsForSubscriber<T extends { movement: BillMovementRow; bill: BillRow }>(
  subscription: Pick<BillSubscriptionRow, 'billId' | 'state' | 'digestSince' | 'confirmedAt'>,
  movements: readonly T[],
): T[] {
  const since = subscription.digestSince ?? subscription.confirmedAt ?? 0;
  return movements.filter((item) => item.movement.createdAt > since && followsMovement(subscription, item));
}

/** One address's digest of the day: every daily subscription it still has to hear about, and its lead. */
export interface DigestPerson {
  email: string;
  /** The due subscription with the lowest id: the digest is sent in its page, with its outbox id. */
  lead: BillSubscriptionRow;
  /** Confirmed daily subscriptions not yet in a digest since today's digest hour. */
  due: BillSubscriptionRow[];
  /** Confirmed immediate subscriptions: what they cover was already sent as alerts. */
  immediate: BillSubscriptionRow[];
}

/**
 * Groups every subscription of some addresses into one digest per address. An address is due while
 * any of its confirmed daily subscriptions has not had today's digest; sending it moves all of them
 * on in the same batch, so the address is not due again today whichever of its rows a page meets.
 */
export function digestPeople(subscriptions: readonly BillSubscriptionRow[], dueAt: number): DigestPerson[] {
  const byEmail = new Map<string, BillSubscriptionRow[]>();
  for (const s of subscriptions) {
    if (s.status !== 'confirmed') continue;
    byEmail.set(s.email, [...(byEmail.get(s.email) ?? []), s]);
  }
  const people: DigestPerson[] = [];
  for (const [email, rows] of byEmail) {
    const due = rows
      .filter((s) => s.frequency === 'daily' && (s.digestSince ?? 0) < dueAt)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (due.length === 0) continue;
    people.push({ email, lead: due[0]!, due, immediate: rows.filter((s) => s.frequency === 'immediate') });
  }
  return people;
}

/**
 * What one address's digest holds: each movement any of its daily subscriptions has not had yet,
 * once (a bill followed alone and through its state is one item), leaving out movements an
 * immediate subscription of the same address was alerted about (confirmed before the movement,
 * as the alert fan-out chooses).
 */
export function digestItemsFor<T extends { movement: BillMovementRow; bill: BillRow }>(
  person: Pick<DigestPerson, 'due' | 'immediate'>,
  movements: readonly T[],
): T[] {
  return movements.filter(
    (item) =>
      person.due.some((s) => movementsForSubscriber(s, [item]).length > 0) &&
      !person.immediate.some(
        (s) => followsMovement(s, item) && s.confirmedAt !== null && s.confirmedAt <= item.movement.createdAt,
      ),
  );
}

/** The message of one digest page on the alert queue. */
export interface DigestPageMessage {
  kind: 'digest';
  /** The hourly run that started these digests: its time is the digests' "now". */
  runAt: number;
  page: number;
  after: string;
}

/**
 * Starts today's digests once the digest hour has come (the hourly job calls it every hour; a
 * missed hour is caught up by the next run): one queue message per page of 100 subscribers.
 */
export async function startDailyDigests(env: Pick<Env, 'ALERT_QUEUE'>, at = Date.now()): Promise<boolean> {
  if (at < digestDueAt(at)) return false;
  await env.ALERT_QUEUE.send({ kind: 'digest', runAt: at, page: 0, after: '' } satisfies DigestPageMessage);
  return true;
}

/**
 * Handles one page of digest subscriptions. Each address gets one digest a day, sent from the page
 * of its lead subscription: its outbox id is fixed per lead and day, and every due subscription of
 * the address moves `digestSince` on in the same batch, so a page handled twice (a redelivered
 * message, or two hourly runs overlapping) sends nothing twice.
 */
export async function processDigestPage(
  env: DigestEnv,
  message: DigestPageMessage,
): Promise<
  | { status: 'next'; next: DigestPageMessage; sent: number }
  | { status: 'done'; sent: number }
  | { status: 'retry'; delaySeconds: number }
> {
  const db = getDb(env);
  const result = await fanoutPage(db, env, digestFanout(env, db, message.runAt), message, message.runAt);
  if (result.status === 'retry') return result;
  if (result.status === 'next')
    return { status: 'next', sent: result.sent, next: { ...message, ...result.next } };
  return { status: 'done', sent: result.sent };
}

/** The digests of one run as a fan-out: pages of daily subscribers, one digest per address. */
function digestFanout(env: DigestEnv, db: Db, at: number) {
  type Link = typeof billSubscriptionLinks.$inferInsert;
  const dueAt = digestDueAt(at);
  const day = utcDay(at);
  const suppressed = new Set<string>();
  return {
    name: `digest:${day}`,
    // The page is every confirmed daily subscription after the cursor, so a page handled again has
    // the same members; those already sent today or suppressed are skipped inside it.
    readPage: async (after) => {
      const page = await dailySubscriptionsPage(db, after, PAGE_SIZE);
      suppressed.clear();
      if (page.length === 0) return { recipients: [], after, full: false };
      // At most 100 addresses: within D1's 100 bound parameters.
      const emails = [...new Set(page.map((s) => s.email))];
      const [everything, suppressedNow] = await Promise.all([
        // Every subscription of these addresses, in or out of this page: who leads, and what is immediate.
        subscriptionsOfAddresses(db, emails),
        suppressedAddresses(db, emails),
      ]);
      for (const email of suppressedNow) suppressed.add(email);
      const inPage = new Set(page.map((s) => s.id));
      const people = digestPeople(everything, dueAt).filter((p) => inPage.has(p.lead.id));
      // Every due subscription of the addresses led from this page (sent, suppressed or with
      // nothing new) has had today's digest.
      const dueIds = people.flatMap((p) => p.due.map((s) => s.id));
      return {
        recipients: people,
        after: page.at(-1)!.id,
        full: page.length === PAGE_SIZE,
        statements: markDigestedStatements(db, dueIds, at, dueAt),
      };
    },
    outboxId: (person) => `digest:${person.lead.id}:${day}`,
    memberId: (person) => person.lead.id,
    compose: async (fresh) => {
      const receiving = fresh.filter((p) => !suppressed.has(p.email));
      if (receiving.length === 0) return [];
      const oldest = Math.min(
        ...receiving.flatMap((p) => p.due.map((s) => s.digestSince ?? s.confirmedAt ?? at - DAY)),
      );
      const movements = await trackedMovementsBetween(db, oldest, at);
      const digests = receiving
        .map((person) => ({ person, items: digestItemsFor(person, movements) }))
        .filter(({ items }) => items.length > 0);
      return Promise.all(
        digests.map(({ person, items }) =>
          withManageLink(
            env,
            person,
            person.lead,
            'bills-digest',
            (token) => {
              const contents = items.map(({ movement, bill }) =>
                alertContent(env, bill, movement, person.lead.lang, token),
              );
              return {
                count: items.length,
                one: items.length === 1,
                items: contents,
                manageUrl: contents[0]!.manageUrl,
              };
            },
            at,
          ),
        ),
      );
    },
    storeLinks: (links) => insertLinkStatements(db, links),
    onPage: (cursor, result) => {
      if (result.sent > 0) logEvent('info', 'bills.digests_sent', { page: cursor.page, count: result.sent });
    },
  } satisfies Fanout<DigestPerson, Link>;
}

/** Sends today's digests here and now, page after page (tests and command-line use). */
export async function sendDailyDigests(env: DigestEnv, at = Date.now()): Promise<number> {
  if (at < digestDueAt(at)) return 0;
  const db = getDb(env);
  return (await runFanout(db, env, digestFanout(env, db, at), { page: 0, after: '' }, Infinity, at)).sent;
}

/**
 * Today's daily digest (and tomorrow's, once today's hour has passed) as organizers see it: whom
 * it is for (addresses with a confirmed daily subscription), how many had today's digest (sent, or
 * nothing new for them), and its emails in the outbox.
 */
export async function scheduledDigestSends(db: Db, at: number): Promise<ScheduledSend[]> {
  const today = digestDueAt(at);
  const dueTimes = at < today ? [today] : [today, digestDueAt(at + DAY)];
  const people = await countDigestAddresses(db);
  const sends: ScheduledSend[] = [];
  for (const dueAt of dueTimes) {
    const dayEnd = Date.parse(`${utcDay(dueAt)}T00:00:00Z`) + DAY;
    const handled = await countDigestAddresses(db, dueAt);
    // A digest's outbox row is created at its run's time, between the digest hour and midnight UTC.
    const rows = await countTemplateByStatus(db, 'bills-digest', dueAt, dayEnd);
    const emails = noEmails();
    for (const row of rows) emails[row.status] = row.n;
    sends.push({
      key: `bills-digest:${utcDay(dueAt)}`,
      label: 'bills.schedule.digest',
      labelParams: {},
      href: '/admin/bills',
      dueAt,
      closesAt: dayEnd,
      held: null,
      recipients: people,
      handled,
      emails,
    });
  }
  return sends;
}
