// The answer after a subscribe form, for a bill's subscriptions and the campaigns that reuse them.
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { MessagePage } from './views/public';

/**
 * The "check your email" page a subscribe form redirects to (post/redirect/get): what comes next,
 * and the way `back` to what was subscribed to. Never indexed.
 */
export function renderCheckEmail(c: Context<AppEnv>, body: string, back: { url: string; label: string }) {
  const title = c.var.t('bills.checkEmailTitle');
  return c.render(<MessagePage title={title} body={body} links={[back]} />, { title, noindex: true });
}
