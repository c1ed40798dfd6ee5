// A tag (OSDI `osdi:tag`) and a tagging (`osdi:tagging`, one tag on one person). Derived tags (faith
// traditions, team roles) and organizer tags look alike; `welcome_table:kind` tells them apart.
import * as z from 'zod';
import type { TaggingRow } from '../queries/tags';
import type { TagRow } from '../tags';
import { linkFields, resourceSchema, baseFieldsOf, type ApiLinks } from './common';

export const TagSchema = resourceSchema(
  'Tag',
  {
    name: z.string(),
    /** tradition and role tags follow the data (read only); organizer tags come from `add_tags`. */
    'welcome_table:kind': z.enum(['tradition', 'role', 'organizer']),
  },
  linkFields('osdi:taggings'),
);
export type TagResource = z.infer<typeof TagSchema>;

export const TaggingSchema = resourceSchema(
  'Tagging',
  { item_type: z.literal('osdi:person') },
  linkFields('osdi:tag', 'osdi:person'),
);
export type TaggingResource = z.infer<typeof TaggingSchema>;

/** A tag. */
export function tagResource(tag: TagRow, links: ApiLinks): TagResource {
  return {
    ...baseFieldsOf(tag, { origin: tag.originSystem }),
    name: tag.name,
    'welcome_table:kind': tag.kind,
    _links: { self: links.to('tags', tag.id), 'osdi:taggings': links.to('tags', tag.id, 'taggings') },
  };
}

/**
 * A tagging: one a tag and person, so its id is `<tag id>.<person id>` and its link is under the
 * tag by the person's id.
 */
export function taggingResource(row: TaggingRow, links: ApiLinks): TaggingResource {
  return {
    ...baseFieldsOf({ id: `${row.tagId}.${row.personId}`, createdAt: row.at, modifiedAt: row.at }),
    item_type: 'osdi:person',
    _links: {
      self: links.to('tags', row.tagId, 'taggings', row.personId),
      'osdi:tag': links.to('tags', row.tagId),
      'osdi:person': links.to('people', row.personId),
    },
  };
}
