import { Marked } from 'marked';
import type { Token, Tokens } from 'marked';

// One configured instance of marked (GitHub-flavoured: tables, strikethrough, bare https:// and
// www. addresses become links). Raw HTML is never passed through: the block and inline HTML
// tokenizers are switched off, so tags are read as text and escaped like any other text.
// Typographer-free: the text reads exactly as the organizer typed it.
const markdown = new Marked({ gfm: true, breaks: false });

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

const DANGEROUS_SCHEME = /^(vbscript|javascript|file|data):/;
const IMAGE_DATA = /^data:image\/(gif|png|jpeg|webp);/;

/**
 * A link or image address fit for an attribute, or null for a dangerous one (javascript:,
 * vbscript:, file:, and data: other than images). Character references other than `&amp;` are
 * not decoded: every `&` is escaped, so `java&#115;cript:` stays a harmless relative address.
 */
function safeUrl(href: string): string | null {
  let url: string;
  try {
    url = encodeURI(href.replace(/&amp;/gi, '&')).replace(/%25/g, '%');
  } catch {
    return null;
  }
  const probe = url.replace(/[\x00-\x20]/g, '').toLowerCase();
  if (DANGEROUS_SCHEME.test(probe) && !IMAGE_DATA.test(probe)) return null;
  return url;
}

markdown.use({
  tokenizer: {
    // Returning nothing (rather than false, which falls back to marked's own) means no HTML token.
    html: () => undefined,
    tag: () => undefined,
  },
  renderer: {
    // Links in organizer-written text leave the site: no opener, no referrer (signer pages carry
    // no private tokens, but nothing is lost by being strict). A dangerous link is left as its text.
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      const url = safeUrl(href);
      if (url === null) return text;
      const titled = title ? ` title="${escapeAttribute(title)}"` : '';
      const rel = /^https?:/i.test(url) ? ' rel="noopener noreferrer"' : '';
      return `<a href="${escapeAttribute(url)}"${titled}${rel}>${text}</a>`;
    },
    image({ href, title, text }) {
      const url = safeUrl(href);
      if (url === null) return escapeAttribute(text);
      const titled = title ? ` title="${escapeAttribute(title)}"` : '';
      return `<img src="${escapeAttribute(url)}" alt="${escapeAttribute(text)}"${titled}>`;
    },
  },
});

/**
 * Renders markdown written by an organizer into safe HTML: raw HTML is shown as text, and links
 * with dangerous schemes (javascript:, vbscript:, data:) are left as plain text.
 * @example renderMarkdown('**Dear Sheriff**, <script>x</script>') // '<p><strong>Dear Sheriff</strong>, &lt;script&gt;x&lt;/script&gt;</p>\n'
 */
export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}

/** The five character references marked leaves in text as written. */
const TEXT_REFERENCES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&nbsp;': ' ',
};

/** The readable text of inline tokens: text, code and the words of links and emphasis, not images. */
function plainText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'image') return '';
      if (token.type === 'br') return ' ';
      if ('tokens' in token && token.tokens) return plainText(token.tokens);
      if (token.type === 'text' || token.type === 'codespan' || token.type === 'escape') {
        return (token as Tokens.Text).text.replace(
          /&(amp|lt|gt|quot|nbsp);/g,
          (ref) => TEXT_REFERENCES[ref]!,
        );
      }
      return '';
    })
    .join('');
}

/** Every paragraph-like run of inline text in a block token list (paragraphs, headings, cells, list items). */
function paragraphsOf(tokens: Token[]): string[] {
  return tokens.flatMap((token): string[] => {
    switch (token.type) {
      case 'paragraph':
      case 'heading':
        return [plainText(token.tokens ?? [])];
      case 'text':
        // A tight list item's text: its inline tokens, or the text itself.
        return [token.tokens ? plainText(token.tokens) : token.text];
      case 'list':
        return (token as Tokens.List).items.flatMap((item) => paragraphsOf(item.tokens));
      case 'blockquote':
        return paragraphsOf(token.tokens ?? []);
      case 'table': {
        const table = token as Tokens.Table;
        return [...table.header, ...table.rows.flat()].map((cell) => plainText(cell.tokens));
      }
      default:
        return [];
    }
  });
}

/**
 * The first substantial paragraph of a markdown text as plain text, cut to `max` characters: for
 * meta descriptions, Open Graph cards and summaries, where no markup may appear. Paragraphs shorter
 * than `minLength` (a salutation like "Dear Sheriff,") are skipped when a longer one follows.
 */
export function markdownExcerpt(source: string, max = 200, minLength = 40): string {
  const paragraphs = paragraphsOf(markdown.lexer(source))
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
  const text = paragraphs.find((paragraph) => paragraph.length >= minLength) ?? paragraphs[0] ?? '';
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
