import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { BotCheck, ErrorSummary, TextField, type FormErrors, type FormValues } from '../../web/form';
import { formatDate, type MessageKey } from '../../lib/i18n';
import { DEMO_ADDRESS } from '../geocoder-recordings';
import {
  formalName,
  meetingRequestPath,
  officeLabel,
  officialPath,
  partyLabel,
  roleLabel,
  siteLinks,
  telHref,
} from '../links';
import type { OfficialAction } from '../actions';
import type { Official } from '../schema';
import { DistrictSearchForm } from './district-search';

/** One official in a list: name linked to their page, office, district, party. */
export function OfficialSummary(props: { official: Official }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const o = props.official;
  return (
    <li>
      <a href={officialPath(o)}>
        <strong>{o.name}</strong>
      </a>
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
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('officials.search.results', { count: props.total })}</h2>
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
        </section>
      ) : null}
    </>
  );
}

/** An official's public page: office, contact, actions, and the way to ask for a meeting. */
export function OfficialPage(props: {
  official: Official;
  /** The actions that name the official, by kind (kinds without any are left out of the page). */
  actions: { heading: MessageKey; actions: OfficialAction[] }[];
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const o = props.official;
  const kinds = props.actions.filter((kind) => kind.actions.length > 0);
  const sites = siteLinks(o.links);
  return (
    <article class="official">
      <header>
        <h1>{o.name}</h1>
        <p>
          {o.title !== roleLabel(t, o.chamber) && lang === 'en' ? o.title : roleLabel(t, o.chamber)}
          {o.jurisdictionName ? `, ${o.jurisdictionName}` : null}
          {o.district ? ` · ${t('officials.district', { district: o.district })}` : null} ·{' '}
          {o.state.toUpperCase()}
        </p>
        {o.inOffice ? null : (
          <p>
            <mark>{t('officials.outOfOffice')}</mark>
          </p>
        )}
      </header>
      <dl>
        {o.party ? (
          <>
            <dt>{t('officials.party')}</dt>
            <dd>{partyLabel(t, o.party)}</dd>
          </>
        ) : null}
        {o.termEndsOn && /^\d{4}-\d{2}-\d{2}$/.test(o.termEndsOn) ? (
          <>
            <dt>{t('officials.termEnds')}</dt>
            <dd>{formatDate(lang, `${o.termEndsOn}T12:00:00Z`)}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t('officials.contact')}</h2>
        <p>
          {t('officials.email')}:{' '}
          {o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : t('officials.noEmail')}
        </p>
        {o.offices.map((office) => (
          <section class="office">
            <h3>{officeLabel(t, office.classification)}</h3>
            {office.address ? <address>{office.address}</address> : null}
            {office.voice ? (
              <p>
                {t('officials.phone')}: <a href={telHref(office.voice)}>{office.voice}</a>
              </p>
            ) : null}
            {office.fax ? (
              <p>
                {t('officials.fax')}: {office.fax}
              </p>
            ) : null}
          </section>
        ))}
        {sites.length ? (
          <>
            <h3>{t('officials.links')}</h3>
            <ul>
              {sites.map((link) => (
                <li>
                  <a href={link.url} rel="noopener noreferrer">
                    {link.site}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {o.inOffice ? (
        <section aria-labelledby="meeting-heading">
          <h2 id="meeting-heading">{t('officials.requestMeeting')}</h2>
          {o.email ? (
            <>
              <p>{t('officials.requestMeetingIntro')}</p>
              <p>
                <a href={meetingRequestPath(o)} role="button">
                  {t('officials.requestMeeting')}: {formalName(t, o)}
                </a>
              </p>
            </>
          ) : (
            <p>{t('officials.noEmailForMeeting')}</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('officials.actions')}</h2>
        {kinds.length ? null : <p>{t('officials.noActions')}</p>}
        {kinds.map((kind) => (
          <>
            <h3>{t(kind.heading)}</h3>
            <ul>
              {kind.actions.map((action) => (
                <li>
                  <a href={action.url}>{action.title}</a>
                </li>
              ))}
            </ul>
          </>
        ))}
      </section>
      <footer>
        <small>
          {t(o.source === 'openstates' ? 'officials.source.openstates' : 'officials.source.manual')}
        </small>
        <p>
          <a href="/officials">{t('officials.backToSearch')}</a>
        </p>
      </footer>
    </article>
  );
}

/** What "Find my officials" found. */
export type FindMineResult =
  | {
      status: 'found';
      matchedAddress: string;
      upper: string | null;
      lower: string | null;
      legislators: Official[];
      governor: Official | null;
    }
  | { status: 'not_found' }
  | { status: 'unavailable' };

/** "Find my officials": the address form and, after a lookup, the person's legislators and governor. */
export function FindMinePage(props: {
  values?: FormValues;
  errors?: FormErrors;
  result?: FindMineResult;
  showDemoHint: boolean;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const result = props.result;
  return (
    <>
      <h1>{t('officials.findMine.title')}</h1>
      <p>{t('officials.findMine.intro')}</p>
      <ErrorSummary errors={props.errors} labels={{ address: t('officials.findMine.address') }} />
      {/* POST, so that the address stays out of URLs, histories and logs. */}
      <form method="post" action="/officials/find">
        <TextField
          name="address"
          label={t('officials.findMine.address')}
          values={props.values}
          errors={props.errors}
          autocomplete="address-line1"
          maxlength={300}
          hint={props.showDemoHint ? t('officials.findMine.demoHint', { address: DEMO_ADDRESS }) : undefined}
          required
        />
        <BotCheck />
        <button type="submit">{t('officials.findMine.submit')}</button>
      </form>
      <section aria-labelledby="no-address-heading">
        <h2 id="no-address-heading">{t('officials.findMine.noAddressTitle')}</h2>
        <p>
          {t('officials.findMine.noAddressBody')}{' '}
          <a href="/officials">{t('officials.findMine.noAddressLink')}</a>
        </p>
      </section>
      {result?.status === 'not_found' ? (
        <p role="status">
          {t('officials.findMine.notFound')}{' '}
          <a href="#district-search">{t('officials.findMine.searchInstead')}</a>
        </p>
      ) : result?.status === 'unavailable' ? (
        <p role="status">
          {t('officials.findMine.unavailable')}{' '}
          <a href="#district-search">{t('officials.findMine.searchInstead')}</a>
        </p>
      ) : result?.status === 'found' ? (
        <section aria-labelledby="found-heading" role="status">
          <h2 id="found-heading">{t('officials.findMine.yourLegislators')}</h2>
          <p>
            <small>{t('officials.findMine.matched', { address: result.matchedAddress })}</small>
          </p>
          {result.legislators.length ? (
            <ul class="official-list">
              {result.legislators.map((official) => (
                <OfficialWithMeetingLink official={official} />
              ))}
            </ul>
          ) : (
            <p>
              {t('officials.findMine.noneFound', { upper: result.upper ?? '–', lower: result.lower ?? '–' })}
            </p>
          )}
          {result.governor ? (
            <>
              <h2>{t('officials.findMine.yourGovernor')}</h2>
              <ul class="official-list">
                <OfficialWithMeetingLink official={result.governor} />
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <DistrictSearchForm id="district-search" heading={t('officials.findMine.byDistrict')} />
    </>
  );
}

function OfficialWithMeetingLink(props: { official: Official }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const o = props.official;
  return (
    <li>
      <a href={officialPath(o)}>
        <strong>{o.name}</strong>
      </a>{' '}
      <small>
        {[
          roleLabel(t, o.chamber),
          o.district ? t('officials.district', { district: o.district }) : null,
          o.party ? partyLabel(t, o.party) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </small>
      {o.email ? (
        <>
          <br />
          <a href={meetingRequestPath(o)}>{t('officials.requestMeeting')}</a>
        </>
      ) : null}
    </li>
  );
}
