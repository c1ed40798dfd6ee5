import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, DAY } from '../../src/lib/time';
import { daysLeft } from '../../src/letters/status';
import { mostUrgentFirst, type OpenAction } from '../../src/web/open-actions';
import { createDay } from '../advocacy-days/fixtures';
import { request } from '../helpers';
import { makeLetter } from '../letters/fixtures';

const NOW = Date.parse('2027-01-10T15:00:00Z');

function action(title: string, times: Pick<OpenAction, 'closesAt' | 'movedAt'>): OpenAction {
  return { kind: 'letter', title, url: `/${title}`, ...times };
}

describe('mostUrgentFirst', () => {
  it('puts the nearest deadline or newest movement first, past deadlines and undated actions last', () => {
    const ordered = mostUrgentFirst(
      [
        action('no dates', {}),
        action('closes in 20 days', { closesAt: NOW + 20 * DAY }),
        action('moved 3 days ago', { movedAt: NOW - 3 * DAY }),
        action('closes tomorrow', { closesAt: NOW + DAY }),
        action('moved 30 days ago', { movedAt: NOW - 30 * DAY }),
        action('closed yesterday', { closesAt: NOW - DAY }),
      ],
      NOW,
    );
    expect(ordered.map((a) => a.title)).toEqual([
      'closes tomorrow',
      'moved 3 days ago',
      'closes in 20 days',
      'moved 30 days ago',
      'no dates',
      'closed yesterday',
    ]);
  });

  it('keeps the given order between equally urgent actions', () => {
    const same = [action('first', { closesAt: NOW + DAY }), action('second', { closesAt: NOW + DAY })];
    expect(mostUrgentFirst(same, NOW).map((a) => a.title)).toEqual(['first', 'second']);
  });
});

describe('days left', () => {
  it('counts calendar days to a deadline: 0 on its last day, never negative, none without one', () => {
    expect(calendarDaysBetween(NOW, '2027-01-22')).toBe(12);
    expect(calendarDaysBetween('2027-01-22', NOW)).toBe(-12);
    expect(daysLeft('2027-01-22', NOW)).toBe(12);
    expect(daysLeft('2027-01-10', NOW)).toBe(0);
    expect(daysLeft('2027-01-01', NOW)).toBe(0);
    expect(daysLeft(null, NOW)).toBeNull();
  });
});

describe('GET /', () => {
  it('shows a card per open action with its live status and one button, most urgent first', async () => {
    const deadline = new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10);
    const letter = await makeLetter({ titleEn: 'Card letter closing soon', deadline, goal: 40 });
    const day = await createDay({ title: 'Card day closing later', capacity: 12 });
    const html = await (await request('/')).text();
    const letterAt = html.indexOf('Card letter closing soon');
    const dayAt = html.indexOf('Card day closing later');
    expect(letterAt).toBeGreaterThan(-1);
    expect(dayAt).toBeGreaterThan(letterAt);
    const letterCard = html.slice(letterAt, dayAt);
    expect(letterCard).toContain('0 signed of a goal of 40 · 5 days left');
    expect(letterCard).toContain(`href="/letters/${letter.slug}" class="button-link"`);
    expect(letterCard).toContain('>Sign the letter</a>');
    const dayCard = html.slice(dayAt, html.indexOf('</article>', dayAt));
    expect(dayCard).toContain('12 of 12 seats left.');
    expect(dayCard).toContain(`href="/days/${day.slug}" class="button-link"`);
    expect(dayCard).toContain('>Register</a>');
  });

  it('says the same in Spanish', async () => {
    const deadline = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    await makeLetter({ titleEs: 'Carta de tarjeta', deadline, goal: 10 });
    const html = await (await request('/', { lang: 'es' })).text();
    const card = html.slice(html.indexOf('Carta de tarjeta'));
    expect(card).toContain('0 firmas de una meta de 10 · Quedan 3 días');
    expect(card).toContain('>Firmar la carta</a>');
    expect(html).toContain('Carta de líderes religiosos');
  });
});
