import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../env';

/** One link of a LinkBar. `section`: also current on the pages under it (e.g. /admin/letters/…). */
export interface NavLink {
  href: string;
  label: string;
  section?: boolean;
}

/**
 * Where a link stands for the page being shown: 'page' for the page itself, 'true' for the section
 * it belongs to (WAI-ARIA aria-current values), undefined otherwise.
 * @example currentness({ href: '/admin/letters', label: '', section: true }, '/admin/letters/x') // 'true'
 */
export function currentness(link: NavLink, path: string): 'page' | 'true' | undefined {
  const href = link.href.split(/[?#]/)[0]!;
  if (href === path) return 'page';
  if (link.section && path.startsWith(`${href}/`)) return 'true';
  return undefined;
}

/**
 * A labelled row of links between related pages that wraps on a phone and marks where the reader
 * is with aria-current (the organizer sections, the pages of one letter or one advocacy day).
 */
export function LinkBar(props: { label: string; links: NavLink[]; class?: string; children?: Child }): Child {
  const path = useRequestContext<AppEnv>().req.path;
  return (
    <nav aria-label={props.label} class={`link-bar no-print${props.class ? ` ${props.class}` : ''}`}>
      <ul>
        {props.links.map((link) => (
          <li>
            <a href={link.href} aria-current={currentness(link, path)}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      {props.children}
    </nav>
  );
}
