// The daily digest: one email a day per digest subscriber with what moved since their last one.
import { and, asc, count, eq, gt, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { getDb, type Db } from '../db';
import { noEmails, type ScheduledSend } from '../email/schedule';
import { emailSuppressions, outbox } from '../email/schema';
import { queueEmail } from '../email/outbox';
import { groupKeyFor, sendPageGroups, storedEmails } from './send-groups';
import { DAY, HOUR } from '../lib/time';
import { insertLinkStatements, newManageLink } from './subscriptions';
import { logEvent } from '../lib/log';
import { alertContent } from './alert-content';
import { oneClickUnsubscribeUrl } from './links';
import type { BillMovementRow, BillRow, BillSubscriptionRow } from './queries';
import { billMovements, bills, billSubscriptionLinks, billSubscriptions } from './schema';

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
  const at = message.runAt;
  const dueAt = digestDueAt(at);
  const day = utcDay(at);
  const db = getDb(env);
  // The page is every confirmed daily subscription after the cursor, so a page handled again has
  // the same members; those already sent today or suppressed are skipped inside it.
  const page = await db
    .select()
    .from(billSubscriptions)
    .where(
      and(
        eq(billSubscriptions.status, 'confirmed'),
        eq(billSubscriptions.frequency, 'daily'),
        gt(billSubscriptions.id, message.after),
      ),
    )
    .orderBy(asc(billSubscriptions.id))
    .limit(PAGE_SIZE);
  if (page.length === 0) return { status: 'done', sent: 0 };
  // At most 100 addresses: within D1's 100 bound parameters.
  const emails = [...new Set(page.map((s) => s.email))];
  const [everything, suppressedRows] = await Promise.all([
    // Every subscription of these addresses, in or out of this page: who leads, and what is immediate.
    db.select().from(billSubscriptions).where(inArray(billSubscriptions.email, emails)),
    db
      .select({ email: emailSuppressions.email })
      .from(emailSuppressions)
      .where(inArray(emailSuppressions.email, emails)),
  ]);
  const suppressed = new Set(suppressedRows.map((r) => r.email));
  const inPage = new Set(page.map((s) => s.id));
  const people = digestPeople(everything, dueAt).filter((p) => inPage.has(p.lead.id));
  const idOf = (subscriptionId: string) => `digest:${subscriptionId}:${day}`;
  const before = await storedEmails(
    db,
    people.map((p) => idOf(p.lead.id)),
  );

  const receiving = people.filter((p) => !suppressed.has(p.email) && !before.has(idOf(p.lead.id)));
  let fresh: { person: DigestPerson; items: { movement: BillMovementRow; bill: BillRow }[] }[] = [];
  if (receiving.length > 0) {
    const oldest = Math.min(
      ...receiving.flatMap((p) => p.due.map((s) => s.digestSince ?? s.confirmedAt ?? at - DAY)),
    );
    const movements = await db
      .select({ movement: billMovements, bill: bills })
      .from(billMovements)
      .innerJoin(bills, eq(bills.id, billMovements.billId))
      .where(
        and(gt(billMovements.createdAt, oldest), lte(billMovements.createdAt, at), eq(bills.tracked, true)),
      )
      .orderBy(asc(billMovements.createdAt))
      .limit(500);
    fresh = receiving
      .map((person) => ({ person, items: digestItemsFor(person, movements) }))
      .filter(({ items }) => items.length > 0);
  }

  const batchKey =
    fresh.length > 0
      ? await groupKeyFor(
          `digest:${day}:${message.page}`,
          fresh.map((f) => f.person.lead.id),
        )
      : null;
  const statements: BatchItem<'sqlite'>[] = [];
  const links: (typeof billSubscriptionLinks.$inferInsert)[] = [];
  for (const { person, items } of fresh) {
    const { lead } = person;
    const { token, row } = await newManageLink(lead.id, at);
    links.push(row);
    const contents = items.map(({ movement, bill }) => alertContent(env, bill, movement, lead.lang, token));
    statements.push(
      queueEmail(
        db,
        env,
        {
          id: idOf(lead.id),
          batchKey: batchKey!,
          to: lead.email,
          lang: lead.lang,
          template: 'bills-digest',
          data: {
            count: items.length,
            one: items.length === 1,
            items: contents,
            manageUrl: contents[0]!.manageUrl,
          },
          unsubscribeUrl: oneClickUnsubscribeUrl(env, token),
        },
        at,
      ).statement,
    );
  }
  statements.push(...insertLinkStatements(db, links));
  // Every due subscription of the addresses led from this page (sent, suppressed or with nothing
  // new) has had today's digest; 90 ids a statement stays within D1's 100 bound parameters.
  const dueIds = people.flatMap((p) => p.due.map((s) => s.id));
  for (let i = 0; i < dueIds.length; i += 90) {
    statements.push(
      db
        .update(billSubscriptions)
        .set({ digestSince: at })
        .where(
          and(
            inArray(billSubscriptions.id, dueIds.slice(i, i + 90)),
            lt(sql`coalesce(${billSubscriptions.digestSince}, 0)`, dueAt),
          ),
        ),
    );
  }
  if (statements.length > 0) await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const retry = await sendPageGroups(env, batchKey, before, at);
  if (retry) return { status: 'retry', delaySeconds: retry.delaySeconds };
  if (fresh.length > 0) logEvent('info', 'bills.digests_sent', { page: message.page, count: fresh.length });

  if (page.length < PAGE_SIZE) return { status: 'done', sent: fresh.length };
  return {
    status: 'next',
    sent: fresh.length,
    next: { ...message, page: message.page + 1, after: page.at(-1)!.id },
  };
}

/** Sends today's digests here and now, page after page (tests and command-line use). */
export async function sendDailyDigests(env: DigestEnv, at = Date.now()): Promise<number> {
  if (at < digestDueAt(at)) return 0;
  let message: DigestPageMessage | undefined = { kind: 'digest', runAt: at, page: 0, after: '' };
  let sent = 0;
  while (message) {
    const result = await processDigestPage(env, message);
    if (result.status === 'retry') break;
    sent += result.sent;
    message = result.status === 'next' ? result.next : undefined;
  }
  return sent;
}

/**
 * Today's daily digest (and tomorrow's, once today's hour has passed) as organizers see it: whom
 * it is for (addresses with a confirmed daily subscription), how many had today's digest (sent, or
 * nothing new for them), and its emails in the outbox.
 */
export async function scheduledDigestSends(db: Db, at: number): Promise<ScheduledSend[]> {
  const today = digestDueAt(at);
  const dueTimes = at < today ? [today] : [today, digestDueAt(at + DAY)];
  const [people] = await db
    .select({ n: sql<number>`count(distinct ${billSubscriptions.email})` })
    .from(billSubscriptions)
    .where(and(eq(billSubscriptions.status, 'confirmed'), eq(billSubscriptions.frequency, 'daily')));
  const sends: ScheduledSend[] = [];
  for (const dueAt of dueTimes) {
    const dayEnd = Date.parse(`${utcDay(dueAt)}T00:00:00Z`) + DAY;
    const [handled] = await db
      .select({ n: sql<number>`count(distinct ${billSubscriptions.email})` })
      .from(billSubscriptions)
      .where(
        and(
          eq(billSubscriptions.status, 'confirmed'),
          eq(billSubscriptions.frequency, 'daily'),
          gte(billSubscriptions.digestSince, dueAt),
        ),
      );
    // A digest's outbox row is created at its run's time, between the digest hour and midnight UTC.
    const rows = await db
      .select({ status: outbox.status, n: count() })
      .from(outbox)
      .where(
        and(eq(outbox.template, 'bills-digest'), gte(outbox.createdAt, dueAt), lt(outbox.createdAt, dayEnd)),
      )
      .groupBy(outbox.status);
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
      recipients: Number(people?.n ?? 0),
      handled: Number(handled?.n ?? 0),
      emails,
    });
  }
  return sends;
}
