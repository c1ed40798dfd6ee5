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
