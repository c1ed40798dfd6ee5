// Campaigns in a real browser against `wrangler dev` with the demo content: an organizer builds a
// campaign, adds a tactic and sees the ladder warning, prints the strategy chart, and a visitor
// sees the demo campaign's public page in English and Spanish; and the whole story: a new
// campaign with a new vigil that a visitor RSVPs to (calendar file), subscribes to, and gets the
// organizer's update from, in English and Spanish, with one-click unsubscribe.
import { describe, expect, it } from 'vitest';
import { utcToZonedInput } from '../../src/advocacy-days/calendar';
import { checkCalendar } from '../checks/ical';
import {
  arrivedAt,
  listMail,
  openNewestMail,
  readMail,
  signInAsDemoOrganizer,
  switchLanguage,
  useBrowser,
  type MailboxMessage,
} from './harness';
import type { Page } from 'playwright-core';

// Runs inside Chromium (page.evaluate); the project compiles without the DOM library.
declare function getComputedStyle(element: unknown): { gridTemplateColumns: string };

const browser = useBrowser();

/** Waits for the newest email to an address whose subject holds some words, and reads it. */
async function mailAbout(page: Page, to: string, subject: string): Promise<MailboxMessage> {
  for (let tries = 0; tries < 120; tries += 1) {
    const found = (await listMail(page)).find((entry) => entry.to === to && entry.subject.includes(subject));
    if (found) return readMail(page, found.id);
    await page.waitForTimeout(500);
  }
  throw new Error(`No email to ${to} about ${subject}`);
}

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
    // Switch language on the campaign's page, not on the letter's while it is still leaving.
    await arrivedAt(page, '/campaigns/alder-county-trust');
    await switchLanguage(page, 'es');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Una política TRUST para el condado de Alder',
    );
    expect(await page.getByRole('heading', { name: 'Lo que puede hacer ahora' }).count()).toBe(1);
    expect(await page.content()).not.toContain('Alder Deputies Association');
    await page.close();
  });

  it('an organizer builds a campaign with a new vigil; a visitor RSVPs, subscribes and gets the update', async () => {
    const TZ = 'America/New_York';
    const organizer = await browser().newPage();
    await signInAsDemoOrganizer(organizer, '/admin/gatherings');
    // ---- A new vigil ----------------------------------------------------------------------------
    await organizer.getByRole('button', { name: 'New gathering' }).click();
    const startsAt = Date.now() + 12 * 86_400_000;
    await organizer.getByLabel('Kind of gathering').selectOption('vigil');
    await organizer.getByLabel('Title', { exact: true }).fill('Vigil for Riverton families');
    await organizer.getByLabel('Title in Spanish').fill('Vigilia por las familias de Riverton');
    await organizer.getByLabel('Web address (after /gatherings/)').fill('riverton-vigil');
    await organizer.getByLabel('Summary', { exact: true }).fill('We keep watch at city hall.');
    await organizer.getByLabel('Status').selectOption('published');
    await organizer.getByLabel('Starts').fill(utcToZonedInput(startsAt, TZ));
    await organizer.getByLabel('Ends').fill(utcToZonedInput(startsAt + 3_600_000, TZ));
    await organizer.getByLabel('RSVPs close').fill(utcToZonedInput(startsAt - 3_600_000, TZ));
    await organizer.getByLabel('Place', { exact: true }).fill('Riverton City Hall');
    await organizer.getByLabel('Address', { exact: true }).fill('1 Main St, Riverton, GA 30601');
    await organizer.locator('#field-state').fill('GA');
    await organizer.locator('#field-capacity').fill('50');
    await organizer.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => organizer.getByRole('heading', { level: 1 }).textContent())
      .toBe('Vigil for Riverton families');

    // ---- A new campaign whose vigil tactic is carried out by it ---------------------------------
    await organizer.goto('/admin/campaigns/new');
    await organizer.getByLabel('Web address (campaigns/…)').fill('riverton-welcome');
    await organizer.getByLabel('Title (English)').fill('A welcoming Riverton');
    await organizer.getByLabel('Title (Spanish)').fill('Una Riverton acogedora');
    await organizer.getByLabel('Publish the campaign page').check();
    await organizer.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => organizer.getByRole('status').first().textContent()).toContain('Saved.');
    const adminUrl = organizer.url().split('?')[0]!;
    await organizer.getByRole('button', { name: 'Add a tactic' }).click();
    const tactic = organizer.locator('form[action$="/tactics"]');
    await tactic.getByLabel('Rung on the ladder').selectOption('vigil_rally');
    await tactic.getByLabel('Date', { exact: true }).fill(new Date(startsAt).toISOString().slice(0, 10));
    await tactic.getByLabel('What (English)').fill('Vigil at city hall');
    await tactic
      .getByLabel('The action that carries it out')
      .selectOption({ label: 'Gathering: Vigil for Riverton families' });
    await tactic.getByRole('button', { name: 'Add a tactic' }).click();
    await expect.poll(() => organizer.locator('#tactics').textContent()).toContain('Vigil at city hall');

    // ---- A visitor RSVPs from the campaign page and gets the calendar file ----------------------
    const visitor = await browser().newPage();
    await visitor.goto('/campaigns/riverton-welcome');
    await visitor
      .locator('section[aria-labelledby="campaign-actions"] a[href="/gatherings/riverton-vigil"]')
      .click();
    await expect
      .poll(() => visitor.locator('.part-of-campaign').textContent())
      .toContain('Part of the campaign A welcoming Riverton');
    await visitor.getByLabel('Name', { exact: true }).fill('Rita Neighbor');
    await visitor.getByLabel('Email', { exact: true }).fill('rita@example.org');
    await visitor.getByRole('button', { name: 'RSVP' }).click();
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
      .toBe('Check your email');
    const rsvp = await openNewestMail(visitor, 'rita@example.org');
    await visitor.goto(rsvp.links.find((link) => link.includes('/days/r/'))!);
    await visitor.getByRole('button', { name: /Confirm/ }).click();
    await expect.poll(() => visitor.getByText('You have a place. See you there!').count()).toBe(1);
    const ics = visitor.getByRole('link', { name: 'Download the calendar file (.ics)' });
    const download = await visitor.request.get(
      new URL((await ics.getAttribute('href'))!, visitor.url()).toString(),
    );
    expect(checkCalendar(await download.text(), 'the Riverton vigil').events[0]!.summary).toBe(
      'Vigil for Riverton families',
    );

    // ---- Two people subscribe to the campaign, one in Spanish, and confirm ---------------------
    for (const [email, lang] of [
      ['rita@example.org', 'en'],
      ['marta@example.org', 'es'],
    ] as const) {
      await visitor.goto('/campaigns/riverton-welcome');
      const form = visitor.locator('form[action="/campaigns/riverton-welcome/subscribe"]');
      await form.getByLabel('Your email').fill(lang === 'en' ? 'not an email' : email);
      await form.getByLabel('Language of the emails').selectOption(lang);
      await form.getByRole('button', { name: 'Subscribe' }).click();
      if (lang === 'en') {
        // Bad input: a clear message, nothing stored; then the right address.
        await expect.poll(() => visitor.locator('.error-summary').textContent()).toContain('email');
        await visitor
          .locator('form[action="/campaigns/riverton-welcome/subscribe"]')
          .getByLabel('Your email')
          .fill(email);
        await visitor.getByRole('button', { name: 'Subscribe' }).click();
      }
      await expect
        .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
        .toBe('Please check your email');
      const confirm = await mailAbout(
        visitor,
        email,
        lang === 'en'
          ? 'confirm your updates about A welcoming Riverton'
          : 'Confirme sus novedades sobre Una Riverton acogedora',
      );
      await visitor.goto(confirm.links.find((link) => link.includes('/bills/subscriptions/confirm/'))!);
      await visitor.locator('main form button[type="submit"]').click();
      await expect
        .poll(() => visitor.locator('main').textContent())
        .toContain('Updates on the campaign “A welcoming Riverton”');
    }

    // ---- The organizer posts an update; it reaches both in their language ---------------------
    await organizer.goto(`${adminUrl}/updates`);
    await organizer.getByRole('button', { name: 'Post and email the update' }).click();
    await expect.poll(() => organizer.locator('.error-summary').count()).toBe(1);
    await organizer.getByLabel('Title (English)').fill('The council will vote on May 6');
    await organizer.getByLabel('Update (English)').fill('Come to the **vote** and bring a neighbor.');
    await organizer.getByLabel('Title (Spanish, optional)').fill('El concejo vota el 6 de mayo');
    await organizer.getByLabel('Update (Spanish, optional)').fill('Venga a la **votación** con un vecino.');
    await organizer.getByRole('button', { name: 'Post and email the update' }).click();
    await expect.poll(() => organizer.getByRole('status').first().textContent()).toContain('2 subscribers');

    const english = await mailAbout(visitor, 'rita@example.org', 'The council will vote on May 6');
    expect(english.subject).toBe('A welcoming Riverton: The council will vote on May 6');
    expect(english.text).toContain('Come to the **vote** and bring a neighbor.');
    const spanish = await mailAbout(visitor, 'marta@example.org', 'El concejo vota');
    expect(spanish.subject).toBe('Una Riverton acogedora: El concejo vota el 6 de mayo');
    expect(spanish.text).toContain('Venga a la **votación** con un vecino.');
    const unsubscribe = spanish.links.find((link) => link.endsWith('/one-click-unsubscribe'))!;
    expect(unsubscribe).toBeTruthy();
    await visitor.goto(unsubscribe);
    await visitor.getByRole('button', { name: /^(Unsubscribe|Cancelar la suscripción)$/ }).click();
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
      .toMatch(/^(You are unsubscribed|Su suscripción está cancelada)$/);

    // ---- The update is on the public page, in both languages -----------------------------------
    await visitor.goto('/campaigns/riverton-welcome');
    await switchLanguage(visitor, 'en');
    await expect
      .poll(() => visitor.getByRole('heading', { name: 'The council will vote on May 6' }).count())
      .toBe(1);
    await switchLanguage(visitor, 'es');
    await expect
      .poll(() => visitor.getByRole('heading', { name: 'El concejo vota el 6 de mayo' }).count())
      .toBe(1);
    await organizer.close();
    await visitor.close();
  });
});
