import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate, type MessageKey } from '../../lib/i18n';
import { ErrorSummary, SelectField, TextField, type FormErrors, type FormValues } from '../../web/form';
import { ScrollTable } from '../../web/ui/admin-list';
import { SavedNotice } from '../../web/ui/saved-notice';
import { ROLES, type Role } from '../roles';

/** The label and the one-line description of each role. */
export const ROLE_LABELS: Record<Role, { label: MessageKey; hint: MessageKey }> = {
  owner: { label: 'organizers.role.owner', hint: 'organizers.role.ownerHint' },
  organizer: { label: 'organizers.role.organizer', hint: 'organizers.role.organizerHint' },
  viewer: { label: 'organizers.role.viewer', hint: 'organizers.role.viewerHint' },
};

/** What a save on this page said. */
export type OrganizersNotice = 'invited' | 'role' | 'removed' | 'passkeysReset';
const NOTICES: Record<OrganizersNotice, MessageKey> = {
  invited: 'organizers.notice.invited',
  role: 'organizers.notice.role',
  removed: 'organizers.notice.removed',
  passkeysReset: 'organizers.notice.passkeysReset',
};

interface OrganizerRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

/** The owner's page: everyone who can sign in, their roles, and inviting someone new. */
export function OrganizersPage(props: {
  organizers: OrganizerRow[];
  notice?: OrganizersNotice;
  values?: FormValues;
  errors?: FormErrors;
  rowErrors?: { id: string; message: MessageKey };
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const me = useRequestContext<AppEnv>().var.organizer;
  const roleOptions = ROLES.map((role) => [role, t(ROLE_LABELS[role].label)] as const);
  return (
    <>
      <h1>{t('organizers.title')}</h1>
      <p>
        <a href="/admin/organizers/audit">{t('organizers.auditLink')}</a>
      </p>
      {props.notice ? <SavedNotice>{t(NOTICES[props.notice])}</SavedNotice> : null}
      {props.rowErrors ? (
        <div role="alert" class="error-summary" tabindex={-1}>
          <p>{t(props.rowErrors.message)}</p>
        </div>
      ) : null}
      <dl>
        {ROLES.map((role) => (
          <>
            <dt>{t(ROLE_LABELS[role].label)}</dt>
            <dd>{t(ROLE_LABELS[role].hint)}</dd>
          </>
        ))}
      </dl>
      <div class="table-wrap" tabindex={0}>
        <table>
          <caption>{t('organizers.tableCaption', { count: props.organizers.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organizers.emailHeader')}</th>
              <th scope="col">{t('organizers.roleHeader')}</th>
              <th scope="col">{t('organizers.actionsHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {props.organizers.map((row) => (
              <tr id={`organizer-${row.id}`}>
                <th scope="row">
                  {row.name ? `${row.name} · ${row.email}` : row.email}
                  {row.id === me?.id ? ` (${t('organizers.you')})` : ''}
                </th>
                <td>
                  <form method="post" action={`/admin/organizers/${row.id}/role`} class="inline-form">
                    <label for={`role-${row.id}`}>
                      <span class="visually-hidden">{t('organizers.roleFor', { email: row.email })}</span>
                      <select id={`role-${row.id}`} name="role">
                        {roleOptions.map(([value, label]) => (
                          <option value={value} selected={value === row.role}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button type="submit" class="secondary">
                      {t('organizers.changeRole')}
                    </button>
                  </form>
                </td>
                <td class="row-actions">
                  <form method="post" action={`/admin/organizers/${row.id}/reset-passkeys`}>
                    <button type="submit" class="secondary outline">
                      {t('organizers.resetPasskeys')}
                      <span class="visually-hidden"> {row.email}</span>
                    </button>
                  </form>
                  <form method="post" action={`/admin/organizers/${row.id}/remove`}>
                    <button type="submit" class="secondary outline">
                      {t('organizers.remove')}
                      <span class="visually-hidden"> {row.email}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('organizers.inviteTitle')}</h2>
        <p>{t('organizers.inviteIntro')}</p>
        <form method="post" action="/admin/organizers/invite" novalidate>
          <ErrorSummary
            errors={props.errors}
            labels={{
              email: t('organizers.emailLabel'),
              role: t('organizers.roleHeader'),
              lang: t('organizers.langLabel'),
            }}
          />
          <TextField
            name="email"
            type="email"
            label={t('organizers.emailLabel')}
            autocomplete="off"
            required
            values={props.values}
            errors={props.errors}
          />
          <SelectField
            name="role"
            label={t('organizers.roleHeader')}
            options={roleOptions}
            required
            values={props.values}
            errors={props.errors}
          />
          <SelectField
            name="lang"
            label={t('organizers.langLabel')}
            options={[
              ['en', 'English'],
              ['es', 'Español'],
            ]}
            required
            values={props.values}
            errors={props.errors}
          />
          <button type="submit">{t('organizers.invite')}</button>
        </form>
      </section>
    </>
  );
}

interface AuditRow {
  id: string;
  at: number;
  event: string;
  path: string | null;
  detail: string | null;
  organizerEmail: string | null;
}

/** The audit log for owners: who did what and when, newest first (ids and paths, no one's data). */
export function AuditPage(props: { events: AuditRow[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('organizers.auditTitle')}</h1>
      <p>{t('organizers.auditIntro')}</p>
      <ScrollTable
        columns={[
          t('organizers.auditWhen'),
          t('organizers.auditWho'),
          t('organizers.auditWhat'),
          t('organizers.auditWhere'),
        ]}
        items={props.events}
        empty={t('organizers.auditEmpty')}
        row={(event) => (
          <tr>
            <td>{formatDate(lang, event.at, true)}</td>
            <td>{event.organizerEmail ?? '—'}</td>
            <td>
              <code>{event.event}</code>
            </td>
            <td>
              {event.path ? <code>/admin{event.path}</code> : null}
              {event.detail ? <code> {event.detail}</code> : null}
            </td>
          </tr>
        )}
      />
      <p>
        <a href="/admin/organizers">{t('organizers.back')}</a>
      </p>
    </>
  );
}
