// The public pages of advocacy days and gatherings: the lists, a day's page and its registration (or
// RSVP) form, and (mounted from routes/) the pages of a registration's private link.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { readForm, type FormErrors, type FormValues } from '../web/form';
import { purgePages } from '../web/edge-cache';
import { registrationClosedReason } from './decisions';
import { districtsFor } from './districts';
import { dayUrl } from './emails';
import { minimalRegistration, rsvpSchema } from './gathering-validation';
import { dayPath, isGathering, pagesShowingDay, sectionOf, type DaySection } from './kinds';
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

/**
 * Registers the person from the form that fits the day: the advocacy day's (districts from the
 * address or typed) or a gathering's RSVP (name, email, phone, language: no address, no districts).
 * Gives the refused form, `closed`, or what happened (a bot's answer included).
 */
async function registerFromForm(c: DaysContext, day: AdvocacyDay) {
  const db = getDb(c.env);
  if (isGathering(day)) {
    const form = await readForm(c, rsvpSchema);
    if (form.status === 'bot') return 'answered';
    if (form.status === 'invalid') return form;
    if (registrationClosedReason(day, Date.now())) return 'closed';
    const input = minimalRegistration(form.data);
    return (await registerForDay(db, c.env, day, input, form.data.language, { status: 'pending' })).kind;
  }
  const form = await readForm(c, registrationSchema);
  if (form.status === 'bot') return 'answered';
  if (form.status === 'invalid') return form;
  if (registrationClosedReason(day, Date.now())) return 'closed';
  const districts = chosenDistricts(day.state, form.data) ?? (await districtsFor(c.env, form.data.address));
  return (await registerForDay(db, c.env, day, form.data, c.var.lang, districts)).kind;
}

/**
 * The public pages of one section: its list, a day's page and its form. A day asked for in the
 * other section (an old link, or a day whose kind changed) is sent to its own address.
 */
function dayPages(section: DaySection) {
  /** Renders a page of a day of this section, or sends a day of the other one to its own page. */
  const page = async (c: DaysContext, suffix: string, render: (day: AdvocacyDay) => Promise<Response>) => {
    const day = await loadDay(c);
    if (sectionOf(day) !== section) return c.redirect(`${dayPath(day)}${suffix}`, 301);
    return render(day);
  };
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const days = await listUpcomingDays(getDb(c.env), Date.now(), section);
      return c.render(<DaysIndex days={days} section={section} />, {
        title: c.var.t(section === 'days' ? 'days.index.title' : 'gatherings.index.title'),
      });
    })
    .get('/:slug', (c) => page(c, '', (day) => renderDayPage(c, day)))
    .get('/:slug/check-email', (c) =>
      page(c, '/check-email', async (day) =>
        c.render(<CheckEmailPage day={day} />, { title: c.var.t('days.done.title'), noindex: true }),
      ),
    )
    .post('/:slug/register', async (c) => {
      const day = await loadDay(c);
      // One answer for a new address, a waitlisted one, one already registered and a bot, so that
      // nobody learns from the form whether someone is on the list; the email says what happened.
      const outcome = await registerFromForm(c, day);
      if (typeof outcome === 'object') {
        c.status(422);
        return renderDayPage(c, day, { values: outcome.values, errors: outcome.errors });
      }
      if (outcome === 'closed') {
        c.status(422);
        return renderDayPage(c, day);
      }
      // Registered, waitlisted or not, the seats shown may have changed.
      await purgePages(c, pagesShowingDay(day));
      return c.redirect(`${dayPath(day)}/check-email`, 303);
    });
}

/** Public pages of advocacy days, and (mounted at /days) every registration's private link. */
export const advocacyDaysRoutes = new Hono<AppEnv>()
  // Private links first: /r/:token must never be read as a day's slug.
  .route('/', privateLinkRoutes)
  .route('/', debriefRoutes)
  .route('/', dayPages('days'));

/** Public pages of gatherings (their private links are the days' ones, under /days/r/). */
export const gatheringsRoutes = dayPages('gatherings');
