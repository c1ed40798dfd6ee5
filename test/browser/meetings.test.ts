// The "Done when", in a real browser against `wrangler dev` with the demo content: find your
// Georgia legislators by address (recorded geocoder answers), request a meeting, confirm in
// /dev/mail, see the email to the official with your Reply-To; schedule and send the attendee list;
// record a commitment and send the thank-you that restates it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ADDRESS } from '../../src/officials/geocoder-recordings';
import { followLinkInNewestMail, listMail, openNewestMail, useBrowser } from './harness';

const browser = useBrowser();
const SENDER = 'meeting.browser@example.org';
const OFFICIAL_EMAIL = 'park.cannon@house.ga.gov';

async function mailHeader(page: Page, name: string): Promise<string> {
  const term = page.locator('dl.mail-headers dt', { hasText: new RegExp(`^\\s*${name}\\s*$`) }).first();
  return (await term.locator('xpath=following-sibling::dd[1]').textContent())?.trim() ?? '';
}

/** Waits (pages load slowly on a busy machine) until a text is on the page. */
async function shown(page: Page, text: string) {
  await page.getByText(text).first().waitFor({ timeout: 30_000 });
}

/** Waits until the page's heading contains a text. */
async function heading(page: Page, text: string) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 30_000 });
}

describe('a meeting with a decision maker, in a browser', () => {
  it('goes from address to request, confirmation, attendee list and a thank-you restating the commitment', async () => {
    const page = await browser().newPage();

    // Find my officials by address.
    await page.goto('/officials/find');
    expect(await page.getByText(DEMO_ADDRESS).count()).toBeGreaterThan(0);
    await page.getByLabel(/^Street address/).fill(DEMO_ADDRESS);
    await page.getByRole('button', { name: 'Find my officials' }).click();
    await page.getByRole('heading', { name: 'Your state legislators' }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Park Cannon').count()).toBeGreaterThan(0);
    expect(await page.getByText('Nan Orrock').count()).toBeGreaterThan(0);
    expect(await page.getByText('Brian Kemp').count()).toBeGreaterThan(0);

    // Request a meeting.
    await page
      .locator('li', { hasText: 'Park Cannon' })
      .getByRole('link', { name: 'Request a meeting' })
      .click();
    await heading(page, 'Request a meeting with Representative Cannon');
    await page.getByLabel(/^Your name/).fill('Rev. Browser Tester');
    await page.getByLabel(/^Your email/).fill(SENDER);
    await page.getByLabel(/^The group or congregation/).fill('Grace Browser Church');
    await page.getByLabel(/^Your city/).fill('Atlanta');
    await page
      .getByLabel(/^Purpose of the meeting/)
      .fill('Driver’s licenses for all residents; we ask you to co-sponsor the bill.');
    await page.getByLabel(/^Dates you could meet/).fill('Tuesday or Thursday mornings');
    await page.getByLabel(/^Who else would attend/).fill('Pastor Luis Vega, luis@example.org');
    await page.getByRole('button', { name: 'Show me the email' }).click();

    // The exact email, editable.
    await heading(page, 'Check your meeting request');
    const body = page.getByLabel(/^Message/);
    expect(await body.inputValue()).toContain('Dear Representative Cannon,');
    await body.fill(`${await body.inputValue()}\n\nP.S. Our youth choir would love to sing at the capitol.`);
    await page.getByRole('button', { name: 'Email me the confirmation link' }).click();
    await heading(page, 'Check your email');
    expect((await listMail(page)).some((m) => m.to === OFFICIAL_EMAIL)).toBe(false);

    // Confirm from /dev/mail: a page with a button; the POST sends.
    const { link: privateLink } = await followLinkInNewestMail(page, SENDER, '/meetings/m/');
    await page.getByRole('button', { name: 'Send my meeting request' }).click();
    await shown(page, 'Your request was sent.');

    const request = await openNewestMail(page, OFFICIAL_EMAIL);
    expect(request.subject).toContain('Grace Browser Church');
    expect(request.text).toContain('Our youth choir would love to sing');
    expect(await mailHeader(page, 'Reply-To')).toBe(SENDER);

    // Scheduled; one click sends the attendee list.
    await page.goto(privateLink);
    await page.getByLabel(/^Date and time/).fill('2027-01-12T10:00');
    await page.getByLabel(/^Place/).fill('Room 604, Coverdell Building');
    await page.getByRole('button', { name: 'Save the date' }).click();
    await shown(page, 'The date is saved.');
    await page.getByRole('button', { name: 'Send the attendee list' }).click();
    await shown(page, 'The attendee list was sent.');
    const attendees = await openNewestMail(page, OFFICIAL_EMAIL, { after: [request.id] });
    expect(attendees.subject).toContain('Attendees for our meeting');
    expect(attendees.text).toContain('Pastor Luis Vega (luis@example.org)');

    // After the meeting: a commitment, then the thank-you that restates it.
    await page.goto(privateLink);
    await page
      .getByLabel('What the official agreed to do')
      .first()
      .fill('Will co-sponsor the driver’s license bill');
    await page.getByLabel(/^Where the official seems to stand/).selectOption('ally');
    await page.getByRole('button', { name: 'Save what happened' }).click();
    await shown(page, 'Saved. You can now prepare the thank-you.');
    await page.getByRole('button', { name: 'Prepare the thank-you' }).click();
    await expect
      .poll(() => page.getByLabel(/^Message/).inputValue())
      .toContain('Will co-sponsor the driver’s license bill');
    await page.getByRole('button', { name: 'Send' }).click();
    await shown(page, 'Your thank-you was sent.');
    const thanks = await openNewestMail(page, OFFICIAL_EMAIL, { after: [request.id, attendees.id] });
    expect(thanks.subject).toContain('Thank you for meeting with Grace Browser Church');
    expect(thanks.text).toContain('Will co-sponsor the driver’s license bill');
    expect(await mailHeader(page, 'Reply-To')).toBe(SENDER);
  });
});
