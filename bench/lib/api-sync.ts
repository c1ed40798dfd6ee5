// "API sync": an Action Network-style client paging through every person, 25 at a time, with a
// modified_date filter, following `next` links. The last pages must cost what the first ones do
// (keyset paging, no OFFSET scan): the median of the last 50 pages against the first 50.
import { DATA } from './data';
import { median } from './load';
import type { DevServer } from './servers';

/** What the sync measured. */
export interface ApiSyncResult {
  people: number;
  pages: number;
  seconds: number;
  firstPagesMs: number;
  lastPagesMs: number;
  ratio: number;
  met: boolean;
}

/** How many pages at each end are compared. */
const ENDS = 50;

/** Pages through /api/v2/people from the start to the end, timing each page. */
export async function apiSync(app: DevServer, say: (line: string) => void): Promise<ApiSyncResult> {
  const filter = encodeURIComponent("modified_date gt '2000-01-01T00:00:00Z'");
  let url: string | undefined = `${app.baseUrl}/api/v2/people?per_page=25&filter=${filter}`;
  const times: number[] = [];
  const seen = new Set<string>();
  const t0 = Date.now();
  while (url) {
    // Keys in turn: each may make 600 requests a minute.
    const key = DATA.apiKeys[times.length % DATA.apiKeys.length]!;
    const started = performance.now();
    const response = await fetch(url, { headers: { 'OSDI-API-Token': key } });
    if (response.status !== 200) throw new Error(`API sync: ${url} answered ${response.status}`);
    const page = (await response.json()) as {
      _embedded: { 'osdi:people': { identifiers: string[] }[] };
      _links: { next?: { href: string } };
    };
    times.push(performance.now() - started);
    for (const person of page._embedded['osdi:people']) seen.add(person.identifiers[0]!);
    url = page._links.next?.href;
  }
  const seconds = (Date.now() - t0) / 1000;
  const firstPagesMs = median(times.slice(0, ENDS));
  const lastPagesMs = median(times.slice(-ENDS));
  const ratio = lastPagesMs / firstPagesMs;
  const people = DATA.exportLetter.signatures;
  const met = ratio <= 1.5 && seen.size === people;
  say(
    `api sync: ${seen.size} people in ${times.length} pages, ${seconds.toFixed(1)} s; median page ${firstPagesMs.toFixed(1)} ms (first ${ENDS}) → ${lastPagesMs.toFixed(1)} ms (last ${ENDS}), ratio ${ratio.toFixed(2)} (budget ≤ 1.5, ${people} people) | ${met ? 'MET' : 'MISSED'}`,
  );
  return { people: seen.size, pages: times.length, seconds, firstPagesMs, lastPagesMs, ratio, met };
}
