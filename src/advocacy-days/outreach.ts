// Organizer emails: an announcement to everyone registered (or one team), and the report-back to
// the coalition's partners. Both go through the outbox.
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { keysetPage, runFanout, type Fanout, type FanoutEnv } from '../email/fanout';
import { dispatchEmails, queueEmail } from '../email/outbox';
import { MAIN_TEXT_LANG, pick } from '../lib/bilingual';
import { newId } from '../lib/tokens';
import { logEvent } from '../lib/log';
import { translator, type Lang } from '../lib/i18n';
import { formatDayTimes } from './calendar';
import type { DayReport } from './debriefs';
import { manageUrl } from './emails';
import type { AdvocacyDay, Registration } from './schema';
import { newLinkStatement } from './queries/links';
import { audiencePage, markReportSentStatement, type Audience } from './queries/outreach';
import { runBatch } from '../db/batch';

type MailEnv = FanoutEnv & Pick<Env, 'EMAIL_QUEUE'>;

/** People per page of an announcement: two statements each keep a page's batch small. */
const ANNOUNCEMENT_PAGE_SIZE = 30;

export type { Audience };

/** Reads the audience field of the email form. */
export function parseAudience(value: string): Audience | null {
  if (value === 'registered' || value === 'waitlisted') return { kind: value };
  if (value.startsWith('team:') && value.length > 5) return { kind: 'team', teamId: value.slice(5) };
  return null;
}

/** An announcement as the organizer wrote it: the main text and an optional Spanish version. */
export interface Announcement {
  subject: string;
  body: string;
  subjectEs?: string | null;
  bodyEs?: string | null;
}

/**
 * The subject and body a reader of `lang` gets: the Spanish version when its message was written
 * (its subject falls back to the main one), else the main text, never half of each.
 */
export function announcementFor(message: Announcement, lang: Lang): { subject: string; body: string } {
  const body = pick({ body: message.body, bodyEs: message.bodyEs }, 'body', lang);
  // The Spanish subject goes with the Spanish body only; when it is missing, the main subject.
  if (body.lang === MAIN_TEXT_LANG) return { subject: message.subject, body: body.text };
  return { subject: message.subjectEs?.trim() || message.subject, body: body.text };
}

/**
 * Sends an organizer's announcement to an audience, as bulk mail (List-Unsubscribe to the person's
 * own private link), a page of 30 people at a time. Each person gets their private link in the
 * text. Returns how many were queued.
 */
export async function sendAnnouncement(
  db: Db,
  env: MailEnv,
  day: AdvocacyDay,
  audience: Audience,
  message: Announcement,
  at = Date.now(),
): Promise<number> {
  const announcementId = newId();
  type Link = BatchItem<'sqlite'>;
  const fanout = {
    name: `days-announcement:${announcementId}`,
    readPage: async (after) =>
      keysetPage(
        await audiencePage(db, day.id, audience, after, ANNOUNCEMENT_PAGE_SIZE),
        after,
        ANNOUNCEMENT_PAGE_SIZE,
      ),
    outboxId: (person) => `days-announcement:${announcementId}:${person.id}`,
    memberId: (person) => person.id,
    compose: (fresh) =>
      Promise.all(
        fresh.map(async (person) => {
          const link = await newLinkStatement(db, person.id, at);
          const url = manageUrl(env, link.token);
          const shown = announcementFor(message, person.lang);
          const title = pick(day, 'title', person.lang).text;
          const text = `${shown.body}\n\n${translator(person.lang)('days.email.footer', { title, url })}`;
          const email = {
            to: person.email,
            lang: person.lang,
            personal: { subject: shown.subject, text },
            unsubscribeUrl: `${url}/one-click-unsubscribe`,
          };
          return { recipient: person, email, link: link.statement };
        }),
      ),
    storeLinks: (links) => links,
    // Handed to the email queue: the organizer's request does not wait for Resend.
    handOver: (ids) => dispatchEmails(env, ids),
  } satisfies Fanout<Registration, Link>;
  const { sent } = await runFanout(db, env, fanout, { page: 0, after: '' }, Infinity, at);
  logEvent('info', 'days.announcement_sent', { dayId: day.id, count: sent, audience: audience.kind });
  return sent;
}

/** Sends the day's report to the coalition's partner list (COALITION_EMAIL), in English. */
export async function sendReportBack(
  db: Db,
  env: MailEnv & Pick<Env, 'COALITION_EMAIL'>,
  day: AdvocacyDay,
  report: DayReport,
  at = Date.now(),
): Promise<boolean> {
  if (!env.COALITION_EMAIL) return false;
  const t = translator('en');
  const queued = queueEmail(
    db,
    env,
    {
      to: env.COALITION_EMAIL,
      lang: 'en',
      template: 'days-report-back',
      data: {
        dayTitle: day.title,
        when: formatDayTimes('en', day),
        registered: report.counts.registered,
        checkedIn: report.counts.checkedIn,
        waitlisted: report.counts.waitlisted,
        attendance: t('days.report.attendanceEmail', {
          checkedIn: report.counts.checkedIn,
          registered: report.counts.registered,
          waitlisted: report.counts.waitlisted,
        }),
        meetings: report.meetings.map((m) => ({
          label: m.label,
          debriefs: t('days.report.debriefCount', { count: m.debriefs }),
          stances: m.stances.map((s) => t(`days.stance.${s}`)).join(', '),
        })),
        commitments: report.commitments,
        followUps: report.followUps.filter((f) => !f.done),
      },
    },
    at,
  );
  await runBatch(db, [queued.statement, markReportSentStatement(db, day.id, env.COALITION_EMAIL, at)]);
  await dispatchEmails(env, [queued.id]);
  logEvent('info', 'days.report_sent', { dayId: day.id });
  return true;
}
