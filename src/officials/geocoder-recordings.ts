// Census Geocoder answers recorded for the demo addresses, trimmed to the layers we read (the real
// response also carries blocks, tracts, counties…). In development they answer without network;
// tests replay them through a stubbed fetch so the parser sees the real shape.
import type { CensusResponse } from './census-response';

/** The `input` part of an answer: the address as asked, and the benchmark and vintage we ask for. */
function recordedInput(address: string) {
  return {
    address: { address },
    benchmark: {
      id: '4',
      benchmarkName: 'Public_AR_Current',
      benchmarkDescription: 'Public Address Ranges - Current Benchmark',
      isDefault: true,
    },
    vintage: {
      id: '4',
      vintageName: 'Current_Current',
      vintageDescription: 'Current Vintage - Current Benchmark',
      isDefault: true,
    },
  };
}

/** District numbers are three digits in ids ("036"). */
const pad = (value: string) => value.padStart(3, '0');

/** One state legislative district as the geocoder names it (its SLDU or SLDL code added by the caller). */
function recordedDistrict(stateCode: string, district: string, chamberName: string) {
  return {
    GEOID: `${stateCode}${pad(district)}`,
    BASENAME: district,
    NAME: `${chamberName} District ${district}`,
    STATE: stateCode,
  };
}

function match(
  matchedAddress: string,
  state: { STUSAB: string; NAME: string; STATE: string },
  upper: string,
  lower: string,
  components: { city: string; zip: string },
): CensusResponse {
  return {
    result: {
      input: recordedInput(matchedAddress),
      addressMatches: [
        {
          matchedAddress,
          coordinates: { x: -84.388, y: 33.749 },
          tigerLine: { tigerLineId: '0', side: 'L' },
          addressComponents: { state: state.STUSAB, city: components.city, zip: components.zip },
          geographies: {
            States: [{ STUSAB: state.STUSAB, NAME: state.NAME, STATE: state.STATE, GEOID: state.STATE }],
            '2024 State Legislative Districts - Upper': [
              { ...recordedDistrict(state.STATE, upper, 'State Senate'), SLDU: pad(upper) },
            ],
            '2024 State Legislative Districts - Lower': [
              { ...recordedDistrict(state.STATE, lower, 'State House'), SLDL: pad(lower) },
            ],
          },
        },
      ],
    },
  };
}

const GEORGIA = { STUSAB: 'GA', NAME: 'Georgia', STATE: '13' };
const SOUTH_CAROLINA = { STUSAB: 'SC', NAME: 'South Carolina', STATE: '45' };

/** The address shown as a hint on "Find my officials" in development. */
export const DEMO_ADDRESS = '206 Washington St SW, Atlanta, GA 30334';

/** Recorded answers by normalised address (see `normaliseAddress`). */
export const recordedResponses: Record<string, CensusResponse> = {
  '206 washington st sw atlanta ga 30334': match(
    '206 WASHINGTON ST SW, ATLANTA, GA, 30334',
    GEORGIA,
    '36',
    '58',
    { city: 'ATLANTA', zip: '30334' },
  ),
  '2 e bay st savannah ga 31401': match('2 E BAY ST, SAVANNAH, GA, 31401', GEORGIA, '2', '161', {
    city: 'SAVANNAH',
    zip: '31401',
  }),
  '1100 gervais st columbia sc 29201': match(
    '1100 GERVAIS ST, COLUMBIA, SC, 29201',
    SOUTH_CAROLINA,
    '21',
    '74',
    { city: 'COLUMBIA', zip: '29201' },
  ),
};

/** What the Census Geocoder answers for an address it cannot match. */
export const noMatchResponse: CensusResponse = {
  result: {
    input: recordedInput('1 Nowhere Lane, Nowhere, ZZ 00000'),
    addressMatches: [],
  },
};
