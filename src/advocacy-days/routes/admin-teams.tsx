// Organizer pages of a day's teams: the team builder and the printable packets.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { getDb } from '../../db';
import { AppError } from '../../lib/errors';
import { readForm } from '../../web/form';
import { zonedInputToUtc } from '../calendar';
import { listRegistrations } from '../queries/registrations';
import { getTeam, listTeamMembers, listTeams } from '../queries/teams';
import type { AdvocacyDay } from '../schema';
import { addTeam, moveToTeam, proposeAndSaveTeams, saveTeam } from '../teams';
import { addTeamSchema, moveSchema, teamSchema } from '../validation';
import { Packet, PacketToolbar } from '../views/admin/packet';
import { TeamsPage } from '../views/admin/teams-page';
import { loadAdminAdvocacyDay } from './admin-day';

type AdminContext = Context<AppEnv>;

async function renderTeams(
  c: AdminContext,
  day: AdvocacyDay,
  extra: { notice?: string; errorTeamId?: string; errorMessage?: string } = {},
) {
  const db = getDb(c.env);
  const [teams, registered] = await Promise.all([
    listTeams(db, day.id),
    listRegistrations(db, day.id, { status: 'registered' }),
  ]);
  const membersOf = (teamId: string) => registered.filter((r) => r.teamId === teamId);
  const teamIds = new Set(teams.map(({ team }) => team.id));
  return c.render(
    <TeamsPage
      day={day}
      teams={teams.map(({ team, official }) => ({ team, official, members: membersOf(team.id) }))}
      unassigned={registered.filter((r) => !r.teamId || !teamIds.has(r.teamId))}
      {...extra}
    />,
    { title: c.var.t('days.admin.teams'), wide: true },
  );
}

/** The team builder again with one team's form refused (422). */
function renderTeamRefused(c: AdminContext, day: AdvocacyDay, teamId: string, errorMessage: string) {
  c.status(422);
  return renderTeams(c, day, { errorTeamId: teamId, errorMessage });
}

/** The team builder and the packets, mounted under /admin/days. */
export const adminTeamRoutes = new Hono<AppEnv>()
  .get('/:id/teams', async (c) =>
    renderTeams(c, await loadAdminAdvocacyDay(c), {
      notice: c.req.query('saved') ? c.var.t('days.admin.saved') : undefined,
    }),
  )
  .post('/:id/teams/propose', async (c) => {
    const day = await loadAdminAdvocacyDay(c);
    await proposeAndSaveTeams(getDb(c.env), day);
    return c.redirect(`/admin/days/${day.id}/teams?saved=1`, 303);
  })
  .post('/:id/teams/move', async (c) => {
    const day = await loadAdminAdvocacyDay(c);
    const form = await readForm(c, moveSchema, { botCheck: false });
    if (form.status !== 'valid') throw new AppError('validation');
    const to = form.data.teamId === 'none' ? null : form.data.teamId;
    if (!(await moveToTeam(getDb(c.env), day.id, form.data.registrationId, to)))
      throw new AppError('not_found');
    return c.redirect(`/admin/days/${day.id}/teams?saved=1`, 303);
  })
  .post('/:id/teams/add', async (c) => {
    const day = await loadAdminAdvocacyDay(c);
    const form = await readForm(c, addTeamSchema, { botCheck: false });
    if (form.status !== 'valid') throw new AppError('validation');
    await addTeam(getDb(c.env), day, form.data.chamber, form.data.district);
    return c.redirect(`/admin/days/${day.id}/teams?saved=1`, 303);
  })
  .post('/:id/teams/:teamId', async (c) => {
    const day = await loadAdminAdvocacyDay(c);
    const db = getDb(c.env);
    const found = await getTeam(db, day.id, c.req.param('teamId'));
    if (!found) throw new AppError('not_found');
    const form = await readForm(c, teamSchema, { botCheck: false });
    // A meeting time typed wrong is the organizer's to fix; a role outside the list is no form of ours.
    if (form.status === 'invalid' && Object.keys(form.errors).every((name) => name === 'meetingAt'))
      return renderTeamRefused(c, day, found.team.id, c.var.t('days.error.dateTime'));
    if (form.status !== 'valid') throw new AppError('validation');
    const { meetingAt, room, roles } = form.data;
    const check = await saveTeam(db, day.id, found.team, {
      meetingAt: meetingAt ? zonedInputToUtc(meetingAt, day.timeZone) : null,
      room,
      roles,
    });
    if (check.overLimit.length) {
      const roleNames = check.overLimit.map((role) => c.var.t(`days.role.${role}`)).join(', ');
      return renderTeamRefused(c, day, found.team.id, c.var.t('days.error.roleLimit', { roles: roleNames }));
    }
    return c.redirect(`/admin/days/${day.id}/teams?saved=1#h-${found.team.id}`, 303);
  })
  .get('/:id/teams/:teamId/packet', async (c) => {
    const day = await loadAdminAdvocacyDay(c);
    const db = getDb(c.env);
    const found = await getTeam(db, day.id, c.req.param('teamId'));
    if (!found) throw new AppError('not_found');
    const members = await listTeamMembers(db, found.team.id);
    return c.render(
      <>
        <PacketToolbar day={day} />
        <Packet day={day} team={found.team} official={found.official} members={members} />
      </>,
      { title: c.var.t('days.admin.packet'), bare: true, noindex: true },
    );
  })
  .get('/:id/packets', async (c) => {
    const day = await loadAdminAdvocacyDay(c);
    const db = getDb(c.env);
    const [teams, registered] = await Promise.all([
      listTeams(db, day.id),
      listRegistrations(db, day.id, { status: 'registered' }),
    ]);
    return c.render(
      <>
        <PacketToolbar day={day} />
        {teams.map(({ team, official }, index) => (
          <Packet
            day={day}
            team={team}
            official={official}
            members={registered.filter((r) => r.teamId === team.id)}
            pageBreak={index > 0}
          />
        ))}
      </>,
      { title: c.var.t('days.admin.allPackets'), bare: true, noindex: true },
    );
  });
