// A petition (OSDI `osdi:petition`): one of our sign-on letters, addressed to its addressees.
import * as z from 'zod';
import type { PetitionRow } from '../queries/campaigns';
import { actionResource, actionSchema, recordLinkFields, TargetsSchema, type ApiLinks } from './common';

export const PetitionSchema = actionSchema(
  'Petition',
  {
    petition_text: z.string(),
    target: TargetsSchema,
    total_signatures: z.number().int(),
  },
  recordLinkFields('signature'),
);
export type PetitionResource = z.infer<typeof PetitionSchema>;

/** A letter as OSDI shows a petition: the letter's text, and one target per addressee line. */
export function petitionResource(letter: PetitionRow, links: ApiLinks): PetitionResource {
  return actionResource(
    letter,
    links,
    {
      title: letter.titleEn,
      page: `/letters/${letter.slug}`,
      _links: links.withRecords(['petitions', letter.id], 'signature'),
    },
    {
      petition_text: letter.bodyEn,
      target: letter.addressees
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((name) => ({ name })),
      total_signatures: letter.signatureCount,
    },
  );
}
