// The shape of the U.S. Census Geocoder's answer, apart from the adapter, so the recordings and the
// adapter both use it without importing each other.

/** One geography of a Census answer (only the fields we read). */
export interface CensusGeography {
  GEOID?: string;
  BASENAME?: string;
  NAME?: string;
  STUSAB?: string;
  STATE?: string;
  SLDU?: string;
  SLDL?: string;
}

/** The part of the Census Geocoder's `geographies/onelineaddress` JSON we rely on. */
export interface CensusResponse {
  result?: {
    input?: unknown;
    addressMatches?: {
      matchedAddress?: string;
      coordinates?: { x: number; y: number };
      tigerLine?: unknown;
      addressComponents?: { state?: string; city?: string; zip?: string };
      geographies?: Record<string, CensusGeography[] | undefined>;
    }[];
  };
}
