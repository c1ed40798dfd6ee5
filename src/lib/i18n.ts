import { dictionaries } from '../messages';

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

/**
 * The translator for one language: `{name}` placeholders are filled from params, and
 * `{count, plural, one {# signer} other {# signers}}` picks the form the language's plural rules
 * give for that number (`=0`, `=1` … match exactly first; `#` is the number as given).
 */
export function translator(lang: Lang): Translate {
  return translators[lang];
}

function makeTranslator(lang: Lang): Translate {
  const dictionary: Record<string, string> = dictionaries[lang];
  const rules = new Intl.PluralRules(lang === 'es' ? 'es-US' : 'en-US');
  return (key, params) => {
    let text = dictionary[key] ?? key;
    if (!params) return text;
    if (text.includes(', plural,')) text = fillPlurals(text, params, (n) => rules.select(n));
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

// Built once per isolate: Intl objects are costly to make (a table of fifty dates made fifty).
const translators: Record<Lang, Translate> = { en: makeTranslator('en'), es: makeTranslator('es') };

/** A number from a param that may already be formatted for people ("1,234"). */
function numberOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[^\d.-]/g, ''));
}

/** Replaces each `{name, plural, …}` of a message with the branch its number selects. */
export function fillPlurals(text: string, params: MessageParams, category: (n: number) => string): string {
  const start = /\{(\w+), plural,/g;
  let out = '';
  let from = 0;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const name = match[1]!;
    const branches = new Map<string, string>();
    let i = match.index + match[0].length;
    // Selectors and their {…} bodies until the brace that closes the whole argument.
    for (;;) {
      while (text[i] === ' ') i += 1;
      if (text[i] === '}' || i >= text.length) break;
      const open = text.indexOf('{', i);
      const selector = text.slice(i, open).trim();
      let depth = 1;
      let j = open + 1;
      for (; j < text.length && depth > 0; j += 1) {
        if (text[j] === '{') depth += 1;
        if (text[j] === '}') depth -= 1;
      }
      branches.set(selector, text.slice(open + 1, j - 1));
      i = j;
    }
    const value = params[name] ?? 0;
    const n = numberOf(value);
    const branch = branches.get(`=${n}`) ?? branches.get(category(n)) ?? branches.get('other') ?? '';
    out += text.slice(from, match.index) + branch.replace(/#/g, String(value));
    from = i + 1;
    start.lastIndex = from;
  }
  return out + text.slice(from);
}

/** What a response in the negotiated language varies with: the language cookie and Accept-Language. */
export const LANGUAGE_VARY = ['Cookie', 'Accept-Language'];

/**
 * Adds the language's request headers to a response's `Vary` (keeping those already named), so a
 * shared cache never serves one person's language to another.
 */
export function varyByLanguage(headers: Headers): void {
  const current = (headers.get('Vary') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (current.includes('*')) return;
  const named = new Set(current.map((name) => name.toLowerCase()));
  const added = LANGUAGE_VARY.filter((name) => !named.has(name.toLowerCase()));
  if (added.length) headers.set('Vary', [...current, ...added].join(', '));
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
  return dateFormats[lang][withTime ? 1 : 0].format(date);
}

const dateFormat = (lang: Lang, withTime: boolean) =>
  new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  });
const dateFormats: Record<Lang, [Intl.DateTimeFormat, Intl.DateTimeFormat]> = {
  en: [dateFormat('en', false), dateFormat('en', true)],
  es: [dateFormat('es', false), dateFormat('es', true)],
};
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US'),
  es: new Intl.NumberFormat('es-US'),
};

/** Formats a number with the language's separators. */
export function formatNumber(lang: Lang, value: number): string {
  return numberFormats[lang].format(value);
}
