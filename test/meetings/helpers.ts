import { env } from 'cloudflare:workers';
import { getDb } from '../../src/db';
import { officials } from '../../src/schema';
import { postForm } from '../helpers';

/** Inserts an official who can receive meeting requests. */
export async function insertOfficial(id: string, overrides: Partial<typeof officials.$inferInsert> = {}) {
  const at = Date.now();
  await getDb(env)
    .insert(officials)
    .values({
      id,
      name: 'Alan Powell',
      givenName: 'Alan',
      familyName: 'Powell',
      state: 'ga',
      chamber: 'lower',
      title: 'Representative',
      district: '33',
      email: 'alan.powell@house.ga.gov',
      source: 'openstates',
      createdAt: at,
      updatedAt: at,
      ...overrides,
    })
    .onConflictDoNothing();
}

let ip = 0;
/** A form post from a fresh client address, so the global public rate limit stays out of the way. */
export function postAs(path: string, fields: Record<string, string>, lang?: string) {
  ip += 1;
  return postForm(path, fields, {
    lang,
    headers: { 'cf-connecting-ip': `203.0.113.${ip % 250}`, 'x-test-ip': String(ip) },
  });
}

/** A complete, valid meeting request. */
export function requestFields(
  official: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    official,
    senderName: 'Ana Morales',
    senderEmail: 'ana@example.org',
    senderPhone: '404-555-0100',
    groupName: 'St. Paul Methodist Church',
    city: 'Hartwell',
    purpose: 'Driver’s licenses for all residents; we ask you to co-sponsor the bill.',
    proposedDates: 'Tuesday Jan 12 or Thursday Jan 14, mornings',
    attendees: 'Pastor Luis Vega, luis@example.org\nSister Mary Kate, 404-555-0101',
    story: 'A family in our congregation cannot drive to school without fear.',
    subject: 'Meeting request from St. Paul Methodist Church (Hartwell)',
    body: 'Dear Representative Powell,\n\nWe would like to meet with you about driver’s licenses.\n\nAna',
    ...overrides,
  };
}

/** Outbox rows, newest last. */
export async function outboxRows() {
  const { results } = await env.DB.prepare(
    'select id, template, to_address, reply_to, cc, subject, text_body, lang from outbox order by created_at, id',
  ).all<{
    id: string;
    template: string;
    to_address: string;
    reply_to: string | null;
    cc: string | null;
    subject: string;
    text_body: string;
    lang: string;
  }>();
  return results;
}

/** The private-link token from the newest confirmation email to an address. */
export async function tokenFromConfirmation(to: string): Promise<string> {
  const rows = (await outboxRows()).filter(
    (row) => row.template === 'meetings-confirm' && row.to_address === to,
  );
  const match = /\/meetings\/m\/([A-Za-z0-9_-]+)/.exec(rows.at(-1)?.text_body ?? '');
  if (!match) throw new Error(`No confirmation email to ${to}`);
  return match[1]!;
}
