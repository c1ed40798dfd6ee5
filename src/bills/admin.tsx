import { Hono } from 'hono';
import type { AppEnv } from '../env';

/** Organizer pages of this feature, mounted under /admin (sign-in already checked). */
export const billsAdmin = new Hono<AppEnv>();
