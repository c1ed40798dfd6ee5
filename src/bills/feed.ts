// Atom feeds (RFC 4287) of bill movements. Every value is escaped: titles come from legislatures
// and organizers, and must never break the XML.

/** One entry of an Atom feed. */
export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  updated: number;
  summary: string;
}

/** Escapes text for XML element content and attribute values; drops characters XML forbids. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** When a feed last changed: its newest entry, or `emptyUpdated` when it has none. */
export function feedUpdated(feed: { emptyUpdated?: number; entries: Pick<AtomEntry, 'updated'>[] }): number {
  if (feed.entries.length === 0) return feed.emptyUpdated ?? 0;
  return Math.max(...feed.entries.map((e) => e.updated));
}

/** Builds an Atom feed document. */
export function buildAtomFeed(feed: {
  id: string;
  title: string;
  selfUrl: string;
  siteUrl: string;
  lang: string;
  author: string;
  /** When the feed last changed if it has no entries (its newest bill's change). */
  emptyUpdated?: number;
  entries: AtomEntry[];
}): string {
  const updated = new Date(feedUpdated(feed)).toISOString();
  const entries = feed.entries
    .map(
      (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <updated>${new Date(entry.updated).toISOString()}</updated>
    <summary type="text">${escapeXml(entry.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>
  <updated>${updated}</updated>
  <author><name>${escapeXml(feed.author)}</name></author>
${entries}
</feed>
`;
}
