// The whole sign-on letter, in a real browser against `wrangler dev` with the demo content: sign in
// Spanish, confirm from /dev/mail, find the name under its tradition, sign again (no second
// signature), withdraw; then as the organizer hide a signer, export the CSV, print the delivery page.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrivedAt, followLinkInNewestMail, openNewestMail, switchLanguage, useBrowser } from './harness';

const browser = useBrowser();
const LETTER = '/letters/alder-county-trust-policy';
const SIGNER = 'rabbi.browser@example.org';
const DEMO_ORGANIZER = 'organizer@example.org';
// The local queue delivers to /dev/mail; on a busy machine that can take a while.
const MAIL_WAIT = { timeoutMs: 60_000 };

async function fillSignatureInSpanish(page: Page) {
  await page.getByLabel(/^Título/).selectOption({ label: 'Rabino/a' });
  await page.getByLabel('Nombre', { exact: true }).fill('Rebeca');
  await page.getByLabel('Apellido', { exact: true }).fill('Navegadora');
  await page.getByLabel('Clero').check();
  await page.getByLabel(/^Tradición de fe/).selectOption({ label: 'Judía' });
  await page.getByLabel(/^Denominación o movimiento/).fill('Reconstruccionista');
  await page.getByLabel(/^Congregación u organización/).fill('Kehilá de Santa Fe');
  await page.getByLabel('Ciudad', { exact: true }).fill('Santa Fe');
  await page.getByLabel(/^Estado/).selectOption('NM');
  await page.getByLabel(/^Correo electrónico/).fill(SIGNER);
  await page.getByLabel('Mostrar mi nombre públicamente en esta carta').check();
  await page.getByRole('button', { name: 'Firmar la carta' }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Revise su correo electrónico');
}

async function signedCount(page: Page): Promise<string> {
  await page.goto(`${LETTER}/signers`);
  return (await page.locator('main p strong').first().textContent()) ?? '';
}

describe('a clergy sign-on letter in a browser', () => {
  it('signs in Spanish, confirms, appears under the tradition, signs again, withdraws', async () => {
    const page = await browser().newPage();
    await page.goto(LETTER);
    await switchLanguage(page, 'es');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('política TRUST');
    const before = await signedCount(page);
    expect(before).toMatch(/^Firmada por 36 líderes religiosos/);

    await page.goto(LETTER);
    await fillSignatureInSpanish(page);
    const { mail } = await followLinkInNewestMail(page, SIGNER, '/confirm/', MAIL_WAIT);
    expect(mail.subject).toContain('Confirme su firma');
    const withdrawLink = mail.links.find((link) => link.includes('/withdraw/'))!;
    expect(withdrawLink).toBeTruthy();
    await page.getByRole('button', { name: 'Confirmar mi firma' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gracias por firmar');
    // The copy button is shown by public/app.js once it runs (hidden without JavaScript).
    await expect.poll(() => page.locator('button[data-copy]').isVisible()).toBe(true);
    await expect.poll(() => page.locator('a[href^="mailto:"]').count()).toBe(1);
    await expect.poll(() => page.locator('a[href^="sms:"]').count()).toBe(1);

    expect(await signedCount(page)).toMatch(/^Firmada por 37 líderes religiosos/);
    const jewish = page.locator('section.signer-group', {
      has: page.getByRole('heading', { name: 'Judía' }),
    });
    expect(await jewish.textContent()).toContain('Rabino/a Rebeca Navegadora');

    // Signing again with the same address: the same page, and still one signature.
    await page.goto(LETTER);
    await fillSignatureInSpanish(page);
    expect(await signedCount(page)).toMatch(/^Firmada por 37 líderes religiosos/);
    await expect.poll(() => page.getByText('Rabino/a Rebeca Navegadora').count()).toBe(1);

    // Withdraw with the private link from the email.
    await page.goto(withdrawLink);
    await page.getByRole('button', { name: 'Retirar mi firma' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Su firma fue retirada');
    expect(await signedCount(page)).toMatch(/^Firmada por 36 líderes religiosos/);
    expect(await page.getByText('Rebeca Navegadora').count()).toBe(0);
  });

  it('lets the organizer hide a signer, export the CSV and print the delivery page', async () => {
    const page = await browser().newPage();
    await page.goto('/sign-in');
    await page.getByLabel(/^Your email address/).fill(DEMO_ORGANIZER);
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await followLinkInNewestMail(page, DEMO_ORGANIZER, '/sign-in/', MAIL_WAIT);
    await page.getByRole('button', { name: 'Sign me in' }).click();
    await arrivedAt(page, '/admin');

    await page.goto('/admin/letters');
    await page
      .getByRole('link', { name: 'Faith leaders ask the Alder County Sheriff to adopt a TRUST policy' })
      .click();
    await page.getByRole('link', { name: 'Signers' }).first().click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('Kim');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Kim');
    const row = page.locator('tbody tr', { hasText: 'Daniel Kim' });
    expect(await row.textContent()).toContain('demo-trust-11@example.org');
    await row.getByRole('button', { name: 'Hide' }).click();
    await expect
      .poll(() => page.locator('tbody tr', { hasText: 'Daniel Kim' }).textContent())
      .toContain('Hidden by an organizer');

    const publicPage = await browser().newPage();
    await publicPage.goto(`${LETTER}/signers`);
    expect(await publicPage.getByText('Daniel Kim').count()).toBe(0);
    expect(await publicPage.locator('main p strong').first().textContent()).toMatch(
      /^Signed by 35 faith leaders/,
    );

    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('signers-alder-county-trust-policy.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    // Labels in the organizer's language, each with its code beside it for machines.
    expect(lines[0]).toMatch(
      /^honorific,honorific_code,first_name,last_name,role,role_code,tradition,tradition_code/,
    );
    expect(lines.filter((line) => line.includes('@example.org'))).toHaveLength(36);
    expect(csv).toMatch(/Kim,[^,]+,lay,[^,]+,evangelical,/);

    await page.goto('/admin/letters/demo-letter-trust/deliver');
    expect(await page.getByRole('heading', { name: 'Deliver the letter' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: 'Deliver the letter' }).isVisible()).toBe(false);
    expect(await page.locator('form').first().isVisible()).toBe(false);
    expect(
      await page
        .getByRole('heading', { name: 'Faith leaders ask the Alder County Sheriff to adopt a TRUST policy' })
        .isVisible(),
    ).toBe(true);
    expect(await page.getByText('Rabbi Miriam Cohen').isVisible()).toBe(true);
    expect(await page.getByText('Daniel Kim').count()).toBe(0);
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    // And an email to the addressees, through the outbox.
    await page.getByLabel(/^Send to these email addresses/).fill('sheriff@alder-county.example');
    await page.getByRole('button', { name: 'Send the letter' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('on its way to 1');
    const delivered = await openNewestMail(page, 'sheriff@alder-county.example', MAIL_WAIT);
    expect(delivered.subject).toContain('TRUST policy');
    expect(delivered.text).toContain('Rabbi Miriam Cohen');
  });
});
