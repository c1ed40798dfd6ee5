import type { MessageKey, Translate } from '../lib/i18n';
import type { Official, OfficialLink, OfficialRole, Stance } from './schema';

/** The organizer path of an official (ids may contain a slash, so it goes in the query). */
export function adminOfficialPath(id: string): string {
  return `/admin/officials/view?id=${encodeURIComponent(id)}`;
}

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
  return t(`officials.role.${chamber}`);
}

/** A stance in the reader's language. */
export function stanceLabel(t: Translate, stance: Stance): string {
  return t(`officials.admin.stance.${stance}`);
}

// The office kinds Open States uses, by their message; any other kind is just "Office".
const OFFICE_KINDS: Record<string, MessageKey> = {
  capitol: 'officials.office.capitol',
  'capitol-office': 'officials.office.capitol-office',
  'capitol-mail': 'officials.office.capitol-mail',
  district: 'officials.office.district',
  'district-office': 'officials.office.district-office',
  'district-mail': 'officials.office.district-mail',
  primary: 'officials.office.primary',
};

/** An office's kind in the reader's language. */
export function officeLabel(t: Translate, classification: string): string {
  return t(
    Object.hasOwn(OFFICE_KINDS, classification) ? OFFICE_KINDS[classification]! : 'officials.office.other',
  );
}

// Titles and parties as Open States writes them (lower case), by the message of their words.
// Anything else (an organizer's own "Sheriff of Alder County") is shown as it was written.
const TITLES: Record<string, MessageKey> = {
  senator: 'officials.title.senator',
  representative: 'officials.title.representative',
  delegate: 'officials.title.delegate',
  'assembly member': 'officials.title.assembly-member',
  assemblymember: 'officials.title.assembly-member',
  governor: 'officials.title.governor',
  'lieutenant governor': 'officials.title.lieutenant-governor',
  'attorney general': 'officials.title.attorney-general',
  'secretary of state': 'officials.title.secretary-of-state',
  mayor: 'officials.title.mayor',
  sheriff: 'officials.title.sheriff',
};
const PARTIES: Record<string, MessageKey> = {
  democratic: 'officials.partyName.democratic',
  democrat: 'officials.partyName.democratic',
  republican: 'officials.partyName.republican',
  independent: 'officials.partyName.independent',
  libertarian: 'officials.partyName.libertarian',
  green: 'officials.partyName.green',
  nonpartisan: 'officials.partyName.nonpartisan',
};

/** An official's title in the reader's language ("Representative" → "Representante"). */
export function titleLabel(t: Translate, title: string): string {
  const words = title.trim().toLowerCase();
  return Object.hasOwn(TITLES, words) ? t(TITLES[words]!) : title;
}

/** A party in the reader's language ("Democratic" → "Demócrata"). */
export function partyLabel(t: Translate, party: string): string {
  const words = party.trim().toLowerCase();
  return Object.hasOwn(PARTIES, words) ? t(PARTIES[words]!) : party;
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
