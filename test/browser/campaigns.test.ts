// Campaigns in a real browser against `wrangler dev` with the demo content: an organizer builds a
// campaign, adds a tactic and sees the ladder warning, prints the strategy chart, and a visitor
// sees the demo campaign's public page in English and Spanish.
import { describe, expect, it } from 'vitest';
import { signInAsDemoOrganizer, switchLanguage, useBrowser } from './harness';

// Runs inside Chromium (page.evaluate); the project compiles without the DOM library.
declare function getComputedStyle(element: unknown): { gridTemplateColumns: string };

const browser = useBrowser();

describe('campaigns in a browser', () => {
  it('an organizer builds a campaign, is warned about a vigil before any meeting, and prints the chart', async () => {
    const page = await browser().newPage();
    await signInAsDemoOrganizer(page, '/admin/campaigns');
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByLabel('Web address (campaigns/…)').fill('riverton-municipal-id');
    await page.getByLabel('Title (English)').fill('A municipal ID for Riverton');
    await page.getByLabel('Title (Spanish)').fill('Una identificación municipal para Riverton');
    await page.getByLabel('The issue (English)').fill('Neighbors without an ID cannot open a bank account.');
    await page.getByLabel('Publish the campaign page').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Saved.');

    await page.getByRole('button', { name: 'Add a target' }).click();
    const target = page.locator('form[action$="/targets"]');
    await target.getByLabel('Official in the directory').selectOption('manual-demo-alder-sheriff');
    await target.getByLabel('Kind of target').selectOption('primary');
    await target.getByRole('button', { name: 'Add a target' }).click();
    await expect.poll(() => page.locator('#targets').textContent()).toContain('Dana Morales');

    await page.getByRole('button', { name: 'Add a tactic' }).click();
    const tactic = page.locator('form[action$="/tactics"]');
    await tactic.getByLabel('Rung on the ladder').selectOption('vigil_rally');
    await tactic.getByLabel('Date', { exact: true }).fill('2027-05-01');
    await tactic.getByLabel('What (English)').fill('Vigil at city hall');
    await tactic.getByLabel('The action that carries it out').selectOption('meeting_requests');
    await tactic.getByRole('button', { name: 'Add a tactic' }).click();
    await expect
      .poll(() => page.locator('.ladder-warnings').textContent())
      .toContain(
        '“Vigil at city hall” (Vigil or rally, May 1, 2027) comes before any meeting with decision makers.',
      );

    await page.getByRole('link', { name: 'Strategy chart (print)' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Strategy chart: A municipal ID for Riverton');
    expect(await page.locator('.strategy-chart h2').allTextContents()).toEqual([
      'Goals',
      'Organizational considerations',
      'Constituents, allies and opponents',
      'Targets',
      'Tactics',
    ]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    const columns = await page
      .locator('.strategy-chart')
      .evaluate((chart) => getComputedStyle(chart).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(5);
    await page.emulateMedia({ media: 'screen' });

    await switchLanguage(page, 'es');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Cuadro de estrategia: Una identificación municipal para Riverton',
    );
    await page.close();
  });

  it('a visitor sees the demo campaign with its open actions, in English and Spanish', async () => {
    const page = await browser().newPage();
    await page.goto('/campaigns/alder-county-trust');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'A TRUST policy for Alder County',
    );
    const actions = page.locator('section[aria-labelledby="campaign-actions"] li');
    expect(await actions.count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('link', { name: /Letter: Faith leaders ask the Alder County Sheriff/ }).click();
    await expect
      .poll(() => page.locator('.part-of-campaign').textContent())
      .toContain('Part of the campaign A TRUST policy for Alder County');
    await page.locator('.part-of-campaign a').click();
    await switchLanguage(page, 'es');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Una política TRUST para el condado de Alder',
    );
    expect(await page.getByRole('heading', { name: 'Lo que puede hacer ahora' }).count()).toBe(1);
    expect(await page.content()).not.toContain('Alder Deputies Association');
    await page.close();
  });
});
