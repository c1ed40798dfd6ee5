// A gathering end to end in a real browser (issue 21): an organizer creates a vigil from the
// organizer area, a visitor RSVPs in Spanish on a phone with only a name and an email, gets the
// confirmation and downloads the calendar file from the private page; the next person waits.
import { describe, expect, it } from 'vitest';
import { utcToZonedInput } from '../../src/advocacy-days/calendar';
import { checkCalendar } from '../checks/ical';
import { openNewestMail, signInAsOrganizer, switchLanguage, useBrowser } from './harness';

const browser = useBrowser();
const PHONE = { width: 390, height: 844 };
const TZ = 'America/New_York';
const VISITOR = 'vecina.vigilia@example.org';
const NEXT = 'next.person@example.org';

describe('a gathering in a browser', () => {
  it('an organizer creates a vigil; a visitor RSVPs, gets the calendar file; the next one waits', async () => {
    // ---- The organizer creates a vigil with one place ------------------------------------------
    const organizer = await browser().newPage();
    await signInAsOrganizer(organizer);
    await organizer.goto('/admin/gatherings');
    await organizer.getByRole('button', { name: 'New gathering' }).click();
    const startsAt = Date.now() + 10 * 86_400_000;
    await organizer.getByLabel('Kind of gathering').selectOption('vigil');
    await organizer.getByLabel('Title', { exact: true }).fill('Candlelight vigil at the courthouse');
    await organizer.getByLabel('Title in Spanish').fill('Vigilia con velas en el juzgado');
    await organizer.getByLabel('Web address (after /gatherings/)').fill('courthouse-vigil');
    await organizer.getByLabel('Summary', { exact: true }).fill('We keep watch with the families.');
    await organizer.getByLabel('Status').selectOption('published');
    await organizer.getByLabel('Starts').fill(utcToZonedInput(startsAt, TZ));
    await organizer.getByLabel('Ends').fill(utcToZonedInput(startsAt + 3_600_000, TZ));
    await organizer.getByLabel('RSVPs close').fill(utcToZonedInput(startsAt - 3_600_000, TZ));
    await organizer.getByLabel('Place', { exact: true }).fill('Alder County Courthouse');
    await organizer.getByLabel('Address', { exact: true }).fill('1 Court Sq, Alder, GA 30601');
    await organizer.locator('#field-state').fill('GA');
    await organizer.locator('#field-capacity').fill('0');
    await organizer.getByRole('button', { name: 'Save' }).click();
    // Bad input: a clear message, and nothing stored.
    await expect.poll(() => organizer.locator('.error-summary').textContent()).toContain('Places');
    await organizer.locator('#field-capacity').fill('1');
    await organizer.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => organizer.getByRole('heading', { level: 1 }).textContent())
      .toBe('Candlelight vigil at the courthouse');
    expect(await organizer.getByRole('link', { name: 'Teams' }).count()).toBe(0);

    // ---- A visitor finds it and RSVPs in Spanish on a phone -----------------------------------
    const visitor = await browser().newPage();
    await visitor.setViewportSize(PHONE);
    await visitor.goto('/gatherings');
    // The demo vigil is listed too.
    await expect
      .poll(() => visitor.getByRole('link', { name: 'Interfaith vigil for Alder County families' }).count())
      .toBe(1);
    await switchLanguage(visitor, 'es');
    await visitor.getByRole('link', { name: 'Vigilia con velas en el juzgado' }).click();
    await expect.poll(() => visitor.getByText('Vigilia', { exact: true }).count()).toBe(1);
    await visitor.getByLabel('Nombre').fill('Vecina de Alder');
    await visitor.getByLabel('Correo electrónico').fill(VISITOR);
    expect(await visitor.getByLabel('Español').isChecked()).toBe(true);
    await visitor.getByRole('button', { name: 'Confirmar asistencia' }).click();
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
      .toBe('Revise su correo electrónico');

    const confirmation = await openNewestMail(visitor, VISITOR);
    expect(confirmation.subject).toBe(
      'Vigilia: su asistencia está confirmada: Vigilia con velas en el juzgado',
    );
    expect(confirmation.text).not.toMatch(/equipo|distrito/);
    const privateLink = confirmation.links.find((link) => link.includes('/days/r/'))!;
    await visitor.goto(privateLink);
    await visitor.getByRole('button', { name: /Confirmar/ }).click();
    await expect.poll(() => visitor.getByText('Tiene un lugar. ¡Nos vemos allí!').count()).toBe(1);
    const ics = visitor.getByRole('link', { name: 'Descargar el archivo de calendario (.ics)' });
    const download = await visitor.request.get(
      new URL((await ics.getAttribute('href'))!, visitor.url()).toString(),
    );
    expect(download.headers()['content-type']).toContain('text/calendar');
    expect(download.headers()['content-disposition']).toContain('gathering.ics');
    const calendar = checkCalendar(await download.text(), 'the vigil');
    expect(calendar.events[0]!.summary).toBe('Vigilia con velas en el juzgado');

    // ---- The one place is taken: the next person joins the waitlist ---------------------------
    const next = await browser().newPage();
    await next.goto('/gatherings/courthouse-vigil');
    await expect
      .poll(() => next.getByText('Every place is taken: you would be number 1 on the waitlist.').count())
      .toBe(1);
    await next.getByLabel('Name', { exact: true }).fill('Next Person');
    await next.getByLabel('Email', { exact: true }).fill(NEXT);
    await next.getByRole('button', { name: 'Join the waitlist' }).click();
    await expect.poll(() => next.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');
    const waiting = await openNewestMail(next, NEXT);
    expect(waiting.text).toContain('Your place on the waitlist: 1.');

    // ---- The organizer sees both, without districts or teams ----------------------------------
    await organizer.reload();
    await expect
      .poll(() => organizer.getByText(/1 of 1 registered · 0 checked in · 1 waitlisted/).count())
      .toBe(1);
    await expect.poll(() => organizer.getByRole('cell', { name: 'Vecina de Alder' }).count()).toBe(1);
    expect(await organizer.getByText('Districts').count()).toBe(0);
  });
});
