// The Open States people import, as plain functions: YAML text in, official rows and a plan out.
// The command-line script (scripts/officials-import.ts) reads the files and applies the plan
// (import-queries.ts); the
// same functions run inside workerd in the tests, on the real shared files.
import { parse as parseYaml } from 'yaml';
import type { OfficialDescription, OfficialLink, OfficialOffice, OfficialRole } from './schema';

/** The fields an import sets; everything else (language, created date) stays as organizers left it. */
export interface ImportedOfficial extends OfficialDescription {
  id: string;
  jurisdiction: string | null;
  email: string | null;
  offices: OfficialOffice[];
  links: OfficialLink[];
  image: string | null;
  termEndsOn: string | null;
}

/** One file the import could not use, and why (shown in the summary). */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** What one file gave: an official, or a reason to skip it. */
export type ParsedPerson =
  { status: 'official'; official: ImportedOfficial } | { status: 'skipped'; skipped: SkippedFile };

interface RawRole {
  type?: unknown;
  district?: unknown;
  jurisdiction?: unknown;
  start_date?: unknown;
  end_date?: unknown;
  title?: unknown;
}

const ROLE_TYPES: Record<string, OfficialRole> = {
  upper: 'upper',
  lower: 'lower',
  legislature: 'lower',
  governor: 'governor',
  lt_governor: 'lt_governor',
  'lieutenant governor': 'lt_governor',
  'attorney general': 'attorney_general',
  'secretary of state': 'secretary_of_state',
  mayor: 'mayor',
};

const TITLES: Partial<Record<OfficialRole, string>> = {
  upper: 'Senator',
  lower: 'Representative',
  governor: 'Governor',
  lt_governor: 'Lieutenant Governor',
  attorney_general: 'Attorney General',
  secretary_of_state: 'Secretary of State',
  mayor: 'Mayor',
};

/** YAML dates may come as strings or (YAML 1.1 style) Date objects; both become YYYY-MM-DD. */
function isoDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(value.trim())) return value.trim();
  return null;
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A role is current when it has started (or has no start) and has not ended before `today`. */
export function isCurrentRole(role: { start_date?: unknown; end_date?: unknown }, today: string): boolean {
  const start = isoDate(role.start_date);
  const end = isoDate(role.end_date);
  if (start && start > today) return false;
  // An end date is the last day of the term: a role ending today is still held today.
  if (end && end < today) return false;
  return true;
}

/** The state a jurisdiction id belongs to ("ocd-jurisdiction/country:us/state:ga/…" -> "ga"). */
export function stateOfJurisdiction(jurisdiction: string | null): string | null {
  return /\/state:([a-z]{2})(?:\/|$)/.exec(jurisdiction ?? '')?.[1] ?? null;
}

/** Open States writes addresses with ";" between lines, sometimes empty ones. */
function cleanAddress(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  return raw
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ');
}

function mapOffices(raw: unknown): OfficialOffice[] {
  if (!Array.isArray(raw)) return [];
  const offices: OfficialOffice[] = [];
  for (const entry of raw as Record<string, unknown>[]) {
    if (!entry || typeof entry !== 'object') continue;
    const office: OfficialOffice = {
      classification: text(entry.classification) ?? 'office',
      address: cleanAddress(entry.address),
      voice: text(entry.voice),
      fax: text(entry.fax),
    };
    if (office.address || office.voice || office.fax) offices.push(office);
  }
  return offices;
}

function mapLinks(raw: unknown): OfficialLink[] {
  if (!Array.isArray(raw)) return [];
  return (raw as Record<string, unknown>[])
    .map((entry) => ({ url: text(entry?.url) ?? '', note: text(entry?.note) }))
    .filter((link) => /^https?:\/\//i.test(link.url));
}

function currentParty(raw: unknown, today: string): string | null {
  if (!Array.isArray(raw)) return null;
  const current = (raw as Record<string, unknown>[]).filter((entry) => entry && isCurrentRole(entry, today));
  return text(current[0]?.name) ?? null;
}

function humanise(roleType: string): string {
  return roleType
    .replace(/_/g, ' ')
    .split(' ')
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1) : word))
    .join(' ');
}

/**
 * Maps one Open States person file. `state` is the folder being imported; `jurisdictionNames` maps
 * ocd-jurisdiction ids to place names (from municipalities.yml); `today` is YYYY-MM-DD.
 */
export function parsePersonFile(
  file: string,
  source: string,
  options: { state: string; today: string; jurisdictionNames?: ReadonlyMap<string, string> },
): ParsedPerson {
  const skip = (reason: string): ParsedPerson => ({ status: 'skipped', skipped: { file, reason } });
  let person: Record<string, unknown>;
  try {
    const parsed: unknown = parseYaml(source);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return skip('not a person record');
    person = parsed as Record<string, unknown>;
  } catch (error) {
    return skip(`unreadable YAML (${error instanceof Error ? error.message.split('\n')[0] : 'parse error'})`);
  }
  const id = text(person.id);
  if (!id || !/^ocd-person\/[0-9a-f-]{36}$/.test(id)) return skip('missing or malformed ocd-person id');
  const name = text(person.name);
  if (!name) return skip('missing name');
  const roles = Array.isArray(person.roles)
    ? (person.roles as RawRole[]).filter((r) => r && typeof r === 'object')
    : [];
  const current = roles
    .filter((role) => isCurrentRole(role, options.today))
    .sort((a, b) => (isoDate(b.start_date) ?? '').localeCompare(isoDate(a.start_date) ?? ''));
  const role = current[0];
  if (!role) {
    const lastEnd = roles
      .map((r) => isoDate(r.end_date))
      .filter((d): d is string => Boolean(d))
      .sort()
      .pop();
    return skip(lastEnd ? `no current role (last role ended ${lastEnd})` : 'no current role');
  }
  const jurisdiction = text(role.jurisdiction);
  const state = stateOfJurisdiction(jurisdiction);
  if (state !== options.state) return skip(`role is in another state (${state ?? 'unknown'})`);
  const roleType = (text(role.type) ?? '').toLowerCase();
  const chamber: OfficialRole = ROLE_TYPES[roleType] ?? 'executive';
  const jurisdictionName =
    jurisdiction && !jurisdiction.endsWith(`/state:${state}/government`)
      ? (options.jurisdictionNames?.get(jurisdiction) ?? null)
      : null;
  const baseTitle = text(role.title) ?? TITLES[chamber] ?? humanise(roleType || 'official');
  const email = text(person.email);
  return {
    status: 'official',
    official: {
      id,
      name,
      givenName: text(person.given_name),
      familyName: text(person.family_name),
      state,
      chamber,
      title: chamber === 'mayor' && jurisdictionName ? `${baseTitle} of ${jurisdictionName}` : baseTitle,
      district: text(role.district),
      jurisdiction,
      jurisdictionName,
      party: currentParty(person.party, options.today),
      email: email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email.toLowerCase() : null,
      offices: mapOffices(person.offices),
      links: mapLinks(person.links),
      image: text(person.image) && /^https:\/\//i.test(text(person.image)!) ? text(person.image) : null,
      termEndsOn: isoDate(role.end_date),
    },
  };
}

/** Reads municipalities.yml (a list of { name, id }) into a map of jurisdiction id -> name. */
export function parseJurisdictionNames(source: string): Map<string, string> {
  const names = new Map<string, string>();
  try {
    const parsed: unknown = parseYaml(source);
    if (Array.isArray(parsed)) {
      for (const entry of parsed as Record<string, unknown>[]) {
        const id = text(entry?.id);
        const name = text(entry?.name);
        if (id && name) names.set(id, name);
      }
    }
  } catch {
    // A broken list only costs the readable place names; mayors are still imported.
  }
  return names;
}

/** SHA-256 of what the import sets, so an unchanged person is recognised without comparing fields. */
export async function contentHash(official: ImportedOfficial): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(official)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the database holds now for the imported states. */
export interface ExistingOfficial {
  id: string;
  contentHash: string | null;
  inOffice: boolean;
}

/** What an import will do. */
export interface ImportPlan {
  add: (ImportedOfficial & { contentHash: string })[];
  update: (ImportedOfficial & { contentHash: string })[];
  retire: string[];
  unchanged: number;
  skipped: SkippedFile[];
}

/**
 * Decides, without touching the database, who is added, updated (changed, or back in office),
 * unchanged, and retired (imported before, in office, and no longer current in the files).
 */
export async function planImport(
  parsed: readonly ParsedPerson[],
  existing: readonly ExistingOfficial[],
): Promise<ImportPlan> {
  const plan: ImportPlan = { add: [], update: [], retire: [], unchanged: 0, skipped: [] };
  const before = new Map(existing.map((row) => [row.id, row]));
  const seen = new Set<string>();
  for (const entry of parsed) {
    if (entry.status === 'skipped') {
      plan.skipped.push(entry.skipped);
      continue;
    }
    const official = entry.official;
    if (seen.has(official.id)) {
      plan.skipped.push({ file: official.id, reason: 'the same person appears in two files' });
      continue;
    }
    seen.add(official.id);
    const hash = await contentHash(official);
    const row = before.get(official.id);
    if (!row) plan.add.push({ ...official, contentHash: hash });
    else if (row.contentHash !== hash || !row.inOffice) plan.update.push({ ...official, contentHash: hash });
    else plan.unchanged += 1;
  }
  for (const row of existing) if (row.inOffice && !seen.has(row.id)) plan.retire.push(row.id);
  return plan;
}

/** One line per number, for the end of the command's output. */
export function summariseImport(plan: ImportPlan): string {
  const reasons = new Map<string, number>();
  for (const skipped of plan.skipped) {
    const reason = skipped.reason.replace(/\(last role ended .*\)/, '(role ended)');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const lines = [
    `added: ${plan.add.length}`,
    `updated: ${plan.update.length}`,
    `unchanged: ${plan.unchanged}`,
    `retired (marked out of office): ${plan.retire.length}`,
    `skipped: ${plan.skipped.length}`,
    ...[...reasons].map(([reason, count]) => `  ${count} x ${reason}`),
  ];
  return lines.join('\n');
}
