// What every OSDI resource and collection shares: identifiers, dates, HAL links.
import * as z from 'zod';
import { OUR_ORIGIN } from '../../people/queries';

/** Our identifier prefix: `welcome_table:<id>`. */
export const ID_PREFIX = 'welcome_table';
/** The API's path below the site. */
export const API_BASE = '/api/v2';

/** Every named schema of the API: what the OpenAPI document's components are made from. */
export const apiSchemas = z.registry<{ id: string }>();

/** A HAL link. */
export const LinkSchema = z.object({ href: z.string().url() }).register(apiSchemas, { id: 'Link' });
export type Link = z.infer<typeof LinkSchema>;

/** The fields every resource has. */
export const ResourceFields = {
  identifiers: z.array(z.string()).meta({ examples: [['welcome_table:0f3c…']] }),
  origin_system: z.string(),
  created_date: z.string().datetime(),
  modified_date: z.string().datetime(),
};

/**
 * A resource's named schema: the fields every resource has, then its own, then its HAL links
 * (`self` first, then the ones it names).
 */
export function resourceSchema<F extends z.ZodRawShape, L extends z.ZodRawShape>(
  id: string,
  fields: F,
  links: L,
) {
  return z
    .object({ ...ResourceFields, ...fields, _links: z.object({ self: LinkSchema, ...links }) })
    .register(apiSchemas, { id });
}

/** Whom an action is addressed to, by name. */
export const TargetsSchema = z.array(z.object({ name: z.string() }));

/** A link to each of `names` (a record's `osdi:petition`, `osdi:person`…), for resourceSchema. */
export function linkFields<K extends string>(...names: K[]): Record<K, typeof LinkSchema> {
  return Object.fromEntries(names.map((name) => [name, LinkSchema])) as Record<K, typeof LinkSchema>;
}

/** The names of an action's links to its records (`osdi:signatures`, `osdi:record_signature_helper`). */
type RecordLinkName<R extends string> = `osdi:${R}s` | `osdi:record_${R}_helper`;

/** The schema of ApiLinks.withRecords's two links, for resourceSchema. */
export function recordLinkFields<R extends string>(record: R) {
  return linkFields<RecordLinkName<R>>(`osdi:${record}s`, `osdi:record_${record}_helper`);
}

/** Builds absolute links under /api/v2 from the address the request came to. */
export class ApiLinks {
  constructor(private readonly origin: string) {}

  /** `/api/v2/<segments…>` as a link. */
  to(...segments: string[]): Link {
    return { href: `${this.origin}${API_BASE}/${segments.map(encodeURIComponent).join('/')}` };
  }

  /**
   * A resource's `self` link at `path`, and the links below it by their names
   * (`{ 'osdi:signatures': 'signatures' }`).
   */
  of<K extends string>(
    path: readonly string[],
    children: Record<K, string>,
  ): { self: Link } & Record<K, Link> {
    const entries = Object.entries<string>(children).map(([name, child]) => [name, this.to(...path, child)]);
    return { self: this.to(...path), ...(Object.fromEntries(entries) as Record<K, Link>) };
  }

  /**
   * The `self` link of an action people take part in, and its two links to their records: the
   * collection and the helper that adds one (`osdi:signatures`, `osdi:record_signature_helper`).
   */
  withRecords<R extends string>(path: readonly string[], record: R) {
    const records = `${record}s`;
    return this.of(path, {
      [`osdi:${record}s`]: records,
      [`osdi:record_${record}_helper`]: records,
    } as Record<RecordLinkName<R>, string>);
  }

  /** A link to a page of the site itself (a petition's public page). */
  site(path: string): string {
    return `${this.origin}${path}`;
  }
}

/** ISO 8601 form of an epoch-ms time. */
export function isoDate(at: number): string {
  return new Date(at).toISOString();
}

/** The identifiers of a row of ours, then those another system gave it. */
export function identifiersOf(id: string, theirs: readonly string[] = []): string[] {
  return [`${ID_PREFIX}:${id}`, ...theirs.filter((value) => value !== `${ID_PREFIX}:${id}`)];
}

/** `origin_system` of a row we made ourselves. */
export const OWN_ORIGIN = OUR_ORIGIN;

/** The four fields of a row of ours that records when it was last updated. */
export function ownFieldsOf(row: { id: string; createdAt: number; updatedAt: number }) {
  return baseFieldsOf({ id: row.id, createdAt: row.createdAt, modifiedAt: row.updatedAt });
}

/** The four fields every resource starts with (ResourceFields), from a row's id and times. */
export function baseFieldsOf(
  row: { id: string; createdAt: number; modifiedAt: number },
  options: { origin?: string; theirIdentifiers?: readonly string[] } = {},
) {
  return {
    identifiers: identifiersOf(row.id, options.theirIdentifiers),
    origin_system: options.origin ?? OWN_ORIGIN,
    created_date: isoDate(row.createdAt),
    modified_date: isoDate(row.modifiedAt),
  };
}

/**
 * The named schema of an action people take (a petition, an event, a form, an advocacy campaign):
 * every action has a title first and its public page (`browser_url`) last, around its own fields.
 */
export function actionSchema<F extends z.ZodRawShape, L extends z.ZodRawShape>(
  id: string,
  fields: F,
  links: L,
) {
  return resourceSchema(id, { title: z.string(), ...fields, browser_url: z.string().url() }, links);
}

/**
 * An action as actionSchema describes it: the four fields of its row, its title, its own fields, the
 * absolute address of its public `page`, then its HAL links.
 */
export function actionResource<O extends object, L extends object>(
  row: { id: string; createdAt: number; updatedAt: number },
  links: ApiLinks,
  action: { title: string; page: string; _links: L },
  own: O,
) {
  return {
    ...ownFieldsOf(row),
    title: action.title,
    ...own,
    browser_url: links.site(action.page),
    _links: action._links,
  };
}
