import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { BotCheck, ErrorSummary, TextField, type FormState } from '../../web/form';
import { DEMO_ADDRESS } from '../geocoder-recordings';
import { meetingRequestPath, partyLabel, roleLabel } from '../links';
import type { Official } from '../schema';
import { DistrictSearchForm } from './district-search';
import { OfficialNameLink } from './search';
import { Section } from '../../web/ui/section';

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
export function FindMinePage(
  props: FormState & {
    result?: FindMineResult;
    showDemoHint: boolean;
  },
): Child {
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
      <Section id="no-address-heading" title={t('officials.findMine.noAddressTitle')}>
        <p>
          {t('officials.findMine.noAddressBody')}{' '}
          <a href="/officials">{t('officials.findMine.noAddressLink')}</a>
        </p>
      </Section>
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

/** A found official with the way to ask them for a meeting. */
function OfficialWithMeetingLink(props: { official: Official }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const o = props.official;
  return (
    <li>
      <OfficialNameLink official={o} />{' '}
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
