// Checks an Atom feed as a strict reader would: saxes (a conforming, non-validating XML 1.0 parser
// with namespaces) must accept the document, and the rules of RFC 4287 must hold. Used by the
// Workers tests and by the conformance suite (test/browser/conformance.test.ts).
import { SaxesParser } from 'saxes';

const ATOM = 'http://www.w3.org/2005/Atom';
const XML = 'http://www.w3.org/XML/1998/namespace';
/** RFC 3339 date-time, as RFC 4287 §3.3 requires. */
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** An element of the parsed document. */
export interface XmlElement {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** What a checked feed holds, for further assertions. */
export interface CheckedFeed {
  id: string;
  title: string;
  updated: string;
  lang: string;
  entries: { id: string; title: string; updated: string; link: string; summary: string }[];
}

/** Parses XML strictly (well-formedness and namespaces); throws on the first error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      attrs[attr.uri ? `{${attr.uri}}${attr.local}` : attr.local] = attr.value;
    }
    const element: XmlElement = { ns: tag.uri, name: tag.local, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return root;
}

function isAbsoluteIri(value: string): boolean {
  try {
    return Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Parses `xml` and checks RFC 4287's rules; throws with `label` and the first problem found. */
export function checkAtomFeed(xml: string, label = 'feed'): CheckedFeed {
  const fail = (problem: string): never => {
    throw new Error(`${label}: ${problem}`);
  };
  let feed: XmlElement;
  try {
    feed = parseXml(xml);
  } catch (error) {
    return fail(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (feed.ns !== ATOM || feed.name !== 'feed') fail('root is not atom:feed');
  const atom = (parent: XmlElement, name: string) =>
    parent.children.filter((child) => child.ns === ATOM && child.name === name);
  const one = (parent: XmlElement, name: string, where: string): XmlElement => {
    const found = atom(parent, name);
    if (found.length !== 1) fail(`${where} has ${found.length} atom:${name}, RFC 4287 needs exactly one`);
    return found[0]!;
  };
  const text = (parent: XmlElement, name: string, where: string): string => {
    const element = one(parent, name, where);
    const type = element.attrs.type ?? 'text';
    if (!['text', 'html', 'xhtml'].includes(type)) fail(`${where} atom:${name} has type "${type}"`);
    if (!element.text.trim()) fail(`${where} atom:${name} is empty`);
    return element.text;
  };
  const date = (parent: XmlElement, where: string): string => {
    const value = one(parent, 'updated', where).text;
    if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
      fail(`${where} atom:updated "${value}" is not an RFC 3339 date-time`);
    return value;
  };
  const id = (parent: XmlElement, where: string): string => {
    const value = one(parent, 'id', where).text;
    if (!isAbsoluteIri(value)) fail(`${where} atom:id "${value}" is not an absolute IRI`);
    return value;
  };
  const links = (parent: XmlElement, where: string) => {
    const found = atom(parent, 'link');
    for (const link of found) if (!link.attrs.href) fail(`${where} has an atom:link without href`);
    const alternates = found.filter((link) => (link.attrs.rel ?? 'alternate') === 'alternate');
    const keys = alternates.map((link) => `${link.attrs.type ?? ''} ${link.attrs.hreflang ?? ''}`);
    if (new Set(keys).size !== keys.length)
      fail(`${where} has two alternate links of the same type and hreflang`);
    return { found, alternates };
  };
  const hasAuthor = (parent: XmlElement, where: string) => {
    const authors = atom(parent, 'author');
    for (const author of authors) text(author, 'name', `${where} author`);
    return authors.length > 0;
  };

  const feedId = id(feed, 'feed');
  const title = text(feed, 'title', 'feed');
  const updated = date(feed, 'feed');
  const feedLinks = links(feed, 'feed');
  if (!feedLinks.found.some((link) => link.attrs.rel === 'self'))
    fail('feed has no rel="self" link (RFC 4287 §4.2.7.2 says it SHOULD)');
  const feedAuthor = hasAuthor(feed, 'feed');
  const lang = feed.attrs[`{${XML}}lang`] ?? '';
  if (!lang) fail('feed has no xml:lang');

  const entryIds = new Set<string>();
  const entries = atom(feed, 'entry').map((entry, index) => {
    const where = `entry ${index + 1}`;
    const entryId = id(entry, where);
    if (entryIds.has(entryId)) fail(`${where} repeats the atom:id ${entryId}`);
    entryIds.add(entryId);
    const entryUpdated = date(entry, where);
    if (Date.parse(entryUpdated) > Date.parse(updated))
      fail(`${where} is newer than the feed's atom:updated`);
    const { alternates } = links(entry, where);
    if (alternates.length === 0 && atom(entry, 'content').length === 0)
      fail(`${where} has neither atom:content nor an alternate link`);
    if (!feedAuthor && !hasAuthor(entry, where)) fail(`${where} has no author and the feed none`);
    return {
      id: entryId,
      title: text(entry, 'title', where),
      updated: entryUpdated,
      link: alternates[0]?.attrs.href ?? '',
      summary: atom(entry, 'summary').length ? text(entry, 'summary', where) : '',
    };
  });
  return { id: feedId, title, updated, lang, entries };
}
