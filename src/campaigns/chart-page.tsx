import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { AppError } from '../lib/errors';
import type { Campaign } from './schema';

/** The printable strategy chart of a campaign. */
export async function renderChart(_c: Context<AppEnv>, _campaign: Campaign): Promise<Response> {
  throw new AppError('not_found');
}
