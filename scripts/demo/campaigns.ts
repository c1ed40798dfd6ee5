// The demo campaign: the toolkit's county TRUST policy, its strategy chart wired to the demo letter,
// the Georgia advocacy day, the demo meetings (their legislators are secondary targets) and SB 6.
import { inArray } from 'drizzle-orm';
import { DAY } from '../../src/lib/time';
import { officials } from '../../src/officials/schema';
import {
  campaignCommunications,
  campaignGoals,
  campaignParties,
  campaignTactics,
  campaignTargets,
  campaigns,
} from '../../src/campaigns/schema';
import type { DemoContext } from './context';
import { DEMO_VIGIL_ID } from './gatherings';

const CAMPAIGN_ID = 'demo-campaign-alder-trust';
/** The sheriff the demo letter is addressed to, added by hand as organizers add local officials. */
const SHERIFF_ID = 'manual-demo-alder-sheriff';
/** The legislators of the held and thanked demo meetings (scripts/demo/meetings.ts). */
const LEGISLATORS = [
  'ocd-person/bb48e87c-29db-4a4d-a278-fa299be2020e',
  'ocd-person/938f2479-c51f-446a-87f0-76d4f07c61e5',
];

/** Adds the demo campaign once; a re-run adds nothing. */
export async function seedCampaigns({ db, now, log }: DemoContext): Promise<void> {
  const isoDay = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString().slice(0, 10);
  await db
    .insert(officials)
    .values({
      id: SHERIFF_ID,
      name: 'Dana Morales',
      familyName: 'Morales',
      state: 'ga',
      chamber: 'sheriff',
      title: 'Sheriff of Alder County',
      jurisdiction: 'Alder County',
      jurisdictionName: 'Alder County',
      source: 'manual',
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  const legislators = (
    await db.select({ id: officials.id }).from(officials).where(inArray(officials.id, LEGISLATORS))
  ).map((row) => row.id);
  const at = now - 14 * DAY;
  const base = { campaignId: CAMPAIGN_ID, createdAt: at };
  await db.batch([
    db
      .insert(campaigns)
      .values({
        id: CAMPAIGN_ID,
        slug: 'alder-county-trust',
        title: 'A TRUST policy for Alder County',
        titleEs: 'Una política TRUST para el condado de Alder',
        issueEn:
          'The Alder County jail holds neighbors for ICE on detainer requests, which are only requests. Families stop calling the police and stop going to the clinic.',
        issueEs:
          'La cárcel del condado de Alder retiene a vecinos para ICE con solicitudes de retención, que son solo solicitudes. Las familias dejan de llamar a la policía y de ir a la clínica.',
        winnableEn:
          'More than 300 counties have adopted TRUST policies; the sheriff decides alone, and two commissioners already support us.',
        winnableEs:
          'Más de 300 condados han adoptado políticas TRUST; el alguacil decide solo, y dos comisionados ya nos apoyan.',
        considerations:
          'Twelve trained volunteers from six congregations; no budget beyond printing; the interfaith team meets every other Tuesday.',
        published: true,
        publicParts: ['issue', 'winnable', 'goals', 'targets', 'actions', 'progress', 'communications'],
        isDemo: true,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing(),
    db
      .insert(campaignGoals)
      .values([
        {
          ...base,
          id: 'demo-goal-long',
          horizon: 'long',
          status: 'in_progress',
          textEn: 'Alder County adopts a TRUST policy',
          textEs: 'El condado de Alder adopta una política TRUST',
        },
        {
          ...base,
          id: 'demo-goal-medium',
          horizon: 'medium',
          status: 'not_started',
          textEn: 'The sheriff declines ICE holds without a judge’s warrant',
          textEs: 'El alguacil rechaza las retenciones de ICE sin orden judicial',
        },
        {
          ...base,
          id: 'demo-goal-short',
          horizon: 'short',
          status: 'in_progress',
          textEn: '100 faith leaders sign the letter to the sheriff',
          textEs: '100 líderes de fe firman la carta al alguacil',
        },
      ])
      .onConflictDoNothing(),
    db
      .insert(campaignParties)
      .values([
        {
          ...base,
          id: 'demo-party-coalition',
          side: 'ally',
          name: 'Alder Immigrant Rights Coalition',
          note: 'Leads with impacted families',
          outreachPlan: 'Monthly one-to-one with their director',
        },
        {
          ...base,
          id: 'demo-party-clinic',
          side: 'ally',
          name: 'Alder Community Clinic',
          note: 'Sees fewer families since the holds',
          outreachPlan: 'Ask their doctors to speak at the forum',
        },
        {
          ...base,
          id: 'demo-party-deputies',
          side: 'opponent',
          name: 'Alder Deputies Association',
          note: 'Fears losing federal grants',
          outreachPlan: 'Share what other counties kept',
        },
      ])
      .onConflictDoNothing(),
    db
      .insert(campaignTargets)
      .values([
        { ...base, officialId: SHERIFF_ID, rank: 'primary' as const },
        ...legislators.map((officialId) => ({ ...base, officialId, rank: 'secondary' as const })),
      ])
      .onConflictDoNothing(),
    db
      .insert(campaignCommunications)
      .values([
        {
          ...base,
          id: 'demo-comm-message',
          kind: 'message',
          textEn: 'Trust keeps all of us safe.',
          textEs: 'La confianza nos mantiene seguros a todos.',
        },
        {
          ...base,
          id: 'demo-comm-spokesperson',
          kind: 'spokesperson',
          textEn: 'Rev. Grace Holloway, Ebenezer Interfaith Circle',
          textEs: null,
        },
        {
          ...base,
          id: 'demo-comm-op-ed',
          kind: 'op_ed',
          textEn: 'Why our congregations ask the sheriff for TRUST',
          textEs: 'Por qué nuestras congregaciones piden TRUST al alguacil',
          onDate: isoDay(21),
        },
      ])
      .onConflictDoNothing(),
    db
      .insert(campaignTactics)
      .values([
        {
          ...base,
          id: 'demo-tactic-legislators',
          rung: 'meeting',
          titleEn: 'Meet our legislators',
          titleEs: 'Reunirnos con nuestros legisladores',
          onDate: isoDay(-7),
          status: 'done',
          goalId: 'demo-goal-long',
          action: 'meeting_requests',
          updatedAt: at,
        },
        {
          ...base,
          id: 'demo-tactic-letter',
          rung: 'meeting',
          titleEn: 'Clergy letter to the sheriff',
          titleEs: 'Carta del clero al alguacil',
          onDate: isoDay(7),
          status: 'planned',
          goalId: 'demo-goal-short',
          action: 'letter',
          actionRef: 'demo-letter-trust',
          updatedAt: at,
        },
        {
          ...base,
          id: 'demo-tactic-day',
          rung: 'meeting',
          titleEn: 'Faith advocacy day at the capitol',
          titleEs: 'Día de incidencia de fe en el capitolio',
          onDate: isoDay(14),
          status: 'planned',
          goalId: 'demo-goal-long',
          action: 'day',
          actionRef: 'demo-day-georgia',
          updatedAt: at,
        },
        {
          ...base,
          id: 'demo-tactic-bill',
          rung: 'meeting',
          titleEn: 'Stop SB 6 in committee',
          titleEs: 'Detener el SB 6 en comisión',
          onDate: isoDay(18),
          status: 'planned',
          goalId: 'demo-goal-long',
          action: 'bill',
          actionRef: 'demo-bill-ga-sb-6-2015',
          updatedAt: at,
        },
        {
          ...base,
          id: 'demo-tactic-vigil',
          rung: 'vigil_rally',
          titleEn: 'Interfaith vigil for Alder County families',
          titleEs: 'Vigilia interreligiosa por las familias del condado de Alder',
          onDate: isoDay(14),
          status: 'planned',
          goalId: 'demo-goal-medium',
          action: 'day',
          actionRef: DEMO_VIGIL_ID,
          updatedAt: at,
        },
      ])
      .onConflictDoNothing(),
  ]);
  log(`campaigns: /campaigns/alder-county-trust (targets: sheriff and ${legislators.length} legislators)`);
}
