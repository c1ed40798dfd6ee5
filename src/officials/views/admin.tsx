import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate } from '../../lib/i18n';
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
import type { PowerMapChangeRow } from '../queries';
import { MANUAL_ROLES, OFFICIAL_ROLES, STANCES, type Official, type PowerMapEntry } from '../schema';
import { stateOptions } from '../validation';
import { AdminListPage } from '../../web/ui/admin-list';
import { SavedNotice } from '../../web/ui/saved-notice';

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
    <AdminListPage
      title={t('officials.admin.title')}
      intro={t('officials.admin.intro')}
      action={{ href: '/admin/officials/new', label: t('officials.admin.add') }}
      columns={[
        t('officials.search.name'),
        t('officials.search.chamber'),
        t('officials.search.district'),
        t('officials.admin.currentStance'),
        t('officials.admin.source'),
      ]}
      items={props.rows}
      row={(o) => {
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
      }}
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
  /** The recorded corrections (edits and deletions), newest first. */
  changes: PowerMapChangeRow[];
  /** The entry open for editing in the form, if any. */
  editing?: PowerMapEntry;
  today: string;
  saved: boolean;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const o = props.official;
  const current = props.entries[0];
  const editing = props.editing;
  const entryPath = (action: 'edit' | 'delete', entryId: string) =>
    `/admin/officials/power-map/${action}?id=${encodeURIComponent(o.id)}&entry=${encodeURIComponent(entryId)}`;
  const formValues =
    props.values ??
    (editing
      ? { stance: editing.stance, notedOn: editing.notedOn, note: editing.note ?? '' }
      : { stance: current?.stance ?? 'unknown', notedOn: props.today });
  return (
    <>
      <h1>{o.name}</h1>
      {props.saved ? <SavedNotice plain>{t('officials.admin.saved')}</SavedNotice> : null}
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
                <th scope="col">{t('officials.admin.entryActions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((entry) => (
                <tr>
                  <td>{entry.notedOn}</td>
                  <td>{stanceLabel(t, entry.stance)}</td>
                  <td class="pre-line">
                    {entry.note ?? ''}
                    {entry.meetingId ? (
                      <small>
                        {entry.note ? ' · ' : ''}
                        <a href={`/admin/meetings/view?id=${encodeURIComponent(entry.meetingId)}`}>
                          {t('officials.admin.fromMeeting')}
                        </a>
                      </small>
                    ) : null}
                  </td>
                  <td>
                    <a
                      href={`${adminOfficialPath(o.id)}&edit=${encodeURIComponent(entry.id)}#power-map-form`}
                    >
                      {t('officials.admin.editEntry', { date: entry.notedOn })}
                    </a>
                    <form method="post" action={entryPath('delete', entry.id)} class="inline-form">
                      <button type="submit" class="secondary outline">
                        {t('officials.admin.deleteEntry', { date: entry.notedOn })}
                      </button>
                    </form>
                  </td>
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
        <form
          method="post"
          id="power-map-form"
          action={
            editing
              ? entryPath('edit', editing.id)
              : `/admin/officials/power-map?id=${encodeURIComponent(o.id)}`
          }
        >
          {editing ? <h3>{t('officials.admin.editingEntry', { date: editing.notedOn })}</h3> : null}
          <div class="grid">
            <SelectField
              name="stance"
              label={t('officials.admin.stance')}
              values={formValues}
              errors={props.errors}
              options={STANCES.map((stance) => [stance, stanceLabel(t, stance)] as const)}
              required
            />
            <TextField
              name="notedOn"
              type="date"
              label={t('officials.admin.notedOn')}
              hint={t('officials.admin.notedOnHint')}
              values={formValues}
              errors={props.errors}
              required
            />
          </div>
          <TextArea
            name="note"
            label={t('officials.admin.note')}
            values={formValues}
            errors={props.errors}
            rows={3}
          />
          <button type="submit">
            {t(editing ? 'officials.admin.saveEntry' : 'officials.admin.addNote')}
          </button>
          {editing ? (
            <>
              {' '}
              <a href={adminOfficialPath(o.id)}>{t('common.cancel')}</a>
            </>
          ) : null}
        </form>
        {props.changes.length ? (
          <section aria-labelledby="power-map-history">
            <h3 id="power-map-history">{t('officials.admin.history')}</h3>
            <ul>
              {props.changes.map((change) => (
                <li>
                  {formatDate(lang, change.at, true)} ·{' '}
                  {t(
                    change.action === 'delete'
                      ? 'officials.admin.historyDeleted'
                      : 'officials.admin.historyEdited',
                    {
                      date: change.before.notedOn,
                      stance: stanceLabel(t, change.before.stance),
                    },
                  )}
                  {change.before.note ? ` (“${change.before.note}”)` : ''}
                  {change.organizerName
                    ? ` · ${t('officials.admin.historyBy', { name: change.organizerName })}`
                    : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </section>
    </>
  );
}
