// Pages in the negotiated language name the language's request headers in Vary, so that a shared
// cache never serves one person's language to another (issue 14).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { varyByLanguage } from '../../src/lib/i18n';
import { createDay } from '../advocacy-days/fixtures';
import { seedBill } from '../bills/seed';
import { makeLetter } from '../letters/fixtures';
import { request } from '../helpers';

/** The header names of a Vary value, lower-cased. */
function varyOf(response: Response): string[] {
  return (response.headers.get('vary') ?? '').split(',').map((name) => name.trim().toLowerCase());
}

describe('Vary: Cookie, Accept-Language', () => {
  it('is sent by every page, feed and calendar that changes with the language', async () => {
    const day = await createDay();
    await seedBill(getDb(env), { id: 'vary-bill', identifier: 'HB 12' });
    const letter = await makeLetter();
    const paths = [
      '/',
      '/letters',
      `/letters/${letter.slug}`,
      '/days',
      `/days/${day.slug}`,
      '/bills',
      '/bills?state=GA',
      '/bills/ga/hb-12',
      '/officials',
      '/privacy',
      '/bills/feed.xml',
      '/bills/ga/feed.xml',
      '/sign-in',
      '/no-such-page',
    ];
    for (const path of paths) {
      for (const lang of ['en', 'es']) {
        const response = await request(path, { lang });
        expect(response.status, path).toBeLessThan(500);
        const vary = varyOf(response);
        expect(vary, `${path} in ${lang}`).toContain('cookie');
        expect(vary, `${path} in ${lang}`).toContain('accept-language');
        // Named once each, even where a page set them itself.
        expect(new Set(vary).size, `${path} in ${lang}`).toBe(vary.length);
      }
    }
  });

  it('keeps the names a response already had and adds only the missing ones', () => {
    const headers = new Headers({ Vary: 'accept-language, Origin' });
    varyByLanguage(headers);
    expect(headers.get('vary')).toBe('accept-language, Origin, Cookie');
    const star = new Headers({ Vary: '*' });
    varyByLanguage(star);
    expect(star.get('vary')).toBe('*');
  });
});
