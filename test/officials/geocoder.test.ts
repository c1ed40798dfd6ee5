import { afterEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../helpers';
import {
  findDistricts,
  normaliseDistrict,
  parseCensusResponse,
  recordedResponseFor,
} from '../../src/officials/geocoder';
import { DEMO_ADDRESS, noMatchResponse, recordedResponses } from '../../src/officials/geocoder-recordings';

const production = { ENVIRONMENT: 'production' };
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe('parseCensusResponse', () => {
  it('reads state and both chambers from a recorded Georgia answer', () => {
    const result = parseCensusResponse(recordedResponses['206 washington st sw atlanta ga 30334']!);
    expect(result).toEqual({
      status: 'found',
      state: 'ga',
      upperDistrict: '36',
      lowerDistrict: '58',
      matchedAddress: '206 WASHINGTON ST SW, ATLANTA, GA, 30334',
    });
  });

  it('says not_found when the Census has no match', () => {
    expect(parseCensusResponse(noMatchResponse)).toEqual({ status: 'not_found' });
  });

  it('drops leading zeros from numeric districts only', () => {
    expect(normaliseDistrict('039')).toBe('39');
    expect(normaliseDistrict('Chittenden-1')).toBe('Chittenden-1');
    expect(normaliseDistrict(undefined)).toBeNull();
  });
});

describe('findDistricts', () => {
  it('asks the Census Geocoder for the address and parses its answer', async () => {
    const stub = stubFetch(() => Response.json(recordedResponses['2 e bay st savannah ga 31401']));
    restore = stub.restore;
    const result = await findDistricts(production, '2 E Bay St, Savannah, GA 31401');
    expect(result).toMatchObject({ status: 'found', state: 'ga', upperDistrict: '2', lowerDistrict: '161' });
    const url = new URL(stub.calls[0]!.url);
    expect(url.origin + url.pathname).toBe(
      'https://geocoding.geo.census.gov/geocoder/geographies/onelineaddress',
    );
    expect(url.searchParams.get('address')).toBe('2 E Bay St, Savannah, GA 31401');
    expect(url.searchParams.get('benchmark')).toBe('Public_AR_Current');
    expect(url.searchParams.get('format')).toBe('json');
  });

  it('is unavailable when the geocoder answers with an error', async () => {
    restore = stubFetch(() => new Response('Service Unavailable', { status: 503 })).restore;
    expect(await findDistricts(production, DEMO_ADDRESS)).toEqual({ status: 'unavailable' });
  });

  it('is unavailable when the network fails', async () => {
    restore = stubFetch(() => {
      throw new TypeError('fetch failed');
    }).restore;
    expect(await findDistricts(production, DEMO_ADDRESS)).toEqual({ status: 'unavailable' });
  });

  it('is unavailable when the geocoder is too slow', async () => {
    restore = stubFetch(
      (request) =>
        new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        }),
    ).restore;
    expect(await findDistricts(production, DEMO_ADDRESS, { timeoutMs: 50 })).toEqual({
      status: 'unavailable',
    });
  });

  it('answers only the recorded demo addresses themselves in development, without network', async () => {
    const stub = stubFetch(() => {
      throw new TypeError('no network');
    });
    restore = stub.restore;
    const env = { ENVIRONMENT: 'development' };
    expect(await findDistricts(env, DEMO_ADDRESS)).toMatchObject({ status: 'found', upperDistrict: '36' });
    expect(await findDistricts(env, '1100 Gervais St., Columbia, SC 29201')).toMatchObject({
      status: 'found',
      state: 'sc',
    });
    expect(stub.calls).toHaveLength(0);
    // Another address in a demo ZIP is not answered with the demo address's districts.
    expect(recordedResponseFor('100 Peachtree St, Atlanta, GA 30303')).toBeUndefined();
    expect(await findDistricts(env, '100 Peachtree St, Atlanta, GA 30303')).toEqual({
      status: 'unavailable',
    });
  });

  it('counts a match at another address as not found', async () => {
    restore = stubFetch(() =>
      Response.json(recordedResponses['206 washington st sw atlanta ga 30334']),
    ).restore;
    expect(await findDistricts(production, '100 Peachtree St, Atlanta, GA 30303')).toEqual({
      status: 'not_found',
    });
    expect(await findDistricts(production, '206 Washington Street SW, Atlanta, GA 30333')).toEqual({
      status: 'not_found',
    });
    expect(await findDistricts(production, '206 Washington Street Southwest, Atlanta GA')).toMatchObject({
      status: 'found',
    });
  });
});
