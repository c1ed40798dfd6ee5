// The organizer pages that follow along without a reload (issue 22, items 8 and 9): two phones at
// the check-in desk see the same count, a check-in can be undone, and the meeting-template editor
// previews what is typed. Each is progressive enhancement over a page that works without JavaScript.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { arrivedAt, followLinkInNewestMail, listMail, useBrowser } from './harness';

const browser = useBrowser();
const PHONE = { width: 390, height: 844 };
const CHECK_IN = '/admin/days/demo-day-georgia/check-in';

async function signIn(page: Page) {
  // Each phone signs in with its own link: earlier sign-in emails in the mailbox are skipped.
  const seen = (await listMail(page)).map((mail) => mail.id);
  await page.goto('/sign-in');
  await page.getByRole('textbox').first().fill('organizer@example.org');
  await page.locator('main form button[type="submit"]').click();
  await followLinkInNewestMail(page, 'organizer@example.org', '/sign-in/', { after: seen });
  await page.locator('main form button[type="submit"]').click();
  await arrivedAt(page, '/admin');
}

const countsOf = (page: Page) => page.locator('[data-live-counts]').textContent();

describe('check-in on two phones', () => {
  it('shows one phone’s check-in on the other without a reload, and undoes it', async () => {
    const first = await browser().newPage();
    const second = await browser().newPage();
    await first.setViewportSize(PHONE);
    await second.setViewportSize(PHONE);
    await signIn(first);
    await signIn(second);
    await first.goto(CHECK_IN);
    await second.goto(CHECK_IN);
    const before = (await countsOf(second))!;
    expect(before).toContain('0 checked in');
    const secondUrl = second.url();

    await first.getByLabel('Search by name').fill('Grace Kim');
    await first.getByRole('button', { name: 'Search' }).click();
    await first.getByRole('button', { name: 'Check in Rev. Grace Kim' }).click();
    await expect.poll(() => first.getByText('Rev. Grace Kim is checked in.').count()).toBe(1);
    const after = (await countsOf(first))!;
    expect(after).not.toBe(before);

    // The second phone was never reloaded: its count follows by itself.
    await expect.poll(() => countsOf(second)).toBe(after);
    expect(second.url()).toBe(secondUrl);

    // A wrong tap: undone from the notice, and both phones are back where they were.
    await first.getByRole('button', { name: 'Undo check-in of Rev. Grace Kim' }).first().click();
    await expect.poll(() => first.getByText('The check-in of Rev. Grace Kim was undone.').count()).toBe(1);
    expect(await countsOf(first)).toBe(before);
    await expect.poll(() => countsOf(second)).toBe(before);
    // Both the check-in and its undo are on record.
    await expect.poll(() => first.getByText('check-in of Rev. Grace Kim undone').count()).toBe(1);
    expect(await first.getByText('Rev. Grace Kim checked in').count()).toBe(1);
  });
});

describe('meeting template editor', () => {
  it('previews the template as the organizer types, and explains a mistake at once', async () => {
    const page = await browser().newPage();
    await signIn(page);
    await page.goto('/admin/meetings/templates/request/en');
    const url = page.url();
    const body = page.locator('textarea[name="body"]');
    await body.fill('');
    await body.pressSequentially('Hello {{officialGreeting}}, live from {{city}}.');
    const preview = page.locator('[data-preview-text]');
    await expect.poll(() => preview.textContent()).toBe('Hello Representative Powell, live from Hartwell.');

    await body.press('End');
    await body.pressSequentially('\n{{{group}}}');
    const problem = page.locator('[data-preview-problem]');
    await expect.poll(() => problem.isVisible()).toBe(true);
    expect(await problem.textContent()).toContain('Message, line 2:');
    expect(await problem.textContent()).toContain('three braces');
    expect(await preview.isVisible()).toBe(false);

    // Nothing was submitted: the same page, and the saved template is still the default.
    expect(page.url()).toBe(url);
    expect(await page.getByText('The default version is in use.').count()).toBe(1);
  });
});
