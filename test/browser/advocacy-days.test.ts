// The advocacy day end to end in a real browser on the demo content (issue 4, "Done when"):
// register on a phone, find the confirmation and its .ics in /dev/mail, see the next person go on
// the waitlist, cancel and watch them get the seat and an email; then, as the organizer, build
// teams, assign a role and the meeting, print a packet, check someone in on a phone-sized window,
// and send a debrief that shows up in the report.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { utcToZonedInput } from '../../src/advocacy-days/calendar';
import { arrivedAt, followLinkInNewestMail, listMail, openNewestMail, useBrowser } from './harness';

const browser = useBrowser();
const DAY_PATH = '/days/south-carolina-faith-advocacy-day';
const FIRST = 'first.person@example.org';
const SECOND = 'second.person@example.org';
const PHONE = { width: 390, height: 844 };

async function register(page: Page, name: string, email: string) {
  await page.goto(DAY_PATH);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Phone').fill('803-555-0199');
  await page.getByLabel('Home address or ZIP code').fill('1100 Gervais St, Columbia, SC 29201');
  await page.getByLabel('Lay', { exact: true }).check();
  await page.getByLabel('I am willing to share a personal story in a meeting').check();
  await page.getByRole('button', { name: /Register|Join the waitlist/ }).click();
}

async function signIn(page: Page) {
  await page.goto('/sign-in');
  await page.getByRole('textbox').first().fill('organizer@example.org');
  await page.locator('main form button[type="submit"]').click();
  await followLinkInNewestMail(page, 'organizer@example.org', '/sign-in/');
  await page.locator('main form button[type="submit"]').click();
  await arrivedAt(page, '/admin');
}

describe('advocacy day in a browser', () => {
  it('registers, waitlists, cancels and promotes; organizers build teams, check in, debrief and report', async () => {
    // ---- A person registers on a phone and gets the last seat ---------------------------------
    const person = await browser().newPage();
    await person.setViewportSize(PHONE);
    await person.goto('/days');
    await person.getByRole('link', { name: 'South Carolina Faith Advocacy Day' }).click();
    await expect.poll(() => person.getByText('1 of 2 seats left.').count()).toBe(1);
    await register(person, 'First Person', FIRST);
    // The page never says whether the address got a seat, is waiting or was already registered.
    await expect.poll(() => person.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');

    const confirmation = await openNewestMail(person, FIRST);
    expect(confirmation.subject).toContain('You have a seat');
    expect(confirmation.text).toContain('calendar.google.com');
    const ics = person.locator('a[href*="/attachments/0"]');
    await expect.poll(() => ics.count()).toBe(1);
    const icsResponse = await person.request.get(
      new URL((await ics.getAttribute('href'))!, person.url()).toString(),
    );
    expect(icsResponse.headers()['content-type']).toContain('text/calendar');
    expect(await icsResponse.text()).toContain('SUMMARY:South Carolina Faith Advocacy Day');
    const firstLink = confirmation.links.find((link) => link.includes('/days/r/'))!;

    // ---- Someone types the same address again: same page, and the holder gets their link -------
    await register(person, 'Not First Person', FIRST);
    await expect.poll(() => person.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');
    expect(await person.getByText(/already/i).count()).toBe(0);
    const already = await openNewestMail(person, FIRST, { after: [confirmation.id] });
    expect(already.subject).toContain('You are already registered');
    expect(already.text).toContain('Hello First Person');
    expect(already.text).toContain('You have a seat.');

    // ---- The next person is told their place on the waitlist ----------------------------------
    const second = await browser().newPage();
    await second.setViewportSize(PHONE);
    await register(second, 'Second Person', SECOND);
    await expect.poll(() => second.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');
    const waitlistMail = await openNewestMail(second, SECOND);
    expect(waitlistMail.subject).toContain('waitlist');
    expect(waitlistMail.text).toContain('Your place on the waitlist: 1.');

    // ---- The first person cancels from their private link: the second gets the seat -----------
    await person.goto(firstLink);
    await expect.poll(() => person.getByText('You have a seat.').count()).toBe(1);
    await person.getByRole('button', { name: 'Cancel my registration' }).click();
    await expect.poll(() => person.getByText('Your registration is cancelled').count()).toBe(1);
    const promoted = await openNewestMail(second, SECOND, { after: [waitlistMail.id] });
    expect(promoted.subject).toContain('A seat opened for you');
    const secondLink = promoted.links.find((link) => link.includes('/days/r/'))!;

    // ---- The organizer builds teams, assigns a role and the meeting, prints a packet -----------
    const organizer = await browser().newPage();
    await signIn(organizer);
    await organizer.goto('/admin/days');
    await organizer.getByRole('link', { name: 'South Carolina Faith Advocacy Day' }).click();
    await organizer
      .getByRole('navigation', { name: 'This day' })
      .getByRole('link', { name: 'Teams' })
      .click();
    await organizer.getByRole('button', { name: 'Propose teams' }).click();
    const team = organizer.locator('section.team', { hasText: 'Second Person' });
    await expect.poll(() => team.count()).toBe(1);
    await team.getByLabel('Role of Second Person').selectOption('facilitator');
    const meetingTime = utcToZonedInput(Date.now() - 3_600_000, 'America/New_York');
    await team.getByLabel('Meeting time').fill(meetingTime);
    expect(await team.getByLabel('Meeting time').inputValue()).toBe(meetingTime);
    await team.getByLabel('Room').fill('State House 201');
    await team.getByRole('button', { name: 'Save meeting and roles' }).click();
    await expect.poll(() => organizer.getByText('Saved.').count()).toBe(1);
    const savedTeam = organizer.locator('section.team', { hasText: 'Second Person' });
    expect(await savedTeam.getByLabel('Role of Second Person').inputValue()).toBe('facilitator');
    expect(await savedTeam.getByLabel('Meeting time').inputValue()).toBe(meetingTime);
    await savedTeam.getByRole('link', { name: 'Printable packet' }).click();
    await expect.poll(() => organizer.getByRole('cell', { name: 'Second Person' }).count()).toBe(1);
    await expect.poll(() => organizer.getByRole('cell', { name: '803-555-0199' }).count()).toBe(1);
    await expect.poll(() => organizer.getByText('HB 3120 would keep families').count()).toBe(1);
    const packetUrl = organizer.url();

    // ---- Check-in on a phone-sized window ------------------------------------------------------
    await organizer.setViewportSize(PHONE);
    await organizer.goto(packetUrl.replace(/\/teams\/[^/]+\/packet$/, '/check-in'));
    await organizer.getByLabel('Search by name').fill('Second');
    await organizer.getByRole('button', { name: 'Search' }).click();
    await organizer.getByRole('button', { name: 'Check in Second Person' }).click();
    await expect.poll(() => organizer.getByText('Second Person is checked in.').count()).toBe(1);
    await expect
      .poll(() => organizer.getByText(/2 of 2 registered · 1 checked in · 0 waitlisted/).count())
      .toBe(1);

    // ---- The participant debriefs after the meeting; the organizer sees it in the report -------
    await second.goto(secondLink);
    await second.getByRole('link', { name: 'Tell us how your meeting went' }).click();
    await second
      .getByLabel('What did the legislator (or staff) say?')
      .fill('The senator listened and asked for numbers.');
    await second.getByLabel('Any commitment they made').fill('Will meet our clergy again before the vote');
    await second.getByLabel('Leaning yes').check();
    await second.getByLabel('Follow-up needed').fill('Send the fact sheet on HB 3120');
    await second.getByRole('button', { name: 'Send the debrief' }).click();
    await expect.poll(() => second.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you!');

    await organizer.setViewportSize({ width: 1280, height: 900 });
    await organizer.goto(packetUrl.replace(/\/teams\/[^/]+\/packet$/, '/report'));
    await expect
      .poll(() => organizer.getByText('Will meet our clergy again before the vote').count())
      .toBe(1);
    await expect.poll(() => organizer.getByText('Send the fact sheet on HB 3120').count()).toBe(1);
    await expect.poll(() => organizer.getByText(/1 checked in of 2 registered/).count()).toBe(1);
    await organizer.getByRole('button', { name: 'Send the report-back email' }).click();
    await expect.poll(() => organizer.getByText('The report-back email is on its way.').count()).toBe(1);
    await expect
      .poll(
        async () =>
          (await listMail(organizer)).some((m) => m.subject.startsWith('Report back: South Carolina')),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
  });

  it('shows a Spanish reader the Spanish texts, and the English ones not yet translated', async () => {
    const reader = await browser().newPage();
    await reader.setViewportSize(PHONE);
    await reader.goto(DAY_PATH);
    await reader.getByRole('button', { name: 'Ver este sitio en español' }).click();
    await expect
      .poll(() => reader.getByRole('heading', { level: 1 }).textContent())
      .toBe('Día de Incidencia de Fe en Carolina del Sur');
    await expect.poll(() => reader.getByText('9:00 Capacitación').count()).toBe(1);
    // "What to bring" has no Spanish version: the English text, marked as English for screen readers.
    await expect.poll(() => reader.locator('p[lang="en"]', { hasText: 'A photo ID.' }).count()).toBe(1);
    expect(await reader.getByText('9:00 Training').count()).toBe(0);
  });
});
