// Organizer pages of the days themselves: the list, a new day, a day's overview and its form, the
// registrations CSV and districts set by hand.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { getDb, type Db } from '../../db';
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
import { DayFormPage, dayFormTitle, dayFormValues } from '../views/admin/day-form';
import { dayAdminPath } from '../views/admin/parts';
import { gatheringFormSchema, gatheringValues } from '../gathering-validation';
import { isGathering, type DaySection } from '../kinds';
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

/**
 * The day (or gathering) form: empty for a new one, with what was typed and why it was refused
 * (422), or filled from the day to edit.
 */
export function renderDayForm(
  c: AdminContext,
  form: { gathering: boolean; day?: AdvocacyDay; values: FormValues; errors?: FormErrors; refused?: boolean },
) {
  if (form.refused) c.status(422);
  const action = form.day
    ? `${dayAdminPath(form.day)}/edit`
    : form.gathering
      ? '/admin/gatherings/new'
      : '/admin/days/new';
  return c.render(
    <DayFormPage
      day={form.day}
      gathering={form.gathering}
      action={action}
      values={form.values}
      errors={form.errors}
    />,
    { title: c.var.t(dayFormTitle(form.gathering, Boolean(form.day))) },
  );
}

/** The values a new day's (or gathering's) form starts with. */
export const NEW_DAY_VALUES = { status: 'draft', timeZone: 'America/New_York', capacity: '60' };

/**
 * Reads the form of a day, or of a gathering (which has a kind, and no talking points or
 * leave-behind), as the values to store; a refused form is shown again with its reasons.
 */
export async function readDayForm(c: AdminContext, gathering: boolean, day?: AdvocacyDay) {
  const refuse = (values: FormValues, errors?: FormErrors) => ({
    refused: renderDayForm(c, { gathering, day, values, errors, refused: true }),
  });
  if (gathering) {
    const form = await readForm(c, gatheringFormSchema, { botCheck: false });
    if (form.status !== 'valid')
      return refuse(form.values, form.status === 'invalid' ? form.errors : undefined);
    return {
      values: gatheringValues(form.data),
      refuse: (errors: FormErrors) => refuse(form.values, errors),
    };
  }
  const form = await readForm(c, dayFormSchema, { botCheck: false });
  if (form.status !== 'valid')
    return refuse(form.values, form.status === 'invalid' ? form.errors : undefined);
  return { values: dayValues(form.data), refuse: (errors: FormErrors) => refuse(form.values, errors) };
}

/** Stores a new day or gathering from its form, then opens its overview. */
export async function createDayFromForm(c: AdminContext, gathering: boolean) {
  const form = await readDayForm(c, gathering);
  if ('refused' in form) return form.refused;
  const id = newId();
  if ((await insertDay(getDb(c.env), id, form.values, Date.now())) === 'slug_taken')
    return form.refuse({ slug: { key: 'days.error.slugTaken' } }).refused;
  return c.redirect(`/admin/days/${id}`, 303);
}

/** The days (or gatherings) of the organizer list, each with its counts. */
export async function listWithCounts(db: Db, section: DaySection) {
  const days = await listAllDays(db, section);
  return Promise.all(days.map(async (day) => ({ day, counts: await countRegistrations(db, day.id) })));
}

/** The organizer list, a day's overview and its form, mounted under /admin/days. */
export const adminDayRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const db = getDb(c.env);
    return c.render(<AdminDaysList days={await listWithCounts(db, 'days')} section="days" />, {
      title: c.var.t('days.admin.title'),
    });
  })
  .get('/new', (c) => renderDayForm(c, { gathering: false, values: NEW_DAY_VALUES }))
  .post('/new', (c) => createDayFromForm(c, false))
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
    return renderDayForm(c, { gathering: isGathering(day), day, values: dayFormValues(day) });
  })
  .post('/:id/edit', async (c) => {
    const day = await loadAdminDay(c);
    const form = await readDayForm(c, isGathering(day), day);
    if ('refused' in form) return form.refused;
    const db = getDb(c.env);
    // A raised capacity gives the new seats to the people waiting, in the same batch.
    if ((await updateDay(db, day.id, form.values, Date.now())) === 'slug_taken')
      return form.refuse({ slug: { key: 'days.error.slugTaken' } }).refused;
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
