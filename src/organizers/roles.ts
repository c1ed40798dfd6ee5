// Who may do what in the organizer area. Three roles: an owner manages the organizers themselves
// (and settings) and the outgoing webhooks; an organizer runs campaigns, letters, days, meetings and bills and may
// export and erase; a viewer reads and changes nothing. Every /admin request is classed by
// `adminPermission` (method and path) and checked in one middleware, so a new route is guarded
// the day it is added; test/organizers/roles.test.ts walks every route against every role.
import type { SignedInOrganizer } from '../env';

export const ROLES = ['owner', 'organizer', 'viewer'] as const satisfies readonly SignedInOrganizer['role'][];
export type Role = (typeof ROLES)[number];

/** What a request asks for. */
export type Permission = 'read' | 'run' | 'export' | 'erase' | 'manage';

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ['read', 'run', 'export', 'erase', 'manage'],
  organizer: ['read', 'run', 'export', 'erase'],
  viewer: ['read'],
};

/** True when a role holds a permission. */
export function may(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** True for a value that names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What an /admin request needs, and whether it is sensitive (recorded in the audit log). */
export interface AdminRequirement {
  permission: Permission;
  /** Exports, erasure, sends to many people or to officials, organizer and role changes. */
  sensitive: boolean;
}

/** The audit-log event of a sensitive request. */
export function auditEventOf(requirement: AdminRequirement): 'export' | 'erase' | 'send' | 'manage' | null {
  if (!requirement.sensitive) return null;
  return requirement.permission === 'run'
    ? 'send'
    : requirement.permission === 'read'
      ? null
      : requirement.permission;
}

// Routes whose need differs from their method's default (GET reads, anything else runs). Paths are
// matched below /admin. Ordered: the first match wins.
const SPECIAL: { method: 'GET' | 'POST'; path: RegExp; permission: Permission; sensitive: boolean }[] = [
  { method: 'GET', path: /^\/organizers(\/|$)/, permission: 'manage', sensitive: false },
  { method: 'POST', path: /^\/organizers(\/|$)/, permission: 'manage', sensitive: true },
  // Outgoing webhooks: owners only; adding, changing or removing an endpoint needs step-up, while
  // "send again" re-sends what the endpoint already chose.
  { method: 'GET', path: /^\/webhooks(\/|$)/, permission: 'manage', sensitive: false },
  {
    method: 'POST',
    path: /^\/webhooks\/[^/]+\/deliveries\/[^/]+\/send-again$/,
    permission: 'manage',
    sensitive: false,
  },
  { method: 'POST', path: /^\/webhooks(\/|$)/, permission: 'manage', sensitive: true },
  // Everyone manages their own passkeys (the changes are audited where they are stored).
  { method: 'POST', path: /^\/passkeys(\/|$)/, permission: 'read', sensitive: false },
  // API keys let people's data leave: made by those who may export, after a recent proof of identity.
  { method: 'POST', path: /^\/api-keys\/?$/, permission: 'export', sensitive: true },
  { method: 'POST', path: /^\/api-keys\//, permission: 'export', sensitive: false },
  // Downloads of people's data.
  { method: 'GET', path: /\.csv$/, permission: 'export', sensitive: true },
  { method: 'POST', path: /^\/privacy\/export$/, permission: 'export', sensitive: true },
  { method: 'POST', path: /^\/privacy\/erase$/, permission: 'erase', sensitive: true },
  // Mail to many people, or a letter to its addressees.
  { method: 'POST', path: /^\/letters\/[^/]+\/deliver$/, permission: 'run', sensitive: true },
  { method: 'POST', path: /^\/letters\/[^/]+\/updates\/send$/, permission: 'run', sensitive: true },
  { method: 'POST', path: /^\/days\/[^/]+\/email$/, permission: 'run', sensitive: true },
  { method: 'POST', path: /^\/days\/[^/]+\/report\/send$/, permission: 'run', sensitive: true },
  { method: 'POST', path: /^\/bills\/[^/]+\/updates$/, permission: 'run', sensitive: true },
  { method: 'POST', path: /^\/campaigns\/[^/]+\/updates$/, permission: 'run', sensitive: true },
];

/** What a request to `/admin<path>` needs (`path` is the part after /admin, '' or starting with /). */
export function adminPermission(method: string, path: string): AdminRequirement {
  const verb = method === 'HEAD' ? 'GET' : method;
  const special = SPECIAL.find((rule) => rule.method === verb && rule.path.test(path));
  if (special) return { permission: special.permission, sensitive: special.sensitive };
  return { permission: verb === 'GET' ? 'read' : 'run', sensitive: false };
}

/**
 * True when, after giving organizer `change.id` the role `change.role` (null: removing them), at
 * least one owner is left: nobody can lock the coalition out of managing its organizers.
 */
export function leavesAnOwner(
  organizers: readonly { id: string; role: Role }[],
  change: { id: string; role: Role | null },
): boolean {
  return organizers.some((row) => (row.id === change.id ? change.role : row.role) === 'owner');
}
