// The geocoder adapter: an address in, its state legislative districts out. Production asks the
// U.S. Census Geocoder (no key); development answers the demo addresses from recordings, so the
// demo works offline; tests stub fetch with the same recordings.
import { logEvent } from '../lib/log';
import { recordedResponses } from './geocoder-recordings';
import type { CensusGeography, CensusResponse } from './census-response';

/** What `findDistricts` answers. `unavailable` means "try later": keep the submission. */
export type DistrictLookup =
  | {
      status: 'found';
      state: string;
      upperDistrict: string | null;
      lowerDistrict: string | null;
      matchedAddress: string;
    }
  | { status: 'not_found' }
  | { status: 'unavailable' };

/** The Census endpoint; `layers=all` because layer numbers change with each vintage. */
export const CENSUS_GEOCODER_URL = 'https://geocoding.geo.census.gov/geocoder/geographies/onelineaddress';
const TIMEOUT_MS = 6_000;
const MAX_ADDRESS_LENGTH = 300;

/** Lower case, punctuation and repeated spaces removed: the key recordings are stored under. */
export function normaliseAddress(address: string): string {
  return address.toLowerCase().replace(/[.,#]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "039" and "39" are the same district; Open States writes "39". Non-numeric names stay as they are. */
export function normaliseDistrict(value: string | undefined | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? String(Number(trimmed)) : trimmed;
}

function firstOfLayer(geographies: Record<string, CensusGeography[] | undefined>, suffix: RegExp) {
  // The layer name carries the redistricting year ("2024 State Legislative Districts - Upper").
  const key = Object.keys(geographies).find((name) => suffix.test(name));
  return key ? geographies[key]?.[0] : undefined;
}

/** Reads districts out of a Census answer (pure: tested on recorded responses). */
export function parseCensusResponse(body: CensusResponse): DistrictLookup {
  const match = body.result?.addressMatches?.[0];
  if (!match) return { status: 'not_found' };
  const geographies = match.geographies ?? {};
  const state = (geographies.States?.[0]?.STUSAB ?? match.addressComponents?.state ?? '').toLowerCase();
  if (!/^[a-z]{2}$/.test(state)) return { status: 'not_found' };
  const upper = firstOfLayer(geographies, /State Legislative Districts - Upper$/i);
  const lower = firstOfLayer(geographies, /State Legislative Districts - Lower$/i);
  return {
    status: 'found',
    state,
    upperDistrict: normaliseDistrict(upper?.BASENAME ?? upper?.SLDU),
    lowerDistrict: normaliseDistrict(lower?.BASENAME ?? lower?.SLDL),
    matchedAddress: match.matchedAddress ?? '',
  };
}

/** The recorded answer for a demo address (exactly as recorded, once normalised), or undefined. */
export function recordedResponseFor(address: string): CensusResponse | undefined {
  return recordedResponses[normaliseAddress(address)];
}

/** The house number and ZIP code of an address line, as far as it has them. */
function houseAndZip(address: string): { house: string | null; zip: string | null } {
  const key = normaliseAddress(address);
  return {
    house: /^(\d+[a-z]?)\b/.exec(key)?.[1] ?? null,
    zip: /\b(\d{5})(?:-\d{4})?\s*$/.exec(key)?.[1] ?? null,
  };
}

/**
 * True when a geocoder's match can be the address the person typed: the same house number, and the
 * same ZIP code when they gave one. A match elsewhere (another number on the street, another ZIP)
 * would show someone else's districts as theirs, so it counts as "not found".
 */
export function matchesTypedAddress(typed: string, matched: string): boolean {
  const a = houseAndZip(typed);
  const b = houseAndZip(matched);
  if (a.house !== b.house) return false;
  return a.zip === null || b.zip === null || a.zip === b.zip;
}

/** A found lookup only when it is for the typed address (see `matchesTypedAddress`). */
function forTypedAddress(typed: string, lookup: DistrictLookup): DistrictLookup {
  if (lookup.status !== 'found' || matchesTypedAddress(typed, lookup.matchedAddress)) return lookup;
  logEvent('info', 'geocoder.other_address', {});
  return { status: 'not_found' };
}

/**
 * The state legislative districts of an address. Never throws: an unreachable or slow geocoder is
 * `unavailable`, an address it cannot place is `not_found`.
 */
export async function findDistricts(
  env: Pick<Env, 'ENVIRONMENT'>,
  address: string,
  options: { timeoutMs?: number } = {},
): Promise<DistrictLookup> {
  const trimmed = address.trim().slice(0, MAX_ADDRESS_LENGTH);
  if (!trimmed) return { status: 'not_found' };
  if (env.ENVIRONMENT === 'development') {
    // Offline, only the recorded addresses themselves answer; any other is "not found".
    const recorded = recordedResponseFor(trimmed);
    if (recorded) return forTypedAddress(trimmed, parseCensusResponse(recorded));
  }
  const url = new URL(CENSUS_GEOCODER_URL);
  url.searchParams.set('address', trimmed);
  url.searchParams.set('benchmark', 'Public_AR_Current');
  url.searchParams.set('vintage', 'Current_Current');
  url.searchParams.set('layers', 'all');
  url.searchParams.set('format', 'json');
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
    });
    if (!response.ok) {
      logEvent('warn', 'geocoder.http_error', { status: response.status });
      return { status: 'unavailable' };
    }
    return forTypedAddress(trimmed, parseCensusResponse((await response.json()) as CensusResponse));
  } catch (error) {
    logEvent('warn', 'geocoder.unreachable', { error: error instanceof Error ? error.name : 'unknown' });
    return { status: 'unavailable' };
  }
}
