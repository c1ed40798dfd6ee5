import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { pick } from '../../lib/bilingual';
import { AdminListPage } from '../../web/ui/admin-list';
import { DemoLabel } from '../../web/ui/demo-label';
import { adminCampaignPath, campaignPath } from '../links';
import type { CampaignListRow } from '../queries';

/** Every campaign with its tactics and whether it has a public page. */
export function CampaignsAdminList(props: { campaigns: CampaignListRow[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <AdminListPage
      title={t('campaigns.admin.title')}
      intro={t('campaigns.admin.intro')}
      action={{ href: '/admin/campaigns/new', label: t('campaigns.admin.new') }}
      items={props.campaigns}
      empty={t('campaigns.admin.empty')}
      columns={[
        {
          label: t('campaigns.admin.titleColumn'),
          rowHeader: true,
          cell: (campaign) => (
            <>
              <a href={adminCampaignPath(campaign)}>{pick(campaign, 'title', lang).text}</a>
              <DemoLabel of={campaign} inline />
            </>
          ),
        },
        {
          label: t('campaigns.admin.tacticsColumn'),
          cell: (campaign) =>
            t('campaigns.admin.tacticsCount', { count: campaign.tactics, planned: campaign.planned }),
        },
        {
          label: t('campaigns.admin.publicColumn'),
          cell: (campaign) =>
            campaign.published ? (
              <a href={campaignPath(campaign)}>{campaignPath(campaign)}</a>
            ) : (
              t('campaigns.admin.notPublished')
            ),
        },
      ]}
    />
  );
}
