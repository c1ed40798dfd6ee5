// The emails of an advocacy day, as outbox requests. Every one is in the recipient's language.
import type { EmailRequest } from '../email/outbox';
import { translator, type Lang } from '../lib/i18n';
import {
  dayIcs,
  formatDayTimes,
  formatInZone,
  googleCalendarUrl,
  icsAttachment,
  mapUrl,
  outlookCalendarUrl,
} from './calendar';
import type { AdvocacyDay, Registration, Team } from './schema';
import type { TeamRole } from './schema';
import { teamDisplayName } from './teams';
import { pick } from '../lib/bilingual';
import { localizedDay, textLines } from './texts';
import { absoluteUrl } from '../lib/urls';
import { calendarFileName, dayPath, isGathering, KIND_LABELS } from './kinds';

type UrlEnv = Pick<Env, 'PUBLIC_URL' | 'ORG_NAME' | 'MAIL_FROM'>;

/** The public page of a day (or gathering). */
export function dayUrl(env: Pick<Env, 'PUBLIC_URL'>, day: Pick<AdvocacyDay, 'kind' | 'slug'>): string {
  return absoluteUrl(env, dayPath(day));
}

/** A registration's private page for a token. */
export function manageUrl(env: Pick<Env, 'PUBLIC_URL'>, token: string): string {
  return absoluteUrl(env, `/days/r/${token}`);
}

/** The page organizers open by scanning a person's QR code: it shows the person and a check-in button. */
export function checkInUrl(env: Pick<Env, 'PUBLIC_URL'>, dayId: string, code: string): string {
  const url = new URL(absoluteUrl(env, `/admin/days/${dayId}/check-in`));
  url.searchParams.set('code', code);
  return url.toString();
}

/** The .ics of a day, built once per email. */
export function dayCalendarFile(env: UrlEnv, day: AdvocacyDay): string {
  return dayIcs(day, { url: dayUrl(env, day), orgName: env.ORG_NAME, mailFrom: env.MAIL_FROM });
}

/** The day's facts for an email, its organizer-written texts in the recipient's language. */
function dayData(env: UrlEnv, day: AdvocacyDay, lang: Lang) {
  const agenda = pick(day, 'agenda', lang);
  const whatToBring = pick(day, 'whatToBring', lang);
  return {
    dayTitle: pick(day, 'title', lang).text,
    // A gathering's emails speak of a place and an RSVP, and say nothing of teams or districts.
    gathering: isGathering(day),
    kindLabel: translator(lang)(KIND_LABELS[day.kind]),
    when: formatDayTimes(lang, day),
    placeName: day.placeName,
    address: day.address,
    mapUrl: mapUrl(`${day.placeName}, ${day.address}`),
    agenda: textLines(agenda.text),
    agendaLang: agenda.lang,
    whatToBring: whatToBring.text.trim() || null,
    whatToBringLang: whatToBring.lang,
  };
}

/** When an unconfirmed place is released, in words in the day's zone; null when there is no hold. */
function confirmBy(lang: Lang, day: AdvocacyDay, holdExpiresAt: number | null | undefined): string | null {
  return holdExpiresAt ? formatInZone(lang, holdExpiresAt, day.timeZone, 'dateTime') : null;
}

type Recipient = Pick<Registration, 'id' | 'name' | 'email' | 'lang' | 'checkInCode'>;

/** "You have a seat" (or, with `promoted`, "a seat opened for you"), with the .ics attached. */
export function seatEmail(
  env: UrlEnv,
  day: AdvocacyDay,
  person: Recipient,
  token: string,
  options: { id: string; promoted?: boolean; holdExpiresAt?: number | null },
): EmailRequest {
  const url = dayUrl(env, day);
  const shown = localizedDay(day, person.lang);
  return {
    id: options.id,
    to: person.email,
    lang: person.lang,
    template: 'days-confirmation',
    data: {
      ...dayData(env, day, person.lang),
      name: person.name,
      promoted: Boolean(options.promoted),
      confirmBy: confirmBy(person.lang, day, options.holdExpiresAt),
      checkInCode: person.checkInCode,
      manageUrl: manageUrl(env, token),
      googleUrl: googleCalendarUrl(shown, url),
      outlookUrl: outlookCalendarUrl(shown, url),
    },
    attachments: [icsAttachment(dayCalendarFile(env, shown), calendarFileName(day))],
  };
}

/** "You are on the waitlist", with the place when it is known at the time of writing. */
export function waitlistEmail(
  env: UrlEnv,
  day: AdvocacyDay,
  person: Recipient,
  token: string,
  /** The place, or a mark the same batch replaces with it (see registration.ts), or null. */
  options: { id: string; position: number | string | null; holdExpiresAt?: number | null },
): EmailRequest {
  return {
    id: options.id,
    to: person.email,
    lang: person.lang,
    template: 'days-waitlisted',
    data: {
      ...dayData(env, day, person.lang),
      name: person.name,
      position: options.position,
      confirmBy: confirmBy(person.lang, day, options.holdExpiresAt),
      manageUrl: manageUrl(env, token),
    },
  };
}

/**
 * "You are already registered": sent (instead of any answer on the page) when someone enters an
 * address that already holds a registration, with the person's status and a fresh private link.
 * Uses what the registrant stored (name, language), never what the form said.
 */
export function alreadyRegisteredEmail(
  env: UrlEnv,
  day: AdvocacyDay,
  person: Recipient & Pick<Registration, 'status'>,
  token: string,
  options: { id: string; position: number | null },
): EmailRequest {
  return {
    id: options.id,
    to: person.email,
    lang: person.lang,
    template: 'days-already-registered',
    data: {
      ...dayData(env, day, person.lang),
      name: person.name,
      registered: person.status === 'registered',
      position: person.status === 'waitlisted' ? options.position : null,
      checkInCode: person.checkInCode,
      manageUrl: manageUrl(env, token),
    },
  };
}

/** The localized name of a meeting role. */
export function roleLabel(lang: Lang, role: TeamRole | null): string | null {
  return role ? translator(lang)(`days.role.${role}`) : null;
}

/** The 7-day or 1-day reminder, with the person's team, meeting and role once assigned. */
export function reminderEmail(
  env: UrlEnv,
  day: AdvocacyDay,
  person: Recipient & Pick<Registration, 'teamRole'>,
  team: Team | null,
  token: string,
  daysBefore: 7 | 1,
): EmailRequest {
  return {
    id: `days-reminder-${daysBefore}:${person.id}`,
    to: person.email,
    lang: person.lang,
    template: 'days-reminder',
    data: {
      ...dayData(env, day, person.lang),
      name: person.name,
      tomorrow: daysBefore === 1,
      team: team
        ? {
            label: teamDisplayName(person.lang, team),
            meeting: team.meetingAt ? formatInZone(person.lang, team.meetingAt, day.timeZone, 'time') : null,
            room: team.room,
          }
        : null,
      roleLabel: roleLabel(person.lang, person.teamRole),
      checkInCode: person.checkInCode,
      manageUrl: manageUrl(env, token),
    },
  };
}

/** "How did your meeting go?" after the day, with the debrief link. */
export function debriefInviteEmail(
  env: UrlEnv,
  day: AdvocacyDay,
  person: Recipient,
  token: string,
): EmailRequest {
  return {
    id: `days-debrief:${person.id}`,
    to: person.email,
    lang: person.lang,
    template: 'days-debrief',
    data: {
      dayTitle: pick(day, 'title', person.lang).text,
      name: person.name,
      debriefUrl: absoluteUrl(env, `/days/r/${token}/debrief`),
    },
  };
}

/** The meeting record's private link, sent to each member of the team that met (never to anyone else). */
export function meetingRecordEmail(
  day: AdvocacyDay,
  person: Pick<Registration, 'id' | 'name' | 'email' | 'lang'>,
  team: Team,
  meetingId: string,
  meetingUrl: string,
): EmailRequest {
  return {
    id: `days-meeting-record:${meetingId}:${person.id}`,
    to: person.email,
    lang: person.lang,
    template: 'days-meeting-record',
    data: {
      dayTitle: pick(day, 'title', person.lang).text,
      name: person.name,
      legislator: teamDisplayName(person.lang, team),
      meetingUrl,
    },
  };
}
