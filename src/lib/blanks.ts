// Optional text read from a row or a form, made plain text for the places that want a string.

/** The named fields of `source`, each missing value (null or undefined) given as ''. */
export function blankWhenMissing<T extends object, const K extends keyof T>(
  source: T,
  names: readonly K[],
): { [P in K]: Exclude<T[P], null | undefined> | '' } {
  return Object.fromEntries(names.map((name) => [name, source[name] ?? ''])) as {
    [P in K]: Exclude<T[P], null | undefined> | '';
  };
}
