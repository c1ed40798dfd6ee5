import { dictionaries } from './dictionaries';

/** The languages every page and email comes in. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export type MessageKey = keyof (typeof dictionaries)['en'];
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const LANG_COOKIE = 'wt_lang';

/** True when a string names one of our languages. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The translator for one language: `{name}` placeholders are filled from params. */
export function translator(lang: Lang): Translate {
  const dictionary: Record<string, string> = dictionaries[lang];
  return (key, params) => {
    const text = dictionary[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

/** An explicit choice (cookie) wins; otherwise the first of our languages the browser accepts. */
export function negotiateLang(cookieValue: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(cookieValue)) return cookieValue;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.tag).find(isLang) ?? 'en';
}

/** Formats a date for people in their language (dates are stored as ISO strings or epoch ms). */
export function formatDate(lang: Lang, value: string | number | Date, withTime = false): string {
  const date = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

/** Formats a number with the language's separators. */
export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-US' : 'en-US').format(value);
}
