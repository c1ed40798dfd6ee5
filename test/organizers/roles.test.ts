// Organizer roles: every /admin route against every role (the table comes from the app's own route
// list, so a new route is covered the day it is added), the owner's page, and the audit log.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { ROLES, adminPermission, leavesAnOwner, may, type Role } from '../../src/organizers/roles';
import { organizerCookie, postForm, request } from '../helpers';

const adminRoutes = [
  ...new Map(
    buildApp()
      .routes.filter((route) => route.path.startsWith('/admin') && !route.path.includes('*'))
      .filter((route) => route.method === 'GET' || route.method === 'POST')
      .map((route) => [`${route.method} ${route.path}`, { method: route.method, path: route.path }]),
  ).values(),
];

const cookies = {} as Record<Role, string>;
beforeAll(async () => {
  for (const role of ROLES) cookies[role] = await organizerCookie(`${role}@roles.example.org`, role);
});

/** A request path for a route pattern: parameters become ids that name nothing. */
function pathOf(pattern: string): string {
  return pattern.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => (name === 'lang' ? 'en' : 'no-such-id'));
}

describe('the role decisions', () => {
  it('gives owners everything, organizers all but managing organizers, viewers reading only', () => {
    expect(
      ROLES.map((role) => [
        role,
        may(role, 'manage'),
        may(role, 'export'),
        may(role, 'run'),
        may(role, 'read'),
      ]),
    ).toEqual([
      ['owner', true, true, true, true],
      ['organizer', false, true, true, true],
      ['viewer', false, false, false, true],
    ]);
  });

  it('classes downloads as exports and mail to many as sensitive sends', () => {
    expect(adminPermission('GET', '/letters/abc/signers.csv')).toEqual({
      permission: 'export',
      sensitive: true,
    });
    expect(adminPermission('POST', '/privacy/erase')).toEqual({ permission: 'erase', sensitive: true });
    expect(adminPermission('POST', '/letters/abc/deliver')).toEqual({ permission: 'run', sensitive: true });
    expect(adminPermission('GET', '/letters/abc')).toEqual({ permission: 'read', sensitive: false });
    expect(adminPermission('HEAD', '/organizers')).toEqual({ permission: 'manage', sensitive: false });
  });

  it('keeps outgoing webhooks to owners: changing an endpoint needs step-up, sending one again does not', () => {
    expect(adminPermission('GET', '/webhooks')).toEqual({ permission: 'manage', sensitive: false });
    expect(adminPermission('GET', '/webhooks/ep1')).toEqual({ permission: 'manage', sensitive: false });
    expect(adminPermission('POST', '/webhooks')).toEqual({ permission: 'manage', sensitive: true });
    expect(adminPermission('POST', '/webhooks/ep1/remove')).toEqual({
      permission: 'manage',
      sensitive: true,
    });
    expect(adminPermission('POST', '/webhooks/ep1/deliveries/d1/send-again')).toEqual({
      permission: 'manage',
      sensitive: false,
    });
  });

  it('lets viewers read a campaign and its chart, and classes every change to it as running', () => {
    expect(adminPermission('GET', '/campaigns/c1/chart')).toEqual({ permission: 'read', sensitive: false });
    expect(adminPermission('GET', '/campaigns/c1/tactics/edit')).toEqual({
      permission: 'read',
      sensitive: false,
    });
    for (const path of [
      '/campaigns/new',
      '/campaigns/c1/edit',
      '/campaigns/c1/tactics',
      '/campaigns/c1/goals/remove',
    ])
      expect(adminPermission('POST', path)).toEqual({ permission: 'run', sensitive: false });
    expect(adminPermission('GET', '/campaigns/c1/updates')).toEqual({ permission: 'read', sensitive: false });
    // Posting an update emails every subscriber: a mass send.
    expect(adminPermission('POST', '/campaigns/c1/updates')).toEqual({ permission: 'run', sensitive: true });
  });

  it('never leaves the coalition without an owner', () => {
    const two = [
      { id: 'a', role: 'owner' as const },
      { id: 'b', role: 'owner' as const },
    ];
    expect(leavesAnOwner(two, { id: 'a', role: 'viewer' })).toBe(true);
    expect(leavesAnOwner([two[0]!], { id: 'a', role: 'organizer' })).toBe(false);
    expect(leavesAnOwner([two[0]!], { id: 'a', role: null })).toBe(false);
  });
});

describe('every /admin route against every role', () => {
  it('finds the organizer routes from the app', () => {
    expect(adminRoutes.length).toBeGreaterThan(60);
  });

  for (const role of ROLES) {
    it(`lets ${role}s do exactly what their role allows`, async () => {
      const wrong: string[] = [];
      for (const route of adminRoutes) {
        const path = pathOf(route.path);
        const response =
          route.method === 'GET'
            ? await request(path, { cookie: cookies[role] })
            : await postForm(path, {}, { cookie: cookies[role] });
        const allowed = may(role, adminPermission(route.method, path.replace(/^\/admin/, '')).permission);
        if (allowed === (response.status === 403))
          wrong.push(`${route.method} ${route.path}: ${response.status}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

async function auditRows() {
  const { results } = await env.DB.prepare(
    'SELECT organizer_id, event, path, detail FROM audit_events ORDER BY at',
  ).all<{
    organizer_id: string | null;
    event: string;
    path: string | null;
    detail: string | null;
  }>();
  return results;
}

describe('/admin/organizers (owners)', () => {
  it('invites an organizer with a role, who gets a sign-in link in their language', async () => {
    const response = await postForm(
      '/admin/organizers/invite',
      { email: 'Nueva@Example.org', role: 'viewer', lang: 'es' },
      { cookie: cookies.owner },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/organizers?saved=invited');
    const row = await env.DB.prepare('SELECT role FROM organizers WHERE email = ?')
      .bind('nueva@example.org')
      .first<{ role: string }>();
    expect(row?.role).toBe('viewer');
    const mail = await env.DB.prepare(
      "SELECT lang, template FROM outbox WHERE to_address = 'nueva@example.org'",
    ).first<{
      lang: string;
      template: string;
    }>();
    expect(mail).toMatchObject({ lang: 'es' });
    const page = await (await request('/admin/organizers?saved=invited', { cookie: cookies.owner })).text();
    expect(page).toContain('nueva@example.org');
    expect(page).toContain('Invited. They have been sent a sign-in link.');
  });

  it('refuses a bad invitation with the field named, in Spanish too, and adds nobody', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM organizers').first<{ n: number }>();
    const response = await postForm(
      '/admin/organizers/invite',
      { email: 'not-an-address', role: 'admin', lang: 'es' },
      { cookie: cookies.owner, lang: 'es' },
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('href="#field-email"');
    expect(html).toContain('href="#field-role"');
    const listed = await postForm(
      '/admin/organizers/invite',
      { email: 'owner@roles.example.org', role: 'viewer', lang: 'en' },
      { cookie: cookies.owner },
    );
    expect(listed.status).toBe(422);
    expect(await listed.text()).toContain('This address can already sign in.');
    const after = await env.DB.prepare('SELECT count(*) AS n FROM organizers').first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it('changes a role and removes an organizer, but never the last owner', async () => {
    const target = await env.DB.prepare(
      "SELECT id FROM organizers WHERE email = 'viewer@roles.example.org'",
    ).first<{ id: string }>();
    const changed = await postForm(
      `/admin/organizers/${target!.id}/role`,
      { role: 'organizer' },
      { cookie: cookies.owner },
    );
    expect(changed.status).toBe(303);
    const owner = await env.DB.prepare(
      "SELECT id FROM organizers WHERE email = 'owner@roles.example.org'",
    ).first<{ id: string }>();
    const demoteSelf = await postForm(
      `/admin/organizers/${owner!.id}/role`,
      { role: 'viewer' },
      { cookie: cookies.owner },
    );
    expect(demoteSelf.status).toBe(422);
    expect(await demoteSelf.text()).toContain('The coalition needs at least one owner');
    const removeSelf = await postForm(`/admin/organizers/${owner!.id}/remove`, {}, { cookie: cookies.owner });
    expect(removeSelf.status).toBe(422);
    const removed = await postForm(`/admin/organizers/${target!.id}/remove`, {}, { cookie: cookies.owner });
    expect(removed.status).toBe(303);
    const gone = await env.DB.prepare('SELECT count(*) AS n FROM organizers WHERE id = ?')
      .bind(target!.id)
      .first<{ n: number }>();
    expect(gone?.n).toBe(0);
    // The organizer's session went with them.
    expect((await request('/admin', { cookie: cookies.viewer })).status).not.toBe(200);
  });

  it('shows owners the audit log of exports, role changes and removals, with ids and no one’s email', async () => {
    await request('/admin/meetings/export.csv', { cookie: cookies.organizer });
    const rows = await auditRows();
    expect(rows.map((row) => row.event)).toEqual(
      expect.arrayContaining(['organizer_invited', 'role_changed', 'organizer_removed', 'export']),
    );
    expect(rows.find((row) => row.event === 'export')?.path).toBe('/meetings/export.csv');
    // (The test organizers' ids hold their emails; real ids are random.)
    for (const row of rows) {
      const recorded = JSON.stringify([row.event, row.path, row.detail]).replace(/organizer-[\w.@-]+/g, 'ID');
      expect(recorded).not.toContain('@');
    }
    const page = await request('/admin/organizers/audit', { cookie: cookies.owner });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/admin/meetings/export.csv');
    expect((await request('/admin/organizers/audit', { cookie: cookies.organizer })).status).toBe(403);
  });
});
