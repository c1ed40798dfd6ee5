import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, DAY } from '../../src/lib/time';
import { daysLeft } from '../../src/letters/status';
import { mostUrgentFirst, type OpenAction } from '../../src/web/open-actions';
import { createDay } from '../advocacy-days/fixtures';
import { organizerCookie, postForm, request } from '../helpers';
import { createCampaign } from '../campaigns/fixtures';
import { groupByCampaign, type CampaignActionLink } from '../../src/campaigns/home-groups';
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

describe('groupByCampaign', () => {
  const campaign = (id: string) => ({ id, title: id, titleEs: null, path: `/campaigns/${id}` });
  const card = (title: string, id: string): OpenAction => ({
    kind: 'letter',
    title,
    url: `/${title}`,
    ref: { kind: 'letter', id },
  });
  const link = (campaignId: string, letterId: string): CampaignActionLink => ({
    campaign: campaign(campaignId),
    action: 'letter',
    actionRef: letterId,
  });

  it('puts the campaign of the most urgent card first, keeps the card order, and other actions last', () => {
    const cards = [card('a', '1'), card('b', '2'), card('c', '3'), card('d', '4'), card('e', '5')];
    // As the query gives them: campaigns by title.
    const links = [
      link('first', '1'),
      link('first', '3'),
      link('first', '2'),
      link('later', '2'),
      link('later', '4'),
    ];
    const groups = groupByCampaign(cards, links);
    expect(groups.map((g) => [g.campaign?.id ?? null, g.cards.map((c) => c.title)])).toEqual([
      // "b" is in both campaigns: shown once, under the first by title.
      ['first', ['a', 'b', 'c']],
      ['later', ['d']],
      [null, ['e']],
    ]);
  });
});

describe('GET / with campaigns', () => {
  it('shows open actions under their published campaign’s heading, most urgent campaign first, then other actions', async () => {
    const cookie = await organizerCookie();
    const soon = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 9 * DAY).toISOString().slice(0, 10);
    const urgent = await makeLetter({ titleEn: 'Campaign letter closing first', deadline: soon, goal: 5 });
    const second = await makeLetter({ titleEn: 'Campaign letter closing later', deadline: later, goal: 5 });
    const campaignId = await createCampaign(cookie, {
      slug: 'home-campaign',
      title: 'Home campaign',
      titleEs: 'Campaña de inicio',
    });
    for (const letter of [second, urgent])
      await postForm(
        `/admin/campaigns/${campaignId}/tactics`,
        { rung: 'press', titleEn: 'Sign', onDate: soon, status: 'planned', action: `letter:${letter.id}` },
        { cookie },
      );
    const html = await (await request('/')).text();
    const heading = html.indexOf('<a href="/campaigns/home-campaign">Home campaign</a>');
    const other = html.indexOf('Other actions');
    expect(heading).toBeGreaterThan(-1);
    expect(other).toBeGreaterThan(heading);
    const first = html.indexOf('Campaign letter closing first');
    const next = html.indexOf('Campaign letter closing later');
    // Inside the group the cards keep their urgency order, before the other actions.
    expect(first).toBeGreaterThan(heading);
    expect(next).toBeGreaterThan(first);
    expect(other).toBeGreaterThan(next);
    expect(html.indexOf('Card day closing later')).toBeGreaterThan(other);
    const spanish = await (await request('/', { lang: 'es' })).text();
    expect(spanish).toContain('<a href="/campaigns/home-campaign">Campaña de inicio</a>');
    expect(spanish).toContain('Otras acciones');
  });

  it('labels a gathering’s card with its kind', async () => {
    const vigil = await createDay({ title: 'Card vigil', capacity: 30, kind: 'vigil' });
    const html = await (await request('/')).text();
    const card = html.slice(
      html.lastIndexOf('<article', html.indexOf('Card vigil')),
      html.indexOf('Card vigil'),
    );
    expect(card).toContain('>Vigil</p>');
    const spanish = await (await request('/', { lang: 'es' })).text();
    const tarjeta = spanish.slice(
      spanish.lastIndexOf('<article', spanish.indexOf('Card vigil')),
      spanish.indexOf('Card vigil'),
    );
    expect(tarjeta).toContain('>Vigilia</p>');
    expect(vigil.slug).toBeTruthy();
  });
});
