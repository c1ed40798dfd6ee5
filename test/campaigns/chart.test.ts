// The printable strategy chart: five columns filled from the records, targets with their
// commitments and power map, and a timeline derived from what the features recorded.
import { beforeAll, describe, expect, it } from 'vitest';
import { billMovements } from '../../src/bills/schema';
import { addSignature } from '../letters/fixtures';
import { organizerCookie, postForm, request } from '../helpers';
import { SHERIFF, createCampaign, db, recordHeldMeeting, seedCampaignWorld } from './fixtures';

let cookie: string;
let campaignId: string;

beforeAll(async () => {
  cookie = await organizerCookie();
  const world = await seedCampaignWorld();
  campaignId = await createCampaign(cookie);
  const base = `/admin/campaigns/${campaignId}`;
  await postForm(
    `${base}/goals`,
    {
      horizon: 'long',
      textEn: 'The county adopts TRUST',
      textEs: 'El condado adopta TRUST',
      status: 'in_progress',
    },
    { cookie },
  );
  await postForm(`${base}/targets`, { officialId: SHERIFF, rank: 'primary' }, { cookie });
  await postForm(
    `${base}/parties`,
    { side: 'opponent', name: 'County Deputies Association', note: 'Fears lawsuits' },
    { cookie },
  );
  await postForm(
    `${base}/tactics`,
    {
      rung: 'meeting',
      titleEn: 'Meet the sheriff',
      onDate: '2027-01-12',
      status: 'done',
      action: 'meeting_requests',
    },
    { cookie },
  );
  await postForm(
    `${base}/tactics`,
    {
      rung: 'press',
      titleEn: 'Clergy letter',
      onDate: '2027-02-01',
      status: 'planned',
      action: `letter:${world.letter.id}`,
    },
    { cookie },
  );
  await postForm(
    `${base}/tactics`,
    {
      rung: 'meeting',
      titleEn: 'Day at the county',
      onDate: '2026-01-01',
      status: 'done',
      action: `day:${world.day.id}`,
    },
    { cookie },
  );
  await postForm(
    `${base}/tactics`,
    {
      rung: 'meeting',
      titleEn: 'Oppose SB 54',
      onDate: '2027-01-05',
      status: 'planned',
      action: `bill:${world.billId}`,
    },
    { cookie },
  );
  // What the features recorded: a held meeting with a commitment, signatures reaching the goal of 2,
  // a bill movement.
  await recordHeldMeeting(SHERIFF, '2027-01-12', ['Review the ICE detainer policy by March']);
  await db.update((await import('../../src/letters/schema')).letters).set({ goal: 2 });
  await addSignature(world.letter.id, { confirmedAt: Date.parse('2027-01-20T12:00:00Z') });
  await addSignature(world.letter.id, { confirmedAt: Date.parse('2027-01-21T12:00:00Z') });
  const at = Date.parse('2027-01-15T12:00:00Z');
  await db.insert(billMovements).values({
    id: 'movement-trust',
    billId: world.billId,
    movementKey: 'trust-1',
    kind: 'stage',
    stageAfter: 'in_committee',
    headlineEn: 'Referred to the Judiciary committee',
    headlineEs: 'Enviado al comité judicial',
    occurredAt: at,
    createdAt: at,
    fanoutStatus: 'done',
    fanoutUpdatedAt: at,
  });
});

describe('GET /admin/campaigns/:id/chart', () => {
  it('fills the five columns from the campaign’s records', async () => {
    const response = await request(`/admin/campaigns/${campaignId}/chart`, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const column of [
      'Goals',
      'Organizational considerations',
      'Constituents, allies and opponents',
      'Targets',
      'Tactics',
    ])
      expect(html).toContain(`>${column}</h2>`);
    expect(html).toContain('The county adopts TRUST (In progress)');
    expect(html).toContain('Twelve volunteers, no budget.');
    expect(html).toContain('County Deputies Association');
    expect(html).toContain('data-print');
  });

  it('shows what each target committed to in meetings and the power-map notes', async () => {
    const html = await (await request(`/admin/campaigns/${campaignId}/chart`, { cookie })).text();
    expect(html).toContain('Dana Morales');
    expect(html).toContain('Review the ICE detainer policy by March (open, January 12, 2027)');
    expect(html).toContain('Undecided (January 12, 2027)');
  });

  it('derives the timeline from signatures, meetings, commitments, bill movements and days', async () => {
    const html = await (await request(`/admin/campaigns/${campaignId}/chart`, { cookie })).text();
    const timeline = html.slice(html.indexOf('id="timeline-title"'));
    const lines = [...timeline.matchAll(/<li data-kind="(\w+)">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    if (lines.length < 4)
      throw new Error(html.slice(html.indexOf('chart-tactics'), html.indexOf('chart-tactics') + 3000));
    expect(lines).toEqual(['meeting', 'commitment', 'bill', 'signatures']);
    expect(timeline).toContain('“Clergy for TRUST” reached its goal of 2 signatures');
    expect(timeline).toContain('Bill movement: GA SB 54: Referred to the Judiciary committee');
    expect(timeline).toContain('Commitment made: Dana Morales: Review the ICE detainer policy by March');
  });

  it('is in Spanish for a Spanish reader', async () => {
    const html = await (await request(`/admin/campaigns/${campaignId}/chart`, { cookie, lang: 'es' })).text();
    expect(html).toContain('Bases, aliados y oponentes');
    expect(html).toContain('El condado adopta TRUST (En curso)');
    expect(html).toContain('Movimiento del proyecto de ley: GA SB 54: Enviado al comité judicial');
    expect(html).toContain('alcanzó su meta de 2 firmas');
  });
});
