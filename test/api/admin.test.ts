import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { organizerCookie, postForm, request } from '../helpers';
import { api } from './fixtures';

describe('/admin/api-keys', () => {
  it('lets an organizer create a key shown once, which then works, and revoke it', async () => {
    const cookie = await organizerCookie('keys@example.org', 'organizer');
    const made = await postForm('/admin/api-keys', { name: 'Our CRM', scope: 'write' }, { cookie });
    expect(made.status).toBe(200);
    const html = await made.text();
    const secret = /<code>(wt_[A-Za-z0-9_-]+)<\/code>/.exec(html)?.[1];
    expect(secret).toBeDefined();
    expect((await api('/', secret!)).status).toBe(200);
    // Stored hashed only, listed without the secret, creation audited.
    const stored = await env.DB.prepare(
      "SELECT id, key_hash, scope FROM api_keys WHERE name = 'Our CRM'",
    ).first<{
      id: string;
      key_hash: string;
      scope: string;
    }>();
    expect(stored?.key_hash).not.toContain(secret!);
    expect(stored?.scope).toBe('write');
    const list = await (await request('/admin/api-keys', { cookie })).text();
    expect(list).toContain('Our CRM');
    expect(list).not.toContain(secret!);
    const audit = await env.DB.prepare("SELECT event FROM audit_events WHERE path = '/api-keys'").first();
    expect(audit).toEqual({ event: 'export' });

    const revoked = await postForm(`/admin/api-keys/${stored!.id}/revoke`, {}, { cookie });
    expect(revoked.status).toBe(303);
    expect((await api('/', secret!)).status).toBe(401);
  });

  it('refuses a key without a name with 422, in Spanish too', async () => {
    const cookie = await organizerCookie('keys2@example.org', 'owner');
    const response = await postForm('/admin/api-keys', { name: '', scope: 'read' }, { cookie, lang: 'es' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('href="#field-name"');
  });

  it('shows viewers the list but not the form, and refuses them a key', async () => {
    const cookie = await organizerCookie('viewer-keys@example.org', 'viewer');
    const page = await (await request('/admin/api-keys', { cookie })).text();
    expect(page).toContain('Organizers and owners can create and revoke keys.');
    const response = await postForm('/admin/api-keys', { name: 'Mine', scope: 'read' }, { cookie });
    expect(response.status).toBe(403);
  });
});
