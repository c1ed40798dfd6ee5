// An advocacy campaign (OSDI `osdi:advocacy_campaign`): a published campaign, its targets, and the
// petitions (letters) and events (days) its tactics use.
import * as z from 'zod';
import type { AdvocacyCampaignRow } from '../queries/advocacy-campaigns';
import {
  actionResource,
  actionSchema,
  LinkSchema,
  TargetsSchema,
  ownFieldsOf,
  type ApiLinks,
} from './common';

export const AdvocacyCampaignSchema = actionSchema(
  'AdvocacyCampaign',
  {
    description: z.string(),
    target: TargetsSchema,
  },
  { 'osdi:petitions': z.array(LinkSchema), 'osdi:events': z.array(LinkSchema) },
);
export type AdvocacyCampaignResource = z.infer<typeof AdvocacyCampaignSchema>;

/** A campaign as OSDI shows an advocacy campaign; its actions are linked, not embedded. */
export function advocacyCampaignResource(
  row: AdvocacyCampaignRow,
  links: ApiLinks,
): AdvocacyCampaignResource {
  const shows = (part: 'issue') => row.publicParts.includes(part);
  return actionResource(
    row,
    links,
    {
      title: row.title,
      page: `/campaigns/${row.slug}`,
      _links: {
        self: links.to('advocacy_campaigns', row.id),
        'osdi:petitions': row.letterIds.map((id) => links.to('petitions', id)),
        'osdi:events': row.dayIds.map((id) => links.to('events', id)),
      },
    },
    {
      description: shows('issue') ? (row.issueEn ?? '') : '',
      target: row.publicParts.includes('targets') ? row.targetNames.map((name) => ({ name })) : [],
    },
  );
}
