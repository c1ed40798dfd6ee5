// Test data for campaign tests: a target official, a letter, a day and a bill to link tactics to.
import { env } from 'cloudflare:workers';
import { getDb } from '../../src/db';
import { createDay } from '../advocacy-days/fixtures';
import { seedBill } from '../bills/seed';
import { makeLetter } from '../letters/fixtures';
import { insertOfficial } from '../meetings/helpers';

export const db = getDb(env);

/** The official every test campaign targets (an Open States id: it holds a slash). */
export const SHERIFF = 'ocd-person/sheriff-alder';

/** Adds the directory entries and actions the campaign forms name; returns their ids. */
export async function seedCampaignWorld() {
  await insertOfficial(SHERIFF, {
    name: 'Dana Morales',
    title: 'Sheriff',
    chamber: 'sheriff',
    district: null,
  });
  await insertOfficial('ocd-person/commissioner-alder', {
    name: 'Lee Park',
    title: 'County Commissioner',
    chamber: 'county_commissioner',
  });
  const letter = await makeLetter({ slug: 'trust-letter', status: 'open', titleEn: 'Clergy for TRUST' });
  const day = await createDay({ slug: 'trust-day', status: 'published', title: 'TRUST day at the county' });
  const billId = await seedBill(db, { id: 'bill-trust', identifier: 'SB 54' });
  return { letter, day, billId };
}

/** A complete, valid campaign form. */
export function campaignFields(overrides: Record<string, string | string[]> = {}) {
  return {
    slug: 'alder-trust',
    title: 'A TRUST policy for Alder County',
    titleEs: 'Una política TRUST para el condado de Alder',
    issueEn: 'The sheriff honors ICE holds.',
    issueEs: 'El alguacil cumple las retenciones de ICE.',
    winnableEn: 'Two commissioners already agree.',
    considerations: 'Twelve volunteers, no budget.',
    published: 'on',
    publicParts: ['issue', 'goals', 'targets', 'actions', 'progress'],
    ...overrides,
  };
}

/** Records a meeting with an official that was held, with what they committed to. */
export async function recordHeldMeeting(officialId: string, heldOn: string, commitments: string[]) {
  const { insertHeldMeeting } = await import('../../src/meetings/queries');
  const at = Date.now();
  const id = `meeting-${officialId}-${heldOn}`;
  await insertHeldMeeting(
    db,
    {
      id,
      officialId,
      status: 'held',
      source: 'organizer',
      senderName: 'Rev. Ana Morales',
      senderEmail: 'ana@example.org',
      groupName: 'Alder Interfaith',
      city: 'Alder',
      purpose: 'TRUST policy',
      requestSubject: 'Meeting about TRUST',
      requestText: 'We ask for a meeting.',
      heldOn,
      originRef: id,
      createdAt: at,
      updatedAt: at,
    },
    {
      heldOn,
      stancePerceived: 'undecided',
      nextSteps: null,
      debriefNotes: 'Listened carefully',
      commitments: commitments.map((text) => ({ text })),
    },
    [],
    at,
  );
}

/** Creates the test campaign through the organizer form; returns its id. */
export async function createCampaign(cookie: string, overrides: Record<string, string | string[]> = {}) {
  const { campaigns } = await import('../../src/campaigns/schema');
  const { eq } = await import('drizzle-orm');
  const { postForm } = await import('../helpers');
  const fields = campaignFields(overrides);
  const response = await postForm('/admin/campaigns/new', fields, { cookie });
  if (response.status !== 303) throw new Error(`campaign not created: ${response.status}`);
  const [row] = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.slug, String(fields.slug)));
  return row!.id;
}
