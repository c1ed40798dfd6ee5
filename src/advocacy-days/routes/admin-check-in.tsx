// The check-in at the door: find a person by code or name, check them in (or undo), live counts.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { getDb } from '../../db';
import { AppError } from '../../lib/errors';
import { readForm } from '../../web/form';
import { normaliseCheckInCode } from '../decisions';
import { changeCheckIn, recentCheckInEvents } from '../queries/check-in';
import {
  countRegistrations,
  findByCheckInCode,
  getRegistrationOfDay,
  listRegistrations,
} from '../queries/registrations';
import type { AdvocacyDay, Registration } from '../schema';
import { checkInCodeSchema, checkInPersonSchema } from '../validation';
import { CheckInPage } from '../views/admin/check-in-page';
import { countsLine } from '../views/admin/parts';
import { loadAdminDay } from './admin-day';

type AdminContext = Context<AppEnv>;

/** What the check-in page shows besides the counts and the recent list. */
interface CheckInState {
  query?: string;
  code?: string;
  notice?: string;
  notFound?: boolean;
  results?: Registration[];
  /** Just checked in by this request: the notice offers to undo it. */
  undoable?: Registration;
}

async function renderCheckIn(c: AdminContext, day: AdvocacyDay, state: CheckInState) {
  const db = getDb(c.env);
  const query = state.query ?? '';
  let results = state.results ?? [];
  if (!state.results && query.trim())
    results = await listRegistrations(db, day.id, { search: query, limit: 30 });
  results = results.filter((r) => r.status !== 'cancelled');
  const [counts, recent] = await Promise.all([
    countRegistrations(db, day.id),
    recentCheckInEvents(db, day.id),
  ]);
  return c.render(
    <CheckInPage
      day={day}
      counts={counts}
      query={query}
      code={state.code ?? ''}
      results={results}
      recent={recent}
      notice={state.notice}
      undoable={state.undoable}
      notFound={state.notFound}
    />,
    { title: c.var.t('days.checkIn.title') },
  );
}

/** The registration of this day a check-in button was for, and the search to show again; or 404. */
async function postedPerson(c: AdminContext, day: AdvocacyDay) {
  const form = await readForm(c, checkInPersonSchema, { botCheck: false });
  const { registrationId, q } = form.status === 'valid' ? form.data : { registrationId: '', q: '' };
  const person = await getRegistrationOfDay(getDb(c.env), day.id, registrationId);
  if (!person) throw new AppError('not_found');
  return { person, query: q };
}

/** The check-in pages, mounted under /admin/days. */
export const adminCheckInRoutes = new Hono<AppEnv>()
  .get('/:id/check-in', async (c) => {
    const day = await loadAdminDay(c);
    const code = normaliseCheckInCode(c.req.query('code') ?? '');
    if (code) {
      // Scanning the QR opens this page: it shows the person; the button does the check-in.
      const found = await findByCheckInCode(getDb(c.env), day.id, code);
      return renderCheckIn(c, day, { code, results: found ? [found] : [], notFound: !found });
    }
    return renderCheckIn(c, day, { query: c.req.query('q') ?? '' });
  })
  .post('/:id/check-in/code', async (c) => {
    const day = await loadAdminDay(c);
    const form = await readForm(c, checkInCodeSchema, { botCheck: false });
    const code = form.status === 'valid' ? normaliseCheckInCode(form.data.code) : '';
    const db = getDb(c.env);
    const found = code ? await findByCheckInCode(db, day.id, code) : undefined;
    if (!found || found.status !== 'registered') {
      c.status(422);
      return renderCheckIn(c, day, { code, results: found ? [found] : [], notFound: !found });
    }
    await changeCheckIn(db, day.id, found.id, 'check_in', c.var.organizer?.id ?? null, Date.now());
    return renderCheckIn(c, day, {
      notice: c.var.t('days.checkIn.done', { name: found.name }),
      undoable: found,
    });
  })
  .post('/:id/check-in', async (c) => {
    const day = await loadAdminDay(c);
    const { person, query } = await postedPerson(c, day);
    await changeCheckIn(getDb(c.env), day.id, person.id, 'check_in', c.var.organizer?.id ?? null, Date.now());
    return renderCheckIn(c, day, {
      query,
      notice: c.var.t('days.checkIn.done', { name: person.name }),
      undoable: person,
    });
  })
  .post('/:id/check-in/undo', async (c) => {
    const day = await loadAdminDay(c);
    const { person, query } = await postedPerson(c, day);
    const at = Date.now();
    const undone = await changeCheckIn(
      getDb(c.env),
      day.id,
      person.id,
      'undo',
      c.var.organizer?.id ?? null,
      at,
    );
    return renderCheckIn(c, day, {
      query,
      notice: c.var.t(undone ? 'days.checkIn.undone' : 'days.checkIn.notCheckedIn', { name: person.name }),
    });
  })
  // The counts as JSON, polled by public/app.js so every phone at the door sees the same number.
  .get('/:id/counts', async (c) => {
    const day = await loadAdminDay(c);
    const counts = await countRegistrations(getDb(c.env), day.id);
    c.header('Cache-Control', 'no-store');
    return c.json({
      ...counts,
      capacity: day.capacity,
      text: countsLine(c.var.t, c.var.lang, counts, day.capacity),
    });
  });
