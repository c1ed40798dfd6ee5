// Passkeys in a real browser, with Chromium's virtual authenticator (DevTools' WebAuthn domain)
// standing in for a phone or laptop: add a passkey after signing in by email link, sign out, sign
// in with link and passkey, then with the passkey alone, and be refused with the link alone.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrivedAt, followLinkInNewestMail, listMail, useBrowser } from './harness';

const browser = useBrowser({ hostname: 'localhost' });
const DEMO_ORGANIZER = 'organizer@example.org';

async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** Asks for a sign-in link and presses the button in the email's page. */
async function signInByLink(page: Page): Promise<void> {
  const before = (await listMail(page)).map((entry) => entry.id);
  await page.goto('/sign-in?next=/admin');
  await page.getByLabel('Your email address').fill(DEMO_ORGANIZER);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');
  await followLinkInNewestMail(page, DEMO_ORGANIZER, '/sign-in/', { after: before });
  await page.getByRole('button', { name: 'Sign me in' }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await arrivedAt(page, '/sign-in');
}

describe('passkeys in a browser', () => {
  it('adds a passkey, then needs it to sign in, and accepts it alone', async () => {
    const page = await browser().newPage();
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);

    await signInByLink(page);
    await arrivedAt(page, '/admin');
    await page.getByRole('link', { name: 'Your passkeys' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your passkeys');
    await page.getByLabel('Name of this passkey').fill('Test laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Passkey added');
    expect(await page.getByRole('rowheader', { name: 'Test laptop' }).count()).toBe(1);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
    await signOut(page);

    // The email link alone now leads to the passkey step, and /admin stays closed until it is done.
    await signInByLink(page);
    await arrivedAt(page, '/sign-in/passkey');
    expect(await page.getByText('Your account has a passkey').count()).toBe(1);
    await page.goto('/admin');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto('/sign-in/passkey?next=/admin');
    await page.getByRole('button', { name: 'Use my passkey' }).click();
    await arrivedAt(page, '/admin');
    await signOut(page);

    // The passkey alone (a discoverable credential): no email at all.
    await page.getByRole('link', { name: 'Sign in with a passkey instead' }).click();
    await page.getByRole('button', { name: 'Use my passkey' }).click();
    await arrivedAt(page, '/admin');
    await signOut(page);

    // Without the passkey (another device: the authenticator is gone), the link is not enough.
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    await signInByLink(page);
    await arrivedAt(page, '/sign-in/passkey');
    await page.goto('/admin');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
