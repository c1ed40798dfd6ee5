// OSDI's `filter=` parameter (an OData subset): what we accept, as plain data. See docs/api.md.

/** One comparison of `modified_date` with a time. */
export interface ModifiedBound {
  op: 'gt' | 'ge' | 'lt' | 'le' | 'eq';
  at: number;
}

/** A parsed filter: bounds on modified_date, and an address for `email_address eq`. */
export interface ApiFilter {
  modified: ModifiedBound[];
  email?: string;
}

/** A filter we cannot answer: the client is told which clause, so it never gets a silent superset. */
export class UnsupportedFilter extends Error {
  constructor(readonly clause: string) {
    super(`unsupported filter: ${clause}`);
    this.name = 'UnsupportedFilter';
  }
}

const CLAUSE = /^\s*([a-z_]+)\s+(gt|ge|lt|le|eq)\s+'([^']*)'\s*$/i;

/**
 * Parses `modified_date gt '2026-01-01T00:00:00Z' and email_address eq 'a@b.org'`. Clauses are
 * joined by `and` only; `email_address` only where the collection allows it (people).
 */
export function parseFilter(raw: string | undefined, allowEmail: boolean): ApiFilter {
  const filter: ApiFilter = { modified: [] };
  if (!raw || !raw.trim()) return filter;
  for (const clause of raw.split(/\s+and\s+/i)) {
    const match = CLAUSE.exec(clause);
    if (!match) throw new UnsupportedFilter(clause.trim());
    const [, field, op, value] = match as unknown as [string, string, ModifiedBound['op'], string];
    const name = field.toLowerCase();
    if (name === 'modified_date') {
      const at = Date.parse(value);
      if (Number.isNaN(at)) throw new UnsupportedFilter(clause.trim());
      filter.modified.push({ op: op.toLowerCase() as ModifiedBound['op'], at });
    } else if (name === 'email_address' && allowEmail && op.toLowerCase() === 'eq') {
      filter.email = value.trim().toLowerCase();
    } else {
      throw new UnsupportedFilter(clause.trim());
    }
  }
  return filter;
}

/** Whether a time passes the filter's modified_date bounds (for resources without a table). */
export function passesModified(at: number, filter: ApiFilter): boolean {
  return filter.modified.every(({ op, at: bound }) =>
    op === 'gt'
      ? at > bound
      : op === 'ge'
        ? at >= bound
        : op === 'lt'
          ? at < bound
          : op === 'le'
            ? at <= bound
            : at === bound,
  );
}
