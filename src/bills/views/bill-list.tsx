import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { FieldList } from '../../web/form';
import { formatDate } from '../../lib/i18n';
import { billPath, feedPath, stageLabelKey } from '../links';
import type { BillFilters, BillRow } from '../queries';
import { BILL_POSITIONS, BILL_STAGES } from '../schema';
import { pick } from '../../lib/bilingual';
import { BillBadges, billLabel } from './public';

/** The public list of tracked bills with its filters. */
export function BillListPage(props: { bills: BillRow[]; filters: BillFilters; states: string[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const stageOptions = BILL_STAGES.map((s) => [s, t(stageLabelKey(s))] as const);
  const positionOptions = BILL_POSITIONS.map((p) => [p, t(`bills.positionShort.${p}`)] as const);
  return (
    <>
      <hgroup>
        <h1>{t('bills.listTitle')}</h1>
        <p>{t('bills.listIntro')}</p>
      </hgroup>
      <form
        method="get"
        action="/bills"
        role="search"
        aria-label={t('bills.filtersLabel')}
        class="bill-filters"
      >
        <FieldList
          labels={{
            state: t('bills.filterState'),
            stage: t('bills.filterStage'),
            position: t('bills.filterPosition'),
          }}
          fields={[
            (
              [
                ['state', props.states.map((s) => [s, s] as const)],
                ['stage', stageOptions],
                ['position', positionOptions],
              ] as const
            ).map(([name, options]) => ({
              kind: 'select' as const,
              name,
              options,
              placeholder: t('bills.filterAny'),
              value: props.filters[name] ?? '',
            })),
          ]}
        />
        <button type="submit">{t('bills.filterApply')}</button>
      </form>
      {props.bills.length === 0 ? <p>{t('bills.noneFound')}</p> : null}
      <ul class="bill-list">
        {props.bills.map((bill) => (
          <li>
            <article>
              <h2>
                <a href={billPath(bill)}>
                  {billLabel(bill)}: {pick(bill, 'title', lang).text}
                </a>
              </h2>
              <BillBadges bill={bill} />
              {bill.lastMovementAt ? (
                <p>
                  <small>{t('bills.lastMovement', { date: formatDate(lang, bill.lastMovementAt) })}</small>
                </p>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      <p>
        <a href={feedPath(null, lang)} type="application/atom+xml">
          {t('bills.feedLink')}
        </a>
        {props.filters.state && props.states.includes(props.filters.state) ? (
          <>
            {' · '}
            <a href={feedPath(props.filters.state, lang)} type="application/atom+xml">
              {t('bills.stateFeedLink', { state: props.filters.state })}
            </a>
          </>
        ) : null}
      </p>
    </>
  );
}
