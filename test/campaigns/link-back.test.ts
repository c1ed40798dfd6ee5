// A letter's, day's and bill's pages name the published campaigns whose tactics use them.
import { beforeAll, describe, expect, it } from 'vitest';
import { organizerCookie, postForm, request } from '../helpers';
import { createDay } from '../advocacy-days/fixtures';
import { createCampaign, seedCampaignWorld } from './fixtures';

let world: Awaited<ReturnType<typeof seedCampaignWorld>>;
let vigil: Awaited<ReturnType<typeof createDay>>;

beforeAll(async () => {
  const cookie = await organizerCookie();
  world = await seedCampaignWorld();
  vigil = await createDay({ slug: 'trust-vigil', status: 'published', title: 'TRUST vigil', kind: 'vigil' });
  const published = await createCampaign(cookie);
  const hidden = await createCampaign(cookie, { slug: 'secret-plan', title: 'Secret plan', published: '' });
  for (const id of [published, hidden])
    for (const action of [
      `letter:${world.letter.id}`,
      `day:${world.day.id}`,
      `bill:${world.billId}`,
      `day:${vigil.id}`,
    ])
      await postForm(
        `/admin/campaigns/${id}/tactics`,
        { rung: 'meeting', titleEn: 'Act', onDate: '2027-01-01', status: 'planned', action },
        { cookie },
      );
});

describe('the pages of a campaign’s actions', () => {
  for (const [name, path] of [
    ['letter', '/letters/trust-letter'],
    ['day', '/days/trust-day'],
    ['bill', '/bills/ga/sb-54'],
    ['gathering', '/gatherings/trust-vigil'],
  ] as const) {
    it(`link the ${name} back to its published campaign only, in English and Spanish`, async () => {
      const html = await (await request(path)).text();
      expect(html).toContain(
        'Part of the campaign <a href="/campaigns/alder-trust">A TRUST policy for Alder County</a>',
      );
      expect(html).not.toContain('Secret plan');
      const spanish = await (await request(path, { lang: 'es' })).text();
      expect(spanish).toContain(
        'Parte de la campaña <a href="/campaigns/alder-trust">Una política TRUST para el condado de Alder</a>',
      );
    });
  }
});
