// Organizer emails: an announcement to everyone registered (or one team), and the report-back to
// the coalition's partners. Both go through the outbox.
import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';
import { dispatchEmails, queueEmail } from '../email/outbox';
import { newId } from '../lib/tokens';
import { logEvent } from '../lib/log';
import { translator, type Lang } from '../lib/i18n';
import { formatDayTimes } from './calendar';
import type { DayReport } from './debriefs';
import { manageUrl } from './emails';
import type { AdvocacyDay } from './schema';
import { newLinkStatement } from './queries/links';
import { advocacyDays, dayRegistrations } from './schema';
import { pick } from '../lib/bilingual';
import { runBatch } from '../db/batch';

type MailEnv = Pick<Env, 'PUBLIC_URL' | 'ORG_NAME' | 'MAIL_FROM' | 'EMAIL_QUEUE'>;

/** Who an announcement goes to: everyone registered, everyone waiting, or one team. */
export type Audience = { kind: 'registered' } | { kind: 'waitlisted' } | { kind: 'team'; teamId: string };

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
  if (lang === 'es' && message.bodyEs?.trim())
    return { subject: message.subjectEs?.trim() || message.subject, body: message.bodyEs };
  return { subject: message.subject, body: message.body };
}

/**
 * Sends an organizer's announcement to an audience, as bulk mail (List-Unsubscribe to the person's
 * own private link). Each person gets their private link in the text. Returns how many were queued.
 */
export async function sendAnnouncement(
  db: Db,
  env: MailEnv,
  day: AdvocacyDay,
  audience: Audience,
  message: Announcement,
  at = Date.now(),
): Promise<number> {
  const conditions = [eq(dayRegistrations.dayId, day.id), eq(dayRegistrations.announcementsOptOut, false)];
  if (audience.kind === 'team') {
    conditions.push(eq(dayRegistrations.teamId, audience.teamId), eq(dayRegistrations.status, 'registered'));
  } else {
    conditions.push(eq(dayRegistrations.status, audience.kind));
  }
  const people = await db
    .select()
    .from(dayRegistrations)
    .where(and(...conditions));
  const batchKey = `days-announcement:${newId()}`;
  const ids: string[] = [];
  // Three statements per person; D1 batches stay well under their limits at 30 people each.
  for (let start = 0; start < people.length; start += 30) {
    const statements: BatchItem<'sqlite'>[] = [];
    for (const person of people.slice(start, start + 30)) {
      const link = await newLinkStatement(db, person.id, at);
      const url = manageUrl(env, link.token);
      const t = translator(person.lang);
      const shown = announcementFor(message, person.lang);
      const title = pick(day, 'title', person.lang).text;
      const queued = queueEmail(
        db,
        env,
        {
          to: person.email,
          lang: person.lang,
          personal: {
            subject: shown.subject,
            text: `${shown.body}\n\n${t('days.email.footer', { title, url })}`,
          },
          unsubscribeUrl: `${url}/one-click-unsubscribe`,
          batchKey,
        },
        at,
      );
      statements.push(link.statement, queued.statement);
      ids.push(queued.id);
    }
    if (statements.length) await runBatch(db, statements);
  }
  await dispatchEmails(env, ids);
  logEvent('info', 'days.announcement_sent', { dayId: day.id, count: ids.length, audience: audience.kind });
  return ids.length;
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
  await runBatch(db, [
    queued.statement,
    db
      .update(advocacyDays)
      .set({ reportSentAt: at, reportSentTo: env.COALITION_EMAIL })
      .where(eq(advocacyDays.id, day.id)),
  ]);
  await dispatchEmails(env, [queued.id]);
  logEvent('info', 'days.report_sent', { dayId: day.id });
  return true;
}
