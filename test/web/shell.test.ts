import { describe, expect, it } from 'vitest';
import { postForm, request, cookieFrom } from '../helpers';

describe('GET /', () => {
  it('renders the layout with landmarks, a skip link and the organization name', async () => {
    const response = await request('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('href="#main"');
    expect(html).toMatch(/<main id="main"/);
    expect(html).toContain('<header');
    expect(html).toContain('<footer');
    expect(html).toContain('Welcome Table Coalition');
    expect(html).toContain('href="/privacy"');
  });

  it('answers in Spanish when the browser prefers it', async () => {
    const html = await (await request('/', { lang: 'es-MX,es;q=0.9,en;q=0.5' })).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('En qué estamos trabajando ahora');
  });
});

describe('POST /lang', () => {
  it('remembers the chosen language in a cookie and goes back', async () => {
    const response = await postForm('/lang', { lang: 'es', back: '/privacy' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/privacy');
    const cookie = cookieFrom(response, 'wt_lang');
    expect(cookie).toBe('wt_lang=es');
    const html = await (await request('/privacy', { cookie, lang: 'en' })).text();
    expect(html).toContain('<html lang="es">');
  });

  it('never redirects to another site', async () => {
    const response = await postForm('/lang', { lang: 'es', back: '//evil.example/' });
    expect(response.headers.get('location')).toBe('/');
  });
});

describe('security headers', () => {
  it('are on a 404 page, which is in the person language', async () => {
    const response = await request('/no-such-page', { lang: 'es' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Página no encontrada');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
  });
});

describe('CSRF', () => {
  it('refuses a form post from another origin', async () => {
    const response = await postForm('/lang', { lang: 'es', back: '/' }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(cookieFrom(response, 'wt_lang')).toBeUndefined();
  });

  it('refuses a form post without an Origin header', async () => {
    const response = await postForm('/lang', { lang: 'es', back: '/' }, { origin: null });
    expect(response.status).toBe(403);
  });
});

describe('GET /healthz', () => {
  it('answers 200 when D1 answers', async () => {
    const response = await request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('GET /admin', () => {
  it('sends a person without a session to sign in', async () => {
    const response = await request('/admin');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/sign-in');
  });

  it('shows the dashboard to a signed-in organizer', async () => {
    const { organizerCookie } = await import('../helpers');
    const response = await request('/admin', { cookie: await organizerCookie() });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
