// Checks a calendar file the way people's calendar programs read it: Mozilla's ical.js (the
// parser in Thunderbird) must accept it, and the parts RFC 5545 requires must be there. Used by
// the Workers tests and by the conformance suite (test/browser/conformance.test.ts).
import ICAL from 'ical.js';

/** What a checked calendar holds, for further assertions. */
export interface CheckedCalendar {
  events: { uid: string; summary: string; start: Date; end: Date; organizer: string | null }[];
}

/**
 * Parses `ics` with ical.js and checks RFC 5545's required parts; throws with `label` and the
 * first problem found.
 */
export function checkCalendar(ics: string, label = 'calendar'): CheckedCalendar {
  const fail = (problem: string): never => {
    throw new Error(`${label}: ${problem}`);
  };
  // RFC 5545 §3.1: lines end in CRLF and are at most 75 octets long.
  if (!ics.endsWith('\r\n')) fail('does not end with CRLF');
  for (const line of ics.slice(0, -2).split('\r\n')) {
    if (line.includes('\n') || line.includes('\r')) fail('has a bare LF or CR line ending');
    if (new TextEncoder().encode(line).length > 75) fail(`line longer than 75 octets: ${line}`);
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(ics);
  } catch (error) {
    fail(`ical.js rejects it: ${error instanceof Error ? error.message : String(error)}`);
  }
  const calendar = new ICAL.Component(parsed as unknown[]);
  if (calendar.name !== 'vcalendar') fail('is not a VCALENDAR');
  if (calendar.getFirstPropertyValue('version') !== '2.0') fail('VERSION is not 2.0');
  if (!calendar.getFirstPropertyValue('prodid')) fail('has no PRODID');
  const vevents = calendar.getAllSubcomponents('vevent');
  if (vevents.length === 0) fail('has no VEVENT');
  const events = vevents.map((vevent) => {
    for (const required of ['uid', 'dtstamp', 'dtstart'])
      if (!vevent.hasProperty(required)) fail(`VEVENT without ${required.toUpperCase()}`);
    const organizer = vevent.getFirstProperty('organizer');
    if (organizer) {
      const address = String(organizer.getFirstValue());
      if (!/^mailto:[^@\s]+@[^@\s]+$/i.test(address)) fail(`ORGANIZER is not a mailto: address: ${address}`);
    }
    const event = new ICAL.Event(vevent);
    if (event.endDate.compare(event.startDate) < 0) fail('DTEND is before DTSTART');
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      organizer: organizer ? String(organizer.getFirstValue()).replace(/^mailto:/i, 'mailto:') : null,
    };
  });
  return { events };
}
