// The bill-alert scenario in a real browser against `wrangler dev` with the demo content: subscribe
// to a bill in Spanish, confirm from /dev/mail, post an action as the organizer that moves the bill
// to committee passage, get exactly one Spanish alert, unsubscribe with one click, and get nothing
// on the next movement.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  arrivedAt,
  followLinkInNewestMail,
  listMail,
  openNewestMail,
  switchLanguage,
  useBrowser,
} from './harness';

const browser = useBrowser();
const SUBSCRIBER = 'vecina@example.org';
const DEMO_ORGANIZER = 'organizer@example.org';
const BILL_ADMIN = '/admin/bills/demo-bill-ga-hb-1105';

async function signInAsOrganizer(page: Page): Promise<void> {
  await page.goto('/sign-in?next=/admin');
  await page.getByLabel('Your email address').fill(DEMO_ORGANIZER);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await followLinkInNewestMail(page, DEMO_ORGANIZER, '/sign-in/');
  await page.getByRole('button', { name: 'Sign me in' }).click();
  await arrivedAt(page, '/admin');
}

async function postAction(page: Page, description: string, classification: string): Promise<void> {
  await page.goto(BILL_ADMIN);
  const form = page.locator(`form[action="${BILL_ADMIN}/actions"]`);
  await form.getByLabel('Where').selectOption('lower');
  await form.getByLabel('What happened').fill(description);
  await form.getByLabel('Kind of action').selectOption(classification);
  await form.getByRole('button', { name: 'Post an action' }).click();
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Action posted');
}

/** Waits until the admin page says the newest movement's alerts are all handed to email. */
async function waitForFanout(page: Page, description: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(BILL_ADMIN);
        return page.locator('#movements + ul li', { hasText: description }).first().textContent();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toContain('alerts sent');
}

async function alertsTo(page: Page, address: string) {
  return (await listMail(page)).filter((m) => m.to === address && m.subject.includes('GA HB 1105 avanzó'));
}

describe('bill alerts in a browser', () => {
  it('subscribes in Spanish, alerts exactly once on committee passage, and stops after a one-click unsubscribe', async () => {
    const visitor = await browser().newPage();
    await visitor.goto('/bills');
    await switchLanguage(visitor, 'es');
    await visitor.getByRole('link', { name: /GA HB 1105/ }).click();
    await expect.poll(() => visitor.getByRole('heading', { level: 1 }).textContent()).toContain('GA HB 1105');
    expect(await visitor.locator('[aria-current="step"]').textContent()).toBe('En comisión');

    await visitor.getByLabel('Su correo electrónico').fill(SUBSCRIBER);
    expect(await visitor.getByLabel('Idioma de las alertas').inputValue()).toBe('es');
    await visitor.getByRole('button', { name: 'Suscribirme' }).click();
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
      .toBe('Revise su correo electrónico');

    const { mail: confirmation } = await followLinkInNewestMail(
      visitor,
      SUBSCRIBER,
      '/bills/subscriptions/confirm/',
    );
    expect(confirmation.subject).toContain('Confirme sus alertas sobre GA HB 1105');
    await visitor.getByRole('button', { name: 'Confirmar mi suscripción' }).click();
    await expect
      .poll(() => visitor.getByRole('status').first().textContent())
      .toContain('Su suscripción está confirmada');

    const organizer = await browser().newPage();
    await signInAsOrganizer(organizer);
    await postAction(organizer, 'Committee favorably reported by substitute', 'committee-passage');
    await waitForFanout(organizer, 'Committee favorably reported by substitute');

    const alert = await openNewestMail(visitor, SUBSCRIBER, { after: [confirmation.id] });
    expect(alert.subject).toBe('GA HB 1105 avanzó: Aprobado en comisión');
    expect(alert.text).toContain('Qué cambió: Cámara de Representantes: Aprobado en comisión');
    expect(alert.text).toContain('Dónde se encuentra ahora: Aprobado en comisión.');
    expect(alert.text).toContain('Firme la carta del clero de Georgia');
    expect(await alertsTo(visitor, SUBSCRIBER)).toHaveLength(1);

    // One click from the email's unsubscribe link: a page with a button (scanners only see the page).
    const unsubscribe = alert.links.find((href) => href.endsWith('/one-click-unsubscribe'));
    expect(unsubscribe).toBeTruthy();
    await visitor.goto(unsubscribe!);
    await visitor.getByRole('button', { name: 'Cancelar la suscripción' }).click();
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
      .toBe('Su suscripción está cancelada');

    await postAction(organizer, 'Placed on the House calendar', 'other');
    await waitForFanout(organizer, 'Placed on the House calendar');
    expect(await alertsTo(visitor, SUBSCRIBER)).toHaveLength(1);
  });
});
