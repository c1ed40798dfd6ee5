// Test data for bill tests: a bill with a short history, and confirmed subscribers in bulk.
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../src/db';
import { insertActionStatements } from '../../src/bills/queries';
import { bills, billSubscriptions, type BillStage } from '../../src/bills/schema';

/** Inserts a tracked bill in committee (two actions) and returns its id. */
export async function seedBill(
  db: Db,
  options: { id: string; state?: string; identifier?: string; stage?: BillStage; callsToAction?: unknown[] },
): Promise<string> {
  const at = Date.now();
  const identifier = options.identifier ?? 'SB 77';
  await db.batch([
    db.insert(bills).values({
      id: options.id,
      state: options.state ?? 'GA',
      session: '2027',
      identifier,
      slug: identifier.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      title: `Test bill ${identifier} <with & markup>`,
      titleEs: `Proyecto de prueba ${identifier}`,
      position: 'oppose',
      summaryEn: 'It would **deny** licenses. <script>alert(1)</script>',
      summaryEs: 'Negaría **licencias**.',
      talkingPointsEn: '- Families lose their way to work',
      talkingPointsEs: '- Las familias pierden su camino al trabajo',
      derivedStage: options.stage ?? 'in_committee',
      callsToAction: JSON.stringify(
        options.callsToAction ?? [
          {
            kind: 'letter',
            url: '/letters/stop-sb-77',
            labelEn: 'Sign the clergy letter',
            labelEs: 'Firme la carta del clero',
          },
        ],
      ),
      lastMovementAt: at,
      createdAt: at,
      updatedAt: at,
    }),
    ...insertActionStatements(
      db,
      options.id,
      [
        {
          actionKey: '1|2027-01-10|Read and referred',
          date: '2027-01-10',
          position: 1,
          chamber: 'Senate',
          chamberKind: 'upper',
          description: 'Read and referred',
          classification: ['introduction', 'referral-committee'],
        },
      ],
      'demo',
      at,
    ),
  ]);
  return options.id;
}

/**
 * Inserts confirmed subscribers with multi-row inserts: 12 columns a row, so 8 rows a statement
 * keeps within D1's 100 bound parameters; statements go in batches of 50.
 */
export async function seedSubscribers(
  db: Db,
  options: {
    count: number;
    billId: string;
    state?: string;
    prefix: string;
    lang?: 'en' | 'es';
    frequency?: 'immediate' | 'daily';
    confirmedAt?: number;
  },
): Promise<void> {
  const confirmedAt = options.confirmedAt ?? Date.now() - 60_000;
  const rows = Array.from({ length: options.count }, (_, i) => ({
    id: `${options.prefix}-${String(i).padStart(6, '0')}`,
    email: `${options.prefix}-${i}@example.org`,
    scopeKey: `bill:${options.billId}`,
    billId: options.billId,
    state: options.state ?? 'GA',
    lang: options.lang ?? 'en',
    frequency: options.frequency ?? 'immediate',
    status: 'confirmed' as const,
    digestSince: confirmedAt,
    createdAt: confirmedAt,
    confirmedAt,
    unsubscribedAt: null,
  }));
  const statements: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += 8)
    statements.push(db.insert(billSubscriptions).values(rows.slice(i, i + 8)));
  for (let i = 0; i < statements.length; i += 50) {
    await db.batch(statements.slice(i, i + 50) as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  }
}

/**
 * Subscription rows to one bill by default: `{ billId: null }` in overrides makes a row follow the
 * whole state instead (`state` in overrides changes the state).
 */
export function subscriptionsTo(bill: { billId: string; state: string }) {
  return (id: string, email: string, overrides: Partial<typeof billSubscriptions.$inferInsert> = {}) =>
    subscriptionRow(
      id,
      email,
      {
        billId: overrides.billId === undefined ? bill.billId : overrides.billId,
        state: overrides.state ?? bill.state,
      },
      overrides,
    );
}

/** One confirmed, immediate subscription row confirmed an hour ago; overrides change the rest. */
export function subscriptionRow(
  id: string,
  email: string,
  scope: { billId: string | null; state: string },
  overrides: Partial<typeof billSubscriptions.$inferInsert> = {},
) {
  const hourAgo = Date.now() - 3_600_000;
  return {
    id,
    email,
    scopeKey: scope.billId ? `bill:${scope.billId}` : `state:${scope.state}`,
    billId: scope.billId,
    state: scope.state,
    lang: 'en' as const,
    frequency: 'immediate' as const,
    status: 'confirmed' as const,
    createdAt: hourAgo,
    confirmedAt: hourAgo,
    digestSince: hourAgo,
    ...overrides,
  };
}
