// The debrief after the day, reached by the person's private link (/days/r/:token/debrief).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { getDb } from '../../db';
import { AppError } from '../../lib/errors';
import { readForm } from '../../web/form';
import type { MessageKey } from '../../lib/i18n';
import { debriefRefusal } from '../decisions';
import { recordDebrief } from '../debriefs';
import { getTeam } from '../queries/teams';
import { teamDisplayName } from '../teams';
import { isGathering } from '../kinds';
import { debriefSchema } from '../validation';
import { ButtonPage } from '../views/public/button-page';
import { DebriefPage } from '../views/public/debrief-page';
import { loadPrivate } from './private-link';

type DaysContext = Context<AppEnv>;
type Refusal = NonNullable<ReturnType<typeof debriefRefusal>>;

/** The title and body of the page that says why a person may not debrief (yet). */
const REFUSAL_TEXTS: Record<Refusal, { title: MessageKey; body: MessageKey }> = {
  not_started: { title: 'days.debrief.notYetTitle', body: 'days.debrief.notYetBody' },
  not_member: { title: 'days.debrief.noTeamTitle', body: 'days.debrief.noTeamBody' },
};

/**
 * A debrief link: the registration, its own team (the only one it may debrief) and, when it may not
 * debrief now, why (not on a team, or the day has not begun).
 */
async function loadDebrief(c: DaysContext) {
  const found = await loadPrivate(c);
  const { registration, day } = found;
  // Debriefs are of a day's team meetings: a gathering has no teams, so no debrief page.
  if (isGathering(day)) throw new AppError('not_found');
  if (registration.status !== 'registered') throw new AppError('invalid_link');
  const own = registration.teamId ? await getTeam(getDb(c.env), day.id, registration.teamId) : undefined;
  const team = own?.team ?? null;
  return {
    ...found,
    teams: team ? [{ id: team.id, label: teamDisplayName(c.var.lang, team) }] : [],
    refusal: debriefRefusal(day, registration, team, Date.now()),
  };
}

function renderRefusal(c: DaysContext, refusal: Refusal) {
  c.status(403);
  const { title, body } = REFUSAL_TEXTS[refusal];
  return c.render(<ButtonPage title={c.var.t(title)} body={c.var.t(body)} />, {
    title: c.var.t(title),
    noindex: true,
  });
}

/** The debrief form and its answer, mounted under /days. */
export const debriefRoutes = new Hono<AppEnv>()
  .get('/r/:token/debrief', async (c) => {
    const found = await loadDebrief(c);
    if (found.refusal) return renderRefusal(c, found.refusal);
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
    if (refusal) return renderRefusal(c, refusal);
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
  });
