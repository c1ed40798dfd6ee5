import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { SavedNotice } from '../../../web/ui/saved-notice';
import { ScrollTable } from '../../../web/ui/admin-list';
import type { AppEnv } from '../../../env';
import { partyLabel } from '../../../officials/links';
import type { Official } from '../../../officials/schema';
import { utcToZonedInput } from '../../calendar';
import { checkRoles } from '../../decisions';
import { TEAM_ROLES, type AdvocacyDay, type Registration, type Team } from '../../schema';
import { teamDisplayName } from '../../teams';
import { dayAdminPath, DayNav, districtsText } from './parts';
import { Section } from '../../../web/ui/section';

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
    <form method="post" action={`${dayAdminPath(day)}/teams/move`} class="inline-form">
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
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <form method="post" action={`${dayAdminPath(day)}/teams/propose`}>
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
              <a href={`${dayAdminPath(day)}/teams/${team.id}/packet`}>{t('days.admin.packet')}</a>
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
            <ScrollTable
              columns={[
                t('days.field.name'),
                t('days.admin.about'),
                t('days.admin.role'),
                t('days.admin.moveTo'),
              ]}
              items={members}
              row={(member) => (
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
              )}
            />
            <form method="post" action={`${dayAdminPath(day)}/teams/${team.id}`} id={formId}>
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
      <Section id="unassigned-heading" title={t('days.admin.unassigned')}>
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
      </Section>
      <form method="post" action={`${dayAdminPath(day)}/teams/add`}>
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
