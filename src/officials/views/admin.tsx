import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../web/form';
import { officialPath, roleLabel, stanceLabel, titleLabel } from '../links';
import { MANUAL_ROLES, OFFICIAL_ROLES, STANCES, type Official, type PowerMapEntry } from '../schema';
import { stateOptions } from '../validation';

/** The organizer path of an official (ids may contain a slash, so it goes in the query). */
export function adminOfficialPath(id: string): string {
  return `/admin/officials/view?id=${encodeURIComponent(id)}`;
}

/** The organizers' list: search (retired people included on request) with current stances. */
export function AdminOfficialList(props: {
  values: FormValues;
  rows: Official[];
  total: number;
  stances: Map<string, PowerMapEntry>;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('officials.admin.title')}</h1>
      <p>{t('officials.admin.intro')}</p>
      <p>
        <a href="/admin/officials/new" role="button">
          {t('officials.admin.add')}
        </a>
      </p>
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
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('officials.search.name')}</th>
              <th scope="col">{t('officials.search.chamber')}</th>
              <th scope="col">{t('officials.search.district')}</th>
              <th scope="col">{t('officials.admin.currentStance')}</th>
              <th scope="col">{t('officials.admin.source')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((o) => {
              const stance = props.stances.get(o.id);
              return (
                <tr>
                  <td>
                    <a href={adminOfficialPath(o.id)}>{o.name}</a>
                    {o.inOffice ? null : <small> ({t('officials.admin.retired')})</small>}
                  </td>
                  <td>
                    {roleLabel(t, o.chamber)} · {o.state.toUpperCase()}
                  </td>
                  <td>{o.district ?? o.jurisdictionName ?? ''}</td>
                  <td>{stance ? stanceLabel(t, stance.stance) : stanceLabel(t, 'unknown')}</td>
                  <td>{o.source}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Add or edit a hand-added official. */
export function ManualOfficialForm(props: {
  action: string;
  heading: string;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels: Record<string, string> = {
    name: t('officials.admin.name'),
    state: t('officials.admin.state'),
    chamber: t('officials.admin.role'),
    title: t('officials.admin.titleField'),
    email: t('officials.admin.email'),
    link: t('officials.admin.link'),
  };
  const v = props.values ?? { lang: 'en', inOffice: 'on' };
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary errors={props.errors} labels={labels} />
      <form method="post" action={props.action}>
        <TextField
          name="name"
          label={labels.name!}
          values={v}
          errors={props.errors}
          required
          maxlength={120}
        />
        <div class="grid">
          <TextField
            name="givenName"
            label={t('officials.admin.givenName')}
            values={v}
            errors={props.errors}
          />
          <TextField
            name="familyName"
            label={t('officials.admin.familyName')}
            values={v}
            errors={props.errors}
          />
        </div>
        <div class="grid">
          <SelectField
            name="state"
            label={labels.state!}
            values={v}
            errors={props.errors}
            options={stateOptions}
            placeholder=""
            required
          />
          <SelectField
            name="chamber"
            label={labels.chamber!}
            values={v}
            errors={props.errors}
            options={MANUAL_ROLES.map((role) => [role, roleLabel(t, role)] as const)}
            placeholder=""
            required
          />
        </div>
        <TextField
          name="title"
          label={labels.title!}
          hint={t('officials.admin.titleHint')}
          values={v}
          errors={props.errors}
          required
        />
        <div class="grid">
          <TextField name="district" label={t('officials.admin.district')} values={v} errors={props.errors} />
          <TextField
            name="jurisdictionName"
            label={t('officials.admin.jurisdiction')}
            values={v}
            errors={props.errors}
          />
          <TextField name="party" label={t('officials.admin.party')} values={v} errors={props.errors} />
        </div>
        <TextField name="email" type="email" label={labels.email!} values={v} errors={props.errors} />
        <div class="grid">
          <TextField
            name="phone"
            type="tel"
            label={t('officials.admin.phone')}
            values={v}
            errors={props.errors}
          />
          <TextField name="link" type="url" label={labels.link!} values={v} errors={props.errors} />
        </div>
        <TextField name="address" label={t('officials.admin.address')} values={v} errors={props.errors} />
        <SelectField
          name="lang"
          label={t('officials.admin.lang')}
          values={v}
          options={[
            ['en', t('common.english')],
            ['es', t('common.spanish')],
          ]}
          required
        />
        <CheckboxField name="inOffice" label={t('officials.admin.inOffice')} values={v} />
        <button type="submit">{t('common.save')}</button>
      </form>
    </>
  );
}

/** One official for organizers: facts, language setting, power map (private), meetings link. */
export function AdminOfficialPage(props: {
  official: Official;
  entries: PowerMapEntry[];
  today: string;
  saved: boolean;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const o = props.official;
  const current = props.entries[0];
  return (
    <>
      <h1>{o.name}</h1>
      {props.saved ? <p role="status">{t('officials.admin.saved')}</p> : null}
      <p>
        {titleLabel(t, o.title)} · {roleLabel(t, o.chamber)} · {o.state.toUpperCase()}
        {o.district ? ` · ${t('officials.district', { district: o.district })}` : ''}
        {o.inOffice ? '' : ` · ${t('officials.admin.retired')}`}
      </p>
      <p>
        {o.inOffice || o.source === 'manual' ? (
          <a href={officialPath(o)}>{t('officials.admin.publicPage')}</a>
        ) : null}
        {' · '}
        <a href={`/admin/meetings?official=${encodeURIComponent(o.id)}`}>{t('officials.admin.meetings')}</a>
        {o.source === 'manual' ? (
          <>
            {' · '}
            <a href={`/admin/officials/edit?id=${encodeURIComponent(o.id)}`}>{t('officials.admin.edit')}</a>
          </>
        ) : null}
      </p>
      {o.source === 'openstates' ? (
        <p>
          <small>{t('officials.admin.openstatesNote')}</small>
        </p>
      ) : null}
      <form method="post" action={`/admin/officials/lang?id=${encodeURIComponent(o.id)}`} class="inline-form">
        <SelectField
          name="lang"
          label={t('officials.admin.lang')}
          value={o.lang}
          options={[
            ['en', t('common.english')],
            ['es', t('common.spanish')],
          ]}
          required
        />
        <button type="submit" class="secondary">
          {t('common.save')}
        </button>
      </form>
      <section aria-labelledby="power-map-heading">
        <h2 id="power-map-heading">{t('officials.admin.powerMap')}</h2>
        <p>
          <small>{t('officials.admin.powerMapPrivate')}</small>
        </p>
        <p>
          {t('officials.admin.currentStance')}:{' '}
          <strong>{stanceLabel(t, current?.stance ?? 'unknown')}</strong>
        </p>
        {props.entries.length === 0 ? (
          <p>{t('officials.admin.noNotes')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('officials.admin.notedOn')}</th>
                <th scope="col">{t('officials.admin.stance')}</th>
                <th scope="col">{t('officials.admin.note')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((entry) => (
                <tr>
                  <td>{entry.notedOn}</td>
                  <td>{stanceLabel(t, entry.stance)}</td>
                  <td class="pre-line">{entry.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ErrorSummary
          errors={props.errors}
          labels={{
            stance: t('officials.admin.stance'),
            notedOn: t('officials.admin.notedOn'),
            note: t('officials.admin.note'),
          }}
        />
        <form method="post" action={`/admin/officials/power-map?id=${encodeURIComponent(o.id)}`}>
          <div class="grid">
            <SelectField
              name="stance"
              label={t('officials.admin.stance')}
              values={props.values ?? { stance: current?.stance ?? 'unknown' }}
              errors={props.errors}
              options={STANCES.map((stance) => [stance, stanceLabel(t, stance)] as const)}
              required
            />
            <TextField
              name="notedOn"
              type="date"
              label={t('officials.admin.notedOn')}
              values={props.values ?? { notedOn: props.today }}
              errors={props.errors}
              required
            />
          </div>
          <TextArea
            name="note"
            label={t('officials.admin.note')}
            values={props.values}
            errors={props.errors}
            rows={3}
          />
          <button type="submit">{t('officials.admin.addNote')}</button>
        </form>
      </section>
    </>
  );
}
