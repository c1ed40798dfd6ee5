import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import {
  BotCheck,
  CheckboxField,
  ChoiceGroup,
  ErrorSummary,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../web/form';
import { formatNumber } from '../../lib/i18n';
import { formatDayTimes, formatInZone, googleCalendarUrl, mapUrl, outlookCalendarUrl } from '../calendar';
import type { RegistrationClosedReason } from '../decisions';
import type { AdvocacyDay, DayCounts, Registration, Team } from '../queries';
import { teamDisplayName } from '../teams';
import { dayText, langAttribute, localizedDay, textLines, type DayTextField } from '../texts';
import { FAITH_ROLES, RIDE_CHOICES, STANCES } from '../validation';

/**
 * An organizer-written text of a day in the reader's language (or the other one when theirs was
 * not written), with a `lang` attribute when it is not in the page's language.
 */
export function DayTextTag(props: {
  day: AdvocacyDay;
  field: DayTextField;
  as: 'h1' | 'p' | 'a' | 'span';
  href?: string;
}): Child {
  const { lang } = useRequestContext<AppEnv>().var;
  const text = dayText(props.day, props.field, lang);
  const Tag = props.as;
  return (
    <Tag lang={langAttribute(text, lang)} href={props.href}>
      {text.text}
    </Tag>
  );
}

/** The public list of upcoming days. */
export function DaysIndex(props: { days: AdvocacyDay[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <hgroup>
        <h1>{t('days.index.title')}</h1>
        <p>{t('days.index.intro')}</p>
      </hgroup>
      {props.days.length === 0 ? <p>{t('days.index.none')}</p> : null}
      <ul class="action-list">
        {props.days.map((day) => (
          <li>
            <DayTextTag day={day} field="title" as="a" href={`/days/${day.slug}`} />
            <p>
              {formatDayTimes(lang, day)} · {day.placeName}
              {day.isDemo ? <span class="demo-label"> · {t('common.demo')}</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The details of a day: when, where, agenda, what to bring, accessibility. */
export function DayDetails(props: { day: AdvocacyDay }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  const agenda = dayText(day, 'agenda', lang);
  const whatToBring = dayText(day, 'whatToBring', lang);
  const accessibility = dayText(day, 'accessibility', lang);
  return (
    <section aria-labelledby="day-details">
      <h2 id="day-details" class="visually-hidden">
        {t('days.page.details')}
      </h2>
      <dl>
        <dt>{t('days.page.when')}</dt>
        <dd>{formatDayTimes(lang, day)}</dd>
        <dt>{t('days.page.where')}</dt>
        <dd>
          {day.placeName}, {day.address} (
          <a href={mapUrl(`${day.placeName}, ${day.address}`)}>{t('days.page.map')}</a>)
        </dd>
      </dl>
      {textLines(agenda.text).length ? (
        <>
          <h2>{t('days.page.agenda')}</h2>
          <ul lang={langAttribute(agenda, lang)}>
            {textLines(agenda.text).map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      {whatToBring.text.trim() ? (
        <>
          <h2>{t('days.page.whatToBring')}</h2>
          <p lang={langAttribute(whatToBring, lang)}>{whatToBring.text}</p>
        </>
      ) : null}
      {accessibility.text.trim() ? (
        <>
          <h2>{t('days.page.accessibility')}</h2>
          <p lang={langAttribute(accessibility, lang)}>{accessibility.text}</p>
        </>
      ) : null}
    </section>
  );
}

/** The public page of a day with the registration form (or why registration is closed). */
export function DayPage(props: {
  day: AdvocacyDay;
  counts: DayCounts;
  closed: RegistrationClosedReason | null;
  preview?: boolean;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day, counts } = props;
  const left = Math.max(0, day.capacity - counts.registered);
  return (
    <article>
      <hgroup>
        <DayTextTag day={day} field="title" as="h1" />
        <DayTextTag day={day} field="summary" as="p" />
      </hgroup>
      {day.isDemo ? <p class="demo-label">{t('common.demo')}</p> : null}
      {props.preview ? <p class="notice">{t('days.page.preview')}</p> : null}
      <DayDetails day={day} />
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">{t('days.page.register')}</h2>
        <p class="notice">
          {left > 0
            ? t('days.page.seatsLeft', {
                count: formatNumber(lang, left),
                capacity: formatNumber(lang, day.capacity),
              })
            : t('days.page.full', { waiting: formatNumber(lang, counts.waitlisted) })}
          <br />
          {t('days.page.deadline', { date: formatInZone(lang, day.registrationDeadline, day.timeZone) })}
        </p>
        {props.closed ? (
          <p>{t(`days.closed.${props.closed}`)}</p>
        ) : (
          <RegistrationForm
            action={`/days/${day.slug}/register`}
            values={props.values}
            errors={props.errors}
            full={left === 0}
          />
        )}
      </section>
    </article>
  );
}

const FIELD_LABELS = [
  'name',
  'email',
  'phone',
  'address',
  'upperDistrict',
  'lowerDistrict',
  'congregation',
  'faithRole',
  'languages',
  'needsInterpretation',
  'accessibilityNeeds',
  'dietaryNeeds',
  'firstTime',
  'willingToShareStory',
  'ride',
  'rideSeats',
  'photoConsent',
] as const;

/** The registration form, also used to change one's details (without the email). */
export function RegistrationForm(props: {
  action: string;
  values?: FormValues;
  errors?: FormErrors;
  full?: boolean;
  change?: boolean;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = Object.fromEntries(FIELD_LABELS.map((name) => [name, t(`days.field.${name}`)]));
  const common = { values: props.values, errors: props.errors };
  return (
    <form method="post" action={props.action} novalidate>
      <ErrorSummary errors={props.errors} labels={labels} />
      <TextField name="name" label={labels.name!} required autocomplete="name" maxlength={120} {...common} />
      {props.change ? null : (
        <TextField
          name="email"
          type="email"
          label={labels.email!}
          required
          autocomplete="email"
          inputmode="email"
          maxlength={254}
          {...common}
        />
      )}
      <TextField
        name="phone"
        type="tel"
        label={labels.phone!}
        hint={t('days.hint.phone')}
        autocomplete="tel"
        inputmode="tel"
        maxlength={40}
        {...common}
      />
      <TextField
        name="address"
        label={labels.address!}
        hint={t('days.hint.address')}
        autocomplete="address-line1"
        maxlength={300}
        {...common}
      />
      <fieldset>
        <legend>{t('days.districts.title')}</legend>
        <p>
          {t('days.districts.body')} <a href="/officials">{t('days.districts.directoryLink')}</a>
        </p>
        <TextField
          name="upperDistrict"
          label={labels.upperDistrict!}
          inputmode="numeric"
          maxlength={10}
          {...common}
        />
        <TextField
          name="lowerDistrict"
          label={labels.lowerDistrict!}
          inputmode="numeric"
          maxlength={10}
          {...common}
        />
      </fieldset>
      <TextField
        name="congregation"
        label={labels.congregation!}
        autocomplete="organization"
        maxlength={200}
        {...common}
      />
      <ChoiceGroup
        name="faithRole"
        label={labels.faithRole!}
        required
        options={FAITH_ROLES.map((role) => [role, t(`days.faithRole.${role}`)] as const)}
        {...common}
      />
      <TextField
        name="languages"
        label={labels.languages!}
        hint={t('days.hint.languages')}
        maxlength={200}
        {...common}
      />
      <CheckboxField name="needsInterpretation" label={labels.needsInterpretation!} {...common} />
      <TextArea
        name="accessibilityNeeds"
        label={labels.accessibilityNeeds!}
        rows={2}
        maxlength={500}
        {...common}
      />
      <TextArea name="dietaryNeeds" label={labels.dietaryNeeds!} rows={2} maxlength={500} {...common} />
      <CheckboxField name="firstTime" label={labels.firstTime!} {...common} />
      <CheckboxField
        name="willingToShareStory"
        label={labels.willingToShareStory!}
        hint={t('days.hint.story')}
        {...common}
      />
      <ChoiceGroup
        name="ride"
        label={labels.ride!}
        required
        options={RIDE_CHOICES.map((choice) => [choice, t(`days.ride.${choice}`)] as const)}
        value={props.values?.ride ?? 'none'}
        {...common}
      />
      <TextField
        name="rideSeats"
        type="number"
        inputmode="numeric"
        label={labels.rideSeats!}
        hint={t('days.hint.rideSeats')}
        {...common}
      />
      <CheckboxField name="photoConsent" label={labels.photoConsent!} {...common} />
      {props.change ? null : <p>{t('days.page.holdNotice')}</p>}
      {props.change ? null : <BotCheck />}
      <button type="submit">
        {props.change
          ? t('days.change.submit')
          : props.full
            ? t('days.page.joinWaitlist')
            : t('days.page.submit')}
      </button>
    </form>
  );
}

/**
 * After the form was sent: the same page whether the address was new, already registered, or the
 * honeypot was filled, so that nobody can learn from it whether someone is on the list. What
 * happened (a seat, the waitlist place, "already registered") is told by email to the address.
 */
export function CheckEmailPage(props: { day: AdvocacyDay }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <article>
      <h1>{t('days.done.title')}</h1>
      <p>{t('days.done.body', { title: dayText(props.day, 'title', lang).text })}</p>
      <p>{t('days.done.again')}</p>
      <p>
        <a href={`/days/${props.day.slug}`}>{t('days.done.back')}</a>
      </p>
    </article>
  );
}

/** A registration's private page: status, check-in code and QR, team and role, calendar, cancel. */
export function PrivatePage(props: {
  day: AdvocacyDay;
  registration: Registration;
  position: number | null;
  team: Team | null;
  qrDataUrl: string | null;
  token: string;
  dayUrl: string;
  /** The day (or the person's meeting) has begun: debrief instead of change or cancel. */
  started: boolean;
  notice?: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day, registration: reg, team } = props;
  const base = `/days/r/${props.token}`;
  return (
    <article>
      <hgroup>
        <DayTextTag day={day} field="title" as="h1" />
        <p>{t('days.private.hello', { name: reg.name })}</p>
      </hgroup>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {reg.holdExpiresAt && reg.status !== 'cancelled' ? (
        <section aria-labelledby="hold-heading" class="notice">
          <h2 id="hold-heading">{t('days.private.holdTitle')}</h2>
          <p>
            {t('days.private.holdBody', {
              time: formatInZone(lang, reg.holdExpiresAt, day.timeZone, 'dateTime'),
            })}
          </p>
          <form method="post" action={`${base}/confirm`}>
            <button type="submit">{t('days.private.confirmButton')}</button>
          </form>
        </section>
      ) : null}
      <p class="notice">
        <strong>
          {reg.status === 'registered'
            ? t('days.private.registered')
            : reg.status === 'waitlisted'
              ? t('days.private.waitlisted', { position: formatNumber(lang, props.position ?? 0) })
              : t('days.private.cancelled')}
        </strong>
      </p>
      {reg.status === 'registered' ? (
        <section aria-labelledby="check-in-heading">
          <h2 id="check-in-heading">{t('days.private.checkInTitle')}</h2>
          <p>{t('days.private.checkInBody')}</p>
          <p class="check-in-code">
            <span>{t('days.private.code')}</span> <strong>{reg.checkInCode}</strong>
          </p>
          {props.qrDataUrl ? (
            <img
              src={props.qrDataUrl}
              alt={t('days.private.qrAlt', { code: reg.checkInCode })}
              width="220"
              height="220"
            />
          ) : null}
          {reg.checkedInAt ? <p>{t('days.private.checkedIn')}</p> : null}
        </section>
      ) : null}
      {reg.status === 'registered' ? (
        <section aria-labelledby="team-heading">
          <h2 id="team-heading">{t('days.private.teamTitle')}</h2>
          {team ? (
            <p>
              {t('days.private.team', { legislator: teamDisplayName(lang, team) })}
              {team.meetingAt ? (
                <>
                  <br />
                  {t('days.private.meeting', {
                    time: formatInZone(lang, team.meetingAt, day.timeZone, 'time'),
                  })}
                  {team.room ? ` · ${t('days.private.room', { room: team.room })}` : ''}
                </>
              ) : null}
              {reg.teamRole ? (
                <>
                  <br />
                  <strong>{t('days.private.role', { role: t(`days.role.${reg.teamRole}`) })}</strong> —{' '}
                  {t(`days.roleHelp.${reg.teamRole}`)}
                </>
              ) : null}
            </p>
          ) : (
            <p>
              {reg.districtStatus === 'pending'
                ? t('days.private.districtsPending')
                : t('days.private.noTeamYet')}
            </p>
          )}
        </section>
      ) : null}
      <DayDetails day={day} />
      {reg.status === 'registered' ? (
        <section aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">{t('days.private.calendarTitle')}</h2>
          <ul>
            <li>
              <a href={`${base}/calendar.ics`}>{t('days.private.ics')}</a>
            </li>
            <li>
              <a href={googleCalendarUrl(localizedDay(day, lang), props.dayUrl)}>
                {t('days.private.google')}
              </a>
            </li>
            <li>
              <a href={outlookCalendarUrl(localizedDay(day, lang), props.dayUrl)}>
                {t('days.private.outlook')}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
      {props.started && reg.status === 'registered' ? (
        <p>
          <a href={`${base}/debrief`}>{t('days.private.debriefLink')}</a>
        </p>
      ) : null}
      {reg.status !== 'cancelled' && !props.started ? (
        <section aria-labelledby="change-heading">
          <h2 id="change-heading">{t('days.private.changeTitle')}</h2>
          <p>
            <a href={`${base}/change`}>{t('days.private.changeLink')}</a>
          </p>
          <form method="post" action={`${base}/cancel`}>
            <p>{reg.status === 'registered' ? t('days.private.cancelBody') : t('days.private.leaveBody')}</p>
            <button type="submit" class="secondary">
              {reg.status === 'registered' ? t('days.private.cancelButton') : t('days.private.leaveButton')}
            </button>
          </form>
        </section>
      ) : null}
      {reg.status === 'cancelled' && reg.holdExpiresAt ? <p>{t('days.private.released')}</p> : null}
      {reg.status === 'cancelled' ? (
        <p>
          <a href={`/days/${day.slug}`}>{t('days.private.registerAgain')}</a>
        </p>
      ) : null}
    </article>
  );
}

/** The debrief form after the day. */
export function DebriefPage(props: {
  day: AdvocacyDay;
  teams: { id: string; label: string }[];
  defaultTeamId: string | null;
  action: string;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = {
    teamId: t('days.debrief.meeting'),
    whatTheySaid: t('days.debrief.whatTheySaid'),
    commitment: t('days.debrief.commitment'),
    stance: t('days.debrief.stance'),
    followUp: t('days.debrief.followUp'),
  };
  const common = { values: props.values, errors: props.errors };
  return (
    <article>
      <hgroup>
        <h1>{t('days.debrief.title')}</h1>
        <DayTextTag day={props.day} field="title" as="p" />
      </hgroup>
      <p>{t('days.debrief.intro')}</p>
      <form method="post" action={props.action} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <ChoiceGroup
          name="teamId"
          label={labels.teamId}
          required
          options={props.teams.map((team) => [team.id, team.label] as const)}
          value={props.values?.teamId ?? props.defaultTeamId ?? undefined}
          {...common}
        />
        <TextArea
          name="whatTheySaid"
          label={labels.whatTheySaid}
          required
          rows={4}
          maxlength={2000}
          {...common}
        />
        <TextArea name="commitment" label={labels.commitment} rows={2} maxlength={1000} {...common} />
        <ChoiceGroup
          name="stance"
          label={labels.stance}
          required
          options={STANCES.map((stance) => [stance, t(`days.stance.${stance}`)] as const)}
          {...common}
        />
        <TextArea
          name="followUp"
          label={labels.followUp}
          hint={t('days.debrief.followUpHint')}
          rows={2}
          maxlength={1000}
          {...common}
        />
        <button type="submit">{t('days.debrief.submit')}</button>
      </form>
    </article>
  );
}

/** A one-button page (unsubscribe) and its done state. */
export function ButtonPage(props: {
  title: string;
  body: string;
  action?: string;
  button?: string;
  link?: { href: string; text: string };
}): Child {
  return (
    <article>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.link ? (
        <p>
          <a href={props.link.href}>{props.link.text}</a>
        </p>
      ) : null}
      {props.action ? (
        <form method="post" action={props.action}>
          <button type="submit">{props.button}</button>
        </form>
      ) : null}
    </article>
  );
}
