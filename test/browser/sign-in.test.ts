// The whole organizer sign-in, in a real browser against `wrangler dev` with the demo content:
// switch to Spanish, ask for a link as the demo organizer, open it from /dev/mail, press the
// button, land on /admin, sign out; the link does not work twice.
import { describe, expect, it } from 'vitest';
import { arrivedAt, followLinkInNewestMail, switchLanguage, useBrowser } from './harness';

const browser = useBrowser();
const DEMO_ORGANIZER = 'organizer@example.org';

describe('organizer sign-in in a browser', () => {
  it('signs in with a link from the mailbox, in Spanish, and signs out', async () => {
    const page = await browser().newPage();
    await page.goto('/');
    await switchLanguage(page, 'es');

    // The footer's organizer link leads to sign-in (keeping where to go next).
    await page.getByRole('contentinfo').getByRole('link', { name: 'Organizadores' }).click();
    await arrivedAt(page, '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');

    await page.getByLabel('Su correo electrónico').fill(DEMO_ORGANIZER);
    await page.getByRole('button', { name: 'Enviarme un enlace para entrar' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Revise su correo');

    const { mail, link } = await followLinkInNewestMail(page, DEMO_ORGANIZER, '/sign-in/');
    expect(mail.to).toBe(DEMO_ORGANIZER);
    expect(mail.subject).toContain('Su enlace para entrar');
    expect(mail.text).toContain('10 minutos');
    expect(link.startsWith(browser().baseUrl)).toBe(true);

    // Opening the link only shows a button (mail scanners open links too).
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Entrar');
    expect((await page.context().cookies()).some((c) => c.name === '__Host-wt_session')).toBe(false);
    await page.getByRole('button', { name: 'Entrar' }).click();

    await arrivedAt(page, '/admin');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Panel de organizadores');
    expect(await page.getByText(DEMO_ORGANIZER).count()).toBeGreaterThan(0);
    const session = (await page.context().cookies()).find((c) => c.name === '__Host-wt_session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    for (const section of ['letters', 'days', 'officials', 'meetings', 'bills', 'outbox', 'privacy']) {
      await expect.poll(() => page.locator(`main a[href="/admin/${section}"]`).count()).toBe(1);
    }

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await arrivedAt(page, '/sign-in');
    expect(await page.getByRole('status').first().textContent()).toContain('Su sesión está cerrada.');
    expect((await page.context().cookies()).some((c) => c.name === '__Host-wt_session')).toBe(false);

    // Signed out for real: /admin sends the person back to sign in.
    await page.goto('/admin');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // The link does not work a second time.
    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Este enlace para entrar no funciona');
    expect(await page.getByRole('button', { name: 'Entrar' }).count()).toBe(0);
  });

  it('serves static files with the same security headers as pages (public/_headers)', async () => {
    const page = await browser().newPage();
    const asset = await page.request.get('/app.css');
    expect(asset.status()).toBe(200);
    const pageResponse = await page.request.get('/');
    for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options']) {
      expect(asset.headers()[name], name).toBe(pageResponse.headers()[name]);
    }
  });
});
