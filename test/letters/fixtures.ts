import { env } from 'cloudflare:workers';
import { getDb } from '../../src/db';
import { runBatch } from '../../src/db/batch';
import { readSignerTable } from '../../src/letters/queries';
import { signatureTermsStatement } from '../../src/letters/queries/search';
import type { SignerFilter } from '../../src/letters/validation';
import { letterSignatures, letters, type Letter, type LetterSignature } from '../../src/letters/schema';
import { postForm } from '../helpers';

/** The typed database the tests share with the Worker. */
export const db = getDb(env);

let counter = 0;
/** A unique client address per request, so the public rate limit (per address) never interferes. */
export function freshIp(): string {
  counter += 1;
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

/** Stores a letter (open, no deadline by default) and returns it. */
export async function makeLetter(overrides: Partial<Letter> = {}): Promise<Letter> {
  counter += 1;
  const at = Date.now();
  const letter: Letter = {
    id: `letter-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    slug: `test-letter-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    status: 'open',
    titleEn: 'Adopt a TRUST policy',
    titleEs: 'Adopte una política TRUST',
    bodyEn: 'Dear Sheriff,\n\nWe ask you to **decline** ICE detainer requests.',
    bodyEs: 'Estimado Sheriff:\n\nLe pedimos **rechazar** las solicitudes de retención de ICE.',
    addressees: 'Sheriff Dana Morales, Alder County',
    deadline: null,
    goal: 100,
    isDemo: false,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    ...overrides,
  };
  await db.insert(letters).values(letter);
  return letter;
}

/** A valid signature form, with any field replaced. */
export function signatureFields(overrides: Record<string, string> = {}): Record<string, string> {
  counter += 1;
  return {
    honorific: 'rev',
    honorificOther: '',
    firstName: 'Ana',
    lastName: 'Reyes',
    role: 'clergy',
    tradition: 'mainline',
    denomination: 'ELCA',
    congregation: 'Grace Lutheran Church',
    city: 'Atlanta',
    state: 'GA',
    email: `signer-${counter}@example.org`,
    comment: '',
    showPublicly: 'on',
    keepInformed: 'on',
    website: '',
    ...overrides,
  };
}

/** Posts the signature form of a letter from a fresh client address. */
export function sign(
  slug: string,
  fields: Record<string, string>,
  options: { lang?: string; path?: string } = {},
) {
  return postForm(options.path ?? `/letters/${slug}/sign`, fields, {
    lang: options.lang,
    headers: { 'cf-connecting-ip': freshIp() },
  });
}

/** Posts any form from a fresh client address (confirm, withdraw buttons). */
export function press(path: string, fields: Record<string, string> = {}, cookie?: string) {
  return postForm(path, fields, { cookie, headers: { 'cf-connecting-ip': freshIp() } });
}

/** The outbox rows sent to an address, oldest first. */
export async function emailsTo(address: string) {
  const { results } = await env.DB.prepare(
    'SELECT id, template, lang, subject, text_body AS text, html_body AS html FROM outbox WHERE to_address = ? ORDER BY created_at, id',
  )
    .bind(address)
    .all<{ id: string; template: string; lang: string; subject: string; text: string; html: string }>();
  return results;
}

/** The confirm and withdraw paths in a confirmation email's text. */
export function linksIn(text: string): { confirm: string; withdraw: string } {
  const confirm = /https?:\/\/[^\s]+\/confirm\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  const withdraw = /https?:\/\/[^\s]+\/withdraw\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!confirm || !withdraw) throw new Error('no links in email');
  return { confirm: new URL(confirm).pathname, withdraw: new URL(withdraw).pathname };
}

/** Signs and confirms through the routes; returns the signer's email and withdraw path. */
export async function signAndConfirm(letter: Letter, overrides: Record<string, string> = {}) {
  const fields = signatureFields(overrides);
  const response = await sign(letter.slug, fields);
  if (response.status !== 303) throw new Error(`sign answered ${response.status}`);
  const [email] = await emailsTo(fields.email!);
  const links = linksIn(email!.text);
  const confirmed = await press(links.confirm);
  if (confirmed.status !== 303) throw new Error(`confirm answered ${confirmed.status}`);
  return { email: fields.email!, withdraw: links.withdraw };
}

let seq = 0;
/** Stores a signature row directly, to test queries apart from the signing flow. */
export async function addSignature(
  letterId: string,
  overrides: Partial<LetterSignature> = {},
): Promise<LetterSignature> {
  seq += 1;
  const row: LetterSignature = {
    id: `sig-${letterId}-${seq}`,
    letterId,
    email: `q${seq}@example.org`,
    origin: null,
    honorific: 'rev',
    honorificOther: null,
    firstName: `First${seq}`,
    lastName: `Last${seq}`,
    role: 'clergy',
    tradition: 'mainline',
    denomination: null,
    congregation: 'Grace Church',
    city: 'Macon',
    state: 'GA',
    comment: null,
    showPublicly: true,
    keepInformed: false,
    lang: 'en',
    confirmTokenHash: `c-${letterId}-${seq}`,
    withdrawTokenHash: `w-${letterId}-${seq}`,
    confirmationsSent: 1,
    lastConfirmationAt: Date.now(),
    confirmedAt: Date.now(),
    hiddenAt: null,
    verifiedAt: null,
    isDemo: false,
    createdAt: Date.now(),
    ...overrides,
  };
  // With its search terms, as signing stores them.
  await runBatch(db, [db.insert(letterSignatures).values(row), signatureTermsStatement(db, row)]);
  return row;
}

/** One page of the organizer's signer table of an existing letter: its rows and match count. */
export async function signerPage(letterId: string, filter: SignerFilter, pageSize: number) {
  const table = await readSignerTable(db, letterId, filter, pageSize);
  if (!table) throw new Error(`no letter ${letterId}`);
  return table;
}

/** The counts at the top of the organizer's signer table of an existing letter. */
export async function signerTally(letterId: string) {
  return (await signerPage(letterId, { page: 1 }, 1)).tally;
}
