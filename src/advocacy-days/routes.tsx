// The public pages of advocacy days: the list, a day's page and its registration form, and (mounted
// from routes/) the pages of a registration's private link.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { readForm, type FormErrors, type FormValues } from '../web/form';
import { registrationClosedReason } from './decisions';
import { districtsFor } from './districts';
import { dayUrl } from './emails';
import { getDayBySlug, listUpcomingDays } from './queries/days';
import { countRegistrations } from './queries/registrations';
import { registerForDay } from './registration';
import { debriefRoutes } from './routes/debrief';
import { privateLinkRoutes } from './routes/private-link';
import type { AdvocacyDay } from './schema';
import { pick } from '../lib/bilingual';
import { chosenDistricts, registrationSchema } from './validation';
import { CheckEmailPage } from './views/public/check-email';
import { DayPage } from './views/public/day-page';
import { DaysIndex } from './views/public/days-index';

type DaysContext = Context<AppEnv>;

/** The day of a public page; drafts only for signed-in organizers (a preview), else 404. */
async function loadDay(c: DaysContext): Promise<AdvocacyDay> {
  const day = await getDayBySlug(getDb(c.env), c.req.param('slug') ?? '');
  if (!day || (day.status !== 'published' && !c.var.organizer)) throw new AppError('not_found');
  return day;
}

async function renderDayPage(
  c: DaysContext,
  day: AdvocacyDay,
  form: { values?: FormValues; errors?: FormErrors } = {},
) {
  const counts = await countRegistrations(getDb(c.env), day.id);
  const title = pick(day, 'title', c.var.lang).text;
  const summary = pick(day, 'summary', c.var.lang).text;
  return c.render(
    <DayPage
      day={day}
      counts={counts}
      closed={registrationClosedReason(day, Date.now())}
      preview={day.status !== 'published'}
      campaigns={await c.var.campaignsOf('day', day.id)}
      {...form}
    />,
    {
      title,
      description: summary,
      noindex: day.status !== 'published',
      og: { title, description: summary, url: dayUrl(c.env, day) },
    },
  );
}

/** Public pages of this feature. */
export const advocacyDaysRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const days = await listUpcomingDays(getDb(c.env), Date.now());
    return c.render(<DaysIndex days={days} />, { title: c.var.t('days.index.title') });
  })
  // Private links first: /r/:token must never be read as a day's slug.
  .route('/', privateLinkRoutes)
  .route('/', debriefRoutes)
  .get('/:slug', async (c) => renderDayPage(c, await loadDay(c)))
  .get('/:slug/check-email', async (c) =>
    c.render(<CheckEmailPage day={await loadDay(c)} />, {
      title: c.var.t('days.done.title'),
      noindex: true,
    }),
  )
  .post('/:slug/register', async (c) => {
    const day = await loadDay(c);
    const form = await readForm(c, registrationSchema);
    // One answer for a new address, a waitlisted one, one already registered and a bot, so that
    // nobody learns from the form whether someone is on the list; the email says what happened.
    const checkEmail = () => c.redirect(`/days/${day.slug}/check-email`, 303);
    if (form.status === 'bot') return checkEmail();
    if (form.status === 'invalid') {
      c.status(422);
      return renderDayPage(c, day, { values: form.values, errors: form.errors });
    }
    if (registrationClosedReason(day, Date.now())) {
      c.status(422);
      return renderDayPage(c, day);
    }
    const districts = chosenDistricts(day.state, form.data) ?? (await districtsFor(c.env, form.data.address));
    const outcome = await registerForDay(getDb(c.env), c.env, day, form.data, c.var.lang, districts);
    if (outcome.kind === 'closed') {
      c.status(422);
      return renderDayPage(c, day);
    }
    return checkEmail();
  });
