// The public campaign page: only what organizers chose to show, never allies, opponents,
// considerations or the power map; open actions soonest first; progress; the campaign subscription.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { billSubscriptions } from '../../src/bills/schema';
import { addPowerMapEntry } from '../../src/officials/queries';
import { addSignature, makeLetter } from '../letters/fixtures';
import { organizerCookie, postForm, request } from '../helpers';
import { SHERIFF, createCampaign, db, recordHeldMeeting, seedCampaignWorld } from './fixtures';

let cookie: string;
let campaignId: string;
let world: Awaited<ReturnType<typeof seedCampaignWorld>>;

beforeAll(async () => {
  cookie = await organizerCookie();
  world = await seedCampaignWorld();
  const draft = await makeLetter({ slug: 'draft-letter', status: 'draft', titleEn: 'Not ready yet' });
  campaignId = await createCampaign(cookie);
  const base = `/admin/campaigns/${campaignId}`;
  const post = (part: string, fields: Record<string, string>) =>
    postForm(`${base}/${part}`, fields, { cookie });
  await post('goals', { horizon: 'long', textEn: 'The county adopts TRUST', status: 'in_progress' });
  await post('targets', { officialId: SHERIFF, rank: 'primary' });
  await post('parties', { side: 'opponent', name: 'Deputies Association', note: 'Secret opposition note' });
  await post('tactics', {
    rung: 'press',
    titleEn: 'Sign on',
    onDate: '2027-03-01',
    status: 'planned',
    action: `letter:${world.letter.id}`,
  });
  await post('tactics', {
    rung: 'meeting',
    titleEn: 'Ask for meetings',
    onDate: '2027-02-01',
    status: 'planned',
    action: 'meeting_requests',
  });
  await post('tactics', {
    rung: 'meeting',
    titleEn: 'Hidden draft',
    onDate: '2027-01-01',
    status: 'planned',
    action: `letter:${draft.id}`,
  });
  await post('tactics', {
    rung: 'meeting',
    titleEn: 'Past day',
    onDate: '2027-01-02',
    status: 'done',
    action: `day:${world.day.id}`,
  });
  await post('tactics', {
    rung: 'meeting',
    titleEn: 'Stop SB 54',
    onDate: '2027-04-01',
    status: 'planned',
    action: `bill:${world.billId}`,
  });
  await addPowerMapEntry(
    db,
    {
      officialId: SHERIFF,
      stance: 'opposed',
      notedOn: '2027-01-01',
      note: 'Private power-map note',
      organizerId: null,
    },
    Date.now(),
  );
  await recordHeldMeeting(SHERIFF, '2027-01-12', ['Review the policy', 'Meet again in March']);
  await addSignature(world.letter.id);
});

describe('GET /campaigns/:slug', () => {
  it('shows the chosen parts and the open actions soonest first', async () => {
    const response = await request('/campaigns/alder-trust');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('A TRUST policy for Alder County');
    expect(html).toContain('The sheriff honors ICE holds.');
    expect(html).toContain('The county adopts TRUST');
    expect(html).toContain('href="/officials/ocd-person/sheriff-alder"');
    const actions = html.slice(
      html.indexOf('id="campaign-actions"'),
      html.indexOf('</section>', html.indexOf('id="campaign-actions"')),
    );
    const links = [...actions.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([
      '/meetings/new?official=ocd-person%2Fsheriff-alder',
      '/letters/trust-letter',
      '/bills/ga/sb-54',
    ]);
    expect(html).not.toContain('Not ready yet');
  });

  it('shows progress from the records: signatures, registrations, meetings held, commitments', async () => {
    const html = await (await request('/campaigns/alder-trust')).text();
    expect(html).toContain('1 signature on our letters');
    expect(html).toContain('0 people registered for our days');
    expect(html).toContain('1 meeting held with decision makers');
    expect(html).toContain('2 commitments made by decision makers');
  });

  it('never shows allies, opponents, considerations or the power map, nor parts left private', async () => {
    const html = await (await request('/campaigns/alder-trust')).text();
    for (const secret of [
      'Deputies Association',
      'Secret opposition note',
      'Twelve volunteers',
      'Private power-map note',
      'Opposed',
    ])
      expect(html).not.toContain(secret);
    // "Why it is winnable" was not chosen.
    expect(html).not.toContain('Two commissioners already agree.');
  });

  it('offers a subscription to the campaign itself, stored by the bill-alert subscription machinery', async () => {
    const html = await (await request('/campaigns/alder-trust')).text();
    expect(html).toContain('action="/campaigns/alder-trust/subscribe"');
    const response = await postForm(
      '/campaigns/alder-trust/subscribe',
      { email: 'follower@example.org', lang: 'es' },
      { headers: { 'cf-connecting-ip': '203.0.113.77' } },
    );
    expect(response.status).toBe(303);
    const [row] = await db
      .select()
      .from(billSubscriptions)
      .where(eq(billSubscriptions.email, 'follower@example.org'));
    expect(row).toMatchObject({ campaignId, billId: null, status: 'pending', lang: 'es' });
  });

  it('is in Spanish for a Spanish reader', async () => {
    const html = await (await request('/campaigns/alder-trust', { lang: 'es' })).text();
    expect(html).toContain('Una política TRUST para el condado de Alder');
    expect(html).toContain('Lo que puede hacer ahora');
    expect(html).toContain('Pida una reunión a Dana Morales');
    expect(html).toContain('1 reunión con quienes deciden');
  });

  it('is not found until published, and for an unknown address', async () => {
    await postForm(
      `/admin/campaigns/${campaignId}/edit`,
      { slug: 'alder-trust', title: 'A TRUST policy for Alder County' },
      { cookie },
    );
    expect((await request('/campaigns/alder-trust')).status).toBe(404);
    expect((await request('/campaigns/no-such-campaign')).status).toBe(404);
  });
});
