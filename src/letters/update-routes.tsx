// The signer's side of updates: the "stop these updates" link of every update email. RFC 8058: mail
// providers POST to .../one-click-unsubscribe without cookies or Origin (the path is CSRF-exempt in
// app.ts) and get 200 without a redirect; a GET (a person, or a mail scanner) only shows the button.
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { hashToken } from '../lib/tokens';
import { AppError } from '../lib/errors';
import { logEvent } from '../lib/log';
import { LANG_COOKIE, translator } from '../lib/i18n';
import { oneClickUnsubscribe } from '../web/ui/one-click-unsubscribe';
import { renderPrivateLinkPage, type PrivateLinkPageProps } from '../web/ui/private-link-button';
import { letterText } from './status';
import { findUpdateLink, restartUpdates, stopUpdates } from './queries/updates';

type UpdateLinkContext = Context<AppEnv>;

/** The link's signature; the page speaks the signer's language unless they chose one on the site. */
async function requireLink(c: UpdateLinkContext) {
  c.set('privateLink', true);
  const link = await findUpdateLink(getDb(c.env), await hashToken(c.req.param('token') ?? ''));
  if (!link) throw new AppError('not_found');
  if (!getCookie(c, LANG_COOKIE)) {
    c.set('lang', link.lang);
    c.set('t', translator(link.lang));
  }
  return link;
}

type UpdateLink = Awaited<ReturnType<typeof requireLink>>;

/** The page of a signer whose updates are stopped: it offers to start them again. */
function stoppedPage(c: UpdateLinkContext, link: UpdateLink): PrivateLinkPageProps {
  const { t, lang } = c.var;
  return {
    title: t('letters.updates.stoppedTitle'),
    body: t('letters.updates.stoppedBody', { title: letterText(link.letter, lang).title }),
    button: {
      action: `/letters/updates/${c.req.param('token')}/resubscribe`,
      label: t('letters.updates.restartButton'),
      secondary: true,
    },
  };
}

/** Public routes of update links, mounted under /letters. */
export const letterUpdateRoutes = new Hono<AppEnv>();

const stopUpdatesLink = oneClickUnsubscribe({
  lookup: requireLink,
  // Already stopped: the page offers to start again instead.
  confirmPage: (c, link) =>
    link.keepInformed
      ? {
          title: c.var.t('letters.updates.stopTitle'),
          body: c.var.t('letters.updates.stopBody', { title: letterText(link.letter, c.var.lang).title }),
          button: { action: c.req.path, label: c.var.t('letters.updates.stopButton') },
        }
      : stoppedPage(c, link),
  apply: async (c, link) => {
    await stopUpdates(getDb(c.env), link.signatureId);
    logEvent('info', 'letters.updates_stopped', { letterId: link.letter.id });
  },
  donePage: stoppedPage,
});
letterUpdateRoutes.get('/updates/:token/one-click-unsubscribe', stopUpdatesLink.get);
letterUpdateRoutes.post('/updates/:token/one-click-unsubscribe', stopUpdatesLink.post);

letterUpdateRoutes.post('/updates/:token/resubscribe', async (c) => {
  const link = await requireLink(c);
  await restartUpdates(getDb(c.env), link.signatureId);
  logEvent('info', 'letters.updates_restarted', { letterId: link.letter.id });
  const { t, lang } = c.var;
  return renderPrivateLinkPage(c, {
    title: t('letters.updates.restartedTitle'),
    body: t('letters.updates.restartedBody', { title: letterText(link.letter, lang).title }),
  });
});
