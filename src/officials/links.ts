import type { Translate } from '../lib/i18n';
import type { MessageKey } from '../lib/i18n';
import type { Official, OfficialLink, OfficialRole, Stance } from './schema';

/** The public page of an official. Open States ids keep their slash: /officials/ocd-person/<uuid>. */
export function officialPath(official: Pick<Official, 'id'> | string): string {
  const id = typeof official === 'string' ? official : official.id;
  return `/officials/${id}`;
}

/** Where "Request a meeting" leads for an official. */
export function meetingRequestPath(official: Pick<Official, 'id'>): string {
  return `/meetings/new?official=${encodeURIComponent(official.id)}`;
}

/** The office in the reader's language ("State Senator", "Senador(a) estatal"). */
export function roleLabel(t: Translate, chamber: OfficialRole): string {
  return t(`officials.role.${chamber}` as MessageKey);
}

/** A stance in the reader's language. */
export function stanceLabel(t: Translate, stance: Stance): string {
  return t(`officials.admin.stance.${stance}` as MessageKey);
}

const OFFICE_KINDS = new Set([
  'capitol',
  'capitol-office',
  'capitol-mail',
  'district',
  'district-office',
  'district-mail',
  'primary',
]);

/** An office's kind in the reader's language. */
export function officeLabel(t: Translate, classification: string): string {
  return t(`officials.office.${OFFICE_KINDS.has(classification) ? classification : 'other'}` as MessageKey);
}

// Titles and parties as Open States writes them, by the key of their words in our dictionaries.
// Anything else (an organizer's own "Sheriff of Alder County") is shown as it was written.
const TITLES: Record<string, string> = {
  senator: 'senator',
  representative: 'representative',
  delegate: 'delegate',
  'assembly member': 'assembly-member',
  assemblymember: 'assembly-member',
  governor: 'governor',
  'lieutenant governor': 'lieutenant-governor',
  'attorney general': 'attorney-general',
  'secretary of state': 'secretary-of-state',
  mayor: 'mayor',
  sheriff: 'sheriff',
};
const PARTIES: Record<string, string> = {
  democratic: 'democratic',
  democrat: 'democratic',
  republican: 'republican',
  independent: 'independent',
  libertarian: 'libertarian',
  green: 'green',
  nonpartisan: 'nonpartisan',
};

/** An official's title in the reader's language ("Representative" → "Representante"). */
export function titleLabel(t: Translate, title: string): string {
  const key = TITLES[title.trim().toLowerCase()];
  return key ? t(`officials.title.${key}` as MessageKey) : title;
}

/** A party in the reader's language ("Democratic" → "Demócrata"). */
export function partyLabel(t: Translate, party: string): string {
  const key = PARTIES[party.trim().toLowerCase()];
  return key ? t(`officials.partyName.${key}` as MessageKey) : party;
}

/** How an official is addressed, in a language ("Senator Powell", "Senador(a) Powell"). */
export function formalName(t: Translate, official: Pick<Official, 'title' | 'name' | 'familyName'>): string {
  const title = official.title.split(/ of |,/)[0]!.trim();
  return `${titleLabel(t, title)} ${official.familyName ?? official.name}`;
}

/** A `tel:` URL for a phone number as Open States writes it ("404-656-0116 ext. 3"). */
export function telHref(phone: string): string {
  const [main = '', extension] = phone.split(/\s*(?:ext\.?|x)\s*/i);
  const digits = main.replace(/[^\d+]/g, '');
  return extension ? `tel:${digits};ext=${extension.replace(/\D/g, '')}` : `tel:${digits}`;
}

/**
 * One link per website, so a page names each site once: Open States lists the same legislature
 * site several times (members list, member page, session page). Keeps the first link without a
 * note (the official's own page), else the site's first link; links that are not URLs are dropped.
 */
export function siteLinks(links: readonly OfficialLink[]): { url: string; site: string }[] {
  const bySite = new Map<string, OfficialLink>();
  for (const link of links) {
    if (!URL.canParse(link.url)) continue;
    const site = new URL(link.url).hostname;
    const kept = bySite.get(site);
    if (!kept || (kept.note && !link.note)) bySite.set(site, link);
  }
  return [...bySite].map(([site, link]) => ({ url: link.url, site }));
}
