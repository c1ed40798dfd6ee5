// The organizer pages of advocacy days, one router per area of work (see routes/).
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { ITEM_ADDRESSES, purgeItemPages } from '../web/edge-cache';
import { pagesShowingDay } from './kinds';
import { getDay } from './queries/days';
import { adminCheckInRoutes } from './routes/admin-check-in';
import { adminDayRoutes } from './routes/admin-days';
import { adminGatheringRoutes } from './routes/admin-gatherings';
import { adminOutreachRoutes } from './routes/admin-outreach';
import { adminTeamRoutes } from './routes/admin-teams';

/** Organizer pages of this feature, mounted under /admin (sign-in already checked). */
export const advocacyDaysAdmin = new Hono<AppEnv>()
  // Any change to a day (its text, seats, a registration) shows on its public pages at once.
  .on('POST', ITEM_ADDRESSES, purgeItemPages(getDay, pagesShowingDay, ['/days', '/gatherings', '/']))
  .route('/', adminDayRoutes)
  .route('/', adminTeamRoutes)
  .route('/', adminCheckInRoutes)
  .route('/', adminOutreachRoutes);

/** Organizer pages of gatherings, mounted under /admin/gatherings (a gathering's own pages are its day's). */
export const gatheringsAdmin = adminGatheringRoutes;
