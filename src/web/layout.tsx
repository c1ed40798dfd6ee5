import type { Child } from 'hono/jsx';
import { jsxRenderer, useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../env';
import type { MessageKey } from '../lib/i18n';
import { AdminNav } from './ui/admin-nav';

/** What a page tells the layout about itself. */
export interface PageMeta {
  title: string;
  description?: string;
  /** Keeps a page out of search engines (signer lists, private links). */
  noindex?: boolean;
  /** Open Graph tags, so that a shared link shows a card. */
  og?: { title: string; description: string; url: string };
  /** A bare page without header and footer (embeds, print views). */
  bare?: boolean;
  /** Atom feeds the page announces to feed readers (`<link rel="alternate">`). */
  feeds?: { href: string; title: string }[];
  /** Wider main column for organizer tables. */
  wide?: boolean;
  /** Loads the passkey scripts (WebAuthn): the page has passkey buttons. */
  passkeys?: boolean;
}

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, meta: PageMeta): Response | Promise<Response>;
  }
}

/**
 * The one page layout: landmarks, skip link, organization name, language switch, footer, and on
 * organizer pages the organizer area's navigation.
 */
export const layout = jsxRenderer<AppEnv>(({ children, ...meta }) => {
  const c = useRequestContext<AppEnv>();
  const { t, lang } = c.var;
  const page = meta as unknown as PageMeta;
  const orgName = c.env.ORG_NAME;
  const path = new URL(c.req.url).pathname;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${page.title} · ${orgName}`}</title>
        {page.description ? <meta name="description" content={page.description} /> : null}
        {page.noindex ? <meta name="robots" content="noindex" /> : null}
        {page.og ? (
          <>
            <meta property="og:type" content="website" />
            <meta property="og:site_name" content={orgName} />
            <meta property="og:title" content={page.og.title} />
            <meta property="og:description" content={page.og.description} />
            <meta property="og:url" content={page.og.url} />
            <meta property="og:locale" content={lang === 'es' ? 'es_US' : 'en_US'} />
            <meta name="twitter:card" content="summary" />
          </>
        ) : null}
        {(page.feeds ?? []).map((feed) => (
          <link rel="alternate" type="application/atom+xml" href={feed.href} title={feed.title} />
        ))}
        <link rel="stylesheet" href="/vendor/pico.min.css" />
        <link rel="stylesheet" href="/app.css" />
        <script src="/app.js" defer></script>
        {page.passkeys ? <script src="/vendor/simplewebauthn-browser.js" defer></script> : null}
        {page.passkeys ? <script src="/passkeys.js" defer></script> : null}
        {c.env.TURNSTILE_SITE_KEY ? (
          <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script>
        ) : null}
      </head>
      <body class={page.bare ? 'bare' : undefined}>
        {page.bare ? (
          <main id="main" class="container">
            {children}
          </main>
        ) : (
          <>
            <a class="skip-link" href="#main">
              {t('site.skipToContent')}
            </a>
            <header class="container site-header">
              <nav aria-label={t('site.mainNav')}>
                <ul>
                  <li>
                    <a href="/" class="site-name">
                      <strong>{orgName}</strong>
                    </a>
                  </li>
                </ul>
                <ul>
                  <NavItems links={SITE_LINKS} />
                  <li>
                    <LanguageSwitch back={path + new URL(c.req.url).search} />
                  </li>
                </ul>
              </nav>
              {c.var.organizer && /^\/admin(\/|$)/.test(path) ? <AdminNav /> : null}
            </header>
            <main id="main" class={page.wide ? 'container-fluid' : 'container'} tabindex={-1}>
              {children}
            </main>
            <footer class="container site-footer">
              <nav aria-label={t('site.footerNav')}>
                <ul>
                  <NavItems links={FOOTER_LINKS} />
                </ul>
              </nav>
              <p>
                <small>{t('site.tagline')}</small>
              </p>
            </footer>
          </>
        )}
      </body>
    </html>
  );
});

/** A POST form, so that changing the language never happens on a GET; works without JavaScript. */
function LanguageSwitch(props: { back: string }): Child {
  const c = useRequestContext<AppEnv>();
  const { t, lang } = c.var;
  return (
    <form method="post" action="/lang" class="language-switch">
      <input type="hidden" name="lang" value={lang === 'es' ? 'en' : 'es'} />
      <input type="hidden" name="back" value={props.back} />
      <button
        type="submit"
        class="outline secondary"
        lang={lang === 'es' ? 'en' : 'es'}
        aria-label={t('site.switchToLabel')}
      >
        {t('site.switchTo')}
      </button>
    </form>
  );
}

/** The site's sections, in the header on every page. */
const SITE_LINKS: [string, MessageKey][] = [
  ['/letters', 'nav.letters'],
  ['/days', 'nav.days'],
  ['/gatherings', 'nav.gatherings'],
  ['/officials', 'nav.officials'],
  ['/bills', 'nav.bills'],
];

/** The footer's links. */
const FOOTER_LINKS: [string, MessageKey][] = [
  ['/privacy', 'site.privacy'],
  ['/admin', 'site.organizers'],
];

/** Links as the items of a navigation list. */
function NavItems(props: { links: [string, MessageKey][] }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      {props.links.map(([href, label]) => (
        <li>
          <a href={href}>{t(label)}</a>
        </li>
      ))}
    </>
  );
}
