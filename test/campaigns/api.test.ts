// Campaigns in the OSDI API: published campaigns as advocacy_campaigns, with their letters and days
// linked as petitions and events; drafts and private parts stay out.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, getJson, makeKey } from '../api/fixtures';
import { organizerCookie, postForm } from '../helpers';
import { makeLetter } from '../letters/fixtures';
import { createDay } from '../advocacy-days/fixtures';
import { SHERIFF, createCampaign, seedCampaignWorld } from './fixtures';

let key: string;
let campaignId: string;
let world: Awaited<ReturnType<typeof seedCampaignWorld>>;

beforeAll(async () => {
  const cookie = await organizerCookie();
  key = await makeKey();
  world = await seedCampaignWorld();
  campaignId = await createCampaign(cookie);
  await createCampaign(cookie, { slug: 'draft-plan', title: 'Draft plan', published: '' });
  const base = `/admin/campaigns/${campaignId}`;
  await postForm(`${base}/targets`, { officialId: SHERIFF, rank: 'primary' }, { cookie });
  // A draft letter and a draft day answer 404 to the public and the API: they must not be linked.
  const draftLetter = await makeLetter({ slug: 'api-draft-letter', status: 'draft' });
  const draftDay = await createDay({ slug: 'api-draft-day', status: 'draft' });
  for (const action of [
    `letter:${world.letter.id}`,
    `day:${world.day.id}`,
    `bill:${world.billId}`,
    `letter:${draftLetter.id}`,
    `day:${draftDay.id}`,
  ])
    await postForm(
      `${base}/tactics`,
      { rung: 'meeting', titleEn: 'Act', onDate: '2027-01-01', status: 'planned', action },
      { cookie },
    );
});

describe('GET /api/v2/advocacy_campaigns', () => {
  it('lists published campaigns only, each with its target and its public petitions and events (never drafts)', async () => {
    const body = await getJson('/advocacy_campaigns', key);
    const items = body._embedded['osdi:advocacy_campaigns'];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: 'A TRUST policy for Alder County',
      description: 'The sheriff honors ICE holds.',
      target: [{ name: 'Dana Morales' }],
      browser_url: 'https://welcome.test/campaigns/alder-trust',
    });
    expect(items[0]._links['osdi:petitions']).toEqual([
      { href: `https://welcome.test/api/v2/petitions/${world.letter.id}` },
    ]);
    expect(items[0]._links['osdi:events']).toEqual([
      { href: `https://welcome.test/api/v2/events/${world.day.id}` },
    ]);
    const entry = await getJson('/', key);
    expect(entry._links['osdi:advocacy_campaigns'].href).toBe(
      'https://welcome.test/api/v2/advocacy_campaigns',
    );
  });

  it('answers one campaign, and 404 for a draft or unknown one', async () => {
    const one = await getJson(`/advocacy_campaigns/${campaignId}`, key);
    expect(one._links.self.href).toBe(`https://welcome.test/api/v2/advocacy_campaigns/${campaignId}`);
    expect((await api('/advocacy_campaigns/no-such-campaign', key)).status).toBe(404);
  });
});
