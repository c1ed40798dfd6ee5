import type { Lang, Translate } from './lib/i18n';

/**
 * Secrets are set with `wrangler secret put` (or .dev.vars locally), so `wrangler types` cannot see
 * them in CI; they are declared here, optional, because the app runs without each (see README).
 */
declare global {
  interface Env {
    RESEND_API_KEY?: string;
    TURNSTILE_SECRET_KEY?: string;
    RESEND_WEBHOOK_SECRET?: string;
    OPENSTATES_API_KEY?: string;
    /** Optional: another base URL for Resend's API (the benchmark's local stub); unset in production. */
    RESEND_API_URL?: string;
    /** Optional: the team's Resend rate limit, requests a second (default a little under 5). */
    RESEND_REQUESTS_PER_SECOND?: string;
    /** Keys that seal contact fields: `id:base64,…`, the first seals (src/lib/sealed.ts). */
    CONTACT_KEYS?: string;
  }
}

/** The organizer behind a request, when signed in. */
export interface SignedInOrganizer {
  id: string;
  email: string;
  name: string | null;
  sessionIdHash: string;
  /** What they may do (organizers/roles.ts). */
  role: 'owner' | 'organizer' | 'viewer';
  /** When they last proved who they are (sign-in or step-up). */
  authenticatedAt: number;
}

/** A campaign an action (a letter, day or bill) belongs to, as the action's page links to it. */
export interface ActionCampaign {
  title: string;
  titleEs: string | null;
  path: string;
}

/**
 * The published campaigns whose tactics use an action. Campaigns sit above letters, days and bills,
 * so the app hands this in (src/app.ts) and their pages ask it through `c.var.campaignsOf`.
 */
export type CampaignsOfAction = (kind: 'letter' | 'day' | 'bill', id: string) => Promise<ActionCampaign[]>;

/**
 * A campaign by id, as pages below campaigns name it (a subscription's confirm and manage pages,
 * when the subscription's subject is a campaign); handed in by the app like CampaignsOfAction.
 */
export type CampaignById = (id: string) => Promise<ActionCampaign | null>;

/** Per-request values every handler can read through `c.var`. */
export interface AppVariables {
  lang: Lang;
  t: Translate;
  organizer: SignedInOrganizer | null;
  /** Set by routes meant to be framed by other sites (letter embeds). */
  embeddable: boolean;
  /** Set by pages whose URL carries a private token: no-store and no-referrer. */
  privateLink: boolean;
  /** Asks this app itself for a page (checks that a link an organizer typed opens one). */
  fetchPage: (request: Request) => Promise<Response>;
  /** The campaigns an action belongs to (see CampaignsOfAction). */
  campaignsOf: CampaignsOfAction;
  /** A campaign by id (see CampaignById). */
  campaignById: CampaignById;
}

/** The Hono environment of this app. */
export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
