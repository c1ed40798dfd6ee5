// Organizer pages of gatherings: their list and a new one. Everything else about a gathering (its
// overview, form, check-in, emails) is the day's page under /admin/days/:id, which fits its kind.
import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { getDb } from '../../db';
import { AdminDaysList } from '../views/admin/days-list';
import { createDayFromForm, listWithCounts, NEW_DAY_VALUES, renderDayForm } from './admin-days';

/** The organizer list of gatherings and the new-gathering form, mounted under /admin/gatherings. */
export const adminGatheringRoutes = new Hono<AppEnv>()
  .get('/', async (c) =>
    c.render(<AdminDaysList days={await listWithCounts(getDb(c.env), 'gatherings')} section="gatherings" />, {
      title: c.var.t('gatherings.admin.title'),
    }),
  )
  .get('/new', (c) => renderDayForm(c, { gathering: true, values: { ...NEW_DAY_VALUES, kind: 'vigil' } }))
  .post('/new', (c) => createDayFromForm(c, true));
