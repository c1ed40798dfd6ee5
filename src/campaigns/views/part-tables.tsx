// The organizer's tables of a campaign's parts: each item with its Edit link and Remove button.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { pick } from '../../lib/bilingual';
import { formatDate } from '../../lib/i18n';
import { adminOfficialPath } from '../../officials/links';
import { DataTable, type DataColumn, type DataTableProps } from '../../web/ui/admin-list';
import { PostButton } from '../../web/ui/post-button';
import { adminCampaignPath } from '../links';
import type { LadderWarning } from '../ladder';
import { itemIdOf } from '../parts';
import type { ActionChoice, CampaignParts, PartName } from '../queries';
import { ActionLink } from './action-link';

/** The Edit link and Remove button of one item. */
function ItemActions(props: { campaignId: string; part: PartName; itemId: string }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const base = adminCampaignPath({ id: props.campaignId }, `/${props.part}`);
  return (
    <>
      <a href={`${base}/edit?item=${encodeURIComponent(props.itemId)}`}>{t('campaigns.admin.edit')}</a>{' '}
      <PostButton action={`${base}/remove`} hidden={{ item: props.itemId }} formClass="inline-form">
        {t('campaigns.admin.remove')}
      </PostButton>
    </>
  );
}

function changeColumn<T extends { id?: string; officialId?: string | null }>(
  label: string,
  campaignId: string,
  part: PartName,
): DataColumn<T> {
  return {
    label,
    class: 'row-actions',
    cell: (item) => <ItemActions campaignId={campaignId} part={part} itemId={itemIdOf(part, item)} />,
  };
}

/** The table of one part of a campaign (`warnings` mark tactics that skip rungs). */
export function PartTable(props: {
  part: PartName;
  parts: CampaignParts;
  actions: ActionChoice[];
  warnings: LadderWarning[];
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { parts } = props;
  const campaignId = parts.campaign.id;
  const empty = t(`campaigns.empty.${props.part}`);
  const date = (value: string | null) => (value ? formatDate(lang, value) : '—');
  /** The part's table: its items, its columns, then the Edit link and Remove button of each. */
  const table = <T extends { id?: string; officialId?: string | null }>(
    items: readonly T[],
    columns: DataColumn<T>[],
    rows: Pick<DataTableProps<T>, 'rowId' | 'rowData'> = {},
  ) => (
    <DataTable
      items={items}
      empty={empty}
      {...rows}
      columns={[...columns, changeColumn(t('campaigns.col.actions'), campaignId, props.part)]}
    />
  );
  switch (props.part) {
    case 'goals':
      return table(parts.goals, [
        { label: t('campaigns.field.horizon'), cell: (g) => t(`campaigns.horizon.${g.horizon}`) },
        { label: t('campaigns.col.what'), rowHeader: true, cell: (g) => pick(g, 'text', lang).text },
        { label: t('campaigns.col.status'), cell: (g) => t(`campaigns.goalStatus.${g.status}`) },
      ]);
    case 'parties':
      return table(parts.parties, [
        { label: t('campaigns.col.side'), cell: (p) => t(`campaigns.side.${p.side}`) },
        {
          label: t('campaigns.field.name'),
          rowHeader: true,
          cell: (p) => (p.officialId ? <a href={adminOfficialPath(p.officialId)}>{p.name}</a> : p.name),
        },
        {
          label: t('campaigns.col.note'),
          cell: (p) => [p.note, p.outreachPlan].filter(Boolean).join(' · ') || '—',
        },
      ]);
    case 'targets':
      return table(parts.targets, [
        {
          label: t('campaigns.col.official'),
          rowHeader: true,
          cell: (target) => <a href={adminOfficialPath(target.officialId)}>{target.official.name}</a>,
        },
        { label: t('campaigns.field.rank'), cell: (target) => t(`campaigns.rank.${target.rank}`) },
      ]);
    case 'communications':
      return table(parts.communications, [
        { label: t('campaigns.col.kind'), cell: (item) => t(`campaigns.kind.${item.kind}`) },
        {
          label: t('campaigns.col.what'),
          rowHeader: true,
          cell: (item) => pick(item, 'text', lang).text,
        },
        { label: t('campaigns.col.date'), cell: (item) => date(item.onDate) },
        {
          label: t('campaigns.col.link'),
          cell: (item) => (item.url ? <a href={item.url}>{item.url}</a> : '—'),
        },
      ]);
    case 'tactics': {
      const warned = new Set(props.warnings.map((w) => w.tacticId));
      const goals = new Map(parts.goals.map((goal) => [goal.id, pick(goal, 'text', lang).text]));
      return table(
        parts.tactics,
        [
          { label: t('campaigns.col.date'), cell: (tactic) => date(tactic.onDate) },
          { label: t('campaigns.field.rung'), cell: (tactic) => t(`campaigns.rung.${tactic.rung}`) },
          {
            label: t('campaigns.col.what'),
            rowHeader: true,
            cell: (tactic) => pick(tactic, 'title', lang).text,
          },
          {
            label: t('campaigns.col.status'),
            cell: (tactic) => t(`campaigns.tacticStatus.${tactic.status}`),
          },
          {
            label: t('campaigns.col.goal'),
            cell: (tactic) => (tactic.goalId ? goals.get(tactic.goalId) : null) ?? '—',
          },
          {
            label: t('campaigns.col.action'),
            cell: (tactic) => <ActionLink tactic={tactic} actions={props.actions} />,
          },
        ],
        {
          rowId: (tactic) => `tactic-${tactic.id}`,
          rowData: (tactic) => ({ warning: warned.has(tactic.id) ? 'yes' : 'no' }),
        },
      );
    }
  }
}
