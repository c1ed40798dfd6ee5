// A registration's districts: from the geocoder for an address, or as the person typed them.
import { findDistricts } from '../officials/geocoder';
import type { RegistrationChanges } from './queries/registrations';
import type { RegistrationDistricts } from './validation';

/** How long a registration waits for the geocoder before keeping the districts pending. */
const GEOCODER_TIMEOUT_MS = 4_000;

/** The districts of an address, or pending when the geocoder cannot say (the registration is kept). */
export async function districtsFor(env: Env, address: string | null): Promise<RegistrationDistricts> {
  if (!address) return { status: 'pending' };
  // Only the street address goes to the Census geocoder: never the person's name or email.
  const lookup = await findDistricts(env, address, { timeoutMs: GEOCODER_TIMEOUT_MS });
  if (lookup.status !== 'found') return { status: 'pending' };
  return {
    status: 'found',
    state: lookup.state,
    upperDistrict: lookup.upperDistrict,
    lowerDistrict: lookup.lowerDistrict,
  };
}

/** The stored district fields for new districts: pending clears them, typed ones are `manual`. */
export function districtColumns(districts: RegistrationDistricts): RegistrationChanges {
  if (districts.status === 'pending')
    return { districtStatus: 'pending', homeState: null, upperDistrict: null, lowerDistrict: null };
  return {
    districtStatus: districts.status === 'chosen' ? 'manual' : 'found',
    homeState: districts.state,
    upperDistrict: districts.upperDistrict,
    lowerDistrict: districts.lowerDistrict,
  };
}
