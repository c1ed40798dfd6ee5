// Open redirects: every redirect whose target comes from input goes through safeRedirectPath and
// stays on this site.
import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '../../src/web/security';
import { postForm } from '../helpers';
import { allowlist, pressSignIn, requestLinkToken } from '../organizers/support';

/** Targets a browser would take to another site (directly, or once dot segments are resolved). */
const LEAVING = [
  '//evil.example',
  '//evil.example/path',
  '/\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '/.//evil.example',
  '/./\\evil.example',
  '/%2e//evil.example',
  '/x/..//evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  'https://evil.example/',
  'https:evil.example',
  'javascript:alert(1)',
  'evil.example',
  '',
];

describe('safeRedirectPath', () => {
  it('refuses every target that could leave the site', () => {
    for (const target of LEAVING) expect(safeRedirectPath(target), JSON.stringify(target)).toBeNull();
    expect(safeRedirectPath(undefined)).toBeNull();
    expect(safeRedirectPath(['/letters'])).toBeNull();
    expect(safeRedirectPath(`/${'a'.repeat(1000)}`)).toBeNull();
  });

  it('refuses a // anywhere in the path, but not in the query', () => {
    expect(safeRedirectPath('/admin//letters')).toBeNull();
    expect(safeRedirectPath('/admin/letters?q=//x')).toBe('/admin/letters?q=//x');
  });

  it('keeps paths on the site, with their query and fragment', () => {
    expect(safeRedirectPath('/')).toBe('/');
    expect(safeRedirectPath('/letters')).toBe('/letters');
    expect(safeRedirectPath('/bills?state=GA#list')).toBe('/bills?state=GA#list');
    expect(safeRedirectPath('/a/../letters')).toBe('/letters');
  });
});

describe('POST /lang', () => {
  it('goes back to a page of the site', async () => {
    const response = await postForm('/lang', { lang: 'es', back: '/letters?x=1' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/letters?x=1');
  });

  it('goes home instead of to another site', async () => {
    for (const back of LEAVING) {
      const response = await postForm('/lang', { lang: 'es', back });
      expect(response.status).toBe(303);
      expect(response.headers.get('location'), JSON.stringify(back)).toBe('/');
    }
  });
});

describe('POST /sign-in/:token with a `next`', () => {
  it('goes to /admin instead of another site, for every hostile next', async () => {
    const email = 'redirects@example.org';
    await allowlist(email);
    for (const next of ['/.//evil.example', '/\\evil.example', '/%2e//evil.example']) {
      const token = await requestLinkToken(email);
      const { response } = await pressSignIn(token, { next });
      expect(response.status).toBe(303);
      expect(response.headers.get('location'), next).toBe('/admin');
    }
  });
});
