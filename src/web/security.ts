import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import ipaddr from 'ipaddr.js';
import type { AppEnv } from '../env';
import { AppError } from '../lib/errors';

/**
 * Security headers on every response, 404 and 500 included (they are set after the handler and
 * after onError have produced the response). Pages that carry a private token in their URL set
 * `privateLink` and get no-store and no-referrer; embeddable pages set `embeddable`.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async function securityHeaders(c, next) {
  c.set('embeddable', false);
  c.set('privateLink', false);
  await next();
  setSecurityHeaders(c.res.headers, c.env, {
    embeddable: c.var.embeddable,
    privateLink: c.var.privateLink,
    organizer: Boolean(c.var.organizer),
  });
};

/** What the security headers of a response depend on. */
export interface SecurityContext {
  embeddable: boolean;
  privateLink: boolean;
  organizer: boolean;
}

/** Sets the security headers of a response (see securityHeaders). */
export function setSecurityHeaders(
  headers: Headers,
  env: Pick<Env, 'TURNSTILE_SITE_KEY'>,
  context: SecurityContext,
): void {
  const turnstile = env.TURNSTILE_SITE_KEY ? ' https://challenges.cloudflare.com' : '';
  const csp = [
    "default-src 'self'",
    `script-src 'self'${turnstile}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${turnstile}`,
    `frame-src${turnstile || " 'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${context.embeddable ? '*' : "'none'"}`,
  ].join('; ');
  headers.set('Content-Security-Policy', csp);
  headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', context.privateLink ? 'no-referrer' : 'strict-origin-when-cross-origin');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Permissions-Policy', 'camera=(self), geolocation=(), microphone=()');
  if (context.embeddable) headers.delete('X-Frame-Options');
  else headers.set('X-Frame-Options', 'DENY');
  if (context.privateLink || context.organizer) headers.set('Cache-Control', 'no-store');
}

/**
 * CSRF: a state-changing form post must come from our own origin (Origin header, or
 * Sec-Fetch-Site: same-origin). Endpoints called by other parties (Resend's webhook, one-click
 * unsubscribe from mail providers) are exempt because they carry their own proof.
 */
export function csrfProtection(exempt: (path: string) => boolean): MiddlewareHandler<AppEnv> {
  const check = csrf({
    origin: (origin, c) =>
      origin === new URL(c.req.url).origin || origin === new URL(c.env.PUBLIC_URL).origin,
  });
  return async function csrfProtection(c, next) {
    if (exempt(c.req.path)) return next();
    try {
      return await check(c, next);
    } catch (error) {
      if (error instanceof Error && 'status' in error && error.status === 403)
        throw new AppError('forbidden');
      throw error;
    }
  };
}

/**
 * The key a client is rate-limited by: its IPv4 address, or the /64 network of its IPv6 address (one
 * subscriber line usually holds a whole /64 and can rotate through it at will). Never logged.
 */
export function clientKey(c: { req: { header(name: string): string | undefined } }): string {
  const address = c.req.header('cf-connecting-ip') ?? c.req.header('x-real-ip') ?? 'local';
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address); // IPv4-mapped IPv6 becomes the IPv4 address it carries
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toNormalizedString()}/64`);
  return `${network.toString()}/64`;
}

type RateLimitBinding = 'RL_PUBLIC' | 'RL_SIGN_IN' | 'RL_API';

/**
 * Counts one request against a Workers Rate Limiting binding under `key` (a client key, or the hash
 * of an email address); over the limit throws the 429 page or JSON.
 */
export async function enforceRateLimit(
  env: Pick<Env, RateLimitBinding>,
  binding: RateLimitBinding,
  key: string,
): Promise<void> {
  const { success } = await env[binding].limit({ key: `${binding}:${key}` });
  if (!success) throw new AppError('too_many_requests', { retryAfterSeconds: 60 });
}

/** Rate limit per client (see clientKey) through a Workers Rate Limiting binding. */
export function rateLimit(binding: RateLimitBinding): MiddlewareHandler<AppEnv> {
  return async function rateLimit(c, next) {
    await enforceRateLimit(c.env, binding, clientKey(c));
    return next();
  };
}

// Any origin works as the base: only whether the result stays on it matters.
const SAME_SITE = 'https://same-site.invalid';

/**
 * A redirect target that came from input (a form's `back`, a sign-in `next`), reduced to a path on
 * this site, or null. The one check for every such redirect: a single leading `/`, no backslash or
 * control character (browsers read `/\evil.example` and `/<tab>/evil.example` as another site), no
 * `//` in the path, and the value resolved with `new URL` must stay on the site with a path that
 * does not start with `//` after dot segments are resolved (`/.//evil.example`).
 */
export function safeRedirectPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 1000) return null;
  if (!raw.startsWith('/') || /[\u0000-\u001F\u007F\\]/.test(raw)) return null;
  if (raw.split(/[?#]/, 1)[0]!.includes('//')) return null;
  let url: URL;
  try {
    url = new URL(raw, SAME_SITE);
  } catch {
    return null;
  }
  if (url.origin !== SAME_SITE || url.pathname.startsWith('//')) return null;
  return url.pathname + url.search + url.hash;
}
