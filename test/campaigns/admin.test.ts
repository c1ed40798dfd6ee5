// Organizer pages of campaigns: the campaign, each part of its chart, the ladder warning, and
// refusals that change nothing.
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  campaignGoals,
  campaignTactics,
  campaignTargets,
  campaigns,
  type Campaign,
} from '../../src/campaigns/schema';
import { organizerCookie, postForm, request } from '../helpers';
import { SHERIFF, campaignFields, db, seedCampaignWorld } from './fixtures';

let cookie: string;
let world: Awaited<ReturnType<typeof seedCampaignWorld>>;
let campaign: Campaign;

beforeAll(async () => {
  cookie = await organizerCookie();
  world = await seedCampaignWorld();
});

const tacticsOf = (id: string) => db.select().from(campaignTactics).where(eq(campaignTactics.campaignId, id));
const campaignCount = async () => (await db.select({ n: count() }).from(campaigns))[0]!.n;

describe('POST /admin/campaigns/new', () => {
  it('creates a campaign and lists it', async () => {
    const response = await postForm('/admin/campaigns/new', campaignFields(), { cookie });
    expect(response.status).toBe(303);
    campaign = (await db.select().from(campaigns).where(eq(campaigns.slug, 'alder-trust')))[0]!;
    expect(campaign).toMatchObject({ published: true, considerations: 'Twelve volunteers, no budget.' });
    expect(campaign.publicParts).toEqual(['issue', 'goals', 'targets', 'actions', 'progress']);
    expect(response.headers.get('location')).toBe(`/admin/campaigns/${campaign.id}?notice=saved`);
    const list = await (await request('/admin/campaigns', { cookie })).text();
    expect(list).toContain('A TRUST policy for Alder County');
    expect(list).toContain('/campaigns/alder-trust');
    expect(list).toContain('0 tactics, 0 planned');
  });

  it('refuses a bad address and a missing title with each field named, in Spanish too, and adds nothing', async () => {
    const before = await campaignCount();
    const response = await postForm(
      '/admin/campaigns/new',
      campaignFields({ slug: 'Alder TRUST!', title: ' ' }),
      { cookie, lang: 'es' },
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('href="#field-slug"');
    expect(html).toContain('href="#field-title"');
    expect(html).toContain('Use letras minúsculas, números y guiones sencillos');
    const taken = await postForm('/admin/campaigns/new', campaignFields(), { cookie });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('Another campaign already uses this web address.');
    expect(await campaignCount()).toBe(before);
  });

  it('saves the campaign form again, keeping its address when it is its own', async () => {
    const response = await postForm(
      `/admin/campaigns/${campaign.id}/edit`,
      campaignFields({ winnableEn: 'Three commissioners agree.' }),
      { cookie },
    );
    expect(response.status).toBe(303);
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row!.winnableEn).toBe('Three commissioners agree.');
  });
});

describe('the parts of a campaign', () => {
  const base = () => `/admin/campaigns/${campaign.id}`;

  it('adds goals, a target from the directory, an ally and a press item', async () => {
    for (const [part, fields] of [
      ['goals', { horizon: 'long', textEn: 'The county adopts a TRUST policy', status: 'in_progress' }],
      [
        'goals',
        { horizon: 'short', textEn: 'The sheriff meets us', textEs: 'El alguacil se reúne', status: 'won' },
      ],
      ['targets', { officialId: SHERIFF, rank: 'primary' }],
      [
        'parties',
        { side: 'ally', name: 'Alder Immigrant Rights Coalition', outreachPlan: 'Call their director' },
      ],
      ['communications', { kind: 'press', textEn: 'Faith leaders ask for TRUST', onDate: '2027-03-01' }],
    ] as const) {
      const response = await postForm(`${base()}/${part}`, fields, { cookie });
      expect(response.status, part).toBe(303);
    }
    const html = await (await request(base(), { cookie })).text();
    expect(html).toContain('The county adopts a TRUST policy');
    expect(html).toContain('Dana Morales');
    expect(html).toContain('Alder Immigrant Rights Coalition');
    expect(html).toContain('Faith leaders ask for TRUST');
    const spanish = await (await request(base(), { cookie, lang: 'es' })).text();
    expect(spanish).toContain('El alguacil se reúne');
    expect(spanish).toContain('Blanco principal');
  });

  it('warns, without refusing, when a vigil is planned before any meeting, and stops once a meeting happened', async () => {
    const vigil = await postForm(
      `${base()}/tactics`,
      {
        rung: 'vigil_rally',
        titleEn: 'Vigil at the jail',
        onDate: '2027-04-02',
        status: 'planned',
        action: 'none',
      },
      { cookie },
    );
    expect(vigil.status).toBe(303);
    const warned = await (await request(base(), { cookie })).text();
    expect(warned).toContain('“Vigil at the jail” (Vigil or rally, ');
    expect(warned).toContain('comes before any meeting with decision makers.');
    expect(warned).toMatch(/data-warning="yes"/);
    const spanish = await (await request(base(), { cookie, lang: 'es' })).text();
    expect(spanish).toContain('va antes de cualquier reunión con quienes deciden.');

    const [goal] = await db
      .select()
      .from(campaignGoals)
      .where(eq(campaignGoals.textEn, 'The sheriff meets us'));
    const meeting = await postForm(
      `${base()}/tactics`,
      {
        rung: 'meeting',
        titleEn: 'Meet the sheriff',
        onDate: '2027-03-10',
        status: 'done',
        goalId: goal!.id,
        action: 'meeting_requests',
      },
      { cookie },
    );
    expect(meeting.status).toBe(303);
    const calm = await (await request(base(), { cookie })).text();
    expect(calm).toContain('The tactics follow the ladder.');
    expect(calm).not.toMatch(/data-warning="yes"/);
  });

  it('links a tactic to a letter, a day or a bill, and edits it', async () => {
    const added = await postForm(
      `${base()}/tactics`,
      {
        rung: 'press',
        titleEn: 'Letter to the editor',
        onDate: '2027-05-01',
        status: 'planned',
        action: `letter:${world.letter.id}`,
      },
      { cookie },
    );
    expect(added.status).toBe(303);
    const tactic = (await tacticsOf(campaign.id)).find((row) => row.titleEn === 'Letter to the editor')!;
    expect(tactic).toMatchObject({ action: 'letter', actionRef: world.letter.id });
    const editPage = await request(`${base()}/tactics/edit?item=${tactic.id}`, { cookie });
    expect(editPage.status).toBe(200);
    expect(await editPage.text()).toContain('value="Letter to the editor"');
    const saved = await postForm(
      `${base()}/tactics/edit?item=${tactic.id}`,
      {
        rung: 'press',
        titleEn: 'Op-ed by the bishop',
        onDate: '2027-05-01',
        status: 'planned',
        action: `bill:${world.billId}`,
      },
      { cookie },
    );
    expect(saved.status).toBe(303);
    const [row] = await db.select().from(campaignTactics).where(eq(campaignTactics.id, tactic.id));
    expect(row).toMatchObject({ titleEn: 'Op-ed by the bishop', action: 'bill', actionRef: world.billId });
    expect(row!.createdAt).toBe(tactic.createdAt);
    const html = await (await request(base(), { cookie })).text();
    expect(html).toContain('href="/bills/ga/sb-54"');
    const list = await (await request('/admin/campaigns', { cookie })).text();
    expect(list).toContain('3 tactics, 2 planned');
  });

  it('refuses a tactic with a bad date, a letter that does not exist or another campaign’s goal, changing nothing', async () => {
    const before = (await tacticsOf(campaign.id)).length;
    const badDate = await postForm(
      `${base()}/tactics`,
      { rung: 'meeting', titleEn: 'Meet', onDate: 'next week', status: 'planned', action: 'none' },
      { cookie, lang: 'es' },
    );
    expect(badDate.status).toBe(422);
    const html = await badDate.text();
    expect(html).toContain('href="#field-onDate"');
    expect(html).toContain('<h1>Agregar una táctica</h1>');
    expect(html).toContain('value="Meet"');
    const noLetter = await postForm(
      `${base()}/tactics`,
      {
        rung: 'meeting',
        titleEn: 'Meet',
        onDate: '2027-01-01',
        status: 'planned',
        action: 'letter:no-such-letter',
      },
      { cookie },
    );
    expect(noLetter.status).toBe(422);
    expect(await noLetter.text()).toContain('Choose a letter, day or bill that exists.');
    const strangeGoal = await postForm(
      `${base()}/tactics`,
      {
        rung: 'meeting',
        titleEn: 'Meet',
        onDate: '2027-01-01',
        status: 'planned',
        goalId: 'x',
        action: 'none',
      },
      { cookie },
    );
    expect(strangeGoal.status).toBe(422);
    expect(await strangeGoal.text()).toContain('Choose one of this campaign’s goals.');
    expect((await tacticsOf(campaign.id)).length).toBe(before);
  });

  it('refuses a press item without its date and a target outside the directory', async () => {
    const press = await postForm(
      `${base()}/communications`,
      { kind: 'op_ed', textEn: 'Why TRUST' },
      { cookie },
    );
    expect(press.status).toBe(422);
    expect(await press.text()).toContain('Press and op-ed items need their date.');
    const stranger = await postForm(
      `${base()}/targets`,
      { officialId: 'ocd-person/nobody', rank: 'primary' },
      { cookie },
    );
    expect(stranger.status).toBe(422);
    expect(await stranger.text()).toContain('Choose an official from the directory.');
    expect(
      await db.select().from(campaignTargets).where(eq(campaignTargets.campaignId, campaign.id)),
    ).toHaveLength(1);
  });

  it('changes a target’s rank and removes it (official ids hold a slash, so they travel in the query)', async () => {
    const edit = await postForm(
      `${base()}/targets/edit?item=${encodeURIComponent(SHERIFF)}`,
      { officialId: SHERIFF, rank: 'secondary' },
      { cookie },
    );
    expect(edit.status).toBe(303);
    const [target] = await db
      .select()
      .from(campaignTargets)
      .where(eq(campaignTargets.campaignId, campaign.id));
    expect(target!.rank).toBe('secondary');
    const removed = await postForm(`${base()}/targets/remove`, { item: SHERIFF }, { cookie });
    expect(removed.status).toBe(303);
    expect(
      await db.select().from(campaignTargets).where(eq(campaignTargets.campaignId, campaign.id)),
    ).toHaveLength(0);
    const again = await postForm(`${base()}/targets/remove`, { item: SHERIFF }, { cookie });
    expect(again.status).toBe(404);
    await postForm(`${base()}/targets`, { officialId: SHERIFF, rank: 'primary' }, { cookie });
  });

  it('lets a viewer read the campaign but change nothing', async () => {
    const viewer = await organizerCookie('viewer@campaigns.example.org', 'viewer');
    expect((await request(base(), { cookie: viewer })).status).toBe(200);
    const refused = await postForm(
      `${base()}/goals`,
      { horizon: 'short', textEn: 'x', status: 'won' },
      { cookie: viewer },
    );
    expect(refused.status).toBe(403);
  });
});
