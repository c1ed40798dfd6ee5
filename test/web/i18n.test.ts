import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/messages';
import { fillPlurals, negotiateLang, translator } from '../../src/lib/i18n';

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
    const placeholders = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
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

  it('picks the plural form the language gives a number, exact matches first', () => {
    const rules = new Intl.PluralRules('es');
    const text = '{n, plural, =0 {nadie} one {# firma de {who}} other {# firmas de {who}}}.';
    const fill = (n: number | string) => fillPlurals(text, { n, who: 'X' }, (v) => rules.select(v));
    expect(fill(0)).toBe('nadie.');
    expect(fill(1)).toBe('1 firma de {who}.');
    expect(fill('1,234')).toBe('1,234 firmas de {who}.');
    expect(translator('es')('letters.signedCount', { count: 1 })).toBe('1 firma');
    expect(translator('es')('letters.signedCount', { count: 2 })).toBe('2 firmas');
  });

  it('counts agree with their nouns in both languages ("1 debrief", "1 evaluación")', () => {
    const en = translator('en');
    const es = translator('es');
    expect(en('days.report.debriefCount', { count: 1 })).toBe('1 debrief');
    expect(en('days.report.debriefCount', { count: 3 })).toBe('3 debriefs');
    expect(es('days.report.debriefCount', { count: 1 })).toBe('1 evaluación');
    expect(es('days.report.debriefCount', { count: '1,234' })).toBe('1,234 evaluaciones');
    expect(en('days.report.attendanceEmail', { checkedIn: 1, registered: 4, waitlisted: 0 })).toBe(
      '1 person checked in, of 4 registered (0 still on the waitlist).',
    );
    expect(en('letters.updates.sendButton', { count: 1 })).toBe('Send to 1 person');
    expect(es('officials.search.results', { count: 1 })).toBe('1 funcionario encontrado');
    expect(es('days.admin.counts', { registered: 2, capacity: 9, checkedIn: 1, waitlisted: 0 })).toBe(
      '2 de 9 inscritos · 1 llegó · 0 en espera',
    );
  });

  it('no message makes a plural by hand next to a number ("address(es)", "debrief(s)")', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const [key, text] of Object.entries(dictionaries[lang])) {
        expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}[^{}.]*\p{L}\((s|es|as|a)\)/u);
      }
    }
  });

  it('every plural message has an "other" form', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const [key, text] of Object.entries(dictionaries[lang])) {
        if (text.includes(', plural,')) expect(text, `${lang} ${key}`).toMatch(/other \{/);
      }
    }
  });
});
