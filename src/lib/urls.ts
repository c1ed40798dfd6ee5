/**
 * An absolute address on this site, for emails, feeds and calendar files: the configured public
 * base (with or without a trailing slash) and a path starting with `/`.
 */
export function absoluteUrl(env: Pick<Env, 'PUBLIC_URL'>, path: string): string {
  return `${env.PUBLIC_URL.replace(/\/+$/, '')}${path}`;
}
