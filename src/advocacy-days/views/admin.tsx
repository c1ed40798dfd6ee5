import type { Child } from 'hono/jsx';
import { partyLabel, titleLabel } from '../../officials/links';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { ScheduledSend } from '../../email/schedule';
import { ScheduledSendsTable } from '../../email/views/schedule';
import type { Official } from '../../officials/schema';
import {
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../web/form';
import { formatDate, formatNumber, type Lang, type Translate } from '../../lib/i18n';
import { LinkBar } from '../../web/nav';
import { formatDayTimes, formatInZone, utcToZonedInput } from '../calendar';
import { checkRoles } from '../decisions';
import type { DayReport } from '../debriefs';
import type { AdvocacyDay, CheckInEvent, DayCounts, Registration, Team } from '../queries';
import { TEAM_ROLES } from '../schema';
import { teamDisplayName } from '../teams';
import { dayText, langAttribute, type LocalizedText } from '../texts';

function base(day: Pick<AdvocacyDay, 'id'>): string {
  return `/admin/days/${day.id}`;
}

/** The links between a day's organizer pages. */
function DayNav(props: { day: AdvocacyDay }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const b = base(props.day);
  return (
    <LinkBar
      label={t('days.admin.dayNav')}
      links={[
        { href: b, label: t('days.admin.overview') },
        { href: `${b}/teams`, label: t('days.admin.teams') },
        { href: `${b}/check-in`, label: t('days.admin.checkIn') },
        { href: `${b}/email`, label: t('days.admin.email') },
        { href: `${b}/report`, label: t('days.admin.report') },
        { href: `${b}/edit`, label: t('common.edit') },
      ]}
    />
  );
}

/** The one line of a day's counts, on pages and in the live update (GET /admin/days/:id/counts). */
export function countsLine(t: Translate, lang: Lang, counts: DayCounts, capacity: number): string {
  const n = (value: number) => formatNumber(lang, value);
  return t('days.admin.counts', {
    registered: n(counts.registered),
    capacity: n(capacity),
    checkedIn: n(counts.checkedIn),
    waitlisted: n(counts.waitlisted),
  });
}

/**
 * Counts of a day. With `liveFrom`, public/app.js refreshes them from that URL every few seconds,
 * so a second phone at the door sees the first one's check-ins without reloading.
 */
export function Counts(props: { counts: DayCounts; capacity: number; liveFrom?: string }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <p class="notice" role="status" aria-live="polite" data-live-counts={props.liveFrom}>
      {countsLine(t, lang, props.counts, props.capacity)}
    </p>
  );
}

/** The organizer list of days. */
export function AdminDaysList(props: { days: { day: AdvocacyDay; counts: DayCounts }[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('days.admin.title')}</h1>
      <p>
        <a href="/admin/days/new" role="button">
          {t('days.admin.newDay')}
        </a>
      </p>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('days.admin.day')}</th>
              <th scope="col">{t('days.page.when')}</th>
              <th scope="col">{t('days.admin.status')}</th>
              <th scope="col">{t('days.admin.registeredCol')}</th>
              <th scope="col">{t('days.admin.waitlistedCol')}</th>
            </tr>
          </thead>
          <tbody>
            {props.days.map(({ day, counts }) => (
              <tr>
                <td>
                  <a href={base(day)}>{day.title}</a>
                  {day.isDemo ? <span class="demo-label"> · {t('common.demo')}</span> : null}
                </td>
                <td>{formatInZone(lang, day.startsAt, day.timeZone, 'date')}</td>
                <td>{t(`days.admin.status.${day.status}`)}</td>
                <td>
                  {formatNumber(lang, counts.registered)} / {formatNumber(lang, day.capacity)}
                </td>
                <td>{formatNumber(lang, counts.waitlisted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const DAY_FIELDS = [
  'slug',
  'title',
  'summary',
  'startsAt',
  'endsAt',
  'registrationDeadline',
  'timeZone',
  'placeName',
  'address',
  'state',
  'capacity',
  'agenda',
  'whatToBring',
  'accessibility',
  'talkingPoints',
  'leaveBehind',
  'status',
  'titleEs',
  'summaryEs',
  'agendaEs',
  'whatToBringEs',
  'accessibilityEs',
  'talkingPointsEs',
  'leaveBehindEs',
] as const;

/** The values of the day form for an existing day. */
export function dayFormValues(day: AdvocacyDay): FormValues {
  return {
    slug: day.slug,
    title: day.title,
    summary: day.summary,
    startsAt: utcToZonedInput(day.startsAt, day.timeZone),
    endsAt: utcToZonedInput(day.endsAt, day.timeZone),
    registrationDeadline: utcToZonedInput(day.registrationDeadline, day.timeZone),
    timeZone: day.timeZone,
    placeName: day.placeName,
    address: day.address,
    state: day.state.toUpperCase(),
    capacity: String(day.capacity),
    agenda: day.agenda,
    whatToBring: day.whatToBring,
    accessibility: day.accessibility,
    talkingPoints: day.talkingPoints,
    leaveBehind: day.leaveBehind,
    titleEs: day.titleEs,
    summaryEs: day.summaryEs,
    agendaEs: day.agendaEs,
    whatToBringEs: day.whatToBringEs,
    accessibilityEs: day.accessibilityEs,
    talkingPointsEs: day.talkingPointsEs,
    leaveBehindEs: day.leaveBehindEs,
    status: day.status,
  };
}

/** Create or edit a day. */
export function DayFormPage(props: {
  day?: AdvocacyDay;
  action: string;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = Object.fromEntries(DAY_FIELDS.map((name) => [name, t(`days.dayField.${name}`)]));
  const common = { values: props.values, errors: props.errors };
  const spanish = { hint: t('days.dayHint.spanish'), ...common };
  return (
    <>
      {props.day ? <DayNav day={props.day} /> : null}
      <h1>{props.day ? t('days.admin.editDay') : t('days.admin.newDay')}</h1>
      <form method="post" action={props.action} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <TextField name="title" label={labels.title!} required maxlength={160} {...common} />
        <TextField name="titleEs" label={labels.titleEs!} maxlength={160} {...spanish} />
        <TextField
          name="slug"
          label={labels.slug!}
          hint={t('days.dayHint.slug')}
          required
          maxlength={80}
          {...common}
        />
        <TextArea name="summary" label={labels.summary!} required rows={3} {...common} />
        <TextArea name="summaryEs" label={labels.summaryEs!} rows={3} {...spanish} />
        <SelectField
          name="status"
          label={labels.status!}
          required
          options={[
            ['draft', t('days.admin.status.draft')],
            ['published', t('days.admin.status.published')],
          ]}
          {...common}
        />
        <TextField name="startsAt" type="datetime-local" label={labels.startsAt!} required {...common} />
        <TextField name="endsAt" type="datetime-local" label={labels.endsAt!} required {...common} />
        <TextField
          name="registrationDeadline"
          type="datetime-local"
          label={labels.registrationDeadline!}
          required
          {...common}
        />
        <SelectField
          name="timeZone"
          label={labels.timeZone!}
          required
          options={[
            ['America/New_York', 'Eastern'],
            ['America/Chicago', 'Central'],
            ['America/Denver', 'Mountain'],
            ['America/Phoenix', 'Arizona'],
            ['America/Los_Angeles', 'Pacific'],
          ]}
          {...common}
        />
        <TextField name="placeName" label={labels.placeName!} required maxlength={160} {...common} />
        <TextField name="address" label={labels.address!} required maxlength={300} {...common} />
        <TextField
          name="state"
          label={labels.state!}
          hint={t('days.dayHint.state')}
          required
          maxlength={2}
          {...common}
        />
        <TextField
          name="capacity"
          type="number"
          inputmode="numeric"
          label={labels.capacity!}
          required
          {...common}
        />
        <TextArea name="agenda" label={labels.agenda!} hint={t('days.dayHint.agenda')} rows={5} {...common} />
        <TextArea name="agendaEs" label={labels.agendaEs!} rows={5} {...spanish} />
        <TextArea name="whatToBring" label={labels.whatToBring!} rows={2} {...common} />
        <TextArea name="whatToBringEs" label={labels.whatToBringEs!} rows={2} {...spanish} />
        <TextArea name="accessibility" label={labels.accessibility!} rows={3} {...common} />
        <TextArea name="accessibilityEs" label={labels.accessibilityEs!} rows={3} {...spanish} />
        <TextArea
          name="talkingPoints"
          label={labels.talkingPoints!}
          hint={t('days.dayHint.packet')}
          rows={8}
          {...common}
        />
        <TextArea name="talkingPointsEs" label={labels.talkingPointsEs!} rows={8} {...spanish} />
        <TextArea
          name="leaveBehind"
          label={labels.leaveBehind!}
          hint={t('days.dayHint.packet')}
          rows={8}
          {...common}
        />
        <TextArea name="leaveBehindEs" label={labels.leaveBehindEs!} rows={8} {...spanish} />
        <button type="submit">{t('common.save')}</button>
      </form>
    </>
  );
}

function districtsText(
  t: ReturnType<typeof useRequestContext<AppEnv>>['var']['t'],
  reg: Registration,
): string {
  if (reg.districtStatus === 'pending') return t('days.admin.districtsPending');
  return t('days.admin.districts', { upper: reg.upperDistrict ?? '–', lower: reg.lowerDistrict ?? '–' });
}

/** A day's overview: counts, links, registrations and districts to set by hand. */
export function DayOverview(props: {
  day: AdvocacyDay;
  counts: DayCounts;
  registrations: Registration[];
  teams: Map<string, Team>;
  scheduled: ScheduledSend[];
  now: number;
  notice?: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  const pending = props.registrations.filter(
    (r) => r.status !== 'cancelled' && r.districtStatus === 'pending',
  );
  return (
    <>
      <DayNav day={day} />
      <hgroup>
        <h1>{day.title}</h1>
        <p>
          {formatDayTimes(lang, day)} · {day.placeName} ·{' '}
          <a href={`/days/${day.slug}`}>{t('days.admin.publicPage')}</a>
        </p>
      </hgroup>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <Counts counts={props.counts} capacity={day.capacity} />
      <p>
        <a href={`${base(day)}/registrations.csv`}>{t('common.downloadCsv')}</a> ·{' '}
        <a href={`${base(day)}/packets`}>{t('days.admin.allPackets')}</a>
      </p>
      <section aria-labelledby="scheduled-heading">
        <h2 id="scheduled-heading">{t('days.schedule.heading')}</h2>
        <p>
          {t('days.schedule.intro')} <a href="/admin/outbox#scheduled">{t('days.schedule.outboxLink')}</a>
        </p>
        <ScheduledSendsTable sends={props.scheduled} now={props.now} />
      </section>
      {pending.length ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">{t('days.admin.pendingTitle')}</h2>
          <p>{t('days.admin.pendingIntro')}</p>
          {pending.map((reg) => (
            <form method="post" action={`${base(day)}/registrations/${reg.id}/districts`} class="inline-form">
              <fieldset class="grid">
                <legend>
                  {reg.name} {reg.address ? `· ${reg.address}` : ''}
                </legend>
                <label>
                  {t('days.admin.upperDistrict')}
                  <input name="upperDistrict" required maxlength={10} inputmode="numeric" />
                </label>
                <label>
                  {t('days.admin.lowerDistrict')}
                  <input name="lowerDistrict" required maxlength={10} inputmode="numeric" />
                </label>
                <button type="submit">{t('common.save')}</button>
              </fieldset>
            </form>
          ))}
        </section>
      ) : null}
      <h2>{t('days.admin.registrations')}</h2>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('days.field.name')}</th>
              <th scope="col">{t('days.admin.status')}</th>
              <th scope="col">{t('days.admin.districtsCol')}</th>
              <th scope="col">{t('days.admin.team')}</th>
              <th scope="col">{t('days.admin.needs')}</th>
            </tr>
          </thead>
          <tbody>
            {props.registrations.map((reg) => {
              const team = reg.teamId ? props.teams.get(reg.teamId) : undefined;
              return (
                <tr>
                  <td>{reg.seq}</td>
                  <td>
                    {reg.name}
                    {reg.faithRole === 'clergy' ? ` (${t('days.faithRole.clergy')})` : ''}
                  </td>
                  <td>
                    {t(`days.status.${reg.status}`)}
                    {reg.checkedInAt ? ` · ${t('days.admin.checkedIn')}` : ''}
                  </td>
                  <td>{districtsText(t, reg)}</td>
                  <td>
                    {team ? teamDisplayName(lang, team) : '–'}
                    {reg.teamRole ? ` · ${t(`days.role.${reg.teamRole}`)}` : ''}
                  </td>
                  <td>
                    {[
                      reg.needsInterpretation ? t('days.admin.interpretation') : '',
                      reg.accessibilityNeeds ?? '',
                      reg.dietaryNeeds ?? '',
                      reg.ride === 'needs' ? t('days.ride.needs') : '',
                      reg.ride === 'offers' ? t('days.admin.offersSeats', { seats: reg.rideSeats ?? 0 }) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One member row of the team builder. */
interface MemberRow {
  registration: Registration;
}

/** The team builder: propose, move people, roles, meeting time and room per team. */
export function TeamsPage(props: {
  day: AdvocacyDay;
  teams: { team: Team; official: Official | null; members: Registration[] }[];
  unassigned: Registration[];
  notice?: string;
  errorTeamId?: string;
  errorMessage?: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  const teamOptions = props.teams.map(({ team }) => [team.id, teamDisplayName(lang, team)] as const);
  const MoveForm = (row: MemberRow) => (
    <form method="post" action={`${base(day)}/teams/move`} class="inline-form">
      <input type="hidden" name="registrationId" value={row.registration.id} />
      <label>
        <span class="visually-hidden">{t('days.admin.moveLabel', { name: row.registration.name })}</span>
        <select name="teamId">
          <option value="none">{t('days.admin.noTeam')}</option>
          {teamOptions.map(([id, label]) => (
            <option value={id} selected={id === row.registration.teamId}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">
        {t('days.admin.move')}
      </button>
    </form>
  );
  return (
    <>
      <DayNav day={day} />
      <h1>{t('days.admin.teamsTitle', { title: day.title })}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <form method="post" action={`${base(day)}/teams/propose`}>
        <p>{props.teams.length ? t('days.admin.reproposeIntro') : t('days.admin.proposeIntro')}</p>
        <button type="submit">{t('days.admin.propose')}</button>
      </form>
      <p>{t('days.admin.rolesIntro')}</p>
      {props.teams.map(({ team, official, members }) => {
        const check = checkRoles(members.map((m) => m.teamRole));
        const formId = `team-form-${team.id}`;
        return (
          <section aria-labelledby={`h-${team.id}`} class="team">
            <h2 id={`h-${team.id}`}>
              {teamDisplayName(lang, team)}
              {official?.party ? ` (${partyLabel(t, official.party)})` : ''}
            </h2>
            <p>
              <a href={`${base(day)}/teams/${team.id}/packet`}>{t('days.admin.packet')}</a>
            </p>
            {props.errorTeamId === team.id && props.errorMessage ? (
              <div class="error-summary" role="alert" tabindex={-1}>
                <p>{props.errorMessage}</p>
              </div>
            ) : null}
            {check.missing.length ? (
              <p class="hint">
                {t('days.admin.missingRoles', {
                  roles: check.missing.map((role) => t(`days.role.${role}`)).join(', '),
                })}
              </p>
            ) : null}
            <div class="table-wrap" tabindex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('days.field.name')}</th>
                    <th scope="col">{t('days.admin.about')}</th>
                    <th scope="col">{t('days.admin.role')}</th>
                    <th scope="col">{t('days.admin.moveTo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((member) => (
                    <tr>
                      <td>{member.name}</td>
                      <td>
                        {[
                          t(`days.faithRole.${member.faithRole}`),
                          member.firstTime ? t('days.admin.firstTime') : '',
                          member.willingToShareStory ? t('days.admin.story') : '',
                          member.upperDistrict || member.lowerDistrict
                            ? t('days.admin.districts', {
                                upper: member.upperDistrict ?? '–',
                                lower: member.lowerDistrict ?? '–',
                              })
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </td>
                      <td>
                        <label>
                          <span class="visually-hidden">{t('days.admin.roleOf', { name: member.name })}</span>
                          <select name={`role:${member.id}`} form={formId}>
                            <option value="member">{t('days.role.member')}</option>
                            {TEAM_ROLES.map((role) => (
                              <option value={role} selected={member.teamRole === role}>
                                {t(`days.role.${role}`)}
                              </option>
                            ))}
                          </select>
                        </label>
                      </td>
                      <td>
                        <MoveForm registration={member} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <form method="post" action={`${base(day)}/teams/${team.id}`} id={formId}>
              <div class="grid">
                {/* One form per team on the page: ids carry the team so each label finds its input. */}
                <label for={`meeting-${team.id}`}>
                  {t('days.admin.meetingAt')}
                  <input
                    id={`meeting-${team.id}`}
                    name="meetingAt"
                    type="datetime-local"
                    value={team.meetingAt ? utcToZonedInput(team.meetingAt, day.timeZone) : ''}
                  />
                </label>
                <label for={`room-${team.id}`}>
                  {t('days.admin.room')}
                  <input id={`room-${team.id}`} name="room" value={team.room ?? ''} maxlength={120} />
                </label>
              </div>
              <button type="submit">{t('days.admin.saveTeam')}</button>
            </form>
          </section>
        );
      })}
      <section aria-labelledby="unassigned-heading">
        <h2 id="unassigned-heading">{t('days.admin.unassigned')}</h2>
        {props.unassigned.length === 0 ? <p>{t('days.admin.nobodyUnassigned')}</p> : null}
        <ul>
          {props.unassigned.map((reg) => (
            <li>
              {reg.name} · {districtsText(t, reg)}
              {reg.homeState && reg.homeState !== day.state
                ? ` · ${t('days.admin.otherState', { state: reg.homeState.toUpperCase() })}`
                : ''}
              <MoveForm registration={reg} />
            </li>
          ))}
        </ul>
      </section>
      <form method="post" action={`${base(day)}/teams/add`}>
        <fieldset class="grid">
          <legend>{t('days.admin.addTeam')}</legend>
          <label>
            {t('days.admin.chamber')}
            <select name="chamber">
              <option value="upper">{t('days.team.upper')}</option>
              <option value="lower">{t('days.team.lower')}</option>
            </select>
          </label>
          <label>
            {t('days.admin.district')}
            <input name="district" required maxlength={10} inputmode="numeric" />
          </label>
          <button type="submit" class="secondary">
            {t('days.admin.addTeamButton')}
          </button>
        </fieldset>
      </form>
    </>
  );
}

function paragraphs(text: string): Child[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => <p>{p}</p>);
}

function PacketText(props: { text: LocalizedText }): Child {
  const { lang } = useRequestContext<AppEnv>().var;
  if (!props.text.text.trim()) return <p>–</p>;
  return <div lang={langAttribute(props.text, lang)}>{paragraphs(props.text.text)}</div>;
}

/** The bar above printable packets: back to the teams, and a print button (shown by app.js). */
export function PacketToolbar(props: { day: AdvocacyDay }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <p class="no-print">
      <a href={`${base(props.day)}/teams`}>{t('days.admin.teams')}</a>{' '}
      <button type="button" data-print hidden>
        {t('common.print')}
      </button>
    </p>
  );
}

/** One team's printable packet (organizer-only: it carries phone numbers). */
export function Packet(props: {
  day: AdvocacyDay;
  team: Team;
  official: Official | null;
  members: Registration[];
  pageBreak?: boolean;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day, team, official } = props;
  const offices = official?.offices ?? [];
  return (
    <article class={props.pageBreak ? 'packet page-break' : 'packet'}>
      <h1>{teamDisplayName(lang, team)}</h1>
      <p>
        <strong>{dayText(day, 'title', lang).text}</strong> · {formatDayTimes(lang, day)}
      </p>
      <p>
        {t('days.packet.meeting')}:{' '}
        {team.meetingAt ? formatInZone(lang, team.meetingAt, day.timeZone, 'time') : t('days.packet.tbd')}
        {' · '}
        {t('days.packet.place')}: {team.room ?? t('days.packet.tbd')}, {day.placeName}
      </p>
      <h2>{t('days.packet.legislator')}</h2>
      {official ? (
        <ul>
          <li>
            {titleLabel(t, official.title)} {official.name}
            {official.party ? ` (${partyLabel(t, official.party)})` : ''}
          </li>
          {official.email ? <li>{official.email}</li> : null}
          {offices.map((office) => (
            <li>
              {office.classification}: {[office.address, office.voice].filter(Boolean).join(' · ')}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('days.packet.notInDirectory')}</p>
      )}
      <h2>{t('days.packet.roster')}</h2>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('days.field.name')}</th>
              <th scope="col">{t('days.admin.role')}</th>
              <th scope="col">{t('days.field.phone')}</th>
              <th scope="col">{t('days.field.congregation')}</th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((member) => (
              <tr>
                <td>{member.name}</td>
                <td>{member.teamRole ? t(`days.role.${member.teamRole}`) : t('days.role.member')}</td>
                <td>{member.phone ?? '–'}</td>
                <td>{member.congregation ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('days.packet.roles')}</h2>
      <ul>
        {TEAM_ROLES.map((role) => (
          <li>
            <strong>{t(`days.role.${role}`)}:</strong> {t(`days.roleHelp.${role}`)}
          </li>
        ))}
      </ul>
      {/* In the language the packet is printed in (switch the site to Spanish for a Spanish packet). */}
      <h2>{t('days.packet.talkingPoints')}</h2>
      <PacketText text={dayText(day, 'talkingPoints', lang)} />
      <h2>{t('days.packet.leaveBehind')}</h2>
      <PacketText text={dayText(day, 'leaveBehind', lang)} />
    </article>
  );
}

/** The undo button of one person's check-in. */
function UndoCheckIn(props: {
  day: AdvocacyDay;
  registration: Pick<Registration, 'id' | 'name'>;
  query?: string;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <form method="post" action={`${base(props.day)}/check-in/undo`} class="inline-form">
      <input type="hidden" name="registrationId" value={props.registration.id} />
      <input type="hidden" name="q" value={props.query ?? ''} />
      <button type="submit" class="secondary outline">
        {t('days.checkIn.undo', { name: props.registration.name })}
      </button>
    </form>
  );
}

/** The check-in page for phones: live counts, a code form, a name search, one button per person. */
export function CheckInPage(props: {
  day: AdvocacyDay;
  counts: DayCounts;
  query: string;
  code: string;
  results: Registration[];
  recent: CheckInEvent[];
  notice?: string;
  undoable?: Registration;
  notFound?: boolean;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  return (
    <>
      <DayNav day={day} />
      <h1>{t('days.checkIn.title')}</h1>
      <Counts counts={props.counts} capacity={day.capacity} liveFrom={`${base(day)}/counts`} />
      {props.notice ? (
        <div class="notice" role="status">
          <p>{props.notice}</p>
          {props.undoable ? (
            <UndoCheckIn day={day} registration={props.undoable} query={props.query} />
          ) : null}
        </div>
      ) : null}
      {props.notFound ? (
        <p class="field-error" role="alert">
          {t('days.checkIn.notFound')}
        </p>
      ) : null}
      <form method="post" action={`${base(day)}/check-in/code`}>
        <TextField
          name="code"
          label={t('days.checkIn.code')}
          hint={t('days.checkIn.codeHint')}
          autocomplete="off"
          maxlength={20}
          value={props.code}
        />
        <button type="submit">{t('days.checkIn.codeButton')}</button>
      </form>
      <form method="get" action={`${base(day)}/check-in`} role="search">
        <TextField
          name="q"
          type="search"
          label={t('days.checkIn.search')}
          value={props.query}
          maxlength={80}
        />
        <button type="submit" class="secondary">
          {t('common.search')}
        </button>
      </form>
      <ul class="check-in-list">
        {props.results.map((reg) => (
          <li>
            <strong>{reg.name}</strong>
            {reg.congregation ? ` · ${reg.congregation}` : ''} · {t(`days.status.${reg.status}`)}
            {reg.status === 'registered' ? (
              reg.checkedInAt ? (
                <>
                  <p>✓ {t('days.admin.checkedIn')}</p>
                  <UndoCheckIn day={day} registration={reg} query={props.query} />
                </>
              ) : (
                <form method="post" action={`${base(day)}/check-in`}>
                  <input type="hidden" name="registrationId" value={reg.id} />
                  <input type="hidden" name="q" value={props.query} />
                  <button type="submit">{t('days.checkIn.button', { name: reg.name })}</button>
                </form>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {props.recent.length ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('days.checkIn.recent')}</h2>
          <ul>
            {props.recent.map((event) => (
              <li>
                {formatInZone(lang, event.at, day.timeZone, 'time')} ·{' '}
                {t(event.action === 'undo' ? 'days.checkIn.eventUndo' : 'days.checkIn.eventCheckIn', {
                  name: event.name,
                })}
                {event.organizerName ? ` · ${t('days.checkIn.by', { name: event.organizerName })}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The email to all registrants or one team. */
export function EmailPage(props: {
  day: AdvocacyDay;
  teams: { team: Team }[];
  values?: FormValues;
  errors?: FormErrors;
  notice?: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const labels = {
    audience: t('days.email.audience'),
    subject: t('days.email.subject'),
    body: t('days.email.body'),
    subjectEs: t('days.email.subjectEs'),
    bodyEs: t('days.email.bodyEs'),
  };
  return (
    <>
      <DayNav day={props.day} />
      <h1>{t('days.email.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <form method="post" action={`${base(props.day)}/email`} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <SelectField
          name="audience"
          label={labels.audience}
          required
          options={[
            ['registered', t('days.email.allRegistered')],
            ['waitlisted', t('days.email.allWaitlisted')],
            ...props.teams.map(
              ({ team }) =>
                [`team:${team.id}`, t('days.email.team', { team: teamDisplayName(lang, team) })] as const,
            ),
          ]}
          values={props.values}
          errors={props.errors}
        />
        <TextField
          name="subject"
          label={labels.subject}
          required
          maxlength={160}
          values={props.values}
          errors={props.errors}
        />
        <TextArea
          name="body"
          label={labels.body}
          hint={t('days.email.bodyHint')}
          required
          rows={10}
          values={props.values}
          errors={props.errors}
        />
        <TextField
          name="subjectEs"
          label={labels.subjectEs}
          maxlength={160}
          values={props.values}
          errors={props.errors}
        />
        <TextArea
          name="bodyEs"
          label={labels.bodyEs}
          hint={t('days.email.bodyEsHint')}
          rows={10}
          values={props.values}
          errors={props.errors}
        />
        <button type="submit">{t('common.send')}</button>
      </form>
    </>
  );
}

/** The report: attendance, meetings per legislator, commitments, follow-ups due, report-back button. */
export function ReportPage(props: {
  day: AdvocacyDay;
  report: DayReport;
  coalitionEmail: string;
  notice?: string;
  /** The organizer pressed "send" on a report already sent: ask before sending it again. */
  confirmResend?: boolean;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day, report } = props;
  const n = (value: number) => formatNumber(lang, value);
  return (
    <>
      <DayNav day={day} />
      <h1>{t('days.report.title', { title: day.title })}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <h2>{t('days.report.attendance')}</h2>
      <p>
        {t('days.report.attendanceLine', {
          checkedIn: n(report.counts.checkedIn),
          registered: n(report.counts.registered),
          waitlisted: n(report.counts.waitlisted),
          cancelled: n(report.counts.cancelled),
        })}
      </p>
      <h2>{t('days.report.meetings')}</h2>
      {report.meetings.length === 0 ? <p>{t('days.report.noDebriefs')}</p> : null}
      <ul>
        {report.meetings.map((meeting) => (
          <li>
            {meeting.label}: {t('days.report.debriefCount', { count: n(meeting.debriefs) })} ·{' '}
            {meeting.stances.map((stance) => t(`days.stance.${stance}`)).join(', ')}
          </li>
        ))}
      </ul>
      <h2>{t('days.report.commitments')}</h2>
      {report.commitments.length === 0 ? <p>{t('common.none')}</p> : null}
      <ul>
        {report.commitments.map((item) => (
          <li>
            <strong>{item.label}:</strong> {item.text}
          </li>
        ))}
      </ul>
      <h2>{t('days.report.followUps')}</h2>
      {report.followUps.length === 0 ? <p>{t('common.none')}</p> : null}
      <ul>
        {report.followUps.map((item) => (
          <li>
            <strong>{item.label}:</strong> {item.text}{' '}
            {item.done ? (
              <span class="badge">{t('days.report.done')}</span>
            ) : (
              <form
                method="post"
                action={`${base(day)}/debriefs/${item.id}/follow-up-done`}
                class="inline-form"
              >
                <button type="submit" class="secondary">
                  {t('days.report.markDone')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <ReportSendForm day={day} coalitionEmail={props.coalitionEmail} confirmResend={props.confirmResend} />
    </>
  );
}

/** "Sent on … to …", and the send button; a second send needs an explicit confirmation. */
function ReportSendForm(props: { day: AdvocacyDay; coalitionEmail: string; confirmResend?: boolean }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  const action = `${base(day)}/report/send`;
  const sentLine = day.reportSentAt
    ? t('days.report.sentOnTo', {
        date: formatInZone(lang, day.reportSentAt, day.timeZone),
        email: day.reportSentTo ?? props.coalitionEmail,
      })
    : null;
  if (props.confirmResend && day.reportSentAt) {
    return (
      <section aria-labelledby="confirm-heading" class="confirm-box" id="send">
        <h2 id="confirm-heading">{t('days.report.confirmTitle')}</h2>
        <p role="alert">{sentLine}</p>
        <p>{t('days.report.confirmQuestion', { email: props.coalitionEmail })}</p>
        <form method="post" action={action}>
          <input type="hidden" name="again" value="1" />
          <button type="submit">{t('days.report.sendAgain')}</button>{' '}
          <a href={`${base(day)}/report`} role="button" class="secondary">
            {t('common.cancel')}
          </a>
        </form>
      </section>
    );
  }
  return (
    <form method="post" action={action} id="send">
      <p>
        {props.coalitionEmail
          ? t('days.report.sendIntro', { email: props.coalitionEmail })
          : t('days.report.noCoalitionEmail')}
      </p>
      {sentLine ? (
        <p class="notice">
          <strong>{sentLine}</strong>
        </p>
      ) : null}
      <button type="submit" disabled={!props.coalitionEmail}>
        {t(day.reportSentAt ? 'days.report.sendAgainAsk' : 'days.report.send')}
      </button>
    </form>
  );
}
