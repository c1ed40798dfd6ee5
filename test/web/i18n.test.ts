import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/web/dictionaries';
import { negotiateLang, translator } from '../../src/web/i18n';

describe('dictionaries', () => {
  it('have the same keys in English and Spanish, none empty', () => {
    const en = Object.keys(dictionaries.en).sort();
    const es = Object.keys(dictionaries.es).sort();
    expect(es).toEqual(en);
    for (const lang of ['en', 'es'] as const) {
      for (const [key, text] of Object.entries(dictionaries[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(dictionaries.en)) {
      expect(placeholders(dictionaries.es[key as keyof typeof dictionaries.es]), key).toEqual(
        placeholders(text),
      );
    }
  });
});

describe('negotiateLang', () => {
  it('prefers the cookie, then Accept-Language by quality, then English', () => {
    expect(negotiateLang('es', 'en')).toBe('es');
    expect(negotiateLang(undefined, 'fr;q=1, es;q=0.8, en;q=0.5')).toBe('es');
    expect(negotiateLang(undefined, 'fr')).toBe('en');
    expect(negotiateLang('xx', undefined)).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translator('en')('common.pageOf', { page: 2, pages: 5 })).toBe('Page 2 of 5');
  });
});
