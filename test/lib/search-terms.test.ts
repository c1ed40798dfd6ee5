import { describe, expect, it } from 'vitest';
import {
  emailTerms,
  foldText,
  prefixEnd,
  queryWords,
  searchTermsOf,
  wordsOf,
} from '../../src/lib/search-terms';

describe('the search normaliser', () => {
  it('removes accents and capitals', () => {
    expect(foldText('María NÚÑEZ Çelik')).toBe('maria nunez celik');
    expect(wordsOf('José-Luis Pérez')).toEqual(['jose', 'luis', 'perez']);
  });

  it('splits at punctuation and keeps digits', () => {
    expect(wordsOf("O'Brien, Sr. (St. Paul's AME #2)")).toEqual([
      'o',
      'brien',
      'sr',
      'st',
      'paul',
      's',
      'ame',
      '2',
    ]);
    expect(wordsOf('  ')).toEqual([]);
    expect(wordsOf(null)).toEqual([]);
  });

  it('stores an email whole, its local part and domain, and the words of both', () => {
    expect(emailTerms(' Ana.García@Iglesia.org ')).toEqual([
      'ana.garcia@iglesia.org',
      'ana.garcia',
      'iglesia.org',
      'ana',
      'garcia',
      'iglesia',
      'org',
    ]);
    expect(emailTerms('')).toEqual([]);
  });

  it('keeps each term of a row once', () => {
    const terms = searchTermsOf({ text: ['Ana García', 'Grace Church', null], emails: ['ana@grace.org'] });
    expect(terms).toEqual(
      expect.arrayContaining(['ana@grace.org', 'ana', 'grace.org', 'grace', 'org', 'garcia', 'church']),
    );
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('reads a search as prefix words, an address-like word whole', () => {
    expect(queryWords('  García  ana ')).toEqual(['garcia', 'ana']);
    expect(queryWords('Ana.Garcia@Igl')).toEqual(['ana.garcia@igl']);
    expect(queryWords("O'Brien")).toEqual(['o', 'brien']);
    expect(queryWords('%_-')).toEqual([]);
  });

  it('gives the end of a prefix range in code point order', () => {
    expect(prefixEnd('gar')).toBe('gas');
    expect(prefixEnd('a@')).toBe('aA');
    expect('garcia' >= 'gar' && 'garcia' < prefixEnd('gar')).toBe(true);
    expect('gas' < prefixEnd('gar')).toBe(false);
  });
});
