// Open States API v3 bill JSON -> our model. Pure: no database, no network; tested on fixture files.
import * as z from 'zod';
import type { BillSource } from './schema';

const organization = z
  .object({ id: z.string().nullish(), name: z.string().nullish(), classification: z.string().nullish() })
  .passthrough();

const openStatesAction = z
  .object({
    description: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date like 2015-01-14'),
    classification: z.array(z.string()).default([]),
    order: z.number().int().default(0),
    organization: organization.nullish(),
  })
  .passthrough();

const openStatesSponsorship = z
  .object({
    name: z.string().min(1),
    entity_type: z.string().nullish(),
    primary: z.boolean().nullish(),
    classification: z.string().nullish(),
    person: z.object({ id: z.string(), name: z.string().nullish() }).passthrough().nullish(),
  })
  .passthrough();

/** One bill as Open States API v3 returns it (with includes actions, sponsorships, sources, abstracts). */
export const openStatesBill = z
  .object({
    id: z.string().startsWith('ocd-bill/', 'expected an Open States id like ocd-bill/…'),
    identifier: z.string().min(1),
    title: z.string().min(1),
    session: z.string().min(1),
    jurisdiction: z
      .object({ id: z.string(), name: z.string().nullish(), classification: z.string().nullish() })
      .passthrough(),
    from_organization: organization.nullish(),
    updated_at: z.string().nullish(),
    openstates_url: z.string().nullish(),
    actions: z.array(openStatesAction).default([]),
    sponsorships: z.array(openStatesSponsorship).default([]),
    sources: z.array(z.object({ url: z.string(), note: z.string().nullish() }).passthrough()).default([]),
    abstracts: z
      .array(z.object({ abstract: z.string(), note: z.string().nullish() }).passthrough())
      .default([]),
  })
  .passthrough();
export type OpenStatesBill = z.infer<typeof openStatesBill>;

/** A search page (`GET /bills`) or a single bill (`GET /bills/{id}`). */
const openStatesPayload = z.union([
  z.object({ results: z.array(openStatesBill) }).passthrough(),
  openStatesBill,
]);

/** An action as we store it. `actionKey` makes the same action imported twice one row. */
export interface ImportedAction {
  actionKey: string;
  date: string;
  position: number;
  chamber: string | null;
  chamberKind: string | null;
  description: string;
  classification: string[];
}

/** A sponsor; `personId` links to the officials directory when it has that person. */
export interface ImportedSponsor {
  name: string;
  personId: string | null;
  primary: boolean;
  classification: string | null;
}

/** One bill in our model, ready to be stored. */
export interface ImportedBill {
  openstatesId: string;
  state: string;
  session: string;
  identifier: string;
  title: string;
  summary: string | null;
  actions: ImportedAction[];
  sponsors: ImportedSponsor[];
  sources: BillSource[];
}

export type ParseResult = { ok: true; bills: ImportedBill[] } | { ok: false; message: string };

/** The key of an action within its bill: the legislature's order, its date and its description. */
export function actionKeyOf(position: number, date: string, description: string): string {
  return `${position}|${date}|${description.trim()}`;
}

/** "ocd-jurisdiction/country:us/state:ga/government" -> "GA" (territories and DC too). */
export function stateFromJurisdiction(jurisdictionId: string): string | null {
  const match = /\/(?:state|territory|district):([a-z]{2})\b/i.exec(jurisdictionId);
  return match ? match[1]!.toUpperCase() : null;
}

/** "SB 6" -> "sb-6": the bill's part of its URL. */
export function slugOfIdentifier(identifier: string): string {
  return identifier
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Maps one validated Open States bill into our model. */
export function toImportedBill(bill: OpenStatesBill): ImportedBill | { error: string } {
  const state = stateFromJurisdiction(bill.jurisdiction.id);
  if (!state) return { error: `${bill.id}: jurisdiction ${bill.jurisdiction.id} is not a U.S. state` };
  const actions = new Map<string, ImportedAction>();
  for (const action of bill.actions) {
    const date = action.date.slice(0, 10);
    const key = actionKeyOf(action.order, date, action.description);
    actions.set(key, {
      actionKey: key,
      date,
      position: action.order,
      chamber: action.organization?.name ?? null,
      chamberKind: action.organization?.classification ?? null,
      description: action.description.trim(),
      classification: [...action.classification],
    });
  }
  const sponsors = new Map<string, ImportedSponsor>();
  for (const sponsorship of bill.sponsorships) {
    const name = sponsorship.person?.name ?? sponsorship.name;
    if (sponsors.has(name)) continue;
    sponsors.set(name, {
      name,
      personId: sponsorship.person?.id ?? null,
      primary: sponsorship.primary ?? false,
      classification: sponsorship.classification ?? null,
    });
  }
  const sources: BillSource[] = bill.sources
    .filter((s) => /^https?:\/\//i.test(s.url))
    .map((s) => ({ url: s.url, note: s.note || null }));
  if (bill.openstates_url && /^https:\/\//.test(bill.openstates_url))
    sources.push({ url: bill.openstates_url, note: 'Open States' });
  return {
    openstatesId: bill.id,
    state,
    session: bill.session,
    identifier: bill.identifier.trim(),
    title: bill.title.trim(),
    summary: bill.abstracts[0]?.abstract.trim() || null,
    actions: [...actions.values()],
    sponsors: [...sponsors.values()],
    sources,
  };
}

/** Parses already-decoded JSON (an API answer or a file) into bills, or says clearly what is wrong. */
export function parseOpenStatesPayload(json: unknown): ParseResult {
  const parsed = openStatesPayload.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the top level';
    // A union reports its own issue; the bill-shaped branch says more about what is missing.
    const asBill = openStatesBill.safeParse(json);
    const detail = !asBill.success ? asBill.error.issues[0] : issue;
    const detailWhere = detail?.path.length ? detail.path.join('.') : where;
    return {
      ok: false,
      message: `Not Open States API v3 bill JSON (a bill or {"results": [...]}): at ${detailWhere}: ${detail?.message ?? 'unexpected shape'}`,
    };
  }
  const list =
    'results' in parsed.data && Array.isArray(parsed.data.results)
      ? parsed.data.results
      : [parsed.data as OpenStatesBill];
  const bills: ImportedBill[] = [];
  for (const bill of list) {
    const mapped = toImportedBill(bill);
    if ('error' in mapped) return { ok: false, message: mapped.error };
    bills.push(mapped);
  }
  return { ok: true, bills };
}

/** Parses the text of a file; malformed JSON gets a message naming the problem. */
export function parseOpenStatesText(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return parseOpenStatesPayload(json);
}

/** Which of a bill's imported actions are new, given the keys already stored. */
export function newActions(
  imported: readonly ImportedAction[],
  storedKeys: ReadonlySet<string>,
): ImportedAction[] {
  return imported.filter((a) => !storedKeys.has(a.actionKey));
}
