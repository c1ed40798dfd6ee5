// A registration's private link (/days/r/:token): the person's page, the calendar file, confirm,
// cancel, change and one-click unsubscribe. A GET only shows; only a POST changes anything.
import { Hono, type Context } from 'hono';
import { renderSVG } from 'uqr';
import type { AppEnv } from '../../env';
import { getDb } from '../../db';
import { hashToken } from '../../lib/tokens';
import { AppError } from '../../lib/errors';
import { readForm, type FormErrors, type FormValues } from '../../web/form';
import { purgePages } from '../../web/edge-cache';
import { meetingHasBegun } from '../decisions';
import { districtColumns, districtsFor } from '../districts';
import { checkInUrl, dayCalendarFile, dayUrl } from '../emails';
import { findRegistrationByTokenHash } from '../queries/links';
import { optOutOfAnnouncements, updateRegistrationDetails, waitlistPlace } from '../queries/registrations';
import { getTeam } from '../queries/teams';
import { cancelRegistration, confirmRegistration } from '../registration';
import type { AdvocacyDay, Registration } from '../schema';
import { pick } from '../../lib/bilingual';
import { rsvpChangeSchema } from '../gathering-validation';
import { calendarFileName, isGathering, pagesShowingDay } from '../kinds';
import { localizedDay } from '../texts';
import { chosenDistricts, registrationChangeSchema } from '../validation';
import { ButtonPage } from '../views/public/button-page';
import { ChangePage, changeFormValues, rsvpChangeFormValues } from '../views/public/change-page';
import { PrivatePage } from '../views/public/private-page';

type DaysContext = Context<AppEnv>;

/** A registration reached by its private link, with the link's token. */
export interface PrivateRegistration {
  registration: Registration;
  day: AdvocacyDay;
  token: string;
}

/** The registration behind a private link; marks the response private. */
export async function loadPrivate(c: DaysContext): Promise<PrivateRegistration> {
  c.set('privateLink', true);
  const token = c.req.param('token') ?? '';
  if (token.length < 20 || token.length > 100) throw new AppError('invalid_link');
  const found = await findRegistrationByTokenHash(getDb(c.env), await hashToken(token));
  if (!found) throw new AppError('invalid_link');
  return { ...found, token };
}

/** The person's page again after a change, with a notice saying what changed. */
async function renderAfterChange(c: DaysContext, token: string, notice?: string) {
  const fresh = await findRegistrationByTokenHash(getDb(c.env), await hashToken(token));
  return renderPrivate(c, { ...fresh!, token }, notice);
}

async function renderPrivate(c: DaysContext, found: PrivateRegistration, notice?: string) {
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
    { title: pick(day, 'title', c.var.lang).text, noindex: true },
  );
}

/** The pages of a private link, mounted under /days. */
export const privateLinkRoutes = new Hono<AppEnv>()
  .get('/r/:token', async (c) => renderPrivate(c, await loadPrivate(c)))
  .get('/r/:token/calendar.ics', async (c) => {
    const { day } = await loadPrivate(c);
    return new Response(dayCalendarFile(c.env, localizedDay(day, c.var.lang)), {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${calendarFileName(day)}"`,
        'cache-control': 'no-store',
      },
    });
  })
  .post('/r/:token/cancel', async (c) => {
    const { registration, day, token } = await loadPrivate(c);
    await cancelRegistration(getDb(c.env), c.env, day, registration.id);
    await purgePages(c, pagesShowingDay(day));
    const done =
      registration.status === 'waitlisted'
        ? 'days.private.leaveDone'
        : isGathering(day)
          ? 'gatherings.private.cancelDone'
          : 'days.private.cancelDone';
    return renderAfterChange(c, token, c.var.t(done));
  })
  .post('/r/:token/confirm', async (c) => {
    const { registration, day, token } = await loadPrivate(c);
    const confirmed = await confirmRegistration(getDb(c.env), registration.id);
    if (confirmed) await purgePages(c, pagesShowingDay(day));
    return renderAfterChange(c, token, confirmed ? c.var.t('days.private.confirmDone') : undefined);
  })
  .get('/r/:token/change', async (c) => {
    const { registration, day, token } = await loadPrivate(c);
    if (registration.status === 'cancelled') throw new AppError('invalid_link');
    const values = isGathering(day) ? rsvpChangeFormValues(registration) : changeFormValues(registration);
    return c.render(<ChangePage day={day} action={`/days/r/${token}/change`} values={values} />, {
      title: c.var.t('days.change.title'),
      noindex: true,
    });
  })
  .post('/r/:token/change', async (c) => {
    const { registration, day, token } = await loadPrivate(c);
    if (registration.status === 'cancelled') throw new AppError('invalid_link');
    const refused = (values: FormValues, errors?: FormErrors) => {
      c.status(422);
      return c.render(
        <ChangePage day={day} action={`/days/r/${token}/change`} values={values} errors={errors} />,
        {
          title: c.var.t('days.change.title'),
          noindex: true,
        },
      );
    };
    if (isGathering(day)) {
      const form = await readForm(c, rsvpChangeSchema, { botCheck: false });
      if (form.status !== 'valid')
        return refused(form.values, form.status === 'invalid' ? form.errors : undefined);
      const { name, phone, language } = form.data;
      await updateRegistrationDetails(getDb(c.env), registration, { name, phone, lang: language });
      return renderAfterChange(c, token, c.var.t('days.change.done'));
    }
    const form = await readForm(c, registrationChangeSchema, { botCheck: false });
    if (form.status !== 'valid')
      return refused(form.values, form.status === 'invalid' ? form.errors : undefined);
    const { upperDistrict, lowerDistrict, ...input } = form.data;
    const addressChanged = input.address !== registration.address;
    // Districts typed by the person win, and nothing is sent to the geocoder.
    const districts =
      chosenDistricts(day.state, { upperDistrict, lowerDistrict }) ??
      (addressChanged ? await districtsFor(c.env, input.address) : null);
    await updateRegistrationDetails(getDb(c.env), registration, {
      ...input,
      lang: c.var.lang,
      ...(districts ? districtColumns(districts) : {}),
    });
    return renderAfterChange(c, token, c.var.t('days.change.done'));
  })
  // RFC 8058 one-click unsubscribe from announcements, one URL for both: a GET (a person, or a mail
  // scanner) shows a button; the POST (that button, or a mail provider without cookies or Origin:
  // the path is CSRF-exempt) unsubscribes and answers 200 without a redirect.
  .get('/r/:token/one-click-unsubscribe', async (c) => {
    const { token, day } = await loadPrivate(c);
    return c.render(
      <ButtonPage
        title={c.var.t('days.unsubscribe.title')}
        body={c.var.t('days.unsubscribe.body', { title: pick(day, 'title', c.var.lang).text })}
        action={`/days/r/${token}/one-click-unsubscribe`}
        button={c.var.t('days.unsubscribe.button')}
      />,
      { title: c.var.t('days.unsubscribe.title'), noindex: true },
    );
  })
  .post('/r/:token/one-click-unsubscribe', async (c) => {
    const { registration } = await loadPrivate(c);
    await optOutOfAnnouncements(getDb(c.env), registration.id);
    return c.render(
      <ButtonPage
        title={c.var.t('days.unsubscribe.doneTitle')}
        body={c.var.t('days.unsubscribe.doneBody')}
      />,
      { title: c.var.t('days.unsubscribe.doneTitle'), noindex: true },
    );
  });
