// The CSRF and rate-limit exemption covers exactly the routes other parties post to with their own
// proof (Resend's webhook, RFC 8058 one-click unsubscribe), never a path that merely ends the same way.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { manageUrl } from '../../src/advocacy-days/emails';
import { buildApp, isCsrfExempt } from '../../src/app';
import { oneClickUnsubscribeUrl } from '../../src/bills/links';
import { RESEND_WEBHOOK_PATH } from '../../src/email/routes';
import { stopUpdatesUrl } from '../../src/letters/updates';
import { newToken } from '../../src/lib/tokens';
import { ORIGIN, organizerCookie, postForm } from '../helpers';

const site = { PUBLIC_URL: ORIGIN };
const pathOf = (url: string) => new URL(url).pathname;

describe('isCsrfExempt', () => {
  it('exempts the webhook and the three public one-click unsubscribe routes as the app builds them', () => {
    const token = newToken();
    expect(isCsrfExempt(RESEND_WEBHOOK_PATH)).toBe(true);
    expect(isCsrfExempt(pathOf(oneClickUnsubscribeUrl(site, token)))).toBe(true);
    expect(isCsrfExempt(pathOf(stopUpdatesUrl(site, token)))).toBe(true);
    expect(isCsrfExempt(`${pathOf(manageUrl(site, token))}/one-click-unsubscribe`)).toBe(true);
  });

  it('does not exempt admin paths or other paths that only end in /one-click-unsubscribe', () => {
    const token = newToken();
    for (const path of [
      '/admin/one-click-unsubscribe',
      `/admin/bills/subscriptions/${token}/one-click-unsubscribe`,
      `/admin/letters/updates/${token}/one-click-unsubscribe`,
      '/admin/privacy/one-click-unsubscribe',
      '/meetings/one-click-unsubscribe',
      `/letters/some-letter/sign/one-click-unsubscribe`,
      `/bills/subscriptions/${token}/one-click-unsubscribe/more`,
      `/bills/subscriptions/${token}/x/one-click-unsubscribe`,
      `/bills/subscriptions//one-click-unsubscribe`,
      `${RESEND_WEBHOOK_PATH}/x`,
    ]) {
      expect(isCsrfExempt(path), path).toBe(false);
    }
  });
});

describe('a cross-site POST to an /admin path ending in /one-click-unsubscribe', () => {
  it('is refused by the CSRF check (403), even with a signed-in organizer’s cookie', async () => {
    const cookie = await organizerCookie();
    const response = await postForm(
      '/admin/letters/one-click-unsubscribe',
      {},
      { cookie, origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
  });
});

describe('the public POST rate limit', () => {
  it('applies to a public path that only ends in /one-click-unsubscribe', async () => {
    const keys: string[] = [];
    const refuse: RateLimit = {
      async limit(options) {
        keys.push(options.key);
        return { success: false };
      },
    };
    const ctx = createExecutionContext();
    const response = await buildApp().fetch(
      new Request(`${ORIGIN}/meetings/one-click-unsubscribe`, {
        method: 'POST',
        headers: { origin: ORIGIN, accept: 'text/html', 'cf-connecting-ip': '198.51.100.9' },
      }),
      { ...env, RL_PUBLIC: refuse },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(429);
    expect(keys).toHaveLength(1);
  });
});
