// The campaign's own form: from a stored campaign to form values, and from the form to its columns.
import type { z } from 'zod';
import { blankWhenMissing } from '../lib/blanks';
import type { FormValues } from '../web/form';
import type { CampaignInput } from './queries';
import type { Campaign } from './schema';
import type { campaignFormSchema } from './validation';

/** The validated campaign form. */
export type CampaignFormData = z.output<typeof campaignFormSchema>;

/** The columns a validated form sets. */
export function campaignInputOf(data: CampaignFormData): CampaignInput {
  return { ...data };
}

/** A stored campaign as its form's values. */
export function campaignFormValues(campaign: Campaign): FormValues {
  const values: FormValues = {
    slug: campaign.slug,
    title: campaign.title,
    ...blankWhenMissing(campaign, [
      'titleEs',
      'issueEn',
      'issueEs',
      'winnableEn',
      'winnableEs',
      'considerations',
    ]),
    publicParts: [...campaign.publicParts],
  };
  if (campaign.published) values.published = 'on';
  return values;
}
