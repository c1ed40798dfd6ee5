import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import type { AppEnv } from './env';
import { getDb, pingDatabase } from './db';
import { readForm, valueOf } from './web/form';
import { AppError, codeToStatus } from './lib/errors';
import { isTransientD1Error } from './db/errors';
import { logEvent } from './lib/log';
import { LANG_COOKIE, isLang, negotiateLang, translator, varyByLanguage } from './lib/i18n';
import { layout } from './web/layout';
import { renderErrorPage, submittedText } from './web/pages';
import { csrfProtection, rateLimit, safeRedirectPath, securityHeaders } from './web/security';
import { databaseSession } from './web/db-session';
import { edgeCache } from './web/edge-cache';
import { homeRoutes, listOpenActions } from './home/routes';
import { guardAdminRole } from './organizers/guard';
import { organizersAdmin } from './organizers/admin';
import { passkeySignInRoutes, passkeysAdmin } from './organizers/passkey-routes';
import { loadOrganizer, requireOrganizer } from './organizers/session';
import { organizerRoutes, adminShell } from './organizers/routes';
import { RESEND_WEBHOOK_PATH, emailRoutes, emailAdminRoutes, type ScheduleAccess } from './email/routes';
import { FREQUENT_CRON, HOURLY_CRON, listScheduledSends, runScheduled } from './jobs';
import { letterThanksRoutes, lettersRoutes } from './letters/routes';
import { lettersAdmin } from './letters/admin';
import { advocacyDaysRoutes, gatheringsRoutes } from './advocacy-days/routes';
import { advocacyDaysAdmin, gatheringsAdmin } from './advocacy-days/admin';
import { officialsRoutes } from './officials/routes';
import type { OfficialActionsSource } from './officials/actions';
import { lettersToOfficial } from './letters/official-actions';
import { billsSponsoredByOfficial } from './bills/official-actions';
import { officialsAdmin } from './officials/admin';
import { meetingsRoutes } from './meetings/routes';
import { meetingsAdmin } from './meetings/admin';
import { billsRoutes } from './bills/routes';
import { billsAdmin } from './bills/admin';
import { campaignsAdmin } from './campaigns/admin';
import { campaignsRoutes } from './campaigns/routes';
import { campaignSubjectById, publishedCampaignsOf } from './campaigns/links-back';
import { privacyRoutes } from './privacy/routes';
import { privacyAdmin } from './privacy/admin';
import { apiRoutes, API_PATH } from './api/routes';
import { apiKeysAdmin } from './api/admin';
import { webhooksAdmin } from './webhooks/admin';

/**
 * The public RFC 8058 one-click unsubscribe routes, exactly: bill alerts, letter updates and
 * advocacy-day announcements. Nothing else ending the same way (an /admin path) matches.
 */
const ONE_CLICK_UNSUBSCRIBE =
  /^\/(?:bills\/subscriptions|letters\/updates|days\/r)\/[A-Za-z0-9_-]+\/one-click-unsubscribe$/;

/**
 * Paths that other parties POST to with their own proof instead of our Origin: Resend's signed
 * webhook and RFC 8058 one-click unsubscribe (mail providers post without cookies or Origin).
 */
export function isCsrfExempt(path: string): boolean {
  return path === RESEND_WEBHOOK_PATH || ONE_CLICK_UNSUBSCRIBE.test(path) || isApiPath(path);
}

/** The API: its clients carry a key instead of a cookie, and are limited per key. */
function isApiPath(path: string): boolean {
  return path === API_PATH || path.startsWith(`${API_PATH}/`);
}

/** What an official's public page lists, in this order: features above officials provide them. */
export const OFFICIAL_ACTION_SOURCES: readonly OfficialActionsSource[] = [
  lettersToOfficial,
  billsSponsoredByOfficial,
];

/**
 * The public pages every anonymous reader shares (path and query string), served from the edge
 * cache (web/edge-cache.ts): the home page, the lists, and each letter, signers page, day,
 * gathering, bill and campaign. Private links live under other shapes (/days/r/…, /letters/x/confirm/…).
 */
export const SHARED_PAGES: readonly RegExp[] = [
  /^\/$/,
  /^\/(letters|days|gatherings|bills)$/,
  /^\/(letters|days|gatherings|campaigns)\/[a-z0-9-]+$/,
  /^\/letters\/[a-z0-9-]+\/signers(\?page=\d{1,6})?$/,
  /^\/bills\/[a-z]{2}\/[a-z0-9-]+$/,
];

/** The largest request body a public route accepts: every public form is well under it. */
export const PUBLIC_BODY_MAX_BYTES = 256 * 1024;
/** The largest request body under /admin: a letter's two 20,000-character texts, URL-encoded. */
export const ADMIN_BODY_MAX_BYTES = 1024 * 1024;

/** The language switch in every page's header: any values; unknown ones fall back (below). */
const languageSwitchSchema = z.object({});

/** The scheduled jobs as the outbox page shows and runs them. */
const outboxSchedule: ScheduleAccess = {
  listScheduledSends,
  runAllJobsNow: async (env, at) => {
    await runScheduled(FREQUENT_CRON, env, at);
    await runScheduled(HOURLY_CRON, env, at);
  },
};

/** Organizer pages: every feature's admin router behind the sign-in check. */
export function buildAdmin() {
  return new Hono<AppEnv>()
    .use('*', requireOrganizer)
    .use('*', guardAdminRole)
    .route('/', adminShell)
    .route('/organizers', organizersAdmin)
    .route('/passkeys', passkeysAdmin)
    .route('/outbox', emailAdminRoutes(outboxSchedule))
    .route('/webhooks', webhooksAdmin)
    .route('/letters', lettersAdmin)
    .route('/days', advocacyDaysAdmin)
    .route('/gatherings', gatheringsAdmin)
    .route('/officials', officialsAdmin)
    .route('/meetings', meetingsAdmin)
    .route('/bills', billsAdmin)
    .route('/campaigns', campaignsAdmin)
    .route('/privacy', privacyAdmin)
    .route('/api-keys', apiKeysAdmin);
}

/** Builds the whole app: middleware, feature routers, one error handler. */
export function buildApp() {
  const app = new Hono<AppEnv>();

  app.use('*', securityHeaders);
  // Before everything that reads the database: a page from the cache costs one lookup.
  app.use(
    '*',
    edgeCache(SHARED_PAGES, (request, env, ctx) => app.fetch(request, env, ctx)),
  );
  app.use('*', databaseSession);
  app.use('*', async function selfFetch(c, next) {
    c.set('fetchPage', async (request) => {
      let executionCtx: typeof c.executionCtx | undefined;
      try {
        executionCtx = c.executionCtx;
      } catch {
        // No execution context (a direct app.request in a test): pages render without one.
      }
      return app.fetch(request, c.env, executionCtx);
    });
    await next();
  });
  app.use('*', async function campaignsOfActions(c, next) {
    c.set('campaignsOf', (kind, id) => publishedCampaignsOf(getDb(c.env), kind, id));
    c.set('campaignById', (id) => campaignSubjectById(getDb(c.env), id));
    await next();
  });
  app.use('*', async function language(c, next) {
    const lang = negotiateLang(getCookie(c, LANG_COOKIE), c.req.header('accept-language'));
    c.set('lang', lang);
    c.set('t', translator(lang));
    await next();
    // Every page, feed, calendar file and error page is in the negotiated language.
    varyByLanguage(c.res.headers);
  });
  app.use('*', layout);
  // Refused before anything reads the body: organizers' forms carry whole letters in two
  // languages; every public form is far smaller.
  const tooLarge = () => {
    throw new AppError('too_large');
  };
  const publicBodyLimit = bodyLimit({ maxSize: PUBLIC_BODY_MAX_BYTES, onError: tooLarge });
  const adminBodyLimit = bodyLimit({ maxSize: ADMIN_BODY_MAX_BYTES, onError: tooLarge });
  app.use('*', function requestSizeLimit(c, next) {
    return (c.req.path.startsWith('/admin/') ? adminBodyLimit : publicBodyLimit)(c, next);
  });
  app.use('*', csrfProtection(isCsrfExempt));
  app.use('*', loadOrganizer);
  app.on('POST', '*', async function unreadableForm(c, next) {
    // A malformed form body (e.g. a multipart part without a name) makes workerd's parser throw a
    // TypeError: that is the client's mistake (400), not a server error. Parsed once, then cached.
    // Not for Resend's webhook: its signature covers the raw bytes, which it must read itself.
    if (
      c.req.path !== RESEND_WEBHOOK_PATH &&
      /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(c.req.header('content-type') ?? '')
    ) {
      await c.req.formData().catch(() => {
        throw new AppError('bad_request');
      });
    }
    return next();
  });
  app.on('POST', '*', async function publicPostLimit(c, next) {
    // Organizers' own actions are limited by sign-in; third-party callbacks by their signatures.
    if (c.req.path.startsWith('/admin') || isCsrfExempt(c.req.path) || c.req.path === '/sign-in')
      return next();
    return rateLimit('RL_PUBLIC')(c, next);
  });

  app.route('/', homeRoutes);
  app.post('/lang', async (c) => {
    const { values } = await readForm(c, languageSwitchSchema, { botCheck: false });
    const lang = isLang(values.lang) ? values.lang : 'en';
    setCookie(c, LANG_COOKIE, lang, {
      path: '/',
      maxAge: 365 * 24 * 3600,
      sameSite: 'Lax',
      secure: true,
      httpOnly: true,
    });
    return c.redirect(safeRedirectPath(valueOf(values, 'back')) ?? '/', 303);
  });
  app.get('/healthz', async (c) => {
    await pingDatabase(c.env);
    return c.json({ ok: true });
  });

  // Before organizerRoutes, whose /sign-in/:token would take /sign-in/passkey.
  app.route('/', passkeySignInRoutes);
  app.route('/', organizerRoutes);
  app.route('/', emailRoutes);
  app.route('/letters', letterThanksRoutes(listOpenActions));
  app.route('/letters', lettersRoutes);
  app.route('/days', advocacyDaysRoutes);
  app.route('/gatherings', gatheringsRoutes);
  app.route('/officials', officialsRoutes(OFFICIAL_ACTION_SOURCES));
  app.route('/meetings', meetingsRoutes);
  app.route('/bills', billsRoutes);
  app.route('/campaigns', campaignsRoutes);
  app.route('/', privacyRoutes);
  app.route('/admin', buildAdmin());
  const api = apiRoutes();
  app.route(API_PATH, api);
  // Clients start at `/api/v2/` (Action Network's address ends with the slash): the entry point.
  app.get(`${API_PATH}/`, (c) => {
    const url = new URL(c.req.url);
    url.pathname = '/';
    return api.fetch(new Request(url, c.req.raw), c.env, c.executionCtx);
  });

  app.notFound((c) => renderErrorPage(c, 'not_found'));
  app.onError(async (error, c) => {
    const wantsJson =
      (c.req.header('accept') ?? '').includes('application/json') &&
      !(c.req.header('accept') ?? '').includes('text/html');
    let code: AppError['code'] = 'internal';
    let retryAfter: number | undefined;
    if (error instanceof AppError) {
      code = error.code;
      retryAfter = error.detail?.retryAfterSeconds;
    } else if (isTransientD1Error(error)) {
      code = 'unavailable';
      retryAfter = 5;
    } else if (error instanceof Error && 'status' in error && error.status === 400) {
      code = 'bad_request';
    } else if (error instanceof Error && 'status' in error && error.status === 413) {
      code = 'too_large';
    }
    if (code === 'internal' || code === 'unavailable') {
      // The path without its query string, and no message text that could carry personal data.
      logEvent('error', 'request.failed', {
        code,
        method: c.req.method,
        route: c.req.routePath,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
    if (code === 'unavailable' && !retryAfter) retryAfter = 5;
    if (wantsJson) {
      if (retryAfter) c.header('Retry-After', String(retryAfter));
      if (error instanceof AppError && error.detail?.fields) {
        return c.json({ error: { code, fields: error.detail.fields } }, 422);
      }
      return c.json({ error: { code } }, codeToStatus(code));
    }
    // A form that could not be saved is shown back to its sender, so nothing they typed is lost.
    const submitted = code === 'unavailable' && c.req.method === 'POST' ? await submittedText(c) : [];
    return renderErrorPage(c, code, retryAfter, submitted);
  });
  return app;
}
