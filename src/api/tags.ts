// The API's tags, as plain data: faith traditions and team roles are derived from what people did
// (a confirmed signature's tradition, a role on an advocacy-day team) and have fixed ids; organizer
// tags are stored (people/schema.ts `tags`). See docs/api.md.
import { TEAM_ROLES, type TeamRole } from '../advocacy-days/schema';
import { TRADITIONS, type Tradition } from '../letters/choices';
import { translator } from '../lib/i18n';
import { tagNameKey } from '../people/queries';
import { OWN_ORIGIN } from './resources/common';

/** Where a tag comes from. */
export type TagKind = 'tradition' | 'role' | 'organizer';

/** A tag as the API serves it. */
export interface TagRow {
  id: string;
  name: string;
  kind: TagKind;
  originSystem: string;
  createdAt: number;
  modifiedAt: number;
}

/** A derived tag: what it is derived from. */
export type DerivedTag = TagRow &
  ({ kind: 'tradition'; tradition: Tradition } | { kind: 'role'; role: TeamRole });

/** The created and modified date of every derived tag: the list only changes with the code. */
export const DERIVED_TAGS_DATE = Date.UTC(2026, 11, 1);

const english = translator('en');
const derived = { originSystem: OWN_ORIGIN, createdAt: DERIVED_TAGS_DATE, modifiedAt: DERIVED_TAGS_DATE };

/** Every derived tag: one a faith tradition (`tradition-<slug>`), one a team role (`role-<role>`). */
export const DERIVED_TAGS: readonly DerivedTag[] = [
  ...TRADITIONS.map((tradition) => ({
    ...derived,
    id: `tradition-${tradition}`,
    name: `Faith tradition: ${english(`letters.tradition.${tradition}`)}`,
    kind: 'tradition' as const,
    tradition,
  })),
  ...TEAM_ROLES.map((role) => ({
    ...derived,
    id: `role-${role}`,
    name: `Team role: ${english(`days.role.${role}`)}`,
    kind: 'role' as const,
    role,
  })),
];

/** The derived tag with this id, or undefined. */
export function derivedTag(id: string): DerivedTag | undefined {
  return DERIVED_TAGS.find((tag) => tag.id === id);
}

const derivedNames = new Set(DERIVED_TAGS.map((tag) => tagNameKey(tag.name)));

/**
 * The names of `add_tags` that can be organizer tags: blank names and names of derived tags (which
 * follow the data and cannot be given) are left out.
 */
export function organizerTagNames(names: readonly string[]): string[] {
  return names.filter((name) => tagNameKey(name) !== '' && !derivedNames.has(tagNameKey(name)));
}
