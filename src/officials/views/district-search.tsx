import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { FieldList, type FormValues } from '../../web/form';
import { roleLabel } from '../links';
import { OFFICIAL_ROLES } from '../schema';
import { stateOptions } from '../validation';

/**
 * The directory search by state, office and district number, or by name: a GET form on /officials
 * (searching changes nothing and needs no address). Any page can offer it where an address lookup
 * cannot answer; `id` lets a message link to it.
 */
export function DistrictSearchForm(props: { values?: FormValues; id?: string; heading?: string }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const values = props.values ?? {};
  const chamberOptions = OFFICIAL_ROLES.map((role) => [role, roleLabel(t, role)] as const);
  const headingId = props.id ? `${props.id}-heading` : undefined;
  return (
    <section id={props.id} aria-labelledby={headingId}>
      {props.heading ? <h2 id={headingId}>{props.heading}</h2> : null}
      <form
        method="get"
        action="/officials"
        role="search"
        aria-label={props.heading ? undefined : t('officials.search.formLabel')}
      >
        <FieldList
          labels={{
            state: t('officials.search.state'),
            chamber: t('officials.search.chamber'),
            district: t('officials.search.district'),
            name: t('officials.search.name'),
          }}
          state={{ values }}
          fields={[
            [
              {
                kind: 'select',
                name: 'state',
                options: stateOptions,
                placeholder: t('officials.search.anyState'),
              },
              {
                kind: 'select',
                name: 'chamber',
                options: chamberOptions,
                placeholder: t('officials.search.anyChamber'),
              },
              { kind: 'text', name: 'district', maxlength: 40 },
            ],
            { kind: 'text', name: 'name', type: 'search', maxlength: 100 },
          ]}
        />
        <button type="submit">{t('common.search')}</button>
      </form>
    </section>
  );
}
