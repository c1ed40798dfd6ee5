import MarkdownIt from 'markdown-it';

// One configured instance: `html: false` escapes raw HTML in the source, and markdown-it's own
// validateLink refuses javascript:, vbscript:, file: and non-image data: URLs. Typographer off so
// the text reads exactly as the organizer typed it; linkify turns bare https:// addresses into links.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// Links in organizer-written text leave the site: no opener, no referrer (signer pages carry
// no private tokens, but nothing is lost by being strict).
const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (/^https?:/i.test(href)) token.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * Renders markdown written by an organizer into safe HTML: raw HTML is shown as text, and links
 * with dangerous schemes (javascript:, vbscript:, data:) are left as plain text.
 * @example renderMarkdown('**Dear Sheriff**, <script>x</script>') // '<p><strong>Dear Sheriff</strong>, &lt;script&gt;x&lt;/script&gt;</p>\n'
 */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/**
 * The first substantial paragraph of a markdown text as plain text, cut to `max` characters: for
 * meta descriptions, Open Graph cards and summaries, where no markup may appear. Paragraphs shorter
 * than `minLength` (a salutation like "Dear Sheriff,") are skipped when a longer one follows.
 */
export function markdownExcerpt(source: string, max = 200, minLength = 40): string {
  const paragraphs = markdown
    .parse(source, {})
    .filter((token) => token.type === 'inline')
    .map((token) =>
      (token.children ?? [])
        .filter(
          (child) => child.type === 'text' || child.type === 'code_inline' || child.type === 'softbreak',
        )
        .map((child) => (child.type === 'softbreak' ? ' ' : child.content))
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((text) => text !== '');
  const text = paragraphs.find((paragraph) => paragraph.length >= minLength) ?? paragraphs[0] ?? '';
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
