import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ActionCampaign, AppEnv } from '../../env';
import { langAttribute, pick } from '../../lib/bilingual';

/**
 * The line on a letter's, day's or bill's page that names the campaigns it belongs to, each linked
 * to its public page; nothing when it belongs to none. Handlers get them from `c.var.campaignsOf`.
 * @example <PartOfCampaigns campaigns={await c.var.campaignsOf('letter', letter.id)} />
 */
export function PartOfCampaigns(props: { campaigns?: readonly ActionCampaign[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const campaigns = props.campaigns ?? [];
  if (campaigns.length === 0) return null;
  return (
    <p class="part-of-campaign">
      {t('campaigns.partOf', { count: campaigns.length })}{' '}
      {campaigns.map((campaign, index) => {
        const title = pick(campaign, 'title', lang);
        return (
          <>
            {index > 0 ? ', ' : null}
            <a href={campaign.path} lang={langAttribute(title, lang)}>
              {title.text}
            </a>
          </>
        );
      })}
    </p>
  );
}
