// A signature (OSDI `osdi:signature`): a confirmed signature on one of our letters.
import * as z from 'zod';
import type { SignatureRow } from '../queries/actions';
import {
  apiSchemas,
  LinkSchema,
  OWN_ORIGIN,
  ResourceFields,
  identifiersOf,
  isoDate,
  type ApiLinks,
} from './common';

export const SignatureSchema = z
  .object({
    ...ResourceFields,
    comments: z.string().optional(),
    /** Whether the signer let their name be listed publicly. */
    'welcome_table:show_publicly': z.boolean(),
    _links: z.object({ self: LinkSchema, 'osdi:petition': LinkSchema, 'osdi:person': LinkSchema }),
  })
  .register(apiSchemas, { id: 'Signature' });
export type SignatureResource = z.infer<typeof SignatureSchema>;

/** A signature; its modified date is when it was confirmed (it counts from then). */
export function signatureResource(row: SignatureRow, links: ApiLinks): SignatureResource {
  return {
    identifiers: identifiersOf(row.id),
    origin_system: row.origin ?? OWN_ORIGIN,
    created_date: isoDate(row.createdAt),
    modified_date: isoDate(row.confirmedAt ?? row.createdAt),
    ...(row.comment ? { comments: row.comment } : {}),
    'welcome_table:show_publicly': row.showPublicly,
    _links: {
      self: links.to('petitions', row.letterId, 'signatures', row.id),
      'osdi:petition': links.to('petitions', row.letterId),
      'osdi:person': links.to('people', row.personId),
    },
  };
}
