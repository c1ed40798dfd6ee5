import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { SelectField, TextField, type FormValues } from '../../web/form';
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
        <div class="grid">
          <SelectField
            name="state"
            label={t('officials.search.state')}
            values={values}
            options={stateOptions}
            placeholder={t('officials.search.anyState')}
          />
          <SelectField
            name="chamber"
            label={t('officials.search.chamber')}
            values={values}
            options={chamberOptions}
            placeholder={t('officials.search.anyChamber')}
          />
          <TextField name="district" label={t('officials.search.district')} values={values} maxlength={40} />
        </div>
        <TextField
          name="name"
          label={t('officials.search.name')}
          values={values}
          type="search"
          maxlength={100}
        />
        <button type="submit">{t('common.search')}</button>
      </form>
    </section>
  );
}
