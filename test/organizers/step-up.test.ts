// Step-up: exports, erasure and mass sends need a proof of identity from the last 15 minutes; an
// older session gets "confirm it is you" with what was submitted kept, and nothing happens.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/lib/time';
import { needsStepUp } from '../../src/organizers/guard';
import { organizerCookie, postForm, request } from '../helpers';

async function staleCookie(email: string): Promise<string> {
  const cookie = await organizerCookie(email, 'organizer');
  await env.DB.prepare(
    'UPDATE organizer_sessions SET authenticated_at = ? WHERE organizer_id = (SELECT id FROM organizers WHERE email = ?)',
  )
    .bind(Date.now() - 20 * MINUTE, email)
    .run();
  return cookie;
}

describe('needsStepUp', () => {
  it('wants a proof at most 15 minutes old', () => {
    expect(needsStepUp(0, 15 * MINUTE)).toBe(false);
    expect(needsStepUp(0, 15 * MINUTE + 1)).toBe(true);
  });
});

describe('a dangerous action on an older session', () => {
  it('asks to confirm before a CSV export, and the Continue form comes back to it', async () => {
    const cookie = await staleCookie('stale-export@example.org');
    const response = await request('/admin/meetings/export.csv?state=ga', { cookie });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('Confirm it is you');
    expect(html).toContain('<form id="step-up-continue" method="get" action="/admin/meetings/export.csv">');
    expect(html).toContain('<input type="hidden" name="state" value="ga"/>');
    // No passkey: a sign-in link to the organizer's own address, in a new tab.
    expect(html).toContain('<form method="post" action="/sign-in" target="_blank">');
  });

  it('keeps what was posted, erases nothing, and records nothing until confirmed', async () => {
    const cookie = await staleCookie('stale-erase@example.org');
    const response = await postForm(
      '/admin/privacy/erase',
      { email: 'keep@example.org' },
      { cookie, lang: 'es' },
    );
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain('Confirme que es usted');
    expect(html).toContain('<input type="hidden" name="email" value="keep@example.org"/>');
    const erasures = await env.DB.prepare('SELECT count(*) AS n FROM privacy_erasures').first<{
      n: number;
    }>();
    expect(erasures?.n).toBe(0);
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_events WHERE event = 'erase'").first<{
      n: number;
    }>();
    expect(audit?.n).toBe(0);
  });

  it('lets a fresh session through', async () => {
    const cookie = await organizerCookie('fresh-export@example.org', 'organizer');
    const response = await request('/admin/meetings/export.csv', { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
  });
});
