import { Hono } from 'hono';
import type { AppEnv } from '../env';

/** Public pages of this feature. */
export const lettersRoutes = new Hono<AppEnv>();
