// A signature (OSDI `osdi:signature`): a confirmed signature on one of our letters.
import * as z from 'zod';
import type { SignatureRow } from '../queries/actions';
import { linkFields, resourceSchema, baseFieldsOf, type ApiLinks } from './common';

export const SignatureSchema = resourceSchema(
  'Signature',
  {
    comments: z.string().optional(),
    /** Whether the signer let their name be listed publicly. */
    'welcome_table:show_publicly': z.boolean(),
  },
  linkFields('osdi:petition', 'osdi:person'),
);
export type SignatureResource = z.infer<typeof SignatureSchema>;

/** A signature; its modified date is when it was confirmed (it counts from then). */
export function signatureResource(row: SignatureRow, links: ApiLinks): SignatureResource {
  return {
    ...baseFieldsOf(
      { id: row.id, createdAt: row.createdAt, modifiedAt: row.confirmedAt ?? row.createdAt },
      { origin: row.origin ?? undefined },
    ),
    ...(row.comment ? { comments: row.comment } : {}),
    'welcome_table:show_publicly': row.showPublicly,
    _links: {
      self: links.to('petitions', row.letterId, 'signatures', row.id),
      'osdi:petition': links.to('petitions', row.letterId),
      'osdi:person': links.to('people', row.personId),
    },
  };
}
