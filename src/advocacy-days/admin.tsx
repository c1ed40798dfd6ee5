import { Hono, type Context } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { csvHeaders, csvStream, type CsvColumn } from '../lib/csv';
import { newId } from '../lib/tokens';
import { AppError } from '../lib/errors';
import { readForm, type FormErrors, type FormValues } from '../web/form';
import { zonedInputToUtc } from './calendar';
import { buildReport } from './debriefs';
import { normaliseCheckInCode } from './decisions';
import {
  checkIn,
  countRegistrations,
  recentCheckInEvents,
  undoCheckIn,
  findByCheckInCode,
  getDay,
  getTeam,
  listAllDays,
  listDebriefs,
  listRegistrations,
  listTeams,
  registrationsPage,
  type AdvocacyDay,
  type Registration,
} from './queries';
import { scheduledSendsOfDay } from './jobs';
import { notifyPromotions, promoteFromWaitlistStatement } from './registration';
import { advocacyDays, dayDebriefs, dayRegistrations, TEAM_ROLES, type TeamRole } from './schema';
import { addTeam, moveToTeam, proposeAndSaveTeams, saveTeam } from './teams';
import { parseAudience, sendAnnouncement, sendReportBack } from './outreach';
import {
  announcementSchema,
  checkInCodeSchema,
  dayFormSchema,
  districtsSchema,
  moveSchema,
  type DayFormInput,
} from './validation';
import {
  AdminDaysList,
  CheckInPage,
  DayFormPage,
  DayOverview,
  EmailPage,
  Packet,
  PacketToolbar,
  ReportPage,
  TeamsPage,
  countsLine,
  dayFormValues,
} from './views/admin';
import { runBatch } from '../db/batch';

type AdminContext = Context<AppEnv>;

async function loadDay(c: AdminContext): Promise<AdvocacyDay> {
  const day = await getDay(getDb(c.env), c.req.param('id') ?? '');
  if (!day) throw new AppError('not_found');
  return day;
}

function dayValues(input: DayFormInput) {
  return {
    slug: input.slug,
    title: input.title,
    summary: input.summary,
    startsAt: zonedInputToUtc(input.startsAt, input.timeZone),
    endsAt: zonedInputToUtc(input.endsAt, input.timeZone),
    registrationDeadline: zonedInputToUtc(input.registrationDeadline, input.timeZone),
    timeZone: input.timeZone,
    placeName: input.placeName,
    address: input.address,
    state: input.state,
    capacity: input.capacity,
    agenda: input.agenda ?? '',
    whatToBring: input.whatToBring ?? '',
    accessibility: input.accessibility ?? '',
    talkingPoints: input.talkingPoints ?? '',
    leaveBehind: input.leaveBehind ?? '',
    titleEs: input.titleEs ?? '',
    summaryEs: input.summaryEs ?? '',
    agendaEs: input.agendaEs ?? '',
    whatToBringEs: input.whatToBringEs ?? '',
    accessibilityEs: input.accessibilityEs ?? '',
    talkingPointsEs: input.talkingPointsEs ?? '',
    leaveBehindEs: input.leaveBehindEs ?? '',
    status: input.status,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const message = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
  return /UNIQUE constraint failed/i.test(message);
}

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

async function renderCheckIn(
  c: AdminContext,
  day: AdvocacyDay,
  state: {
    query?: string;
    code?: string;
    notice?: string;
    notFound?: boolean;
    results?: Registration[];
    /** Just checked in by this request: the notice offers to undo it. */
    undoable?: Registration;
  },
) {
  const db = getDb(c.env);
  const query = state.query ?? '';
  let results = state.results ?? [];
  if (!state.results && query.trim())
    results = await listRegistrations(db, day.id, { nameContains: query, limit: 30 });
  results = results.filter((r) => r.status !== 'cancelled');
  const [counts, recent] = await Promise.all([
    countRegistrations(db, day.id),
    recentCheckInEvents(db, day.id),
  ]);
  return c.render(
    <CheckInPage
      day={day}
      counts={counts}
      query={query}
      code={state.code ?? ''}
      results={results}
      recent={recent}
      notice={state.notice}
      undoable={state.undoable}
      notFound={state.notFound}
    />,
    { title: c.var.t('days.checkIn.title') },
  );
}

/** A registration of this day from a posted `registrationId`, or 404. */
async function postedRegistration(c: AdminContext, day: AdvocacyDay) {
  const body = await c.req.parseBody();
  const registrationId = typeof body.registrationId === 'string' ? body.registrationId : '';
  const query = typeof body.q === 'string' ? body.q : '';
  const [person] = await getDb(c.env)
    .select()
    .from(dayRegistrations)
    .where(and(eq(dayRegistrations.id, registrationId), eq(dayRegistrations.dayId, day.id)));
  if (!person) throw new AppError('not_found');
  return { person, query };
}

async function renderEmail(
  c: AdminContext,
  day: AdvocacyDay,
  form: { values?: FormValues; errors?: FormErrors; notice?: string } = {},
) {
  const teams = await listTeams(getDb(c.env), day.id);
  return c.render(<EmailPage day={day} teams={teams} {...form} />, { title: c.var.t('days.email.title') });
}

async function dayReport(c: AdminContext, day: AdvocacyDay) {
  const db = getDb(c.env);
  const [counts, debriefs] = await Promise.all([countRegistrations(db, day.id), listDebriefs(db, day.id)]);
  return buildReport(counts, debriefs);
}

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

/** Organizer pages of this feature, mounted under /admin (sign-in already checked). */
export const advocacyDaysAdmin = new Hono<AppEnv>()
  .get('/', async (c) => {
    const db = getDb(c.env);
    const days = await listAllDays(db);
    const withCounts = await Promise.all(
      days.map(async (day) => ({ day, counts: await countRegistrations(db, day.id) })),
    );
    return c.render(<AdminDaysList days={withCounts} />, { title: c.var.t('days.admin.title') });
  })
  .get('/new', (c) =>
    c.render(
      <DayFormPage
        action="/admin/days/new"
        values={{ status: 'draft', timeZone: 'America/New_York', capacity: '60' }}
      />,
      { title: c.var.t('days.admin.newDay') },
    ),
  )
  .post('/new', async (c) => {
    const form = await readForm(c, dayFormSchema, { botCheck: false });
    if (form.status !== 'valid') {
      c.status(422);
      return c.render(
        <DayFormPage
          action="/admin/days/new"
          values={form.values}
          errors={form.status === 'invalid' ? form.errors : undefined}
        />,
        {
          title: c.var.t('days.admin.newDay'),
        },
      );
    }
    const id = newId();
    try {
      await getDb(c.env)
        .insert(advocacyDays)
        .values({ id, ...dayValues(form.data), createdAt: Date.now() });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      c.status(422);
      return c.render(
        <DayFormPage
          action="/admin/days/new"
          values={form.values}
          errors={{ slug: { key: 'days.error.slugTaken' } }}
        />,
        {
          title: c.var.t('days.admin.newDay'),
        },
      );
    }
    return c.redirect(`/admin/days/${id}`, 303);
  })
  .get('/:id', async (c) => {
    const day = await loadDay(c);
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
    const day = await loadDay(c);
    return c.render(
      <DayFormPage day={day} action={`/admin/days/${day.id}/edit`} values={dayFormValues(day)} />,
      {
        title: c.var.t('days.admin.editDay'),
      },
    );
  })
  .post('/:id/edit', async (c) => {
    const day = await loadDay(c);
    const form = await readForm(c, dayFormSchema, { botCheck: false });
    const render = (errors?: FormErrors) => {
      c.status(422);
      return c.render(
        <DayFormPage day={day} action={`/admin/days/${day.id}/edit`} values={form.values} errors={errors} />,
        {
          title: c.var.t('days.admin.editDay'),
        },
      );
    };
    if (form.status !== 'valid') return render(form.status === 'invalid' ? form.errors : undefined);
    const db = getDb(c.env);
    try {
      // A raised capacity gives the new seats to the people waiting, in the same batch.
      await runBatch(db, [
        db.update(advocacyDays).set(dayValues(form.data)).where(eq(advocacyDays.id, day.id)),
        promoteFromWaitlistStatement(db, day.id, Date.now()),
      ]);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return render({ slug: { key: 'days.error.slugTaken' } });
    }
    const fresh = (await getDay(db, day.id))!;
    await notifyPromotions(db, c.env, fresh);
    return c.redirect(`/admin/days/${day.id}?saved=1`, 303);
  })
  .get('/:id/registrations.csv', async (c) => {
    const day = await loadDay(c);
    const db = getDb(c.env);
    const stream = csvStream<Registration, number>(csvColumns(c), async (after) => {
      const rows = await registrationsPage(db, day.id, after ?? 0, CSV_PAGE);
      return { rows, next: rows.length === CSV_PAGE ? rows[rows.length - 1]!.seq : null };
    });
    return new Response(stream, { headers: csvHeaders(`${day.slug}-registrations.csv`) });
  })
  .post('/:id/registrations/:registrationId/districts', async (c) => {
    const day = await loadDay(c);
    const form = await readForm(c, districtsSchema, { botCheck: false });
    if (form.status !== 'valid') throw new AppError('validation');
    const normalise = (v: string) => (/^\d+$/.test(v) ? String(Number(v)) : v);
    await getDb(c.env)
      .update(dayRegistrations)
      .set({
        districtStatus: 'manual',
        homeState: day.state,
        upperDistrict: normalise(form.data.upperDistrict),
        lowerDistrict: normalise(form.data.lowerDistrict),
      })
      .where(and(eq(dayRegistrations.id, c.req.param('registrationId')), eq(dayRegistrations.dayId, day.id)));
    return c.redirect(`/admin/days/${day.id}?saved=1`, 303);
  })

  // ---- Teams ---------------------------------------------------------------------------------
  .get('/:id/teams', async (c) =>
    renderTeams(c, await loadDay(c), {
      notice: c.req.query('saved') ? c.var.t('days.admin.saved') : undefined,
    }),
  )
  .post('/:id/teams/propose', async (c) => {
    const day = await loadDay(c);
    await proposeAndSaveTeams(getDb(c.env), day);
    return c.redirect(`/admin/days/${day.id}/teams?saved=1`, 303);
  })
  .post('/:id/teams/move', async (c) => {
    const day = await loadDay(c);
    const form = await readForm(c, moveSchema, { botCheck: false });
    if (form.status !== 'valid') throw new AppError('validation');
    const to = form.data.teamId === 'none' ? null : form.data.teamId;
    if (!(await moveToTeam(getDb(c.env), day.id, form.data.registrationId, to)))
      throw new AppError('not_found');
    return c.redirect(`/admin/days/${day.id}/teams?saved=1`, 303);
  })
  .post('/:id/teams/add', async (c) => {
    const day = await loadDay(c);
    const body = await c.req.parseBody();
    const chamber = body.chamber === 'upper' || body.chamber === 'lower' ? body.chamber : null;
    const district = typeof body.district === 'string' ? body.district.trim().replace(/^0+(?=\d)/, '') : '';
    if (!chamber || !/^[A-Za-z0-9-]{1,10}$/.test(district)) throw new AppError('validation');
    await addTeam(getDb(c.env), day, chamber, district);
    return c.redirect(`/admin/days/${day.id}/teams?saved=1`, 303);
  })
  .post('/:id/teams/:teamId', async (c) => {
    const day = await loadDay(c);
    const db = getDb(c.env);
    const found = await getTeam(db, day.id, c.req.param('teamId'));
    if (!found) throw new AppError('not_found');
    const body = await c.req.parseBody();
    const roles = new Map<string, TeamRole | null>();
    for (const [name, value] of Object.entries(body)) {
      if (!name.startsWith('role:') || typeof value !== 'string') continue;
      if (value !== 'member' && !(TEAM_ROLES as readonly string[]).includes(value))
        throw new AppError('validation');
      roles.set(name.slice(5), value === 'member' ? null : (value as TeamRole));
    }
    const meetingRaw = typeof body.meetingAt === 'string' ? body.meetingAt.trim() : '';
    if (meetingRaw && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(meetingRaw)) {
      c.status(422);
      return renderTeams(c, day, {
        errorTeamId: found.team.id,
        errorMessage: c.var.t('days.error.dateTime'),
      });
    }
    const room = typeof body.room === 'string' && body.room.trim() ? body.room.trim().slice(0, 120) : null;
    const check = await saveTeam(db, day.id, found.team, {
      meetingAt: meetingRaw ? zonedInputToUtc(meetingRaw, day.timeZone) : null,
      room,
      roles,
    });
    if (check.overLimit.length) {
      c.status(422);
      return renderTeams(c, day, {
        errorTeamId: found.team.id,
        errorMessage: c.var.t('days.error.roleLimit', {
          roles: check.overLimit.map((role) => c.var.t(`days.role.${role}`)).join(', '),
        }),
      });
    }
    return c.redirect(`/admin/days/${day.id}/teams?saved=1#h-${found.team.id}`, 303);
  })
  .get('/:id/teams/:teamId/packet', async (c) => {
    const day = await loadDay(c);
    const db = getDb(c.env);
    const found = await getTeam(db, day.id, c.req.param('teamId'));
    if (!found) throw new AppError('not_found');
    const members = (await listRegistrations(db, day.id, { status: 'registered' })).filter(
      (r) => r.teamId === found.team.id,
    );
    return c.render(
      <>
        <PacketToolbar day={day} />
        <Packet day={day} team={found.team} official={found.official} members={members} />
      </>,
      {
        title: c.var.t('days.admin.packet'),
        bare: true,
        noindex: true,
      },
    );
  })
  .get('/:id/packets', async (c) => {
    const day = await loadDay(c);
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
  })

  // ---- Check-in ------------------------------------------------------------------------------
  .get('/:id/check-in', async (c) => {
    const day = await loadDay(c);
    const code = normaliseCheckInCode(c.req.query('code') ?? '');
    if (code) {
      // Scanning the QR opens this page: it shows the person; the button does the check-in.
      const found = await findByCheckInCode(getDb(c.env), day.id, code);
      return renderCheckIn(c, day, { code, results: found ? [found] : [], notFound: !found });
    }
    return renderCheckIn(c, day, { query: c.req.query('q') ?? '' });
  })
  .post('/:id/check-in/code', async (c) => {
    const day = await loadDay(c);
    const form = await readForm(c, checkInCodeSchema, { botCheck: false });
    const code = form.status === 'valid' ? normaliseCheckInCode(form.data.code) : '';
    const db = getDb(c.env);
    const found = code ? await findByCheckInCode(db, day.id, code) : undefined;
    if (!found || found.status !== 'registered') {
      c.status(422);
      return renderCheckIn(c, day, { code, results: found ? [found] : [], notFound: !found });
    }
    await checkIn(db, day.id, found.id, Date.now(), c.var.organizer?.id ?? null);
    return renderCheckIn(c, day, {
      notice: c.var.t('days.checkIn.done', { name: found.name }),
      undoable: found,
    });
  })
  .post('/:id/check-in', async (c) => {
    const day = await loadDay(c);
    const { person, query } = await postedRegistration(c, day);
    await checkIn(getDb(c.env), day.id, person.id, Date.now(), c.var.organizer?.id ?? null);
    return renderCheckIn(c, day, {
      query,
      notice: c.var.t('days.checkIn.done', { name: person.name }),
      undoable: person,
    });
  })
  .post('/:id/check-in/undo', async (c) => {
    const day = await loadDay(c);
    const { person, query } = await postedRegistration(c, day);
    const undone = await undoCheckIn(
      getDb(c.env),
      day.id,
      person.id,
      Date.now(),
      c.var.organizer?.id ?? null,
    );
    return renderCheckIn(c, day, {
      query,
      notice: c.var.t(undone ? 'days.checkIn.undone' : 'days.checkIn.notCheckedIn', { name: person.name }),
    });
  })
  // The counts as JSON, polled by public/app.js so every phone at the door sees the same number.
  .get('/:id/counts', async (c) => {
    const day = await loadDay(c);
    const counts = await countRegistrations(getDb(c.env), day.id);
    c.header('Cache-Control', 'no-store');
    return c.json({
      ...counts,
      capacity: day.capacity,
      text: countsLine(c.var.t, c.var.lang, counts, day.capacity),
    });
  })

  // ---- Email, report -------------------------------------------------------------------------
  .get('/:id/email', async (c) => renderEmail(c, await loadDay(c), { values: { audience: 'registered' } }))
  .post('/:id/email', async (c) => {
    const day = await loadDay(c);
    const form = await readForm(c, announcementSchema, { botCheck: false });
    const audience = form.status === 'valid' ? parseAudience(form.data.audience) : null;
    if (form.status !== 'valid' || !audience) {
      c.status(422);
      return renderEmail(c, day, {
        values: form.values,
        errors: form.status === 'invalid' ? form.errors : { audience: { key: 'form.error.choose' } },
      });
    }
    const count = await sendAnnouncement(getDb(c.env), c.env, day, audience, form.data);
    return renderEmail(c, day, {
      values: { audience: form.data.audience },
      notice: c.var.t('days.email.sent', { count }),
    });
  })
  .get('/:id/report', async (c) => {
    const day = await loadDay(c);
    return c.render(
      <ReportPage
        day={day}
        report={await dayReport(c, day)}
        coalitionEmail={c.env.COALITION_EMAIL ?? ''}
        notice={c.req.query('sent') ? c.var.t('days.report.sentNotice') : undefined}
      />,
      { title: c.var.t('days.admin.report') },
    );
  })
  .post('/:id/report/send', async (c) => {
    const day = await loadDay(c);
    const body = await c.req.parseBody();
    if (day.reportSentAt && body.again !== '1') {
      // Already sent: nothing goes out until the organizer confirms on this page (works without JS).
      c.status(409);
      return c.render(
        <ReportPage
          day={day}
          report={await dayReport(c, day)}
          coalitionEmail={c.env.COALITION_EMAIL ?? ''}
          confirmResend
        />,
        { title: c.var.t('days.report.confirmTitle') },
      );
    }
    const sent = await sendReportBack(getDb(c.env), c.env, day, await dayReport(c, day));
    if (!sent) throw new AppError('bad_request');
    return c.redirect(`/admin/days/${day.id}/report?sent=1`, 303);
  })
  .post('/:id/debriefs/:debriefId/follow-up-done', async (c) => {
    const day = await loadDay(c);
    await getDb(c.env)
      .update(dayDebriefs)
      .set({ followUpDoneAt: Date.now() })
      .where(
        and(
          eq(dayDebriefs.id, c.req.param('debriefId')),
          eq(dayDebriefs.dayId, day.id),
          isNull(dayDebriefs.followUpDoneAt),
        ),
      );
    return c.redirect(`/admin/days/${day.id}/report`, 303);
  });
