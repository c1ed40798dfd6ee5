import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { FormValues } from '../../web/form';
import { officialPath, partyLabel, roleLabel } from '../links';
import type { Official } from '../schema';
import { DistrictSearchForm } from './district-search';
import { Section } from '../../web/ui/section';

/** An official's name, linked to their page, as lists show it. */
export function OfficialNameLink(props: { official: Official }): Child {
  return (
    <a href={officialPath(props.official)}>
      <strong>{props.official.name}</strong>
    </a>
  );
}

/** One official in a list: name linked to their page, office, district, party. */
export function OfficialSummary(props: { official: Official }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const o = props.official;
  return (
    <li>
      <OfficialNameLink official={o} />
      <br />
      <small>
        {[
          roleLabel(t, o.chamber),
          o.jurisdictionName,
          o.district ? t('officials.district', { district: o.district }) : null,
          o.state.toUpperCase(),
          o.party ? partyLabel(t, o.party) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        {o.inOffice ? null : ` · ${t('officials.outOfOffice')}`}
      </small>
    </li>
  );
}

/** The search form (GET: searching changes nothing) with its results. */
export function SearchPage(props: {
  values: FormValues;
  rows: Official[];
  total: number;
  page: number;
  pages: number;
  searched: boolean;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const query = new URLSearchParams();
  for (const name of ['name', 'state', 'chamber', 'district']) {
    const value = props.values[name];
    if (typeof value === 'string' && value) query.set(name, value);
  }
  const pageLink = (page: number) => {
    const q = new URLSearchParams(query);
    q.set('page', String(page));
    return `/officials?${q.toString()}`;
  };
  return (
    <>
      <h1>{t('officials.title')}</h1>
      <p>{t('officials.intro')}</p>
      <p>
        <a href="/officials/find" role="button" class="secondary">
          {t('officials.findMine.link')}
        </a>
      </p>
      <DistrictSearchForm values={props.values} />
      {props.searched ? (
        <Section id="results-heading" title={t('officials.search.results', { count: props.total })}>
          {props.rows.length === 0 ? (
            <p>{t('officials.search.none')}</p>
          ) : (
            <ul class="official-list">
              {props.rows.map((official) => (
                <OfficialSummary official={official} />
              ))}
            </ul>
          )}
          {props.pages > 1 ? (
            <nav aria-label={t('common.pagination')}>
              <ul>
                {props.page > 1 ? (
                  <li>
                    <a href={pageLink(props.page - 1)}>{t('common.previous')}</a>
                  </li>
                ) : null}
                <li>{t('common.pageOf', { page: props.page, pages: props.pages })}</li>
                {props.page < props.pages ? (
                  <li>
                    <a href={pageLink(props.page + 1)}>{t('common.next')}</a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}
