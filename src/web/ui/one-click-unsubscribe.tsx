// RFC 8058 one-click unsubscribe, one address for both: a GET (a person clicking, or a mail
// scanner) only shows a page with a button; the POST (that button, or a mail provider sending
// List-Unsubscribe=One-Click without cookies or Origin: app.ts exempts the path from the CSRF
// check) unsubscribes and answers 200 with a page, never a redirect.
import type { Context, Handler } from 'hono';
import type { AppEnv } from '../../env';
import { renderPrivateLinkPage, type PrivateLinkPageProps } from './private-link-button';

/** What a feature mounts the pair with: how to find what the link stands for, and what to do. */
export interface OneClickUnsubscribe<T> {
  /** What the link stands for; throws (an AppError) when the link is unknown. */
  lookup(c: Context<AppEnv>): Promise<T>;
  /** The page a GET shows: its button posts to the same address. */
  confirmPage(c: Context<AppEnv>, found: T): PrivateLinkPageProps;
  /** Unsubscribes. */
  apply(c: Context<AppEnv>, found: T): Promise<void>;
  /** The page the POST answers with. */
  donePage(c: Context<AppEnv>, found: T): PrivateLinkPageProps;
}

/** The GET and POST handlers of a one-click unsubscribe address, for a feature to mount. */
export function oneClickUnsubscribe<T>(feature: OneClickUnsubscribe<T>): {
  get: Handler<AppEnv>;
  post: Handler<AppEnv>;
} {
  return {
    get: async (c) => {
      c.set('privateLink', true);
      const found = await feature.lookup(c);
      return renderPrivateLinkPage(c, feature.confirmPage(c, found));
    },
    post: async (c) => {
      c.set('privateLink', true);
      const found = await feature.lookup(c);
      await feature.apply(c, found);
      return renderPrivateLinkPage(c, feature.donePage(c, found));
    },
  };
}
