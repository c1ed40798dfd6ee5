import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { Translate } from '../../lib/i18n';
import { pick } from '../../lib/bilingual';
import type { FormState } from '../../web/form';
import { LinkBar } from '../../web/nav';
import { DemoLabel } from '../../web/ui/demo-label';
import { SavedNotice } from '../../web/ui/saved-notice';
import type { LadderWarning } from '../ladder';
import { adminCampaignPath, campaignPath } from '../links';
import { PART_NAMES } from '../parts';
import type { ActionChoice, CampaignParts, PartName } from '../queries';
import type { Campaign } from '../schema';
import { LadderCheck } from './ladder';
import { PartForm, type PartChoices } from './part-forms';
import { PartTable } from './part-tables';

/** The links between a campaign's organizer pages (and its public page once published). */
export function CampaignLinks(props: { campaign: Campaign }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const { campaign } = props;
  return (
    <LinkBar
      label={t('campaigns.admin.pages')}
      links={[
        { href: adminCampaignPath(campaign), label: t('campaigns.part.tactics') },
        { href: adminCampaignPath(campaign, '/edit'), label: t('campaigns.admin.editCampaign') },
        { href: adminCampaignPath(campaign, '/chart'), label: t('campaigns.admin.chartLink') },
        { href: adminCampaignPath(campaign, '/updates'), label: t('campaigns.updates.title') },
        ...(campaign.published
          ? [{ href: campaignPath(campaign), label: t('campaigns.admin.publicLink') }]
          : []),
      ]}
    />
  );
}

/** A campaign's strategy page: the escalation check, then each part with its table and add link. */
export function AdminCampaignPage(props: {
  parts: CampaignParts;
  warnings: LadderWarning[];
  actions: ActionChoice[];
  notice: string | null;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { campaign } = props.parts;
  // Tactics first: they are what an organizer changes most, and what the warning is about.
  const order: PartName[] = ['tactics', ...PART_NAMES.filter((part) => part !== 'tactics')];
  return (
    <>
      <h1>{pick(campaign, 'title', lang).text}</h1>
      <DemoLabel of={campaign} />
      <CampaignLinks campaign={campaign} />
      {props.notice ? <SavedNotice>{props.notice}</SavedNotice> : null}
      <LadderCheck warnings={props.warnings} tactics={props.parts.tactics} />
      {order.map((part) => (
        <section id={part} aria-labelledby={`${part}-title`}>
          <h2 id={`${part}-title`}>{t(`campaigns.part.${part}`)}</h2>
          <PartTable part={part} parts={props.parts} actions={props.actions} warnings={props.warnings} />
          <p>
            <a href={adminCampaignPath(campaign, `/${part}/new`)} role="button" class="secondary">
              {t(`campaigns.add.${part}`)}
            </a>
          </p>
        </section>
      ))}
    </>
  );
}

/** The page of one item of a part: its add form (no `itemId`) or its edit form. */
export function ItemPage(props: {
  campaign: Campaign;
  part: PartName;
  itemId?: string;
  choices: PartChoices;
  state: FormState;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { campaign, part, itemId } = props;
  const base = adminCampaignPath(campaign, `/${part}`);
  const title = itemPageTitle(t, part, itemId);
  return (
    <>
      <h1>{title}</h1>
      <p>
        <a href={`${adminCampaignPath(campaign)}#${part}`}>
          {t('campaigns.admin.backToCampaign')}: {pick(campaign, 'title', lang).text}
        </a>
      </p>
      <PartForm
        part={part}
        action={itemId === undefined ? base : `${base}/edit?item=${encodeURIComponent(itemId)}`}
        choices={props.choices}
        state={props.state}
        submit={itemId === undefined ? title : t('common.save')}
      />
    </>
  );
}

/** The title of an item's page: "Add a goal", or "Goals: edit". */
export function itemPageTitle(t: Translate, part: PartName, itemId?: string): string {
  return itemId === undefined
    ? t(`campaigns.add.${part}`)
    : t('campaigns.admin.editItemTitle', { part: t(`campaigns.part.${part}`) });
}
