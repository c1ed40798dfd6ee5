// Organizer pages of the days themselves: the list, a new day, a day's overview and its form, the
// registrations CSV and districts set by hand.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { getDb } from '../../db';
import { csvHeaders, csvStream, type CsvColumn } from '../../lib/csv';
import { newId } from '../../lib/tokens';
import { AppError } from '../../lib/errors';
import { readForm, type FormErrors, type FormValues } from '../../web/form';
import { scheduledSendsOfDay } from '../jobs';
import { getDay, insertDay, listAllDays, updateDay } from '../queries/days';
import {
  countRegistrations,
  listRegistrations,
  registrationsPage,
  setDistrictsByHand,
} from '../queries/registrations';
import { listTeams } from '../queries/teams';
import { notifyPromotions } from '../registration';
import type { AdvocacyDay, Registration } from '../schema';
import { dayFormSchema, dayValues, districtsSchema } from '../validation';
import { DayFormPage, dayFormValues } from '../views/admin/day-form';
import { DayOverview } from '../views/admin/day-overview';
import { AdminDaysList } from '../views/admin/days-list';
import { loadAdminDay } from './admin-day';

type AdminContext = Context<AppEnv>;

/** Rows of the registrations CSV fetched at a time. */
const CSV_PAGE = 500;

function csvColumns(c: AdminContext): CsvColumn<Registration>[] {
  const { t } = c.var;
  return [
    { header: 'seq', value: (r) => r.seq },
    { header: 'status', value: (r) => r.status },
    { header: 'name', value: (r) => r.name },
    { header: 'email', value: (r) => r.email },
    { header: 'phone', value: (r) => r.phone },
    { header: 'congregation', value: (r) => r.congregation },
    { header: 'clergy_or_lay', value: (r) => r.faithRole },
    { header: 'languages', value: (r) => r.languages },
    { header: 'needs_interpretation', value: (r) => r.needsInterpretation },
    { header: 'accessibility_needs', value: (r) => r.accessibilityNeeds },
    { header: 'dietary_needs', value: (r) => r.dietaryNeeds },
    { header: 'first_time', value: (r) => r.firstTime },
    { header: 'willing_to_share_story', value: (r) => r.willingToShareStory },
    { header: 'ride', value: (r) => r.ride },
    { header: 'ride_seats', value: (r) => r.rideSeats },
    { header: 'photo_consent', value: (r) => r.photoConsent },
    { header: 'language', value: (r) => r.lang },
    { header: 'state', value: (r) => r.homeState?.toUpperCase() },
    { header: 'senate_district', value: (r) => r.upperDistrict },
    { header: 'house_district', value: (r) => r.lowerDistrict },
    { header: 'team', value: (r) => r.teamId },
    { header: 'role', value: (r) => (r.teamRole ? t(`days.role.${r.teamRole}`) : '') },
    { header: 'checked_in', value: (r) => (r.checkedInAt ? new Date(r.checkedInAt).toISOString() : '') },
    { header: 'registered_at', value: (r) => new Date(r.createdAt).toISOString() },
  ];
}

/** The day form again with what was typed and why it was refused (422). */
function renderRefusedForm(
  c: AdminContext,
  day: AdvocacyDay | undefined,
  values: FormValues,
  errors?: FormErrors,
) {
  c.status(422);
  const action = day ? `/admin/days/${day.id}/edit` : '/admin/days/new';
  return c.render(<DayFormPage day={day} action={action} values={values} errors={errors} />, {
    title: c.var.t(day ? 'days.admin.editDay' : 'days.admin.newDay'),
  });
}

/** The organizer list, a day's overview and its form, mounted under /admin/days. */
export const adminDayRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const db = getDb(c.env);
    const days = await listAllDays(db);
    const withCounts = await Promise.all(
      days.map(async (day) => ({ day, counts: await countRegistrations(db, day.id) })),
    );
    return c.render(<AdminDaysList days={withCounts} />, { title: c.var.t('days.admin.title') });
  })
  .get('/new', (c) =>
    c.render(
      <DayFormPage
        action="/admin/days/new"
        values={{ status: 'draft', timeZone: 'America/New_York', capacity: '60' }}
      />,
      { title: c.var.t('days.admin.newDay') },
    ),
  )
  .post('/new', async (c) => {
    const form = await readForm(c, dayFormSchema, { botCheck: false });
    if (form.status !== 'valid')
      return renderRefusedForm(
        c,
        undefined,
        form.values,
        form.status === 'invalid' ? form.errors : undefined,
      );
    const id = newId();
    if ((await insertDay(getDb(c.env), id, dayValues(form.data), Date.now())) === 'slug_taken')
      return renderRefusedForm(c, undefined, form.values, { slug: { key: 'days.error.slugTaken' } });
    return c.redirect(`/admin/days/${id}`, 303);
  })
  .get('/:id', async (c) => {
    const day = await loadAdminDay(c);
    const db = getDb(c.env);
    const [counts, registrations, teams, scheduled] = await Promise.all([
      countRegistrations(db, day.id),
      listRegistrations(db, day.id),
      listTeams(db, day.id),
      scheduledSendsOfDay(db, day),
    ]);
    return c.render(
      <DayOverview
        day={day}
        counts={counts}
        scheduled={scheduled}
        now={Date.now()}
        registrations={registrations}
        teams={new Map(teams.map(({ team }) => [team.id, team]))}
        notice={c.req.query('saved') ? c.var.t('days.admin.saved') : undefined}
      />,
      { title: day.title, wide: true },
    );
  })
  .get('/:id/edit', async (c) => {
    const day = await loadAdminDay(c);
    return c.render(
      <DayFormPage day={day} action={`/admin/days/${day.id}/edit`} values={dayFormValues(day)} />,
      { title: c.var.t('days.admin.editDay') },
    );
  })
  .post('/:id/edit', async (c) => {
    const day = await loadAdminDay(c);
    const form = await readForm(c, dayFormSchema, { botCheck: false });
    if (form.status !== 'valid')
      return renderRefusedForm(c, day, form.values, form.status === 'invalid' ? form.errors : undefined);
    const db = getDb(c.env);
    // A raised capacity gives the new seats to the people waiting, in the same batch.
    if ((await updateDay(db, day.id, dayValues(form.data), Date.now())) === 'slug_taken')
      return renderRefusedForm(c, day, form.values, { slug: { key: 'days.error.slugTaken' } });
    await notifyPromotions(db, c.env, (await getDay(db, day.id))!);
    return c.redirect(`/admin/days/${day.id}?saved=1`, 303);
  })
  .get('/:id/registrations.csv', async (c) => {
    const day = await loadAdminDay(c);
    const db = getDb(c.env);
    const stream = csvStream<Registration, number>(csvColumns(c), async (after) => {
      const rows = await registrationsPage(db, day.id, after ?? 0, CSV_PAGE);
      return { rows, next: rows.length === CSV_PAGE ? rows[rows.length - 1]!.seq : null };
    });
    return new Response(stream, { headers: csvHeaders(`${day.slug}-registrations.csv`) });
  })
  .post('/:id/registrations/:registrationId/districts', async (c) => {
    const day = await loadAdminDay(c);
    const form = await readForm(c, districtsSchema, { botCheck: false });
    if (form.status !== 'valid') throw new AppError('validation');
    await setDistrictsByHand(getDb(c.env), day.id, c.req.param('registrationId'), {
      state: day.state,
      ...form.data,
    });
    return c.redirect(`/admin/days/${day.id}?saved=1`, 303);
  });
