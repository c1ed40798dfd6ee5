import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { renderSVG } from 'uqr';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { hashToken } from '../lib/tokens';
import { findDistricts } from '../officials/geocoder';
import { AppError } from '../lib/errors';
import { readForm, type FormValues } from '../web/form';
import type { Lang } from '../lib/i18n';
import { teamDisplayName } from './teams';
import { debriefRefusal, meetingHasBegun, registrationClosedReason } from './decisions';
import { recordDebrief } from './debriefs';
import { checkInUrl, dayCalendarFile, dayUrl } from './emails';
import { dayText, localizedDay } from './texts';
import {
  countRegistrations,
  findRegistrationByTokenHash,
  getDayBySlug,
  getTeam,
  listTeams,
  listUpcomingDays,
  waitlistPlace,
  type AdvocacyDay,
  type Registration,
} from './queries';
import {
  cancelRegistration,
  confirmRegistration,
  registerForDay,
  type RegistrationDistricts,
} from './registration';
import { dayRegistrations } from './schema';
import { chosenDistricts, debriefSchema, registrationChangeSchema, registrationSchema } from './validation';
import {
  ButtonPage,
  DayPage,
  DaysIndex,
  DebriefPage,
  PrivatePage,
  CheckEmailPage,
  DayTextTag,
  RegistrationForm,
} from './views/public';

type DaysContext = Context<AppEnv>;

/** How long a registration waits for the geocoder before keeping the districts pending. */
const GEOCODER_TIMEOUT_MS = 4_000;

/** The day of a public page; drafts only for signed-in organizers (a preview), else 404. */
async function loadDay(c: DaysContext): Promise<AdvocacyDay> {
  const day = await getDayBySlug(getDb(c.env), c.req.param('slug') ?? '');
  if (!day || (day.status !== 'published' && !c.var.organizer)) throw new AppError('not_found');
  return day;
}

/** The registration behind a private link; marks the response private. */
async function loadPrivate(c: DaysContext) {
  c.set('privateLink', true);
  const token = c.req.param('token') ?? '';
  if (token.length < 20 || token.length > 100) throw new AppError('invalid_link');
  const found = await findRegistrationByTokenHash(getDb(c.env), await hashToken(token));
  if (!found) throw new AppError('invalid_link');
  return { ...found, token };
}

async function renderDayPage(
  c: DaysContext,
  day: AdvocacyDay,
  form: { values?: FormValues; errors?: Parameters<typeof DayPage>[0]['errors'] } = {},
) {
  const counts = await countRegistrations(getDb(c.env), day.id);
  const title = dayText(day, 'title', c.var.lang).text;
  const summary = dayText(day, 'summary', c.var.lang).text;
  return c.render(
    <DayPage
      day={day}
      counts={counts}
      closed={registrationClosedReason(day, Date.now())}
      preview={day.status !== 'published'}
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

/** The districts of an address, or pending when the geocoder cannot say (the registration is kept). */
async function districtsFor(env: Env, address: string | null): Promise<RegistrationDistricts> {
  if (!address) return { status: 'pending' };
  // Only the street address goes to the Census geocoder: never the person's name or email.
  const lookup = await findDistricts(env, address, { timeoutMs: GEOCODER_TIMEOUT_MS });
  if (lookup.status !== 'found') return { status: 'pending' };
  return {
    status: 'found',
    state: lookup.state,
    upperDistrict: lookup.upperDistrict,
    lowerDistrict: lookup.lowerDistrict,
  };
}

async function renderPrivate(
  c: DaysContext,
  found: { registration: Registration; day: AdvocacyDay; token: string },
  notice?: string,
) {
  const db = getDb(c.env);
  const { registration, day, token } = found;
  const [position, team] = await Promise.all([
    registration.status === 'waitlisted' ? waitlistPlace(db, registration) : Promise.resolve(null),
    registration.teamId ? getTeam(db, day.id, registration.teamId) : Promise.resolve(undefined),
  ]);
  const qr =
    registration.status === 'registered'
      ? `data:image/svg+xml;base64,${btoa(renderSVG(checkInUrl(c.env, day.id, registration.checkInCode), { border: 2 }))}`
      : null;
  return c.render(
    <PrivatePage
      day={day}
      registration={registration}
      position={position}
      team={team?.team ?? null}
      qrDataUrl={qr}
      token={token}
      dayUrl={dayUrl(c.env, day)}
      started={meetingHasBegun(day, team?.team ?? null, Date.now())}
      notice={notice}
    />,
    { title: dayText(day, 'title', c.var.lang).text, noindex: true },
  );
}

/**
 * A debrief link: the registration, its own team (the only one it may debrief) and, when it may not
 * debrief now, why (not on a team, or the day has not begun).
 */
async function loadDebrief(c: DaysContext) {
  const found = await loadPrivate(c);
  const { registration, day } = found;
  if (registration.status !== 'registered') throw new AppError('invalid_link');
  const own = registration.teamId ? await getTeam(getDb(c.env), day.id, registration.teamId) : undefined;
  const team = own?.team ?? null;
  return {
    ...found,
    teams: team ? [{ id: team.id, label: teamDisplayName(c.var.lang, team) }] : [],
    refusal: debriefRefusal(day, registration, team, Date.now()),
  };
}

function renderDebriefRefusal(c: DaysContext, refusal: 'not_member' | 'not_started') {
  c.status(403);
  const [title, body] =
    refusal === 'not_started'
      ? (['days.debrief.notYetTitle', 'days.debrief.notYetBody'] as const)
      : (['days.debrief.noTeamTitle', 'days.debrief.noTeamBody'] as const);
  return c.render(<ButtonPage title={c.var.t(title)} body={c.var.t(body)} />, {
    title: c.var.t(title),
    noindex: true,
  });
}

/** Public pages of this feature. */
export const advocacyDaysRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const days = await listUpcomingDays(getDb(c.env), Date.now());
    return c.render(<DaysIndex days={days} />, { title: c.var.t('days.index.title') });
  })

  // ---- Private links (token in the path; GET shows, POST changes) -----------------------------
  .get('/r/:token', async (c) => renderPrivate(c, await loadPrivate(c)))
  .get('/r/:token/calendar.ics', async (c) => {
    const { day } = await loadPrivate(c);
    return new Response(dayCalendarFile(c.env, localizedDay(day, c.var.lang)), {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="advocacy-day.ics"',
        'cache-control': 'no-store',
      },
    });
  })
  .post('/r/:token/cancel', async (c) => {
    const found = await loadPrivate(c);
    await cancelRegistration(getDb(c.env), c.env, found.day, found.registration.id);
    const fresh = await findRegistrationByTokenHash(getDb(c.env), await hashToken(found.token));
    const done =
      found.registration.status === 'waitlisted' ? 'days.private.leaveDone' : 'days.private.cancelDone';
    return renderPrivate(c, { ...fresh!, token: found.token }, c.var.t(done));
  })
  .post('/r/:token/confirm', async (c) => {
    const found = await loadPrivate(c);
    const confirmed = await confirmRegistration(getDb(c.env), found.registration.id);
    const fresh = await findRegistrationByTokenHash(getDb(c.env), await hashToken(found.token));
    return renderPrivate(
      c,
      { ...fresh!, token: found.token },
      confirmed ? c.var.t('days.private.confirmDone') : undefined,
    );
  })
  .get('/r/:token/change', async (c) => {
    const { registration, day, token } = await loadPrivate(c);
    if (registration.status === 'cancelled') throw new AppError('invalid_link');
    const values: FormValues = {
      name: registration.name,
      phone: registration.phone ?? '',
      address: registration.address ?? '',
      upperDistrict: registration.districtStatus === 'manual' ? (registration.upperDistrict ?? '') : '',
      lowerDistrict: registration.districtStatus === 'manual' ? (registration.lowerDistrict ?? '') : '',
      congregation: registration.congregation ?? '',
      faithRole: registration.faithRole,
      languages: registration.languages ?? '',
      accessibilityNeeds: registration.accessibilityNeeds ?? '',
      dietaryNeeds: registration.dietaryNeeds ?? '',
      ride: registration.ride,
      rideSeats: registration.rideSeats ? String(registration.rideSeats) : '',
    };
    for (const flag of ['needsInterpretation', 'firstTime', 'willingToShareStory', 'photoConsent'] as const)
      if (registration[flag]) values[flag] = 'on';
    return c.render(
      <>
        <h1>{c.var.t('days.change.title')}</h1>
        <DayTextTag day={day} field="title" as="p" />
        <RegistrationForm action={`/days/r/${token}/change`} values={values} change />
      </>,
      { title: c.var.t('days.change.title'), noindex: true },
    );
  })
  .post('/r/:token/change', async (c) => {
    const found = await loadPrivate(c);
    const { registration, day, token } = found;
    if (registration.status === 'cancelled') throw new AppError('invalid_link');
    const form = await readForm(c, registrationChangeSchema, { botCheck: false });
    if (form.status !== 'valid') {
      c.status(422);
      return c.render(
        <>
          <h1>{c.var.t('days.change.title')}</h1>
          <RegistrationForm
            action={`/days/r/${token}/change`}
            values={form.values}
            errors={form.status === 'invalid' ? form.errors : undefined}
            change
          />
        </>,
        { title: c.var.t('days.change.title'), noindex: true },
      );
    }
    const { upperDistrict, lowerDistrict, ...input } = form.data;
    const addressChanged = input.address !== registration.address;
    // Districts typed by the person win, and nothing is sent to the geocoder.
    const districts =
      chosenDistricts(day.state, { upperDistrict, lowerDistrict }) ??
      (addressChanged ? await districtsFor(c.env, input.address) : null);
    await getDb(c.env)
      .update(dayRegistrations)
      .set({
        ...input,
        lang: c.var.lang,
        ...(districts
          ? districts.status === 'pending'
            ? {
                districtStatus: 'pending' as const,
                homeState: null,
                upperDistrict: null,
                lowerDistrict: null,
              }
            : {
                districtStatus: districts.status === 'chosen' ? ('manual' as const) : ('found' as const),
                homeState: districts.state,
                upperDistrict: districts.upperDistrict,
                lowerDistrict: districts.lowerDistrict,
              }
          : {}),
      })
      .where(eq(dayRegistrations.id, registration.id));
    const fresh = await findRegistrationByTokenHash(getDb(c.env), await hashToken(token));
    return renderPrivate(c, { ...fresh!, token }, c.var.t('days.change.done'));
  })
  .get('/r/:token/debrief', async (c) => {
    const found = await loadDebrief(c);
    if (found.refusal) return renderDebriefRefusal(c, found.refusal);
    return c.render(
      <DebriefPage
        day={found.day}
        teams={found.teams}
        defaultTeamId={found.registration.teamId}
        action={`/days/r/${found.token}/debrief`}
      />,
      { title: c.var.t('days.debrief.title'), noindex: true },
    );
  })
  .post('/r/:token/debrief', async (c) => {
    const { registration, day, token, teams, refusal } = await loadDebrief(c);
    if (refusal) return renderDebriefRefusal(c, refusal);
    const form = await readForm(c, debriefSchema, { botCheck: false });
    // Only the person's own team is offered; any other team id changes nothing.
    const otherTeam = form.status === 'valid' && form.data.teamId !== registration.teamId;
    if (form.status !== 'valid' || otherTeam) {
      c.status(422);
      return c.render(
        <DebriefPage
          day={day}
          teams={teams}
          defaultTeamId={registration.teamId}
          action={`/days/r/${token}/debrief`}
          values={form.values}
          errors={form.status === 'invalid' ? form.errors : { teamId: { key: 'form.error.choose' } }}
        />,
        { title: c.var.t('days.debrief.title'), noindex: true },
      );
    }
    const recorded = await recordDebrief(getDb(c.env), c.env, day, registration, form.data);
    const body = c.var.t('days.debrief.thanksBody');
    return c.render(
      <ButtonPage
        title={c.var.t('days.debrief.thanksTitle')}
        body={recorded.meetingRecorded ? `${body} ${c.var.t('days.debrief.meetingEmailed')}` : body}
      />,
      { title: c.var.t('days.debrief.thanksTitle'), noindex: true },
    );
  })
  // RFC 8058 one-click unsubscribe from announcements, one URL for both: a GET (a person, or a mail
  // scanner) shows a button; the POST (that button, or a mail provider without cookies or Origin:
  // the path is CSRF-exempt) unsubscribes and answers 200 without a redirect.
  .get('/r/:token/one-click-unsubscribe', async (c) => {
    const { token, day } = await loadPrivate(c);
    return c.render(
      <ButtonPage
        title={c.var.t('days.unsubscribe.title')}
        body={c.var.t('days.unsubscribe.body', { title: dayText(day, 'title', c.var.lang).text })}
        action={`/days/r/${token}/one-click-unsubscribe`}
        button={c.var.t('days.unsubscribe.button')}
      />,
      { title: c.var.t('days.unsubscribe.title'), noindex: true },
    );
  })
  .post('/r/:token/one-click-unsubscribe', async (c) => {
    const { registration } = await loadPrivate(c);
    await getDb(c.env)
      .update(dayRegistrations)
      .set({ announcementsOptOut: true })
      .where(eq(dayRegistrations.id, registration.id));
    return c.render(
      <ButtonPage
        title={c.var.t('days.unsubscribe.doneTitle')}
        body={c.var.t('days.unsubscribe.doneBody')}
      />,
      { title: c.var.t('days.unsubscribe.doneTitle'), noindex: true },
    );
  })

  // ---- A day's page and its form -------------------------------------------------------------
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
    const db = getDb(c.env);
    const districts = chosenDistricts(day.state, form.data) ?? (await districtsFor(c.env, form.data.address));
    const outcome = await registerForDay(db, c.env, day, form.data, c.var.lang, districts);
    if (outcome.kind === 'closed') {
      c.status(422);
      return renderDayPage(c, day);
    }
    return checkEmail();
  });
