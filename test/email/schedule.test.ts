// Scheduled emails as organizers see them (issue 22, item 6): each reminder, debrief invitation and
// digest with when, for how many and its state, on the day's page and the outbox; and the
// development-only button that runs the jobs, pressed twice, still sends each reminder once.
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { confirmRegistration, registerForDay } from '../../src/advocacy-days/registration';
import { mayRunJobsNow } from '../../src/email/policy';
import { noEmails, scheduledSendState, type ScheduledSend } from '../../src/email/schedule';
import { DAY, HOUR } from '../../src/lib/time';
import { organizerCookie, postForm, request } from '../helpers';
import { createDay, db, outboxRows, registrationInput } from '../advocacy-days/fixtures';

let cookie: string;
beforeAll(async () => {
  cookie = await organizerCookie();
});

const found = { status: 'found' as const, state: 'ga', upperDistrict: '36', lowerDistrict: '58' };

/** The row of one scheduled send in a page, as text, and its state attribute. */
function sendRow(html: string, key: string): { state: string; text: string } | null {
  const match = new RegExp(`<tr data-send="${key}" data-state="([a-z]+)">([\\s\\S]*?)</tr>`).exec(html);
  return match ? { state: match[1]!, text: match[2]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') } : null;
}

describe('scheduledSendState', () => {
  const base: ScheduledSend = {
    key: 'k',
    label: 'days.schedule.reminder7',
    labelParams: {},
    href: null,
    dueAt: 1_000,
    closesAt: 5_000,
    held: null,
    recipients: 3,
    handled: 0,
    emails: noEmails(),
  };
  it('is scheduled before its time, due after it, done once everyone was handled', () => {
    expect(scheduledSendState(base, 500)).toBe('scheduled');
    expect(scheduledSendState(base, 1_500)).toBe('due');
    expect(scheduledSendState({ ...base, handled: 3, emails: { ...noEmails(), sent: 3 } }, 1_500)).toBe(
      'done',
    );
  });
  it('puts failures and emails on their way first, and says when the time passed unsent', () => {
    expect(
      scheduledSendState({ ...base, handled: 3, emails: { ...noEmails(), sent: 2, failed: 1 } }, 1_500),
    ).toBe('failed');
    expect(scheduledSendState({ ...base, handled: 3, emails: { ...noEmails(), pending: 3 } }, 1_500)).toBe(
      'sending',
    );
    expect(scheduledSendState(base, 6_000)).toBe('missed');
    expect(scheduledSendState({ ...base, held: 'days.schedule.heldDraft' }, 1_500)).toBe('held');
  });
});

describe('scheduled emails on the day’s page and in the outbox', () => {
  it('shows the reminders before they go, then what the hourly job sent', async () => {
    const now = Date.now();
    const day = await createDay({
      title: 'Scheduled Reminders Day',
      startsAt: now + 6 * DAY,
      endsAt: now + 6 * DAY + 8 * HOUR,
      registrationDeadline: now + 5 * DAY,
    });
    for (const email of ['sched-a@example.org', 'sched-b@example.org'])
      await registerForDay(db, env, day, registrationInput(email), 'en', found, now - 10 * DAY);

    const before = await (await request(`/admin/days/${day.id}`, { cookie })).text();
    expect(before).toContain('Scheduled emails');
    const seven = sendRow(before, `days-reminder-7:${day.id}`);
    expect(seven).toMatchObject({ state: 'due' });
    expect(seven!.text).toContain('7-day reminder: Scheduled Reminders Day');
    expect(seven!.text).toContain('2 people');
    expect(seven!.text).toContain('goes out at the next hourly run');
    expect(sendRow(before, `days-reminder-1:${day.id}`)).toMatchObject({ state: 'scheduled' });
    expect(sendRow(before, `days-debrief:${day.id}`)).toMatchObject({ state: 'scheduled' });

    // The outbox page lists the same send, with a link to the day.
    const outboxBefore = await (await request('/admin/outbox', { cookie })).text();
    expect(sendRow(outboxBefore, `days-reminder-7:${day.id}`)).toMatchObject({ state: 'due' });
    expect(outboxBefore).toContain(
      `<a href="/admin/days/${day.id}">7-day reminder: Scheduled Reminders Day</a>`,
    );

    // The Cron fires twice (Cloudflare may): each person still gets the reminder once.
    await runHourlyCron();
    await runHourlyCron();

    const reminders = (await outboxRows('days-reminder-7:')).filter((row) => row.subject.includes(day.title));
    expect(reminders).toHaveLength(2);
    const after = await (await request(`/admin/days/${day.id}`, { cookie })).text();
    const sent = sendRow(after, `days-reminder-7:${day.id}`);
    expect(['sending', 'done']).toContain(sent!.state);
    expect(sent!.text).toMatch(/2 (sent|pending|sending)/);

    const spanish = await (await request(`/admin/days/${day.id}`, { cookie, lang: 'es' })).text();
    expect(spanish).toContain('Correos programados');
    expect(sendRow(spanish, `days-reminder-7:${day.id}`)!.text).toContain('Recordatorio de 7 días');
  });

  it('holds a draft day’s reminders and says why', async () => {
    const now = Date.now();
    const day = await createDay({ status: 'draft', startsAt: now + 3 * DAY, endsAt: now + 3 * DAY + HOUR });
    const html = await (await request(`/admin/days/${day.id}`, { cookie })).text();
    const row = sendRow(html, `days-reminder-7:${day.id}`);
    expect(row).toMatchObject({ state: 'held' });
    expect(row!.text).toContain('the day is a draft');
  });

  it('lists the daily bill digest in the outbox', async () => {
    const html = await (await request('/admin/outbox', { cookie })).text();
    expect(html).toContain('Daily bill digest');
  });
});

/** Runs the hourly Cron as Cloudflare would. */
async function runHourlyCron() {
  // `scheduled()` on the Worker's own entrypoint exists with service_binding_extra_handlers (vitest.config.ts).
  const worker = exports.default as unknown as {
    scheduled(controller: ScheduledController): Promise<unknown>;
  };
  await worker.scheduled(createScheduledController({ cron: '0 * * * *', scheduledTime: Date.now() }));
}

describe('POST /admin/outbox/run-scheduled (local development only)', () => {
  it('decides from the environment and where the request comes from', () => {
    const local = new Request('http://localhost:8787/admin/outbox');
    expect(mayRunJobsNow({ ENVIRONMENT: 'development' }, local)).toBe(true);
    expect(mayRunJobsNow({ ENVIRONMENT: 'production' }, local)).toBe(false);
    expect(
      mayRunJobsNow({ ENVIRONMENT: 'development' }, new Request('https://action.example.org/admin')),
    ).toBe(false);
    const forwarded = new Request('http://127.0.0.1:8787/admin', {
      headers: { 'cf-connecting-ip': '203.0.113.9' },
    });
    expect(mayRunJobsNow({ ENVIRONMENT: 'development' }, forwarded)).toBe(false);
  });

  it('does not exist outside development', async () => {
    expect(await (await request('/admin/outbox', { cookie })).text()).not.toContain('Run scheduled jobs now');
    expect((await postForm('/admin/outbox/run-scheduled', {}, { cookie })).status).toBe(404);
  });

  it('runs the jobs in development; pressed twice, each reminder still goes out once', async () => {
    const now = Date.now();
    const day = await createDay({
      title: 'Run Jobs Now Day',
      startsAt: now + 12 * HOUR,
      endsAt: now + 20 * HOUR,
      registrationDeadline: now + 6 * HOUR,
    });
    const outcome = await registerForDay(
      db,
      env,
      day,
      registrationInput('runnow@example.org'),
      'en',
      found,
      now - 3 * DAY,
    );
    // A confirmed seat: the 5-minute job the button also runs releases seats never confirmed.
    expect(outcome.kind).toBe('registered');
    if (outcome.kind === 'registered') await confirmRegistration(db, outcome.registration.id, now - 3 * DAY);
    const app = buildApp();
    const devEnv = { ...env, ENVIRONMENT: 'development', PUBLIC_URL: 'http://localhost:8787' };
    const call = async (path: string, method = 'GET') => {
      const ctx = createExecutionContext();
      const response = await app.fetch(
        new Request(`http://localhost:8787${path}`, {
          method,
          headers: { cookie, origin: 'http://localhost:8787', accept: 'text/html' },
        }),
        devEnv,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return response;
    };
    expect(await (await call('/admin/outbox')).text()).toContain('Run scheduled jobs now');
    const first = await call('/admin/outbox/run-scheduled', 'POST');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/admin/outbox?ran=1#scheduled');
    expect((await call('/admin/outbox/run-scheduled', 'POST')).status).toBe(303);
    const reminders = (await outboxRows('days-reminder-1:')).filter((row) =>
      row.subject.includes('Run Jobs Now Day'),
    );
    expect(reminders).toHaveLength(1);
    expect(await (await call('/admin/outbox?ran=1')).text()).toContain('The scheduled jobs ran.');
  });
});
