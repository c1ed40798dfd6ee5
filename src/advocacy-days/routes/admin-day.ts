import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { getDb } from '../../db';
import { AppError } from '../../lib/errors';
import { isGathering } from '../kinds';
import { getDay } from '../queries/days';
import type { AdvocacyDay } from '../schema';

/** The day of an organizer page (`:id` in the path), or 404. */
export async function loadAdminDay(c: Context<AppEnv>): Promise<AdvocacyDay> {
  const day = await getDay(getDb(c.env), c.req.param('id') ?? '');
  if (!day) throw new AppError('not_found');
  return day;
}

/** The advocacy day of a page only days have (teams, packets, the report): a gathering's is 404. */
export async function loadAdminAdvocacyDay(c: Context<AppEnv>): Promise<AdvocacyDay> {
  const day = await loadAdminDay(c);
  if (isGathering(day)) throw new AppError('not_found');
  return day;
}
