import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate, type MessageKey } from '../../lib/i18n';
import {
  formalName,
  meetingRequestPath,
  officeLabel,
  partyLabel,
  roleLabel,
  siteLinks,
  telHref,
} from '../links';
import type { OfficialAction } from '../actions';
import type { Official } from '../schema';
import { Section } from '../../web/ui/section';

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
      <Section id="contact-heading" title={t('officials.contact')}>
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
      </Section>
      {o.inOffice ? (
        <Section id="meeting-heading" title={t('officials.requestMeeting')}>
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
        </Section>
      ) : null}
      <Section id="actions-heading" title={t('officials.actions')}>
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
      </Section>
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
