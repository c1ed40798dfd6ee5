import Mustache from 'mustache';
import type { Lang } from '../lib/i18n';
import { templateFiles, type TemplateName } from './templates.generated';

/** A rendered email: subject, text part and HTML part. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Values every template can use besides its own. */
export interface EmailContext {
  orgName: string;
  publicUrl: string;
  unsubscribeUrl?: string | null;
}

/**
 * Splits a template file into its parts. A file is:
 *   subject: …
 *   --- text ---
 *   …
 *   --- html ---
 *   …
 */
export function parseTemplateFile(source: string): { subject: string; text: string; html: string } {
  const match = /^subject:(.*)\r?\n--- text ---\r?\n([\s\S]*?)\r?\n--- html ---\r?\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error('A template needs "subject:", "--- text ---" and "--- html ---" parts');
  return { subject: match[1]!.trim(), text: match[2]!, html: match[3]! };
}

const textConfig = { escape: (value: unknown) => String(value) };

/** Removes line breaks so that no value can add an email header. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/**
 * Renders a template in a language. HTML values are escaped by mustache; the text part and the
 * subject are not HTML, so they are rendered without escaping (the subject loses line breaks).
 */
export function renderTemplate(
  name: TemplateName,
  lang: Lang,
  data: Record<string, unknown>,
  context: EmailContext,
): RenderedEmail {
  const source = templateFiles[`${name}.${lang}`];
  if (source === undefined) throw new Error(`Missing email template ${name}.${lang}`);
  const parts = parseTemplateFile(source);
  const view = {
    ...data,
    orgName: context.orgName,
    publicUrl: context.publicUrl,
    unsubscribeUrl: context.unsubscribeUrl ?? null,
  };
  const subject = oneLine(Mustache.render(parts.subject, view, {}, textConfig));
  const text = Mustache.render(parts.text, view, {}, textConfig).trim();
  const body = Mustache.render(parts.html, view);
  return { subject, text: withTextFooter(text, lang, view), html: wrapHtml(body, lang, view) };
}

/**
 * Text a person wrote (a meeting request they edited) as an email: the text part is theirs, the HTML
 * part is the same text, escaped, in paragraphs.
 */
export function renderPersonalEmail(
  subject: string,
  text: string,
  lang: Lang,
  context: EmailContext,
): RenderedEmail {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => `<p>${Mustache.escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const view = {
    orgName: context.orgName,
    publicUrl: context.publicUrl,
    unsubscribeUrl: context.unsubscribeUrl ?? null,
  };
  return { subject: oneLine(subject), text: text.trim(), html: wrapHtml(paragraphs, lang, view) };
}

function withTextFooter(text: string, lang: Lang, view: Record<string, unknown>): string {
  const layout = templateFiles[`_footer.${lang}`];
  if (!layout) return text;
  const footer = Mustache.render(parseTemplateFile(layout).text, view, {}, textConfig).trim();
  return footer ? `${text}\n\n-- \n${footer}` : text;
}

function wrapHtml(body: string, lang: Lang, view: Record<string, unknown>): string {
  const layout = templateFiles[`_footer.${lang}`];
  const footer = layout ? Mustache.render(parseTemplateFile(layout).html, view) : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:0 auto;padding:1rem;color:#1b1b1b">${body}<hr style="margin-top:2rem">${footer}</body></html>`;
}
