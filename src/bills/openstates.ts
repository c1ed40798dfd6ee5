// Scheduled update of tracked bills from Open States API v3, asking only for what changed since
// the last successful run. A failure is logged and recorded; bills keep working with what we have.
import { getDb, type Db } from '../db';
import { HOUR } from '../lib/time';
import { logEvent } from '../lib/log';
import { parseOpenStatesPayload } from './import';
import { applyImportedBill, startFanout } from './movements';
import { getSyncState, listTrackedOpenStatesBills, recordSyncAttempt } from './queries';

export const OPENSTATES_API = 'https://v3.openstates.org';
export const OPENSTATES_SOURCE = 'openstates';
// Overlap each window a little: an action recorded late by Open States is still caught, and
// importing it twice changes nothing.
const OVERLAP_MS = HOUR;
const MAX_PAGES = 5;

/** The search URLs for a group of bills of one state and session, changed since `since`. */
export function openStatesSearchUrl(
  group: { state: string; session: string; identifiers: string[] },
  since: string | null,
  page: number,
): string {
  const url = new URL('/bills', OPENSTATES_API);
  url.searchParams.set('jurisdiction', group.state.toLowerCase());
  url.searchParams.set('session', group.session);
  for (const identifier of group.identifiers) url.searchParams.append('identifier', identifier);
  if (since) url.searchParams.set('updated_since', since);
  for (const include of ['actions', 'sponsorships', 'sources', 'abstracts'])
    url.searchParams.append('include', include);
  url.searchParams.set('per_page', '20');
  url.searchParams.set('page', String(page));
  return url.toString();
}

/** Groups tracked bills by state and session (one search each). */
export function groupBills(list: { state: string; session: string; identifier: string }[]) {
  const groups = new Map<string, { state: string; session: string; identifiers: string[] }>();
  for (const bill of list) {
    const key = `${bill.state}|${bill.session}`;
    const group = groups.get(key) ?? { state: bill.state, session: bill.session, identifiers: [] };
    group.identifiers.push(bill.identifier);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Polls Open States for the tracked bills (only when OPENSTATES_API_KEY is set), stores new actions
 * and fans out alerts for real movements. Returns how many movements were recorded, or null when
 * the update is off or failed.
 */
export async function updateBillsFromOpenStates(
  env: Pick<Env, 'DB' | 'ALERT_QUEUE' | 'OPENSTATES_API_KEY'>,
  at = Date.now(),
): Promise<number | null> {
  if (!env.OPENSTATES_API_KEY) return null;
  const db = getDb(env);
  const state = await getSyncState(db, OPENSTATES_SOURCE);
  const since = state?.lastSuccessAt
    ? new Date(state.lastSuccessAt - OVERLAP_MS).toISOString().slice(0, 19)
    : null;
  const tracked = await listTrackedOpenStatesBills(db);
  const movementIds: string[] = [];
  try {
    for (const group of groupBills(tracked)) {
      for (let page = 1; page <= MAX_PAGES; page++) {
        const response = await fetch(openStatesSearchUrl(group, since, page), {
          headers: { 'X-API-KEY': env.OPENSTATES_API_KEY, accept: 'application/json' },
          signal: AbortSignal.timeout(15_000),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const parsed = parseOpenStatesPayload(await response.json());
        if (!parsed.ok) throw new Error('unexpected answer shape');
        const trackedIds = new Set(tracked.map((b) => b.openstatesId));
        for (const bill of parsed.bills) {
          // A search by identifier can match a bill we do not follow (same number, other chamber).
          if (!trackedIds.has(bill.openstatesId)) continue;
          const outcome = await applyImportedBill(db, bill, at);
          if (outcome.movementId) movementIds.push(outcome.movementId);
        }
        if (parsed.bills.length < 20) break;
      }
    }
  } catch (error) {
    await recordSync(db, at, false, error instanceof Error ? error.message.slice(0, 200) : 'error');
    logEvent('warn', 'bills.openstates_failed', { error });
    for (const id of movementIds) await startFanout(env, id);
    return null;
  }
  await recordSync(db, at, true, null);
  for (const id of movementIds) await startFanout(env, id);
  logEvent('info', 'bills.openstates_updated', { bills: tracked.length, movements: movementIds.length });
  return movementIds.length;
}

function recordSync(db: Db, at: number, success: boolean, error: string | null): Promise<void> {
  return recordSyncAttempt(db, OPENSTATES_SOURCE, at, success, error);
}
