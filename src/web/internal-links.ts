// Links organizers type into forms ("/letters/…") must open a real page of this site: a mistyped
// or incomplete path would reach every reader (and every alert email) as a 404.
import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** True for a path of this site ("/letters/x"), not a web address or a protocol-relative one. */
export function isInternalPath(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//');
}

/**
 * The internal paths among `links` that do not answer an anonymous GET with a page (200), asked
 * of this app itself: a signed-out reader must be able to open what a public button links to.
 */
export async function brokenInternalLinks(c: Context<AppEnv>, links: readonly string[]): Promise<string[]> {
  const broken: string[] = [];
  for (const path of new Set(links.filter(isInternalPath))) {
    const response = await c.var.fetchPage(
      new Request(new URL(path, c.env.PUBLIC_URL), {
        headers: { accept: 'text/html', 'accept-language': c.var.lang },
        redirect: 'manual',
      }),
    );
    await response.body?.cancel();
    if (response.status !== 200) broken.push(path);
  }
  return broken;
}
