import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate, formatNumber } from '../../lib/i18n';
import { positionLabelKey, stageLabelKey } from '../links';
import type { BillAdminListData, BillRow } from '../queries';
import { effectiveStage } from '../stage';
import { billLabel } from './public';
import { AdminListPage } from '../../web/ui/admin-list';
import { SavedNotice } from '../../web/ui/saved-notice';
import { ListSection, Section } from '../../web/ui/section';

/** What an import or a fetch did, shown above the list. */
export type ImportSummary =
  | { kind: 'imported'; lines: { billId: string; created: boolean; addedActions: number }[] }
  | { kind: 'refused'; detail: string }
  | { kind: 'fetched'; movements: number }
  | { kind: 'fetchFailed' };

/** The organizer list of bills with subscriber counts and the Open States status. */
export function AdminBillList(
  props: BillAdminListData & {
    openStatesOn: boolean;
    /** What the import or fetch just done did. */
    summary?: ImportSummary;
  },
): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { sync } = props;
  const byId = new Map(props.bills.map((bill) => [bill.id, bill]));
  return (
    <>
      <AdminListPage
        title={t('bills.admin.title')}
        action={{ href: '/admin/bills/new', label: t('bills.admin.add') }}
        items={props.bills}
        columns={[
          {
            label: t('bills.admin.bill'),
            rowHeader: true,
            cell: (bill) => (
              <>
                <a href={`/admin/bills/${bill.id}`}>{billLabel(bill)}</a> {bill.title.slice(0, 80)}
                {bill.isDemo ? <small> ({t('common.demo')})</small> : null}
                {!bill.tracked ? <small> ({t('bills.admin.notTracked')})</small> : null}
              </>
            ),
          },
          { label: t('bills.admin.stage'), cell: (bill) => t(stageLabelKey(effectiveStage(bill))) },
          { label: t('bills.admin.position'), cell: (bill) => t(positionLabelKey(bill.position)) },
          { label: t('bills.admin.subscribers'), cell: (bill) => props.counts.byBill.get(bill.id) ?? 0 },
          {
            label: t('bills.admin.lastMovement'),
            cell: (bill) => (bill.lastMovementAt ? formatDate(lang, bill.lastMovementAt) : ''),
          },
        ]}
      >
        <Section id="openstates-status" title={t('bills.admin.openStates')}>
          {!props.openStatesOn ? <p>{t('bills.admin.openStatesOff')}</p> : null}
          <p>
            {sync?.lastSuccessAt
              ? t('bills.admin.openStatesLast', { date: formatDate(lang, sync.lastSuccessAt, true) })
              : t('bills.admin.openStatesNever')}
          </p>
          {sync?.lastError && sync.lastAttemptAt ? (
            <p role="status">
              {t('bills.admin.openStatesError', { date: formatDate(lang, sync.lastAttemptAt, true) })}
            </p>
          ) : null}
          <ImportSummaryBox summary={props.summary} bills={byId} />
          {props.openStatesOn ? (
            <form method="post" action="/admin/bills/fetch-now">
              <button type="submit" class="secondary">
                {t('bills.import.fetchNow')}
              </button>
            </form>
          ) : null}
          <form method="post" action="/admin/bills/import" enctype="multipart/form-data">
            <label for="import-file">
              {t('bills.import.file')}
              <input
                id="import-file"
                name="file"
                type="file"
                accept=".json,application/json"
                required
                aria-describedby="import-file-hint"
              />
              <small id="import-file-hint">{t('bills.import.fileHint')}</small>
            </label>
            <button type="submit">{t('bills.import.upload')}</button>
          </form>
        </Section>
      </AdminListPage>
      <ListSection
        id="state-subscribers"
        title={t('bills.admin.stateSubscribers')}
        items={[...props.counts.byState.entries()]}
        item={([state, n]) => (
          <>
            {state}: {n}
          </>
        )}
      />
    </>
  );
}

/** The result of an upload or a fetch: one line per bill, or why nothing was imported. */
function ImportSummaryBox(props: { summary?: ImportSummary; bills: Map<string, BillRow> }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const summary = props.summary;
  if (!summary) return null;
  if (summary.kind === 'refused')
    return (
      <div class="error-summary" role="alert" tabindex={-1}>
        <h2>{t('bills.import.refused')}</h2>
        <p>
          <code>{summary.detail}</code>
        </p>
      </div>
    );
  if (summary.kind === 'fetchFailed')
    return (
      <p class="notice" role="alert">
        {t('bills.import.fetchFailed')}
      </p>
    );
  if (summary.kind === 'fetched')
    return (
      <SavedNotice>{t('bills.import.fetched', { count: formatNumber(lang, summary.movements) })}</SavedNotice>
    );
  return (
    <div class="notice" role="status">
      <p>{t('bills.import.done', { count: formatNumber(lang, summary.lines.length) })}</p>
      <ul>
        {summary.lines.map((line) => {
          const bill = props.bills.get(line.billId);
          return (
            <li>
              {bill ? <a href={`/admin/bills/${bill.id}`}>{billLabel(bill)}</a> : line.billId}:{' '}
              {line.created
                ? t('bills.import.added', { count: formatNumber(lang, line.addedActions) })
                : line.addedActions > 0
                  ? t('bills.import.newActions', { count: formatNumber(lang, line.addedActions) })
                  : t('bills.import.noChange')}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
