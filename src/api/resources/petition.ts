// A petition (OSDI `osdi:petition`): one of our sign-on letters, addressed to its addressees.
import * as z from 'zod';
import type { PetitionRow } from '../queries/campaigns';
import { linkFields, resourceSchema, TargetsSchema, ownFieldsOf, type ApiLinks } from './common';

export const PetitionSchema = resourceSchema(
  'Petition',
  {
    title: z.string(),
    petition_text: z.string(),
    target: TargetsSchema,
    total_signatures: z.number().int(),
    browser_url: z.string().url(),
  },
  linkFields('osdi:signatures', 'osdi:record_signature_helper'),
);
export type PetitionResource = z.infer<typeof PetitionSchema>;

/** A letter as OSDI shows a petition: the letter's text, and one target per addressee line. */
export function petitionResource(letter: PetitionRow, links: ApiLinks): PetitionResource {
  return {
    ...ownFieldsOf(letter),
    title: letter.titleEn,
    petition_text: letter.bodyEn,
    target: letter.addressees
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((name) => ({ name })),
    total_signatures: letter.signatureCount,
    browser_url: links.site(`/letters/${letter.slug}`),
    _links: links.of(['petitions', letter.id], {
      'osdi:signatures': 'signatures',
      'osdi:record_signature_helper': 'signatures',
    }),
  };
}
