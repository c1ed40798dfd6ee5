import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { CheckboxField, SelectField, TextField, type FormValues } from '../../web/form';
import { AdminListPage } from '../../web/ui/admin-list';
import { adminOfficialPath, roleLabel, stanceLabel } from '../links';
import { OFFICIAL_ROLES, type Official, type PowerMapEntry } from '../schema';
import { stateOptions } from '../validation';

/** The organizers' list: search (retired people included on request) with current stances. */
export function AdminOfficialList(props: {
  values: FormValues;
  rows: Official[];
  total: number;
  stances: Map<string, PowerMapEntry>;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <AdminListPage
      title={t('officials.admin.title')}
      intro={t('officials.admin.intro')}
      action={{ href: '/admin/officials/new', label: t('officials.admin.add') }}
      items={props.rows}
      columns={[
        {
          label: t('officials.search.name'),
          cell: (o) => (
            <>
              <a href={adminOfficialPath(o.id)}>{o.name}</a>
              {o.inOffice ? null : <small> ({t('officials.admin.retired')})</small>}
            </>
          ),
        },
        {
          label: t('officials.search.chamber'),
          cell: (o) => `${roleLabel(t, o.chamber)} · ${o.state.toUpperCase()}`,
        },
        { label: t('officials.search.district'), cell: (o) => o.district ?? o.jurisdictionName ?? '' },
        {
          label: t('officials.admin.currentStance'),
          cell: (o) => stanceLabel(t, props.stances.get(o.id)?.stance ?? 'unknown'),
        },
        { label: t('officials.admin.source'), cell: (o) => o.source },
      ]}
    >
      <form
        method="get"
        action="/admin/officials"
        role="search"
        class="search-form"
        aria-label={t('officials.search.formLabel')}
      >
        <div class="grid">
          <TextField name="name" label={t('officials.search.name')} values={props.values} type="search" />
          <SelectField
            name="state"
            label={t('officials.search.state')}
            values={props.values}
            options={stateOptions}
            placeholder={t('officials.search.anyState')}
          />
          <SelectField
            name="chamber"
            label={t('officials.search.chamber')}
            values={props.values}
            options={OFFICIAL_ROLES.map((role) => [role, roleLabel(t, role)] as const)}
            placeholder={t('officials.search.anyChamber')}
          />
          <TextField name="district" label={t('officials.search.district')} values={props.values} />
        </div>
        <CheckboxField name="retired" label={t('officials.admin.includeRetired')} values={props.values} />
        <button type="submit">{t('common.search')}</button>
      </form>
      <p>{t('officials.search.results', { count: props.total })}</p>
    </AdminListPage>
  );
}
