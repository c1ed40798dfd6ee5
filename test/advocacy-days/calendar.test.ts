import { describe, expect, it } from 'vitest';
import { renderSVG } from 'uqr';
import {
  dayIcs,
  googleCalendarUrl,
  icsAttachment,
  outlookCalendarUrl,
  senderAddress,
} from '../../src/advocacy-days/calendar';
import { checkCalendar } from '../checks/ical';

const day = {
  id: 'day-1',
  title: 'Georgia Faith Advocacy Day',
  summary: 'Meet your legislators, with neighbors of faith.',
  startsAt: Date.UTC(2027, 1, 10, 13, 30),
  endsAt: Date.UTC(2027, 1, 10, 21, 0),
  placeName: 'Georgia State Capitol',
  address: '206 Washington St SW, Atlanta, GA 30334',
};

describe('dayIcs', () => {
  it('writes one event with the day in UTC, the place, a stable UID and the link', () => {
    const ics = dayIcs(day, { url: 'https://welcome.test/days/ga', orgName: 'Welcome Table Coalition' });
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('BEGIN:VCALENDAR');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(unfolded).toContain('DTSTART:20270210T133000Z');
    expect(unfolded).toContain('DTEND:20270210T210000Z');
    expect(unfolded).toContain('SUMMARY:Georgia Faith Advocacy Day');
    expect(unfolded).toContain('UID:advocacy-day-day-1@welcome-table');
    expect(unfolded).toContain(
      'LOCATION:Georgia State Capitol\\, 206 Washington St SW\\, Atlanta\\, GA 30334',
    );
    expect(unfolded).toMatch(/^URL(;VALUE=URI)?:https:\/\/welcome\.test\/days\/ga\r$/m);
  });

  it('becomes a base64 text/calendar attachment that decodes back', () => {
    const ics = dayIcs(
      { ...day, title: 'Día de acción en el Capitolio' },
      { url: 'https://welcome.test/', orgName: 'X' },
    );
    const attachment = icsAttachment(ics);
    expect(attachment.contentType).toContain('text/calendar');
    const bytes = Uint8Array.from(atob(attachment.content), (ch) => ch.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(ics);
  });
});

describe('dayIcs in a strict parser (ical.js)', () => {
  const options = { url: 'https://welcome.test/days/ga', orgName: 'Welcome Table Coalition' };

  it('names the organizer with the sender address, as RFC 5545 needs', () => {
    const ics = dayIcs(day, { ...options, mailFrom: 'Welcome Table <no-reply@example.org>' });
    expect(ics.replace(/\r\n[ \t]/g, '')).toMatch(
      /^ORGANIZER;CN="?Welcome Table Coalition"?:mailto:no-reply@example.org\r$/im,
    );
    const { events } = checkCalendar(ics);
    expect(events).toEqual([
      {
        uid: 'advocacy-day-day-1@welcome-table',
        summary: day.title,
        start: new Date(day.startsAt),
        end: new Date(day.endsAt),
        organizer: 'mailto:no-reply@example.org',
      },
    ]);
  });

  it('leaves ORGANIZER out when there is no sender address, and still parses', () => {
    for (const mailFrom of [undefined, '', 'Welcome Table']) {
      const ics = dayIcs({ ...day, title: 'Día; de, acción\\ "Capitolio"' }, { ...options, mailFrom });
      expect(ics).not.toContain('ORGANIZER');
      expect(checkCalendar(ics).events[0]!.summary).toBe('Día; de, acción\\ "Capitolio"');
    }
  });

  it('folds long lines at 75 octets without splitting a character (RFC 5545 §3.1)', () => {
    const summary = 'Acompañe a líderes de fe de todo el estado y a sus legisladores’ '.repeat(6);
    const ics = dayIcs({ ...day, summary }, { ...options, mailFrom: 'x@example.org' });
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // checkCalendar also refuses longer lines; the text survives the folding whole.
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(summary.trim());
    expect(checkCalendar(ics).events).toHaveLength(1);
  });

  it('reads the address of a sender', () => {
    expect(senderAddress('Welcome Table <no-reply@example.org>')).toBe('no-reply@example.org');
    expect(senderAddress('no-reply@example.org')).toBe('no-reply@example.org');
    expect(senderAddress('Welcome Table')).toBe('');
    expect(senderAddress('')).toBe('');
  });
});

describe('add-to-calendar links', () => {
  it('carry the title and UTC times', () => {
    const google = new URL(googleCalendarUrl(day, 'https://welcome.test/days/ga'));
    expect(google.searchParams.get('dates')).toBe('20270210T133000Z/20270210T210000Z');
    expect(google.searchParams.get('text')).toBe(day.title);
    const outlook = new URL(outlookCalendarUrl(day, 'https://welcome.test/days/ga'));
    expect(outlook.searchParams.get('startdt')).toBe('2027-02-10T13:30:00.000Z');
  });
});

describe('uqr inside workerd', () => {
  it('renders a check-in QR as SVG', () => {
    const svg = renderSVG('https://welcome.test/admin/days/x/check-in?code=ABC234');
    expect(svg).toMatch(/^<svg/);
  });
});
