// A petition (OSDI `osdi:petition`): one of our sign-on letters, addressed to its addressees.
import * as z from 'zod';
import type { PetitionRow } from '../queries/campaigns';
import { apiSchemas, LinkSchema, ResourceFields, type ApiLinks, baseFieldsOf } from './common';

export const PetitionSchema = z
  .object({
    ...ResourceFields,
    title: z.string(),
    petition_text: z.string(),
    target: z.array(z.object({ name: z.string() })),
    total_signatures: z.number().int(),
    browser_url: z.string().url(),
    _links: z.object({
      self: LinkSchema,
      'osdi:signatures': LinkSchema,
      'osdi:record_signature_helper': LinkSchema,
    }),
  })
  .register(apiSchemas, { id: 'Petition' });
export type PetitionResource = z.infer<typeof PetitionSchema>;

/** A letter as OSDI shows a petition: the letter's text, and one target per addressee line. */
export function petitionResource(letter: PetitionRow, links: ApiLinks): PetitionResource {
  return {
    ...baseFieldsOf({ id: letter.id, createdAt: letter.createdAt, modifiedAt: letter.updatedAt }),
    title: letter.titleEn,
    petition_text: letter.bodyEn,
    target: letter.addressees
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((name) => ({ name })),
    total_signatures: letter.signatureCount,
    browser_url: links.site(`/letters/${letter.slug}`),
    _links: {
      self: links.to('petitions', letter.id),
      'osdi:signatures': links.to('petitions', letter.id, 'signatures'),
      'osdi:record_signature_helper': links.to('petitions', letter.id, 'signatures'),
    },
  };
}
