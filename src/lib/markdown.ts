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
 * The first paragraph of a markdown text as plain text, cut to `max` characters: for meta
 * descriptions and Open Graph cards, where no markup may appear.
 */
export function markdownExcerpt(source: string, max = 200): string {
  const tokens = markdown.parse(source, {});
  const inline = tokens.find((token) => token.type === 'inline' && token.content.trim() !== '');
  const text = (inline?.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline' || child.type === 'softbreak')
    .map((child) => (child.type === 'softbreak' ? ' ' : child.content))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
