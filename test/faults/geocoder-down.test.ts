// The Census geocoder unreachable (the network fails, not just an error answer): registration for
// an advocacy day still goes through, and the person's own page says their districts are pending.
// (test/advocacy-days/registration.test.ts checks the stored row for a 503 answer and a no-match;
// test/bills/openstates.test.ts checks the Open States cron; test/officials/import.test.ts the
// importer's skipped list.)
import { afterEach, describe, expect, it } from 'vitest';
import { advocacyDays as advocacyDaysEn } from '../../src/messages/en/advocacy-days';
import { request, postForm, stubFetch } from '../helpers';
import { createDay, registrationFields, tokenMailedTo } from '../advocacy-days/fixtures';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
});

describe('geocoder unreachable', () => {
  it('registers the person and tells them on their page that districts are pending', async () => {
    let geocoderCalls = 0;
    stub = stubFetch((req) => {
      if (req.url.startsWith('https://geocoding.geo.census.gov/')) geocoderCalls += 1;
      throw new TypeError('fetch failed');
    });
    const day = await createDay({ capacity: 5 });
    const response = await postForm(
      `/days/${day.slug}/register`,
      registrationFields({ email: 'offline@example.org', address: '12 Nowhere Lane, Testville, GA 39901' }),
      { headers: { 'cf-connecting-ip': '198.51.100.77' } },
    );
    expect(response.status).toBe(303);
    expect(geocoderCalls).toBe(1);
    // The private link is in the confirmation email (the page after the form says "check your email").
    const page = await (await request(`/days/r/${await tokenMailedTo('offline@example.org')}`)).text();
    expect(page).toContain(advocacyDaysEn['days.private.districtsPending'].replaceAll("'", '&#39;'));
  });
});
