// Encrypted contact fields (issue 16): after people register for a day and request a meeting
// through the real pages, the local D1 file (read byte for byte, with its write-ahead log) holds
// no phone, street address, story or attendee contact in plain text, neither theirs nor the demo
// content's, while the names written beside them are there (so the search does read the data).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ADDRESS } from '../../src/officials/geocoder-recordings';
import { useBrowser } from './harness';

const browser = useBrowser();

const SECRETS = {
  phone: '803-555-0177',
  address: '1731 Sealed Lane, Columbia, SC 29201',
  meetingPhone: '404-555-0166',
  story: 'Our neighbor Rosa waits every night for her husband to come home',
  attendeeContact: 'luis.sealed@example.org',
  // From the demo content (scripts/demo/), sealed by the seed with the same key.
  demoPhone: '404-555-0110',
  demoStory: 'cannot drive their children to school without fear',
};

/** Every file of the D1 state under a wrangler persist folder (the database, its WAL and journal). */
function databaseFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return databaseFiles(path);
    return /\.sqlite(-wal|-shm|-journal)?$/.test(name) ? [path] : [];
  });
}

describe('contact fields at rest', () => {
  it('leaves no phone, address, story or attendee contact readable in the database file', async () => {
    const page = await browser().newPage();
    await page.goto('/days/south-carolina-faith-advocacy-day');
    await page.getByLabel('Name', { exact: true }).fill('Sealed Registrant');
    await page.getByLabel('Email', { exact: true }).fill('sealed.registrant@example.org');
    await page.getByLabel('Phone').fill(SECRETS.phone);
    await page.getByLabel('Home address or ZIP code').fill(SECRETS.address);
    await page.getByLabel('Lay', { exact: true }).check();
    await page.getByRole('button', { name: /Register|Join the waitlist/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });

    await page.goto('/officials/find');
    await page.getByLabel(/^Street address/).fill(DEMO_ADDRESS);
    await page.getByRole('button', { name: 'Find my officials' }).click();
    await page.getByRole('heading', { name: 'Your state legislators' }).waitFor({ timeout: 30_000 });
    await page
      .locator('li', { hasText: 'Park Cannon' })
      .getByRole('link', { name: 'Request a meeting' })
      .click();
    await page.getByLabel(/^Your name/).fill('Sealed Sender');
    await page.getByLabel(/^Your email/).fill('sealed.sender@example.org');
    await page.getByLabel(/^Your phone/).fill(SECRETS.meetingPhone);
    await page.getByLabel(/^The group or congregation/).fill('Sealed Grace Church');
    await page.getByLabel(/^Your city/).fill('Atlanta');
    await page.getByLabel(/^Purpose of the meeting/).fill('Driver’s licenses for all residents.');
    await page.getByLabel(/^Who else would attend/).fill(`Pastor Luis Vega, ${SECRETS.attendeeContact}`);
    await page.getByLabel(/^A personal story/).fill(SECRETS.story);
    await page.getByLabel(/^Dates you could meet/).fill('Tuesday or Thursday mornings');
    await page.getByRole('button', { name: 'Show me the email' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Check your meeting request' })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Email me the confirmation link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor({ timeout: 30_000 });

    const files = databaseFiles(browser().persistDir);
    expect(files.length).toBeGreaterThan(0);
    const bytes = Buffer.concat(files.map((file) => readFileSync(file)));
    for (const name of ['Sealed Registrant', 'Sealed Sender', 'Pastor Luis Vega']) {
      expect(bytes.includes(Buffer.from(name)), `${name} (stored in clear) is in the file`).toBe(true);
    }
    for (const [what, secret] of Object.entries(SECRETS)) {
      expect(bytes.includes(Buffer.from(secret)), `${what} is not in the file in plain text`).toBe(false);
    }
  });
});
