// The day in people's calendars: the .ics file (attached to the confirmation and downloadable from
// the private page) and "add to calendar" links for Google and Outlook.
import ical, { ICalCalendarMethod, ICalEventBusyStatus, ICalEventStatus } from 'ical-generator';
import type { Lang } from '../lib/i18n';

/** What a calendar entry needs to know about a day. */
export interface CalendarDay {
  id: string;
  title: string;
  summary: string;
  startsAt: number;
  endsAt: number;
  placeName: string;
  address: string;
}

/** The day's place on one line, as calendars show it. */
export function calendarLocation(day: CalendarDay): string {
  return `${day.placeName}, ${day.address}`;
}

/**
 * The iCalendar file of a day. Times are written in UTC, which every calendar converts to the
 * reader's zone; the UID is stable so a second import updates the entry instead of doubling it.
 */
export function dayIcs(
  day: CalendarDay,
  options: { url: string; orgName: string; mailFrom?: string },
): string {
  // RFC 5545 needs an address on ORGANIZER (`CN=…:mailto:…`); strict parsers (ical.js, so
  // Thunderbird) reject a name alone. Without an address the property is left out.
  const email = senderAddress(options.mailFrom ?? '');
  const calendar = ical({
    prodId: '//Welcome Table//Advocacy Days//EN',
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `advocacy-day-${day.id}@welcome-table`,
    start: new Date(day.startsAt),
    end: new Date(day.endsAt),
    summary: day.title,
    description: `${day.summary}\n\n${options.url}`,
    location: calendarLocation(day),
    url: options.url,
    status: ICalEventStatus.CONFIRMED,
    busystatus: ICalEventBusyStatus.BUSY,
    ...(email ? { organizer: { name: options.orgName || email, email } } : {}),
  });
  // RFC 5545 ends every content line, the last one too, with CRLF; the library leaves the last bare.
  return foldByOctets(`${calendar.toString().replace(/(\r\n)?$/, '')}\r\n`);
}

const utf8 = new TextEncoder();

/**
 * Folds content lines at 75 octets, as RFC 5545 §3.1 asks, without splitting a character: the
 * library folds by characters, so a line with "’" or "í" would come out longer.
 */
export function foldByOctets(ics: string): string {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      if (utf8.encode(line).length <= 75) return line;
      const parts: string[] = [];
      let current = '';
      let size = 0;
      // A continuation line starts with a space, which counts.
      let limit = 75;
      for (const char of line) {
        const octets = utf8.encode(char).length;
        if (size + octets > limit) {
          parts.push(current);
          current = '';
          size = 0;
          limit = 74;
        }
        current += char;
        size += octets;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/** The address of a sender written as `Name <address>` or `address`; '' when there is none. */
export function senderAddress(mailFrom: string): string {
  const address = (/<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  return /^[^\s@<>"]+@[^\s@<>"]+$/.test(address) ? address : '';
}

/** The .ics as an email attachment (base64 of its UTF-8 bytes). */
export function icsAttachment(ics: string, filename = 'advocacy-day.ics') {
  const bytes = new TextEncoder().encode(ics);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { filename, content: btoa(binary), contentType: 'text/calendar; charset=utf-8' };
}

function compactUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Google Calendar's "create event" link for a day. */
export function googleCalendarUrl(day: CalendarDay, detailsUrl: string): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', day.title);
  url.searchParams.set('dates', `${compactUtc(day.startsAt)}/${compactUtc(day.endsAt)}`);
  url.searchParams.set('details', `${day.summary}\n\n${detailsUrl}`);
  url.searchParams.set('location', calendarLocation(day));
  return url.toString();
}

/** Outlook.com's "new event" link for a day. */
export function outlookCalendarUrl(day: CalendarDay, detailsUrl: string): string {
  const url = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  url.searchParams.set('path', '/calendar/action/compose');
  url.searchParams.set('rru', 'addevent');
  url.searchParams.set('subject', day.title);
  url.searchParams.set('startdt', new Date(day.startsAt).toISOString());
  url.searchParams.set('enddt', new Date(day.endsAt).toISOString());
  url.searchParams.set('body', `${day.summary}\n\n${detailsUrl}`);
  url.searchParams.set('location', calendarLocation(day));
  return url.toString();
}

/** The locale each language formats dates in. */
const DATE_LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-US' };

/** A date (and optionally time) in the day's own zone, in the person's language. */
export function formatInZone(
  lang: Lang,
  ms: number,
  timeZone: string,
  style: 'date' | 'time' | 'dateTime' = 'dateTime',
): string {
  return dateTimeFormat(`${lang} ${style} ${timeZone}`, () => ({
    locale: DATE_LOCALES[lang],
    options: {
      ...(style !== 'time' ? { dateStyle: 'full' } : {}),
      ...(style !== 'date' ? { timeStyle: 'short' } : {}),
      timeZone,
    },
  })).format(new Date(ms));
}

// Intl formatters are costly to make: one per language, style and zone, kept by the isolate.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(
  key: string,
  spec: () => { locale: string; options: Intl.DateTimeFormatOptions },
): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    const { locale, options } = spec();
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** "Friday, February 12, 2027, 8:30 AM – 4:00 PM" in the day's zone. */
export function formatDayTimes(
  lang: Lang,
  day: { startsAt: number; endsAt: number; timeZone: string },
): string {
  return `${formatInZone(lang, day.startsAt, day.timeZone, 'date')}, ${formatInZone(lang, day.startsAt, day.timeZone, 'time')} – ${formatInZone(lang, day.endsAt, day.timeZone, 'time')}`;
}

/** A map link for the day's address (OpenStreetMap: no tracking, no key). */
export function mapUrl(address: string): string {
  const url = new URL('https://www.openstreetmap.org/search');
  url.searchParams.set('query', address);
  return url.toString();
}

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = dateTimeFormat(`offset ${timeZone}`, () => ({
    locale: 'en-US',
    options: {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    },
  })).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** "2027-02-10T08:30" as a wall-clock time in `timeZone`, to epoch ms (daylight saving included). */
export function zonedInputToUtc(local: string, timeZone: string): number {
  const [date = '', time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const naive = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  const first = naive - zoneOffsetMs(naive, timeZone);
  // A second pass settles times near a daylight-saving change.
  return naive - zoneOffsetMs(first, timeZone);
}

/** Epoch ms as the value of a datetime-local input in `timeZone`. */
export function utcToZonedInput(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16);
}
